/**
 * `lightning/uiObjectInfoApi` in the workbench: `getObjectInfo` and `getPicklistValues` as wire adapters over the
 * workbench's UI API endpoints, which build the UI API's shapes from the org's describe. Object info is cached per
 * object for the life of the page, as Lightning Data Service caches it.
 */
import type { WireAdapter, WireConfigValue, WireDataCallback } from 'lwc';
import { objectOfField, qualifiedField, type FieldReference } from './records';
import { deepFreeze, request } from './transport';

interface WireValue {
  data: unknown;
  error: unknown;
}

type ObjectReference = { objectApiName: string } | string;

const OBJECT_INFO = '/workbench/ui-api/object-info';
const cache = new Map<string, Promise<unknown>>();

function cached(url: string): Promise<unknown> {
  let answer = cache.get(url);
  if (answer === undefined) {
    answer = request('GET', url).then(deepFreeze);
    answer.catch(() => cache.delete(url));
    cache.set(url, answer);
  }
  return answer;
}

/** A wire adapter that loads one URL per configuration, once the configuration names everything it needs. */
abstract class UiApiAdapter<Config extends WireConfigValue> implements WireAdapter<Config> {
  private readonly callback: WireDataCallback<WireValue>;
  private connected = false;
  private url: string | null = null;
  private generation = 0;

  constructor(callback: WireDataCallback<WireValue>) {
    this.callback = callback;
  }

  protected abstract urlOf(config: Config): string | null;

  connect(): void {
    this.connected = true;
    void this.load();
  }

  update(config: Config): void {
    this.url = this.urlOf(config);
    void this.load();
  }

  disconnect(): void {
    this.connected = false;
    this.generation++;
  }

  private async load(): Promise<void> {
    if (!this.connected || this.url === null) {
      return;
    }
    const generation = ++this.generation;
    let value: WireValue;
    try {
      value = { data: await cached(this.url), error: undefined };
    } catch (error) {
      value = { data: undefined, error };
    }
    if (generation === this.generation) {
      this.callback(value);
    }
  }
}

function objectName(reference: ObjectReference | undefined): string | null {
  if (reference === undefined || reference === null) {
    return null;
  }
  return typeof reference === 'string' ? reference : reference.objectApiName;
}

type ObjectInfoConfig = { objectApiName?: ObjectReference };
type PicklistValuesConfig = { recordTypeId?: string; fieldApiName?: FieldReference };

/** `@wire(getObjectInfo, { objectApiName })`. */
export class getObjectInfo extends UiApiAdapter<ObjectInfoConfig> {
  protected urlOf(config: ObjectInfoConfig): string | null {
    const name = objectName(config.objectApiName);
    return name === null ? null : `${OBJECT_INFO}/${encodeURIComponent(name)}`;
  }
}

/** `@wire(getPicklistValues, { recordTypeId, fieldApiName })`. */
export class getPicklistValues extends UiApiAdapter<PicklistValuesConfig> {
  protected urlOf(config: PicklistValuesConfig): string | null {
    if (!config.recordTypeId || config.fieldApiName === undefined) {
      return null;
    }
    const object = objectOfField(config.fieldApiName);
    const field = qualifiedField(config.fieldApiName).slice(object.length + 1);
    return (
      `${OBJECT_INFO}/${encodeURIComponent(object)}/picklist-values/` +
      `${encodeURIComponent(config.recordTypeId)}/${encodeURIComponent(field)}`
    );
  }
}
