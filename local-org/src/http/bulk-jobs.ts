/** What Bulk API 2.0 ingest and query jobs share: states, timestamps and the job-info fields common to both. */
import type { CsvFormat } from './csv';

export type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

export const FINISHED_STATES: ReadonlySet<JobState> = new Set(['JobComplete', 'Failed', 'Aborted']);

export interface JobBase extends CsvFormat {
  id: string;
  object: string;
  createdById: string;
  createdDate: Date;
  systemModstamp: Date;
  state: JobState;
  apiVersion: string;
  errorMessage?: string;
  processingStartedAt?: number;
  processingMs: number;
}

/** Salesforce's date-time format: `2026-11-23T15:04:05.000+0000`. */
export function salesforceDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

export function jobInfoBase(job: JobBase, operation: string): Record<string, unknown> {
  return {
    id: job.id,
    operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: salesforceDateTime(job.createdDate),
    systemModstamp: salesforceDateTime(job.systemModstamp),
    state: job.state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(job.apiVersion),
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter
  };
}

export function setState(job: JobBase, state: JobState): void {
  job.state = state;
  job.systemModstamp = new Date();
}

/** Gives the event loop a turn, so the server answers other calls between chunks of a big job. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
