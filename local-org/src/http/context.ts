/** What every route module of the HTTP layer shares: the org's data, its credentials, counters and faults. */
import type { FastifyRequest } from 'fastify';
import type { OrgStore } from '../contracts';
import type { FaultInjector } from '../faults';
import type { OrgCredentials } from './auth';
import type { CallCounter } from './stats';
import { parseVersionSegment } from './versions';

export interface OrgContext {
  readonly store: OrgStore;
  readonly credentials: OrgCredentials;
  readonly faults: FaultInjector;
  readonly calls: CallCounter;
  /** Run by `close()`: stop background work (Bulk processing, cursor sweeps) before the store closes. */
  readonly disposers: Array<() => Promise<void> | void>;
}

/** The request's API version (`v66.0` → `66.0`), validated; unknown versions are 404 NOT_FOUND. */
export function apiVersionOf(request: FastifyRequest): string {
  const segment = (request.params as Record<string, unknown>).version;
  return `${parseVersionSegment(typeof segment === 'string' ? segment : '')}.0`;
}

/** `/services/data/v66.0` for the request's version. */
export function dataBasePath(request: FastifyRequest): string {
  return `/services/data/v${apiVersionOf(request)}`;
}
