/**
 * SOQL over REST: `query?q=`, `queryAll?q=` and `query/<locator>`. The store answers every row at once; this module
 * pages them as Salesforce does: 2,000 per page by default (`Sforce-Query-Options: batchSize=N`, 200–2,000), a
 * `nextRecordsUrl` of the form `/services/data/v66.0/query/01g…-2000`, and locators that expire after 15 minutes or
 * once read to the end.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { QueryResult, SObjectRecord } from '../contracts';
import { dataBasePath, type OrgContext } from './context';
import { apiError, badRequest } from './errors';
import { IdSequence } from './ids';
import { param, queryParam, resource } from './resource';

export const DEFAULT_BATCH_SIZE = 2000;
const MIN_BATCH_SIZE = 200;
const LOCATOR_LIFETIME_MS = 15 * 60 * 1000;

interface Cursor {
  records: SObjectRecord[];
  totalSize: number;
  batchSize: number;
  expiresAt: number;
}

export interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: SObjectRecord[];
}

/** Open query cursors, by locator id. */
export class QueryCursors {
  private readonly cursors = new Map<string, Cursor>();
  private readonly ids = new IdSequence('01g');
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** The first page of a result; the rest stays behind a locator. */
  firstPage(result: QueryResult, batchSize: number, basePath: string): QueryPage {
    const { records, totalSize } = result;
    if (records.length <= batchSize) {
      return { totalSize, done: true, records };
    }
    const cursorId = this.ids.nextId();
    this.cursors.set(cursorId, {
      records,
      totalSize,
      batchSize,
      expiresAt: this.now() + LOCATOR_LIFETIME_MS
    });
    return {
      totalSize,
      done: false,
      nextRecordsUrl: `${basePath}/query/${cursorId}-${batchSize}`,
      records: records.slice(0, batchSize)
    };
  }

  /** The page at `<cursorId>-<offset>`; unknown, expired or finished locators are INVALID_QUERY_LOCATOR. */
  nextPage(locator: string, basePath: string): QueryPage {
    this.sweep();
    const match = /^([a-zA-Z0-9]{18})-(\d+)$/.exec(locator);
    const cursor = match ? this.cursors.get(match[1] as string) : undefined;
    const offset = match ? Number(match[2]) : NaN;
    if (!match || !cursor || !(offset >= 0 && offset < cursor.records.length)) {
      throw badRequest('INVALID_QUERY_LOCATOR', 'invalid query locator');
    }
    const cursorId = match[1] as string;
    const end = offset + cursor.batchSize;
    const records = cursor.records.slice(offset, end);
    if (end >= cursor.records.length) {
      this.cursors.delete(cursorId);
      return { totalSize: cursor.totalSize, done: true, records };
    }
    cursor.expiresAt = this.now() + LOCATOR_LIFETIME_MS;
    return {
      totalSize: cursor.totalSize,
      done: false,
      nextRecordsUrl: `${basePath}/query/${cursorId}-${end}`,
      records
    };
  }

  /** Drops expired cursors. */
  sweep(): void {
    const now = this.now();
    for (const [id, cursor] of this.cursors) {
      if (cursor.expiresAt <= now) {
        this.cursors.delete(id);
      }
    }
  }

  get size(): number {
    return this.cursors.size;
  }

  clear(): void {
    this.cursors.clear();
  }
}

/** `Sforce-Query-Options: batchSize=N`, held to Salesforce's 200–2,000. */
export function batchSizeOf(request: FastifyRequest): number {
  const header = request.headers['sforce-query-options'];
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const match = /batchSize\s*=\s*(\d+)/i.exec(text);
  if (!match) {
    return DEFAULT_BATCH_SIZE;
  }
  return Math.min(DEFAULT_BATCH_SIZE, Math.max(MIN_BATCH_SIZE, Number(match[1])));
}

export function registerQuery(app: FastifyInstance, context: OrgContext): void {
  const cursors = new QueryCursors();
  const sweeper = setInterval(() => cursors.sweep(), 60_000);
  sweeper.unref();
  context.disposers.push(() => {
    clearInterval(sweeper);
    cursors.clear();
  });

  const runQuery = async (request: FastifyRequest): Promise<QueryPage> => {
    if (queryParam(request, 'explain') !== undefined) {
      throw apiError(400, 'FEATURE_NOT_ENABLED', 'Query plans (explain) are not available in the local org');
    }
    const soql = queryParam(request, 'q');
    if (soql === undefined || soql.trim() === '') {
      throw badRequest('MALFORMED_QUERY', 'A query string is required: query?q=SELECT …');
    }
    const result = await context.store.query(soql);
    return cursors.firstPage(result, batchSizeOf(request), dataBasePath(request));
  };

  resource(app, '/services/data/:version/query', { GET: runQuery });
  resource(app, '/services/data/:version/queryAll', { GET: runQuery });
  const nextPage = async (request: FastifyRequest): Promise<QueryPage> =>
    cursors.nextPage(param(request, 'locator'), dataBasePath(request));
  resource(app, '/services/data/:version/query/:locator', { GET: nextPage });
  resource(app, '/services/data/:version/queryAll/:locator', { GET: nextPage });
}
