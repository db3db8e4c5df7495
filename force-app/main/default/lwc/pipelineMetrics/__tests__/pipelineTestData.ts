/**
 * Small builders for the pipeline-metrics tests: the stage sets of `data/`, a fixed today and period, and deals and
 * changes with plain defaults that each test overrides.
 */
import { buildFacts } from 'c/pipelineMetrics';
import type { BuildFactsInput, Deal, DealChange, PipelineFacts, StageDefinition } from 'c/pipelineMetrics';
import customStages from './data/customStages.json';
import defaultStages from './data/defaultStages.json';

/** Salesforce's default stages; Id. Decision Makers requires a decision maker. Listed out of order on purpose. */
export const DEFAULT_STAGES = defaultStages as StageDefinition[];
/** Discover, Prove (requires a decision maker), Negotiate, Won, Lost. */
export const CUSTOM_STAGES = customStages as StageDefinition[];

export const TODAY = '2026-11-23';
/** 92 days: 31 + 30 + 31. */
export const PERIOD = { start: '2026-10-01', end: '2026-12-31' };

/** Facts for the given rows, with the default stages, today, the period and a 365-day lookback unless overridden. */
export function factsOf(input: Partial<BuildFactsInput>): PipelineFacts {
  return buildFacts({
    stages: DEFAULT_STAGES,
    deals: [],
    changes: [],
    today: TODAY,
    period: PERIOD,
    lookbackDays: 365,
    ...input
  });
}

let sequence = 0;

/** An open Prospecting deal worth 1,000 closing 2026-11-30, active and with a next step. */
export function openDeal(overrides: Partial<Deal> = {}): Deal {
  sequence++;
  return {
    id: `006T${String(sequence).padStart(11, '0')}`,
    name: `Deal ${sequence}`,
    accountId: '001T00000000001',
    ownerId: '005T00000000001',
    stageName: 'Prospecting',
    amount: 1000,
    probability: null,
    closeDate: '2026-11-30',
    createdDate: '2026-09-01T09:00:00.000Z',
    isClosed: false,
    isWon: false,
    nextStep: 'Call the sponsor',
    lastActivityDate: '2026-11-20',
    pushCount: null,
    lastStageChangeDate: null,
    ...overrides
  };
}

export function wonDeal(overrides: Partial<Deal> = {}): Deal {
  return openDeal({ stageName: 'Closed Won', isClosed: true, isWon: true, ...overrides });
}

export function lostDeal(overrides: Partial<Deal> = {}): Deal {
  return openDeal({ stageName: 'Closed Lost', isClosed: true, isWon: false, ...overrides });
}

/** A change row that changes only what `fields` says. */
export function change(dealId: string, changedAt: string, fields: Partial<DealChange> = {}): DealChange {
  return {
    dealId,
    changedAt,
    stageName: null,
    previousStageName: null,
    amount: null,
    previousAmount: null,
    closeDate: null,
    previousCloseDate: null,
    ...fields
  };
}

/** A stage move. */
export function move(dealId: string, changedAt: string, from: string, to: string): DealChange {
  return change(dealId, changedAt, { previousStageName: from, stageName: to });
}
