/**
 * Writes through REST sObject Collections: up to 200 rows per call, `allOrNone: false` so that one bad row does not
 * fail its neighbours. Changes to rows the org holds are idempotent and retried as they are. A row meant to be
 * created is never sent twice blindly: when a call's answer is lost, `findInserted` tells which new rows the org
 * now holds (they count as created), and only the others are sent again. For inserts that prevents duplicates; for
 * upserts it keeps a created row from being re-sent as an update of its create-only fields (a master-detail field
 * that does not allow reparenting), which the org would refuse.
 */
import { TransientCallError, type OrgApi } from '../api';
import { CALL_RETRY_POLICY, RetriesExhaustedError, retrying, type Clock } from '../retry';
import { failure, type FindInserted, type RowResult, type WriteOperation, type WriteRow } from './types';

export const COLLECTION_LIMIT = 200;

interface CollectionError {
  statusCode?: string;
  errorCode?: string;
  message: string;
}

interface CollectionResult {
  id?: string | null;
  success: boolean;
  created?: boolean;
  errors: CollectionError[];
}

function collectionRequest(object: string, operation: WriteOperation, rows: WriteRow[]) {
  const records = rows.map((row) => ({ attributes: { type: object }, ...row.values }));
  const path =
    operation.kind === 'upsert'
      ? `/composite/sobjects/${object}/${operation.keyField}`
      : '/composite/sobjects';
  return {
    method: operation.kind === 'insert' ? ('POST' as const) : ('PATCH' as const),
    url: path,
    body: JSON.stringify({ allOrNone: false, records }),
    headers: { 'Content-Type': 'application/json' }
  };
}

function rowResult(
  row: WriteRow,
  result: CollectionResult | undefined,
  operation: WriteOperation
): RowResult {
  if (result === undefined) {
    return failure(row.key, 'NO_RESULT', 'The org returned no result for this row');
  }
  if (result.success && typeof result.id === 'string') {
    return { key: row.key, ok: true, id: result.id, created: result.created ?? operation.kind === 'insert' };
  }
  const error = result.errors[0];
  return failure(
    row.key,
    error?.statusCode ?? error?.errorCode ?? 'UNKNOWN_ERROR',
    error?.message ?? 'The row failed without a message'
  );
}

/**
 * The org refused the whole call (an HTTP 4xx with Salesforce's error body): every row of it failed with that
 * error. Anything else (a transient failure, retries exhausted, a bug) is not a row's failure and is rethrown.
 */
export function requestRejection(error: unknown): { errorCode: string; message: string } | null {
  if (
    error instanceof TransientCallError ||
    error instanceof RetriesExhaustedError ||
    !(error instanceof Error)
  ) {
    return null;
  }
  const errorCode = 'errorCode' in error && typeof error.errorCode === 'string' ? error.errorCode : undefined;
  return errorCode === undefined ? null : { errorCode, message: error.message };
}

export interface CollectionOptions {
  clock: Clock;
  /** Needed when rows are new (`isNew`). */
  findInserted?: FindInserted;
}

/** One call of at most 200 rows (several when new rows had to be checked and sent again). */
export async function writeCollection(
  api: OrgApi,
  label: string,
  object: string,
  operation: WriteOperation,
  rows: WriteRow[],
  options: CollectionOptions
): Promise<RowResult[]> {
  const send = async (batch: WriteRow[], safety: 'retry' | 'once'): Promise<RowResult[]> => {
    let results: CollectionResult[];
    try {
      results = await api.call(
        label,
        () => api.connection.request<CollectionResult[]>(collectionRequest(object, operation, batch)),
        safety
      );
    } catch (error) {
      const rejection = requestRejection(error);
      if (rejection === null) {
        throw error;
      }
      return batch.map((row) => failure(row.key, rejection.errorCode, rejection.message));
    }
    return batch.map((row, index) => rowResult(row, results[index], operation));
  };
  if (!rows.some((row) => row.isNew)) {
    return send(rows, 'retry');
  }
  const findInserted = options.findInserted;
  if (findInserted === undefined) {
    throw new Error(`Creating ${object} rows needs a way to find the rows already created`);
  }
  const results: RowResult[] = [];
  let pending = rows;
  const sent = await retrying(
    async () => {
      try {
        return await send(pending, 'once');
      } catch (error) {
        if (error instanceof TransientCallError) {
          const found = await findInserted(pending.filter((row) => row.isNew));
          for (const [key, id] of found) {
            results.push({ key, ok: true, id, created: true });
          }
          pending = pending.filter((row) => !found.has(row.key));
          if (pending.length === 0) {
            return [];
          }
        }
        throw error;
      }
    },
    {
      policy: CALL_RETRY_POLICY,
      clock: options.clock,
      transientReason: (error) => (error instanceof TransientCallError ? error.reason : null),
      onRetry: () => api.meter.countRetry(label)
    }
  );
  return [...results, ...sent];
}

/** Every row in calls of `batchSize` (at most 200), one after another; `onBatch` sees each call's results. */
export async function writeRest(
  api: OrgApi,
  label: string,
  object: string,
  operation: WriteOperation,
  rows: WriteRow[],
  options: CollectionOptions & { batchSize: number; onBatch(results: RowResult[]): void }
): Promise<RowResult[]> {
  const size = Math.min(COLLECTION_LIMIT, Math.max(1, options.batchSize));
  const results: RowResult[] = [];
  for (let start = 0; start < rows.length; start += size) {
    const batch = await writeCollection(
      api,
      label,
      object,
      operation,
      rows.slice(start, start + size),
      options
    );
    options.onBatch(batch);
    results.push(...batch);
  }
  return results;
}
