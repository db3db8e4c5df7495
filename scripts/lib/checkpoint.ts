/**
 * The checkpoint of a seed run: which options it ran with, which objects it finished, the Ids it wrote (by key) and
 * the rows that failed, so that a run killed at any point resumes where it stopped. Written atomically (temporary
 * file, then rename), so a kill leaves either the previous checkpoint or the new one, never half of one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from './errors';

export interface RunOptions {
  target: string;
  scale: string | number;
  seed: number;
  anchorDate: string;
}

export interface RowFailure {
  errorCode: string;
  message: string;
}

export interface OutcomeCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface ObjectCheckpoint {
  /** Every row was written or failed for good: a resumed run skips the object. */
  done: boolean;
  /** Key → Id of the rows written so far (all of them once done). */
  ids: Record<string, string>;
  /** Key → the failure of rows that failed for good in the run that wrote this checkpoint. */
  failed: Record<string, RowFailure>;
  counts: OutcomeCounts;
  /** Bulk jobs opened and not yet read back: a resumed run waits for them (or aborts them) before writing. */
  pendingJobs: string[];
}

export interface CheckpointRun {
  startedAt: string;
  resultsDir: string;
}

export interface CheckpointData {
  version: 1;
  options: RunOptions;
  /** The runs that worked on this checkpoint, the first one first. */
  runs: CheckpointRun[];
  objects: Record<string, ObjectCheckpoint>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCheckpoint(value: unknown): value is CheckpointData {
  return (
    isRecord(value) &&
    value.version === 1 &&
    isRecord(value.options) &&
    typeof value.options.target === 'string' &&
    typeof value.options.seed === 'number' &&
    typeof value.options.anchorDate === 'string' &&
    Array.isArray(value.runs) &&
    isRecord(value.objects)
  );
}

export class CheckpointFile {
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  /** The checkpoint, or null when there is none; a file that is not one is an InputError. */
  read(): CheckpointData | null {
    if (!fs.existsSync(this.file)) {
      return null;
    }
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch (error) {
      throw new InputError(
        `${this.file} is not a readable checkpoint (${error instanceof Error ? error.message : String(error)}): ` +
          'remove it, or run with --fresh.'
      );
    }
    if (!isCheckpoint(data)) {
      throw new InputError(`${this.file} is not a seed checkpoint: remove it, or run with --fresh.`);
    }
    return data;
  }

  /** Writes the checkpoint (its JSON text) to a temporary file, flushes it, and renames it over the previous one. */
  write(text: string): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    const descriptor = fs.openSync(temporary, 'w');
    try {
      fs.writeSync(descriptor, text);
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(temporary, this.file);
  }

  remove(): void {
    fs.rmSync(this.file, { force: true });
  }
}

export function sameOptions(a: RunOptions, b: RunOptions): boolean {
  return (
    a.target === b.target &&
    String(a.scale) === String(b.scale) &&
    a.seed === b.seed &&
    a.anchorDate === b.anchorDate
  );
}

function describeOptions(options: RunOptions): string {
  return `--target-org ${options.target} --scale ${options.scale} --seed ${options.seed} --anchor-date ${options.anchorDate}`;
}

/**
 * Whether a run with `options` resumes `existing`. The anchor date is taken from the checkpoint unless the user
 * chose one, so that a run resumed the next day writes the same data. A checkpoint for other options is refused
 * unless `fresh` (start over) is given.
 */
export function resumeFrom(
  existing: CheckpointData | null,
  options: Omit<RunOptions, 'anchorDate'> & { anchorDate: string | undefined },
  fresh: boolean
): CheckpointData | null {
  if (existing === null || fresh) {
    return null;
  }
  const wanted: RunOptions = { ...options, anchorDate: options.anchorDate ?? existing.options.anchorDate };
  if (!sameOptions(existing.options, wanted)) {
    throw new InputError(
      `An interrupted seed run with other options left a checkpoint (${describeOptions(existing.options)}). ` +
        'Run again with those options to finish it, or add --fresh to discard it and start over.'
    );
  }
  return existing;
}

export function emptyObjectCheckpoint(): ObjectCheckpoint {
  return {
    done: false,
    ids: {},
    failed: {},
    counts: { created: 0, updated: 0, unchanged: 0, failed: 0 },
    pendingJobs: []
  };
}
