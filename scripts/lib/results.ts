/**
 * The results folder of a run: per object `<Object>-success.csv` and `<Object>-failed.csv`, as Data Loader writes
 * them. Rows are appended as soon as they are final, so a run that is killed leaves every failure it met on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { SeedValue } from '../seed/generator/types';

export type Action = 'created' | 'updated' | 'unchanged';

export interface SuccessRow {
  key: string;
  id: string;
  action: Action;
  values: Record<string, SeedValue>;
}

export interface FailedRow {
  key: string;
  id: string | null;
  errorCode: string;
  message: string;
  values: Record<string, SeedValue>;
}

export class ResultsFolder {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  fileFor(object: string, kind: 'success' | 'failed'): string {
    return path.join(this.dir, `${object}-${kind}.csv`);
  }

  /** `columns` are the value columns of the object, the same on every call. */
  writeSuccess(object: string, columns: string[], rows: SuccessRow[]): void {
    this.append(
      this.fileFor(object, 'success'),
      ['Key', 'Id', 'Action', ...columns],
      rows.map((row) => [row.key, row.id, row.action, ...columns.map((column) => row.values[column])])
    );
  }

  writeFailed(object: string, columns: string[], rows: FailedRow[]): void {
    this.append(
      this.fileFor(object, 'failed'),
      ['Key', 'Id', 'Error Code', 'Message', ...columns],
      rows.map((row) => [
        row.key,
        row.id ?? '',
        row.errorCode,
        row.message,
        ...columns.map((column) => row.values[column])
      ])
    );
  }

  private append(file: string, header: string[], rows: SeedValue[][] | (SeedValue | undefined)[][]): void {
    if (rows.length === 0) {
      return;
    }
    fs.mkdirSync(this.dir, { recursive: true });
    const lines = fs.existsSync(file) ? rows : [header, ...rows];
    fs.appendFileSync(file, stringify(lines, { cast: { boolean: (value) => String(value) } }));
  }
}

/** `results/seed-2026-11-23T16-04-05` under the project root: one folder per run, sortable by time. */
export function defaultResultsDir(projectRoot: string, prefix: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  return path.join(projectRoot, 'results', `${prefix}-${stamp}`);
}
