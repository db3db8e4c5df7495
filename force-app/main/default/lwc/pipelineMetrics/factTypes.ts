/**
 * `PipelineFacts`: the compact, JSON-serialisable summary of a pipeline that every metric is computed from. Apex
 * produces it with aggregate queries (a panel cannot receive 50,000 rows); Node produces it from rows with
 * `buildFacts`. Its size depends on the number of stages, months and list caps, never on the number of deals.
 *
 * Amounts are in one currency and summed as they come; a missing amount counts as a deal worth 0 and is counted
 * apart. "The window" is the lookback window: the `lookbackDays` days ending today, both ends included.
 */
import type { FactSettings } from './settings';
import type { Period } from './types';

/** How many deals, and their total amount. */
export interface Tally {
  count: number;
  value: number;
}

/** Enough of a deal to show, open and edit it. */
export interface DealRef {
  id: string;
  name: string;
  accountId: string;
  ownerId: string;
  stageName: string;
  amount: number | null;
  closeDate: string;
  /** The deal's next step as it stands (an editor starts from it); null when it has none. */
  nextStep: string | null;
}

/** A deal a rule picked, with what the rule measured (days overdue, pushes, idle days, probability gap). */
export interface FlaggedDeal extends DealRef {
  level: number | null;
  /** Where the measure came from, when it has two sources. */
  source: 'history' | 'PushCount' | 'lastActivityDate' | 'createdDate' | null;
}

/** Open deals a rule without threshold picked: all counted, the first `listCap` listed. */
export interface RuleFacts extends Tally {
  deals: FlaggedDeal[];
}

/**
 * Open deals by the level of a measure whose threshold the metrics choose: count and value at each level
 * (ascending), and the `listCap` deals with the highest levels, highest first. Any threshold then gives exact
 * counts, values and list.
 */
export interface GradedFacts {
  levels: [level: number, count: number, value: number][];
  deals: FlaggedDeal[];
}

export type SizeBand = 'rock' | 'stone' | 'pebble';

/** Deals that first entered a stage in one calendar month, and where they are now. */
export interface CohortFacts {
  /** 'YYYY-MM' of the entry. */
  month: string;
  entered: number;
  /** Later reached an open stage further on in the sales process. */
  advanced: number;
  won: number;
  lost: number;
  open: number;
}

export interface StageFacts {
  apiName: string;
  label: string;
  sortOrder: number;
  isClosed: boolean;
  isWon: boolean;
  defaultProbability: number;
  /** Open deals now at the stage, whatever their close date; `missingAmount` of them have no amount. */
  open: Tally & { missingAmount: number };
  /** Of those, the ones whose close date is in the period. */
  openInPeriod: Tally;
  /** Of those with an amount, how many are rocks, stones and pebbles (see `FactSettings`). */
  bands: Record<SizeBand, Tally>;
  /**
   * Stays in the stage that ended in the window (the deal moved on, or closed): how many, their total days, the
   * total amount of the deals, and the total of amount × days (for the value-weighted average stay).
   */
  exits: { count: number; days: number; value: number; valueDays: number };
  /** Deals closed in the window that were in this stage at some point, by outcome. */
  reached: { won: Tally; lost: Tally };
  /** Deals that first entered the stage in the window, by month of entry. */
  cohorts: CohortFacts[];
}

export interface OpenPipelineFacts extends Tally {
  missingAmount: number;
  /** By close date: before the period (overdue for it), in it, after it. */
  beforePeriod: Tally;
  inPeriod: Tally;
  afterPeriod: Tally;
  /** By close month ('YYYY-MM'), ascending. */
  byCloseMonth: (Tally & { month: string })[];
  /** Median amount of the open deals with an amount; null when none has one. */
  medianAmount: number | null;
  /** The largest open deals, largest first (`listCap` of them). */
  largest: DealRef[];
  /** Open deals at a stage the org does not list (inactive or renamed): counted in the totals only. */
  unknownStage: Tally;
}

export interface ClosedDealsFacts {
  /** Closed in the window (close date on or after its first day), by outcome. */
  won: Tally;
  lost: Tally;
  /** Won deals of the window that have an amount (the average deal size divides by them). */
  wonWithAmount: number;
  /** Won deals whose close date is in the period. */
  wonInPeriod: Tally;
  /** Won deals of the window by whole days from creation to close: [days, deals], ascending. */
  cycleDays: [days: number, deals: number][];
}

export interface IntegrityFacts {
  /** Close date before today; level = days since the close date. */
  pastCloseDate: RuleFacts;
  noNextStep: RuleFacts;
  missingAmount: RuleFacts;
  /** Times the close date moved to a later month (only deals pushed at least once). */
  pushes: GradedFacts;
  /** Days since the last activity, or since creation for a deal with no activity. */
  idleDays: GradedFacts;
  /** Percentage points between the deal's probability and its stage's default (deals with a probability). */
  probabilityGap: GradedFacts;
}

/** An open deal checked by the relationship gate. */
export interface GatedDeal extends DealRef {
  /** People mapped on the deal or its account as Decision Maker or Economic Buyer. */
  decisionMakers: number;
}

export interface GateRuleFacts extends Tally {
  deals: GatedDeal[];
}

/** A High-influence person on a gated deal whom nobody on our team covers. */
export interface UncoveredStakeholder {
  id: string | null;
  name: string | null;
  decisionRole: string | null;
  stance: string | null;
  deal: DealRef;
}

export interface RelationshipFacts {
  /** The first open stage that requires a decision maker; null when no stage does. */
  gateStage: string | null;
  /** Open deals at the gate stage or later. */
  checked: Tally;
  noDecisionMaker: GateRuleFacts;
  /** A decision maker's stance is Blocker. */
  blockingDecisionMaker: GateRuleFacts;
  /** A decision maker's stance is Non-Supporter (and none is a Blocker): a warning. */
  nonSupportingDecisionMaker: GateRuleFacts;
  /** High-influence people nobody covers: how many, on how many deals, and the first `listCap`. */
  uncoveredPowerful: { count: number; deals: number; people: UncoveredStakeholder[] };
}

/**
 * How the open pipeline closing in the period moved between two days (both read at the end of the day). A deal
 * counts at a day when it existed, was open and its close date (as it was then) fell in the period.
 */
export interface WaterfallFacts {
  from: string;
  to: string;
  start: Tally;
  /** Created after `from`, and in the pipeline at `to`. */
  new: Tally;
  /** Existed at `from` outside this pipeline (close date in another period), in it at `to`. */
  pulledIn: Tally;
  /** In it at both days with a larger amount at `to`: the value is the increase. */
  increased: Tally;
  /** In it at `from`, closed won at `to`: the value is the amount at `from`. */
  won: Tally;
  /** In it at both days with a smaller amount at `to`: the value is the decrease. */
  decreased: Tally;
  /** In it at `from`, still open at `to` with a close date out of the period. */
  pushedOut: Tally;
  /** In it at `from`, closed lost at `to`. */
  lost: Tally;
  end: Tally;
}

export interface PipelineFacts {
  version: 1;
  /** The day the facts describe ('YYYY-MM-DD'). */
  today: string;
  period: Period;
  periodDays: number;
  lookbackDays: number;
  /** First day of the lookback window. */
  windowStart: string;
  /** The fact settings the facts were built with. */
  rules: FactSettings;
  /** Every org stage, in sales-process order. */
  stages: StageFacts[];
  open: OpenPipelineFacts;
  closed: ClosedDealsFacts;
  history: { changes: number; dealsWithChanges: number; unmatchedChanges: number };
  integrity: IntegrityFacts;
  /** Null when no political-map data was given. */
  relationships: RelationshipFacts | null;
  /** Null when no waterfall days were asked for. */
  waterfall: WaterfallFacts | null;
}
