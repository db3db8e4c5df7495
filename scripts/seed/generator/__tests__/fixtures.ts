/** Datasets and the project schema shared by the generator's tests, each built once per test file. */
import { join } from 'node:path';
import { readProjectSchema } from '../../../../tools/schema/read-project';
import { DEFAULT_OPPORTUNITY_STAGES } from '../../../../tools/schema/standard-objects';
import type { ProjectSchema } from '../../../../tools/schema/types';
import { generateDataset } from '../index';
import type { GenerateOptions, OrgStage, SeedDataset } from '../types';

export const ANCHOR_DATE = '2026-05-15';

/** Salesforce's default stage set, as a new org's OpportunityStage records describe it. */
export const DEFAULT_STAGES: OrgStage[] = DEFAULT_OPPORTUNITY_STAGES.map((s) => ({
  apiName: s.ApiName,
  sortOrder: s.SortOrder,
  probability: s.DefaultProbability,
  isClosed: s.IsClosed,
  isWon: s.IsWon,
  forecastCategory: s.ForecastCategory
}));

/** An org with its own, shorter sales process, listed out of order on purpose. */
export const CUSTOM_STAGES: OrgStage[] = [
  { apiName: 'Won', sortOrder: 4, probability: 100, isClosed: true, isWon: true, forecastCategory: 'Closed' },
  {
    apiName: 'Discover',
    sortOrder: 1,
    probability: 10,
    isClosed: false,
    isWon: false,
    forecastCategory: 'Pipeline'
  },
  {
    apiName: 'Prove',
    sortOrder: 2,
    probability: 40,
    isClosed: false,
    isWon: false,
    forecastCategory: 'BestCase'
  },
  {
    apiName: 'Negotiate',
    sortOrder: 3,
    probability: 80,
    isClosed: false,
    isWon: false,
    forecastCategory: 'Forecast'
  },
  { apiName: 'Lost', sortOrder: 5, probability: 0, isClosed: true, isWon: false, forecastCategory: 'Omitted' }
];

export function options(overrides: Partial<GenerateOptions> = {}): GenerateOptions {
  return { seed: 42, scale: 'demo', anchorDate: ANCHOR_DATE, stages: DEFAULT_STAGES, ...overrides };
}

const cache = new Map<string, SeedDataset>();

/** The dataset for `overrides`, generated once per test file. */
export function dataset(overrides: Partial<GenerateOptions> = {}): SeedDataset {
  const resolved = options(overrides);
  const cacheKey = JSON.stringify(resolved);
  let found = cache.get(cacheKey);
  if (found === undefined) {
    found = generateDataset(resolved);
    cache.set(cacheKey, found);
  }
  return found;
}

let schema: ProjectSchema | undefined;

export function projectSchema(): ProjectSchema {
  schema ??= readProjectSchema(join(__dirname, '..', '..', '..', '..'));
  return schema;
}

/** The datasets every conformance check runs on. */
export const VARIANTS: [string, Partial<GenerateOptions>][] = [
  ['demo, default stages', {}],
  ['demo, custom stages', { stages: CUSTOM_STAGES, seed: 7 }],
  ['5,000 records', { scale: 5_000, seed: 3 }]
];
