/**
 * `PipelineFacts` from the nightly pipeline snapshots (`Pipeline_Snapshot__c`), for a scope too large to read deal
 * by deal. A snapshot row sums the open deals of one seller at one stage whose close date falls in one quarter, so
 * the facts keep what such sums can say and nothing more:
 * - open deals and value per stage, and in all;
 * - before, in and after the period, and by close month, each row placed by the first day of its close quarter;
 * - no median, no size bands and no largest deals (they need single deals);
 * - nothing drawn from history or from single deals (stage stays and flow, closed deals, cohorts, hygiene, the
 *   relationship gate, the waterfall): zero or empty, so every metric that needs them says it is unavailable.
 * The Apex service applies the same rule to the same rows, so both sides answer a large scope alike.
 */
import { buildFacts } from './facts';
import { formatMonth, monthIndex, requireDay } from './dates';
import type { PipelineFacts, Tally } from './factTypes';
import type { FactSettings } from './settings';
import type { Period, StageDefinition } from './types';

/** Open deals of a scope at one stage whose close date falls in one quarter, summed over snapshot rows. */
export interface SnapshotRow {
  /** `Stage_Name__c`. */
  stageName: string;
  /** `Close_Quarter_Start__c`: first day of the close quarter ('YYYY-MM-DD'). */
  closeQuarterStart: string;
  /** `SUM(Deal_Count__c)`. */
  deals: number;
  /** `SUM(Amount__c)`; null when no row had an amount. */
  amount: number | null;
}

export interface SnapshotFactsInput {
  /** The org's stages (any order: they are ordered by `sortOrder`). */
  stages: StageDefinition[];
  rows: SnapshotRow[];
  /** The day the facts describe, 'YYYY-MM-DD'. */
  today: string;
  period: Period;
  lookbackDays: number;
  settings?: Partial<FactSettings>;
}

function add(tally: Tally, deals: number, value: number): void {
  tally.count += deals;
  tally.value += value;
}

/**
 * The facts of no deals (every stage, zero everywhere, nothing listed), with the snapshot sums added to the open
 * pipeline.
 */
export function snapshotFacts(input: SnapshotFactsInput): PipelineFacts {
  const { stages, today, period, lookbackDays, settings } = input;
  const facts = buildFacts({ stages, deals: [], changes: [], today, period, lookbackDays, settings });
  const periodStart = requireDay(facts.period.start, 'period.start');
  const periodEnd = requireDay(facts.period.end, 'period.end');
  const stageFacts = new Map(facts.stages.map((stage) => [stage.apiName, stage]));
  const open = facts.open;
  const byMonth = new Map<number, Tally>();
  for (const row of input.rows) {
    if (!(Number.isInteger(row.deals) && row.deals >= 0)) {
      throw new RangeError(`a snapshot row of '${row.stageName}' counts ${row.deals} deals`);
    }
    const quarterStart = requireDay(row.closeQuarterStart, `closeQuarterStart of '${row.stageName}'`);
    const value = row.amount ?? 0;
    const stage = stageFacts.get(row.stageName);
    add(open, row.deals, value);
    add(stage ? stage.open : open.unknownStage, row.deals, value);
    if (quarterStart < periodStart) {
      add(open.beforePeriod, row.deals, value);
    } else if (quarterStart <= periodEnd) {
      add(open.inPeriod, row.deals, value);
      if (stage) {
        add(stage.openInPeriod, row.deals, value);
      }
    } else {
      add(open.afterPeriod, row.deals, value);
    }
    const month = monthIndex(quarterStart);
    const tally = byMonth.get(month) ?? { count: 0, value: 0 };
    add(tally, row.deals, value);
    byMonth.set(month, tally);
  }
  open.byCloseMonth = [...byMonth]
    .sort(([a], [b]) => a - b)
    .map(([month, tally]) => ({ month: formatMonth(month), ...tally }));
  return facts;
}
