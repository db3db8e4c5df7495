/**
 * Builds `PipelineFacts` from rows: the org's stages, the deals in scope and their changes. Node (workbench,
 * scripts, benchmark) calls it; in Salesforce the Apex service produces the same facts with aggregate queries.
 *
 * Two passes over the changes group them by deal; then one pass over the deals reads each with its own changes, put
 * in time order. Capped lists keep their first entries as deals are read; the open amounts are sorted once for the
 * median: O(n log n) in all.
 */
import { Calendar } from './calendar';
import { ClosedDealsCollector } from './closedDeals';
import { formatDay, parseDay } from './dates';
import type { PipelineFacts, StageFacts } from './factTypes';
import { type DealHistory, type DealNow, groupChanges, StayList } from './history';
import { IntegrityCollector } from './integrityFacts';
import { OpenPipelineCollector } from './openPipeline';
import { RelationshipCollector } from './relationshipFacts';
import { type FactSettings, factSettings } from './settings';
import { StageFlowCollector } from './stageFlow';
import { stageModel } from './stageModel';
import { emptyTally } from './tally';
import type { Deal, DealChange, Period, StageDefinition, StakeholderFact } from './types';
import { WaterfallCollector } from './waterfallFacts';

export interface BuildFactsInput {
  /** The org's stages (any order: they are ordered by `sortOrder`). */
  stages: StageDefinition[];
  /** The deals in scope, open and closed. */
  deals: Deal[];
  /** Their changes, in any order; changes of deals not in `deals` are ignored (and counted). */
  changes: DealChange[];
  /** The day the facts describe, 'YYYY-MM-DD': nothing here reads the clock. */
  today: string;
  period: Period;
  /** Days of history (ending today) that win rates, cycle lengths, stage flow and cohorts read. */
  lookbackDays: number;
  /** The political maps of the deals' accounts; without them, the relationship gate is not computed. */
  stakeholders?: StakeholderFact[];
  /** The two days of the pipeline change waterfall. */
  waterfall?: { from: string; to: string };
  settings?: Partial<FactSettings>;
}

/** A stage's facts before any deal is read: its definition and zeros. */
function emptyStageFacts(stage: StageDefinition): StageFacts {
  const { apiName, label, sortOrder, isClosed, isWon, defaultProbability } = stage;
  return {
    apiName,
    label,
    sortOrder,
    isClosed,
    isWon,
    defaultProbability,
    open: { ...emptyTally(), missingAmount: 0 },
    openInPeriod: emptyTally(),
    bands: { rock: emptyTally(), stone: emptyTally(), pebble: emptyTally() },
    exits: { count: 0, days: 0, value: 0, valueDays: 0 },
    reached: { won: emptyTally(), lost: emptyTally() },
    cohorts: []
  };
}

function dealPositions(deals: readonly Deal[]): Map<string, number> {
  const positions = new Map<string, number>();
  deals.forEach((deal, position) => {
    positions.set(deal.id, position);
    if (positions.size === position) {
      throw new RangeError(`deal ${deal.id} is listed twice`);
    }
  });
  return positions;
}

/** A date every deal has; throws a RangeError naming the deal when it is unreadable. */
function requiredDay(deal: Deal, field: 'closeDate' | 'createdDate'): number {
  const day = parseDay(deal[field]);
  if (Number.isNaN(day)) {
    throw new RangeError(`${field} of deal ${deal.id} is not an ISO date: '${deal[field]}'`);
  }
  return day;
}

/**
 * A deal with the days every rule reads. It was created on the earlier of its `createdDate` and its oldest change:
 * a deal existed at least since its first recorded change, and a seeded or migrated deal's `createdDate` is usually
 * the day it was loaded, after the history backfilled for it.
 */
function readDeal(deal: Deal, stage: number, history: DealHistory): DealNow {
  return {
    deal,
    stage,
    closeDay: requiredDay(deal, 'closeDate'),
    createdDay: Math.min(requiredDay(deal, 'createdDate'), history.firstDay())
  };
}

export function buildFacts(input: BuildFactsInput): PipelineFacts {
  const rules = factSettings(input.settings);
  const days = new Calendar(input.today, input.period, input.lookbackDays);
  const model = stageModel(input.stages);
  const table = groupChanges(input.changes, dealPositions(input.deals), model);
  const stages = model.stages.map(emptyStageFacts);
  const flow = new StageFlowCollector(model, days, stages);
  const open = new OpenPipelineCollector(days, rules, stages);
  const closed = new ClosedDealsCollector(days);
  const integrity = new IntegrityCollector(model, days.today, rules.listCap);
  const relationships = input.stakeholders
    ? new RelationshipCollector(model, input.stakeholders, rules.listCap)
    : null;
  const waterfall = input.waterfall ? new WaterfallCollector(model, days, input.waterfall) : null;

  const stays = new StayList();
  for (let position = 0; position < input.deals.length; position++) {
    const deal = input.deals[position] as Deal;
    const history = table.historyOf(position);
    const now = readDeal(deal, table.stageNumber(deal.stageName), history);
    history.replayStays(now, stays);
    flow.add(deal, now.closeDay, stays);
    if (deal.isClosed) {
      closed.add(deal, now.closeDay, now.createdDay);
    } else {
      open.add(deal, now.stage, now.closeDay);
      integrity.add(deal, now, history);
      relationships?.add(deal, now.stage);
    }
    waterfall?.add(deal, now, history);
  }

  const openFacts = open.facts();
  flow.finish();
  return {
    version: 1,
    today: formatDay(days.today),
    period: { start: formatDay(days.periodStart), end: formatDay(days.periodEnd) },
    periodDays: days.periodEnd - days.periodStart + 1,
    lookbackDays: input.lookbackDays,
    windowStart: formatDay(days.windowStart),
    rules,
    stages,
    open: openFacts,
    closed: closed.facts(),
    history: {
      changes: input.changes.length,
      dealsWithChanges: table.dealsWithChanges,
      unmatchedChanges: table.unmatched
    },
    integrity: integrity.facts(),
    relationships: relationships?.facts() ?? null,
    waterfall: waterfall?.facts() ?? null
  };
}
