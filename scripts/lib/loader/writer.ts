/**
 * Writes a set of rows the cheapest way: REST collections up to `bulkThreshold` rows, one Bulk API 2.0 job above.
 * Rows that fail with UNABLE_TO_LOCK_ROW (another transaction held their parent) are sent again in a few more
 * rounds, after a pause and in smaller batches; every other row error is final.
 */
import type { OrgApi } from '../api';
import { backoffDelay, type RetryPolicy } from '../retry';
import { BulkWriter, type BulkSettings, type JobTracker } from './bulk';
import { writeRest } from './rest';
import {
  UNABLE_TO_LOCK_ROW,
  type FindInserted,
  type RowResult,
  type WriteOperation,
  type WriteRow
} from './types';

export type WriteMethod = 'REST' | 'Bulk';

export interface WriterSettings {
  bulkThreshold: number;
  batchSize: number;
  /** Rounds after the first for rows that met UNABLE_TO_LOCK_ROW. */
  lockRounds: number;
  lockPolicy: RetryPolicy;
  bulk: BulkSettings;
}

export const DEFAULT_WRITER_SETTINGS: Omit<WriterSettings, 'bulk'> = {
  bulkThreshold: 2_000,
  batchSize: 200,
  lockRounds: 4,
  lockPolicy: { attempts: 5, baseDelayMs: 500, maxDelayMs: 5_000 }
};

export interface WriteTarget {
  api: OrgApi;
  /** The label the calls are counted under. */
  label: string;
  /** The object's API name in the org. */
  object: string;
  tracker: JobTracker;
  /** Needed for inserts: which of these rows the org already holds. */
  findInserted?: FindInserted;
  /** Columns that identify a row in Bulk results: the key field, `Id`, or the natural key. */
  identity: string[];
  /** Final results, as they come (rows waiting for another lock round are not in them yet). */
  onResults(results: RowResult[]): void;
}

export function chooseMethod(rows: number, bulkThreshold: number): WriteMethod {
  return rows > bulkThreshold ? 'Bulk' : 'REST';
}

function columnsOf(rows: WriteRow[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) {
    for (const column of Object.keys(row.values)) {
      columns.add(column);
    }
  }
  return [...columns];
}

function isLocked(result: RowResult): boolean {
  return !result.ok && result.errorCode === UNABLE_TO_LOCK_ROW;
}

/** Writes `rows` and returns the method of the first round (none for no rows). */
export async function writeRows(
  target: WriteTarget,
  settings: WriterSettings,
  operation: WriteOperation,
  rows: WriteRow[]
): Promise<WriteMethod | null> {
  if (rows.length === 0) {
    return null;
  }
  const firstMethod = chooseMethod(rows.length, settings.bulkThreshold);
  let pending = rows;
  for (let round = 0; pending.length > 0; round += 1) {
    const lastRound = round >= settings.lockRounds;
    const retry = new Set<string>();
    const deliver = (results: RowResult[]): void => {
      const final = lastRound ? results : results.filter((result) => !isLocked(result));
      for (const result of results) {
        if (!lastRound && isLocked(result)) {
          retry.add(result.key);
        }
      }
      target.onResults(final);
    };
    if (chooseMethod(pending.length, settings.bulkThreshold) === 'Bulk') {
      const writer = new BulkWriter(target.api, target.label, settings.bulk, target.tracker);
      deliver(
        await writer.write({
          object: target.object,
          operation,
          columns: columnsOf(pending),
          rows: pending,
          identity: target.identity
        })
      );
    } else {
      await writeRest(target.api, target.label, target.object, operation, pending, {
        clock: settings.bulk.clock,
        findInserted: target.findInserted,
        batchSize: Math.max(25, settings.batchSize >> round),
        onBatch: deliver
      });
    }
    pending = pending.filter((row) => retry.has(row.key));
    if (pending.length > 0) {
      await settings.bulk.clock.sleep(
        backoffDelay(round + 1, settings.lockPolicy, settings.bulk.clock.random)
      );
    }
  }
  return firstMethod;
}
