/**
 * Writes through Bulk API 2.0 ingest jobs: open, upload one CSV, close, poll, read the results back.
 *
 * A job is retried whole: when opening, uploading or closing fails on the way (HTTP 429/5xx, a dropped connection),
 * the job is aborted (so whatever reached it is never processed) and a new one is sent, which is safe for inserts
 * too. Polling has an explicit timeout and never deletes the job: a job still running when it expires stays listed
 * in the checkpoint, and the next run waits for it before writing anything.
 */
import { parse } from 'csv-parse/sync';
import type { Schema } from 'jsforce';
import type { IngestJobV2, JobInfoV2 } from 'jsforce/lib/api/bulk2';
import { TransientCallError, type OrgApi } from '../api';
import { releaseMemory } from '../memory';
import { CALL_RETRY_POLICY, retrying, type Clock } from '../retry';
import { requestRejection } from './rest';
import { failure, type RowResult, type WriteOperation, type WriteRow } from './types';
import type { SeedValue } from '../../seed/generator/types';

export interface BulkSettings {
  /** Shortest wait between polls; each wait after a poll that found the job running doubles, up to the maximum. */
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  /** How long to wait for one job before giving up on it (it keeps running in the org). */
  pollTimeoutMs: number;
  clock: Clock;
  pacer: JobPacer;
}

/**
 * Learns how fast the org processes Bulk rows, so that the first poll of the next job comes about when that job
 * should be done: fewer status calls on a fast org, no busy polling on a slow one.
 */
export class JobPacer {
  private rowsPerMs: number | null = null;

  /** The wait before the first poll of a job of `rows` rows. */
  firstWait(rows: number, settings: Pick<BulkSettings, 'pollIntervalMs' | 'maxPollIntervalMs'>): number {
    const expected = this.rowsPerMs === null ? 0 : Math.round(rows / this.rowsPerMs);
    return Math.min(settings.maxPollIntervalMs * 4, Math.max(settings.pollIntervalMs, expected));
  }

  record(rows: number, elapsedMs: number): void {
    if (rows > 0 && elapsedMs > 0) {
      this.rowsPerMs = rows / elapsedMs;
    }
  }
}

/** Told when a job is opened and when it no longer needs watching, so that the checkpoint lists running jobs. */
export interface JobTracker {
  opened(jobId: string): void;
  settled(jobId: string): void;
}

const FINISHED: ReadonlySet<string> = new Set(['JobComplete', 'Failed', 'Aborted']);

export class BulkJobTimeoutError extends Error {
  constructor(object: string, jobId: string, timeoutMs: number) {
    super(
      `Bulk job ${jobId} (${object}) did not finish within ${Math.round(timeoutMs / 1000)} s. It keeps running in ` +
        'the org; run the same command again to wait for it and finish the load.'
    );
    this.name = 'BulkJobTimeoutError';
  }
}

/** Bulk API 2.0 CSV: `#N/A` sets a field to null; an empty cell leaves it as it is. */
function csvCell(value: SeedValue | undefined): string {
  if (value === undefined) {
    return '';
  }
  if (value === null) {
    return '#N/A';
  }
  return String(value);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The job's CSV, LF line endings, built line by line (a large job's CSV is the biggest string the loader makes). */
export function toCsv(columns: string[], rows: WriteRow[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) {
    lines.push(columns.map((column) => csvField(csvCell(row.values[column]))).join(','));
  }
  lines.push('');
  return lines.join('\n');
}

/** One row of a job's results, reduced to what the loader reads: which row it is and how it went. */
interface ResultRow {
  identity: string;
  id: string;
  created: boolean;
  error: string;
}

function parseResults(text: string, identity: string[]): ResultRow[] {
  if (text.trim() === '') {
    return [];
  }
  return parse(text, {
    columns: true,
    skip_empty_lines: true,
    on_record: (record: Record<string, string>): ResultRow => ({
      identity: identityOf(identity, record),
      id: record.sf__Id ?? '',
      created: record.sf__Created === 'true',
      error: record.sf__Error ?? ''
    })
  });
}

/** `UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--` → code and message. */
export function parseBulkError(text: string): { errorCode: string; message: string } {
  const match = /^([A-Z_]+):(.*)$/s.exec(text);
  if (match === null) {
    return { errorCode: 'UNKNOWN_ERROR', message: text };
  }
  const message = (match[2] ?? '').replace(/:--$/, '').trim();
  return { errorCode: match[1] ?? 'UNKNOWN_ERROR', message };
}

export interface BulkJobRequest {
  object: string;
  operation: WriteOperation;
  columns: string[];
  rows: WriteRow[];
  /** Columns whose values, joined, identify a row in the job's results (the key field, `Id`, a natural key). */
  identity: string[];
}

function identityOf(columns: string[], values: Record<string, unknown>): string {
  return columns.map((column) => String(values[column] ?? '')).join('|');
}

export class BulkWriter {
  private readonly api: OrgApi;
  private readonly label: string;
  private readonly settings: BulkSettings;
  private readonly tracker: JobTracker;

  constructor(api: OrgApi, label: string, settings: BulkSettings, tracker: JobTracker) {
    this.api = api;
    this.label = label;
    this.settings = settings;
    this.tracker = tracker;
  }

  /** Writes every row in one job (sent again whole when it fails on the way); one result per row. */
  async write(request: BulkJobRequest): Promise<RowResult[]> {
    const csv = toCsv(request.columns, request.rows);
    try {
      return await retrying(() => this.runJob(request, csv), {
        policy: CALL_RETRY_POLICY,
        clock: this.settings.clock,
        transientReason: (error) => (error instanceof TransientCallError ? error.reason : null),
        onRetry: () => this.api.meter.countRetry(this.label)
      });
    } catch (error) {
      const rejection = requestRejection(error);
      if (rejection === null) {
        throw error;
      }
      return request.rows.map((row) => failure(row.key, rejection.errorCode, rejection.message));
    }
  }

  /** Waits for jobs a previous run left running, and aborts those it left open. */
  async settle(jobIds: string[]): Promise<void> {
    for (const id of jobIds) {
      const job = this.api.connection.bulk2.job('ingest', { id });
      let info: JobInfoV2;
      try {
        info = await this.call(() => job.check());
      } catch (error) {
        if (requestRejection(error) !== null) {
          this.tracker.settled(id);
          continue;
        }
        throw error;
      }
      if (info.state === 'Open') {
        await this.abort(job);
      } else if (!FINISHED.has(info.state)) {
        await this.waitFor(job, this.label, info.numberRecordsProcessed);
      }
      this.tracker.settled(id);
    }
  }

  private call<T>(request: () => Promise<T>, safety: 'retry' | 'once' = 'retry'): Promise<T> {
    return this.api.call(this.label, request, safety);
  }

  private async runJob(request: BulkJobRequest, csv: string): Promise<RowResult[]> {
    const operation = request.operation;
    const job = this.api.connection.bulk2.createJob({
      object: request.object,
      operation: operation.kind,
      lineEnding: 'LF',
      ...(operation.kind === 'upsert' ? { externalIdFieldName: operation.keyField } : {})
    });
    await this.call(() => job.open(), 'once');
    this.tracker.opened(job.id);
    try {
      await this.call(() => this.upload(job.id, csv), 'once');
      await this.close(job);
    } catch (error) {
      await this.abort(job);
      this.tracker.settled(job.id);
      throw error;
    }
    releaseMemory();
    const closed = this.settings.clock.now();
    const info = await this.waitFor(job, request.object, request.rows.length);
    this.settings.pacer.record(request.rows.length, this.settings.clock.now() - closed);
    const results = await this.results(job, info, request);
    this.tracker.settled(job.id);
    releaseMemory();
    return results;
  }

  /** One PUT of the whole CSV (a string body, so nothing is streamed twice). */
  private async upload(jobId: string, csv: string): Promise<void> {
    const connection = this.api.connection;
    await connection.request({
      method: 'PUT',
      url: `/services/data/v${connection.version}/jobs/ingest/${jobId}/batches`,
      body: csv,
      headers: { 'Content-Type': 'text/csv' }
    });
  }

  /** Closes the job; when the answer is lost, asks the job whether the close went through before sending it again. */
  private async close(job: IngestJobV2<Schema>): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.call(() => job.close(), 'once');
        return;
      } catch (error) {
        if (!(error instanceof TransientCallError) || attempt >= CALL_RETRY_POLICY.attempts) {
          throw error;
        }
        const info = await this.call(() => job.check());
        if (info.state !== 'Open') {
          return;
        }
      }
    }
  }

  private async abort(job: IngestJobV2<Schema>): Promise<void> {
    try {
      await this.call(() => job.abort());
    } catch {
      // An open job that cannot be aborted is never processed: Salesforce removes it after a while.
    }
  }

  private async waitFor(job: IngestJobV2<Schema>, object: string, rows: number): Promise<JobInfoV2> {
    const { clock, pollTimeoutMs, maxPollIntervalMs } = this.settings;
    const deadline = clock.now() + pollTimeoutMs;
    let delay = this.settings.pacer.firstWait(rows, this.settings);
    for (;;) {
      await clock.sleep(delay);
      const info = await this.call(() => job.check());
      if (FINISHED.has(info.state)) {
        return info;
      }
      if (clock.now() >= deadline) {
        throw new BulkJobTimeoutError(object, job.id, pollTimeoutMs);
      }
      delay = Math.min(Math.max(delay, this.settings.pollIntervalMs) * 2, maxPollIntervalMs);
    }
  }

  private async results(
    job: IngestJobV2<Schema>,
    info: JobInfoV2,
    request: BulkJobRequest
  ): Promise<RowResult[]> {
    const byIdentity = new Map<string, WriteRow>();
    for (const row of request.rows) {
      byIdentity.set(identityOf(request.identity, row.values), row);
    }
    const results: RowResult[] = [];
    const answered = new Set<string>();
    const successes = parseResults(await this.call(() => job.getSuccessfulResults(true)), request.identity);
    for (const result of successes) {
      const row = byIdentity.get(result.identity);
      if (row !== undefined && result.id) {
        answered.add(row.key);
        results.push({ key: row.key, ok: true, id: result.id, created: result.created });
      }
    }
    if (info.numberRecordsFailed > 0) {
      const failures = parseResults(await this.call(() => job.getFailedResults(true)), request.identity);
      for (const result of failures) {
        const row = byIdentity.get(result.identity);
        if (row !== undefined) {
          const error = parseBulkError(result.error);
          answered.add(row.key);
          results.push(failure(row.key, error.errorCode, error.message, result.id || null));
        }
      }
    }
    const reason = info.errorMessage ? `: ${info.errorMessage}` : '';
    for (const row of request.rows) {
      if (!answered.has(row.key)) {
        results.push(failure(row.key, 'NOT_PROCESSED', `Bulk job ${job.id} ended ${info.state}${reason}`));
      }
    }
    return results;
  }
}
