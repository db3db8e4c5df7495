/**
 * The embedded PostgreSQL (PGlite) the store keeps its data in, configured so that values come out as Salesforce's
 * JSON has them: numbers as numbers, dates as `YYYY-MM-DD`, date-times as `2026-11-23T15:04:05.000+0000`, times as
 * `15:04:05.000Z`. Sessions run in UTC.
 */
import { PGlite, types } from '@electric-sql/pglite';

/** `2026-11-23 15:04:05.12+00` (PostgreSQL's output in UTC) → `2026-11-23T15:04:05.120+0000`. */
export function salesforceDateTime(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?/.exec(text);
  if (match === null) throw new Error(`unexpected timestamp from the database: '${text}'`);
  const millis = (match[3] ?? '').padEnd(3, '0').slice(0, 3);
  return `${match[1] ?? ''}T${match[2] ?? ''}.${millis}+0000`;
}

/** `15:04:05.5` → `15:04:05.500Z`. */
function salesforceTime(text: string): string {
  const [clock = '', fraction = ''] = text.split('.');
  return `${clock}.${fraction.padEnd(3, '0').slice(0, 3)}Z`;
}

/** A date-time as Salesforce writes it. */
export function formatDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

/** The UTC calendar date of `date`. */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export async function openDatabase(dataDir: string | undefined): Promise<PGlite> {
  const db = new PGlite({
    dataDir,
    parsers: {
      [types.NUMERIC]: (value: string) => Number(value),
      [types.INT8]: (value: string) => Number(value),
      [types.DATE]: (value: string) => value,
      [types.TIMESTAMPTZ]: salesforceDateTime,
      [types.TIME]: salesforceTime
    }
  });
  await db.exec("SET TIME ZONE 'UTC'");
  return db;
}

/** Runs one task at a time: each store call reads and writes as one unit, as a Salesforce API call does. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
