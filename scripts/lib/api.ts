/**
 * Every API call a script makes goes through `OrgApi`: it is counted under a label (the object it was made for, or
 * `setup`) and retried when that is safe.
 *
 * jsforce retries GET, PUT and DELETE on its own, and never POST or PATCH. Its retry re-sends a request body from a
 * stream that the first attempt already read, so a retried Bulk upload would go out empty. The metered transport
 * therefore switches jsforce's retries off and this module applies one policy to every call: HTTP 429, 5xx and
 * dropped connections are retried with backoff and jitter when the caller says the call is idempotent (a query, an
 * upsert on an external id, an update by Id); other calls fail at once with `TransientCallError`, so that the caller
 * can check what happened before anything is sent again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Connection, HttpRequest, HttpResponse } from 'jsforce';
import { Transport } from 'jsforce/lib/transport';
import { StreamPromise } from 'jsforce/lib/util/promise';
import type { HttpRequestOptions } from 'jsforce/lib/types';
import { CALL_RETRY_POLICY, retrying, systemClock, type Clock, type RetryPolicy } from './retry';

/** What the transport learns about one attempt of a call. */
interface Attempt {
  label: string;
  requests: number;
  status: number | undefined;
}

const currentAttempt = new AsyncLocalStorage<Attempt>();

/** Requests made outside `OrgApi.call` (there should be none) are counted under this label. */
export const UNLABELLED = 'other';

/** HTTP requests and retries per label. */
export class CallMeter {
  private readonly requests = new Map<string, number>();
  private readonly retries = new Map<string, number>();

  countRequest(label: string): void {
    this.requests.set(label, (this.requests.get(label) ?? 0) + 1);
  }

  countRetry(label: string): void {
    this.retries.set(label, (this.retries.get(label) ?? 0) + 1);
  }

  requestsFor(label: string): number {
    return this.requests.get(label) ?? 0;
  }

  retriesFor(label: string): number {
    return this.retries.get(label) ?? 0;
  }

  get totalRequests(): number {
    return [...this.requests.values()].reduce((sum, count) => sum + count, 0);
  }

  get totalRetries(): number {
    return [...this.retries.values()].reduce((sum, count) => sum + count, 0);
  }
}

/** Counts every HTTP request the connection makes and records each response's status for the attempt. */
class MeteredTransport extends Transport {
  private readonly inner: Transport;
  private readonly meter: CallMeter;

  constructor(inner: Transport, meter: CallMeter) {
    super();
    this.inner = inner;
    this.meter = meter;
  }

  override httpRequest(request: HttpRequest, options: HttpRequestOptions = {}): StreamPromise<HttpResponse> {
    const attempt = currentAttempt.getStore();
    this.meter.countRequest(attempt?.label ?? UNLABELLED);
    if (attempt) {
      attempt.requests += 1;
    }
    const sent = this.inner.httpRequest(request, { ...options, retry: { ...options.retry, methods: [] } });
    return StreamPromise.create(() => ({
      stream: sent.stream(),
      promise: sent.then((response) => {
        if (attempt) {
          attempt.status = response.statusCode;
        }
        return response;
      })
    }));
  }
}

/** What undici's fetch throws when the connection fails: `TypeError: fetch failed` or `terminated`, with a cause. */
function connectionFailure(error: unknown): string | null {
  if (!(error instanceof TypeError) || !['fetch failed', 'terminated'].includes(error.message)) {
    return null;
  }
  const cause: unknown = error.cause;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return cause instanceof Error ? cause.message : error.message;
}

/** Why a failed attempt is worth retrying, or null when it is not. */
export function transientReason(status: number | undefined, requests: number, error: unknown): string | null {
  if (status !== undefined) {
    return status === 429 || status >= 500 ? `HTTP ${status}` : null;
  }
  const failure = requests === 0 ? null : connectionFailure(error);
  return failure === null ? null : `a dropped connection (${failure})`;
}

/** A call failed for a transient reason: the request may or may not have been applied. */
export class TransientCallError extends Error {
  readonly reason: string;

  constructor(reason: string, cause: unknown) {
    super(`${reason}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'TransientCallError';
    this.reason = reason;
  }
}

/** `retry`: the call is idempotent and is retried; `once`: a transient failure is thrown to the caller. */
export type CallSafety = 'retry' | 'once';

export interface OrgApiOptions {
  policy?: RetryPolicy;
  clock?: Clock;
  onRetry?(label: string, reason: string, delayMs: number): void;
}

export class OrgApi {
  readonly connection: Connection;
  readonly meter = new CallMeter();
  private readonly policy: RetryPolicy;
  private readonly clock: Clock;
  private readonly onRetry: OrgApiOptions['onRetry'];

  constructor(connection: Connection, options: OrgApiOptions = {}) {
    this.connection = connection;
    this.policy = options.policy ?? CALL_RETRY_POLICY;
    this.clock = options.clock ?? systemClock;
    this.onRetry = options.onRetry;
    connection._transport = new MeteredTransport(connection._transport, this.meter);
  }

  /** Runs `request` (one API call, or a few for one purpose) counted under `label`. */
  call<T>(label: string, request: () => Promise<T>, safety: CallSafety = 'retry'): Promise<T> {
    const attempt = async (): Promise<T> => {
      const state: Attempt = { label, requests: 0, status: undefined };
      try {
        return await currentAttempt.run(state, request);
      } catch (error) {
        const reason = transientReason(state.status, state.requests, error);
        throw reason === null ? error : new TransientCallError(reason, error);
      }
    };
    if (safety === 'once') {
      return attempt();
    }
    return retrying(attempt, {
      policy: this.policy,
      clock: this.clock,
      transientReason: (error) => (error instanceof TransientCallError ? error.reason : null),
      onRetry: (reason, _retry, delayMs) => {
        this.meter.countRetry(label);
        this.onRetry?.(label, reason, delayMs);
      }
    });
  }
}
