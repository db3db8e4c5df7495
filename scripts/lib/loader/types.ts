/** What the writers (REST collections, Bulk API 2.0) take and give back, row by row. */
import type { SeedValue } from '../../seed/generator/types';

/** One row to write: API field names to values, references already resolved to Ids. */
export interface WriteRow {
  /** The dataset's key of the record, which results are reported under. */
  key: string;
  values: Record<string, SeedValue>;
  /** The org did not hold the row when it was compared: a lost answer is checked before it is sent again. */
  isNew?: boolean;
}

/** Upsert matches on an external id; insert adds rows that have none; update changes rows by `Id`. */
export type WriteOperation = { kind: 'upsert'; keyField: string } | { kind: 'insert' } | { kind: 'update' };

export type RowResult =
  | { key: string; ok: true; id: string; created: boolean }
  | { key: string; ok: false; id: string | null; errorCode: string; message: string };

export const UNABLE_TO_LOCK_ROW = 'UNABLE_TO_LOCK_ROW';

/**
 * For new rows whose write lost its answer (it may have been applied): the rows among `rows` that the org holds
 * now, by key → Id.
 */
export type FindInserted = (rows: WriteRow[]) => Promise<Map<string, string>>;

export function failure(
  key: string,
  errorCode: string,
  message: string,
  id: string | null = null
): RowResult {
  return { key, ok: false, id, errorCode, message };
}
