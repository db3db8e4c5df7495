/**
 * `@salesforce/apex` and every `@salesforce/apex/<Class>.<method>`: a call posts the parameters to the workbench
 * server, which runs the method's twin. A cacheable method is also a wire adapter: wires with the same method and
 * parameters share one cached result (read-only, as on the platform), a parameter change re-runs it, and
 * `refreshApex(value)` re-runs the call that provisioned `value` and re-provisions every wire sharing it.
 */
import type { WireAdapter, WireAdapterConstructor, WireDataCallback } from 'lwc';
import { deepFreeze, request } from './transport';

type Params = Record<string, unknown>;

export interface WireValue {
  data: unknown;
  error: unknown;
}

export type ApexMethod = ((params?: Params) => Promise<unknown>) & { adapter?: WireAdapterConstructor };

function invoke(name: string, params: Params | undefined): Promise<unknown> {
  return request('POST', `/workbench/apex/${encodeURIComponent(name)}`, params ?? {});
}

/** Parameters as Aura sends them: undefined ones are left out (the method receives null). */
function definedParams(config: Params | undefined): Params {
  return Object.fromEntries(Object.entries(config ?? {}).filter(([, value]) => value !== undefined));
}

/** The cached result of one method with one set of parameters, and the wires it provisions. */
class CachedCall {
  private readonly name: string;
  private readonly params: Params;
  private readonly subscribers = new Set<WireDataCallback<WireValue>>();
  private latest: WireValue | undefined;
  private loading: Promise<void> | undefined;

  constructor(name: string, params: Params) {
    this.name = name;
    this.params = params;
  }

  subscribe(callback: WireDataCallback<WireValue>): void {
    this.subscribers.add(callback);
    if (this.latest !== undefined) {
      callback(this.latest);
    } else {
      void this.load();
    }
  }

  unsubscribe(callback: WireDataCallback<WireValue>): void {
    this.subscribers.delete(callback);
  }

  /** Runs the call (once at a time) and provisions the result to every subscriber. */
  load(): Promise<void> {
    this.loading ??= invoke(this.name, this.params)
      .then(
        (data): WireValue => ({ data: deepFreeze(data), error: undefined }),
        (error: unknown): WireValue => ({ data: undefined, error })
      )
      .then((value) => {
        this.loading = undefined;
        this.latest = value;
        provisioned.set(value, this);
        for (const callback of this.subscribers) {
          callback(value);
        }
      });
    return this.loading;
  }
}

const calls = new Map<string, CachedCall>();
/** Each value provisioned to a wire, and the call that provisioned it (what `refreshApex` re-runs). */
const provisioned = new WeakMap<WireValue, CachedCall>();

function cachedCall(name: string, params: Params): CachedCall {
  const key = `${name}:${JSON.stringify(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
  let call = calls.get(key);
  if (call === undefined) {
    call = new CachedCall(name, params);
    calls.set(key, call);
  }
  return call;
}

function wireAdapterOf(name: string): WireAdapterConstructor {
  return class ApexWireAdapter implements WireAdapter {
    private readonly callback: WireDataCallback<WireValue>;
    private connected = false;
    private params: Params | undefined;
    private current: CachedCall | undefined;

    constructor(callback: WireDataCallback<WireValue>) {
      this.callback = callback;
    }

    connect(): void {
      this.connected = true;
      this.subscribe();
    }

    update(config: Params): void {
      this.params = definedParams(config);
      this.subscribe();
    }

    disconnect(): void {
      this.connected = false;
      this.current?.unsubscribe(this.callback);
      this.current = undefined;
    }

    private subscribe(): void {
      if (!this.connected || this.params === undefined) {
        return;
      }
      const next = cachedCall(name, this.params);
      if (next !== this.current) {
        this.current?.unsubscribe(this.callback);
        this.current = next;
        next.subscribe(this.callback);
      }
    }
  };
}

/** The module `@salesforce/apex/<name>` exports by default. */
export function apexMethod(name: string, cacheable: boolean): ApexMethod {
  const method: ApexMethod = (params) =>
    invoke(name, definedParams(params)).then((data) => (cacheable ? deepFreeze(data) : data));
  if (cacheable) {
    method.adapter = wireAdapterOf(name);
  }
  return method;
}

/** Re-runs the wired call that provisioned `wiredValue`; resolves once every wire sharing it has the new result. */
export function refreshApex(wiredValue: unknown): Promise<void> {
  const call =
    typeof wiredValue === 'object' && wiredValue !== null
      ? provisioned.get(wiredValue as WireValue)
      : undefined;
  return call === undefined ? Promise.resolve() : call.load();
}

/** A field's value from an SObject an Apex method returned: `Field` or `Parent.Field`. */
export function getSObjectValue(sObject: unknown, field: string | { fieldApiName: string }): unknown {
  const path = (typeof field === 'string' ? field : field.fieldApiName).split('.');
  let value: unknown = sObject;
  for (const part of path) {
    value =
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}
