/** The seed command's options, checked before anything connects or writes: bad input is an InputError (exit 2). */
import { InputError } from '../lib/errors';
import { LOCAL_TARGET } from '../lib/connection';
import { MAX_RECORDS, MIN_RECORDS } from './generator/scale';
import type { ScaleName } from './generator/types';

export interface SeedOptions {
  /** `local`, or an alias or username authorized in the sf CLI. */
  target: string;
  scale: ScaleName | number;
  seed: number;
  /** The day the data is generated around; undefined: today, or the interrupted run's day when resuming. */
  anchorDate: string | undefined;
  dryRun: boolean;
  json: boolean;
  /** Discard an interrupted run's checkpoint instead of resuming it. */
  fresh: boolean;
  resultsDir: string | undefined;
  /** Objects with more rows to write than this go through Bulk API 2.0; undefined: the loader's default. */
  bulkThreshold: number | undefined;
}

/** The options as commander hands them over: text, or flags. */
export interface RawSeedOptions {
  targetOrg?: string;
  scale?: string;
  seed?: string;
  anchorDate?: string;
  dryRun?: boolean;
  json?: boolean;
  fresh?: boolean;
  resultsDir?: string;
  bulkThreshold?: string;
}

export const DEFAULT_SCALE: ScaleName = 'demo';
export const DEFAULT_SEED = 1;
const SCALE_NAMES: readonly ScaleName[] = ['demo', 'medium', 'large'];

export function parseScale(text: string): ScaleName | number {
  const value = text.trim();
  const named = SCALE_NAMES.find((name) => name === value.toLowerCase());
  if (named !== undefined) {
    return named;
  }
  const records = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(records >= MIN_RECORDS && records <= MAX_RECORDS)) {
    throw new InputError(
      `--scale must be demo, medium, large or a whole number of records from ${MIN_RECORDS} to ${MAX_RECORDS}, ` +
        `not '${text}'.`
    );
  }
  return records;
}

export function parseSeed(text: string): number {
  const value = text.trim();
  if (!/^\d{1,15}$/.test(value)) {
    throw new InputError(`--seed must be a whole number (0 or more), not '${text}'.`);
  }
  return Number(value);
}

export function parseAnchorDate(text: string): string {
  const value = text.trim();
  const date = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw new InputError(`--anchor-date must be a date written YYYY-MM-DD, not '${text}'.`);
  }
  return value;
}

export function parseBulkThreshold(text: string): number {
  const value = text.trim();
  if (!/^\d{1,9}$/.test(value)) {
    throw new InputError(`--bulk-threshold must be a whole number of rows, not '${text}'.`);
  }
  return Number(value);
}

export function parseTarget(text: string): string {
  const value = text.trim();
  if (value === '') {
    throw new InputError(`--target-org needs '${LOCAL_TARGET}' or an org alias or username.`);
  }
  return value;
}

export function parseSeedOptions(raw: RawSeedOptions): SeedOptions {
  return {
    target: parseTarget(raw.targetOrg ?? LOCAL_TARGET),
    scale: raw.scale === undefined ? DEFAULT_SCALE : parseScale(raw.scale),
    seed: raw.seed === undefined ? DEFAULT_SEED : parseSeed(raw.seed),
    anchorDate: raw.anchorDate === undefined ? undefined : parseAnchorDate(raw.anchorDate),
    dryRun: raw.dryRun === true,
    json: raw.json === true,
    fresh: raw.fresh === true,
    resultsDir: raw.resultsDir,
    bulkThreshold: raw.bulkThreshold === undefined ? undefined : parseBulkThreshold(raw.bulkThreshold)
  };
}
