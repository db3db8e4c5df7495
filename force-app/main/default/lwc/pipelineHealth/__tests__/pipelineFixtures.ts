/**
 * Test data for the pipeline-health components: small hand-made rows (`data/pipeline.json`, with the org stages of
 * `data/stages.json`) turned into facts by `buildFacts` and into numbers by `computePipelineHealth`, so that every
 * number a test expects is what the metrics module says, and a getPipelineHealth answer built around them.
 */
import { buildFacts, computePipelineHealth } from 'c/pipelineMetrics';
import type {
  Deal,
  DealChange,
  FactSettings,
  Period,
  PipelineFacts,
  PipelineHealth,
  StageDefinition,
  StakeholderFact,
  Target
} from 'c/pipelineMetrics';
import pipelineJson from './data/pipeline.json';
import stagesJson from './data/stages.json';

/** A deal of the fixture: what differs from `dealDefaults`, and its stage path ([day, stage], oldest first). */
export interface FixtureDeal extends Partial<Deal> {
  id: string;
  name: string;
  stageName: string;
  amount: number | null;
  closeDate: string;
  path: [string, string][];
}

export interface PipelineRows {
  today: string;
  period: Period;
  lookbackDays: number;
  waterfall?: { from: string; to: string };
  dealDefaults: Partial<Deal>;
  deals: FixtureDeal[];
  changes: DealChange[];
  stakeholders?: StakeholderFact[];
  settings?: Partial<FactSettings>;
}

export const STAGES = stagesJson as StageDefinition[];
export const PIPELINE = pipelineJson as unknown as PipelineRows;

/** The fixture's target: a sales target of 300,000 for the quarter. */
export const TARGET: Target = { amount: 300000, source: 'SalesTarget' };

function at(day: string): string {
  return `${day}T09:00:00.000Z`;
}

/** The stage rows of a path: the creation in its first stage, then each move. */
function pathChanges(deal: FixtureDeal): DealChange[] {
  return deal.path.map(([day, stageName], index) => ({
    dealId: deal.id,
    changedAt: at(day),
    stageName,
    previousStageName: index === 0 ? null : (deal.path[index - 1]?.[1] ?? null),
    amount: null,
    previousAmount: null,
    closeDate: null,
    previousCloseDate: null
  }));
}

function dealOf(row: FixtureDeal, defaults: Partial<Deal>, stages: StageDefinition[]): Deal {
  const { path, ...fields } = row;
  const stage = stages.find((candidate) => candidate.apiName === row.stageName);
  return {
    accountId: '',
    ownerId: '',
    probability: null,
    nextStep: null,
    lastActivityDate: null,
    pushCount: null,
    lastStageChangeDate: null,
    ...defaults,
    createdDate: at(path[0]?.[0] ?? row.closeDate),
    isClosed: stage?.isClosed ?? false,
    isWon: stage?.isWon ?? false,
    ...fields
  };
}

/** The facts of a fixture, as `buildFacts` makes them. */
export function factsOf(rows: PipelineRows = PIPELINE, stages: StageDefinition[] = STAGES): PipelineFacts {
  return buildFacts({
    stages,
    deals: rows.deals.map((row) => dealOf(row, rows.dealDefaults, stages)),
    changes: [...rows.deals.flatMap(pathChanges), ...rows.changes],
    today: rows.today,
    period: rows.period,
    lookbackDays: rows.lookbackDays,
    ...(rows.stakeholders ? { stakeholders: rows.stakeholders } : {}),
    ...(rows.waterfall ? { waterfall: rows.waterfall } : {}),
    ...(rows.settings ? { settings: rows.settings } : {})
  });
}

/** The fixture with some of its rows replaced. */
export function rowsWith(overrides: Partial<PipelineRows>): PipelineRows {
  return { ...PIPELINE, ...overrides };
}

/** The fixture's deals, the one with the given name changed. */
export function dealsWith(name: string, changes: Partial<FixtureDeal>): FixtureDeal[] {
  return PIPELINE.deals.map((deal) => {
    if (deal.name !== name) {
      return deal;
    }
    return { ...deal, ...changes };
  });
}

/** What the panel computes from facts and the target (null: none). */
export function healthOf(facts: PipelineFacts = factsOf(), target: Target | null = TARGET): PipelineHealth {
  return computePipelineHealth(facts, target ? { target } : {});
}

/** A getPipelineHealth answer around facts. */
export function healthData(
  facts: PipelineFacts = factsOf(),
  overrides: Record<string, unknown> = {}
): Record<string, unknown> {
  return {
    scope: 'mine',
    scopeLabel: 'My deals',
    accountId: null,
    dataSource: 'records',
    snapshotDate: null,
    rowsRead: 120,
    facts,
    targetAmount: TARGET.amount,
    targetSource: TARGET.source,
    targetClosedWon: null,
    ...overrides
  };
}
