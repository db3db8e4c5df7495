/**
 * The open pipeline now: totals by stage and by close date, the median open deal, the size bands and the largest
 * deals.
 *
 * Size bands ("rocks, stones and pebbles") are decided here, where every amount is seen: a band needs the exact
 * median of all open amounts and a look at each deal against it. Shipping every amount instead would make the
 * facts grow with the pipeline (50,000 numbers); a histogram would blur the deals near the band limits. So the
 * facts keep the median and the count and value of each band per stage, computed with the multiples recorded in
 * `PipelineFacts.rules`.
 */
import type { Calendar } from './calendar';
import { formatMonth, monthIndex } from './dates';
import type { OpenPipelineFacts, SizeBand, StageFacts, Tally } from './factTypes';
import type { FactSettings } from './settings';
import { addDeal, dealRef, emptyTally, largestFirst, TopList } from './tally';
import type { Deal } from './types';

/**
 * The band of an amount against the median open amount: a rock from `rockMedianMultiple` × the median, a pebble
 * below `pebbleMedianMultiple` × the median, a stone in between. When the median is not positive every deal is a
 * stone: there is no typical size to compare with.
 */
function sizeBand(amount: number, median: number, rules: FactSettings): SizeBand {
  if (median > 0 && amount >= rules.rockMedianMultiple * median) {
    return 'rock';
  }
  return median > 0 && amount < rules.pebbleMedianMultiple * median ? 'pebble' : 'stone';
}

/** Median of numbers sorted ascending; null for none. */
function medianOfSorted(sorted: ArrayLike<number>): number | null {
  const count = sorted.length;
  if (count === 0) {
    return null;
  }
  const upper = sorted[count >> 1] as number;
  return count % 2 === 1 ? upper : ((sorted[(count >> 1) - 1] as number) + upper) / 2;
}

export class OpenPipelineCollector {
  private readonly calendar: Calendar;
  private readonly rules: FactSettings;
  private readonly totals = { ...emptyTally(), missingAmount: 0 };
  private readonly beforePeriod = emptyTally();
  private readonly inPeriod = emptyTally();
  private readonly afterPeriod = emptyTally();
  private readonly unknownStage = emptyTally();
  private readonly byMonth = new Map<number, Tally>();
  /** The stage facts whose open deals, deals in the period and bands this collector fills (by position). */
  private readonly stages: readonly StageFacts[];
  /** Open deals with an amount, their amounts, and their stage numbers. */
  private readonly valued: Deal[] = [];
  private readonly amounts: number[] = [];
  private readonly valuedPositions: number[] = [];

  constructor(calendar: Calendar, rules: FactSettings, stages: readonly StageFacts[]) {
    this.calendar = calendar;
    this.rules = rules;
    this.stages = stages;
  }

  /** An open deal, at the stage of that number (see `groupChanges`: unknown stages have no facts). */
  add(deal: Deal, stageNumber: number, closeDay: number): void {
    const stage = this.stages[stageNumber];
    const missing = deal.amount === null ? 1 : 0;
    addDeal(this.totals, deal.amount);
    this.totals.missingAmount += missing;
    if (stage) {
      addDeal(stage.open, deal.amount);
      stage.open.missingAmount += missing;
    } else {
      addDeal(this.unknownStage, deal.amount);
    }
    if (closeDay < this.calendar.periodStart) {
      addDeal(this.beforePeriod, deal.amount);
    } else if (this.calendar.inPeriod(closeDay)) {
      addDeal(this.inPeriod, deal.amount);
      if (stage) {
        addDeal(stage.openInPeriod, deal.amount);
      }
    } else {
      addDeal(this.afterPeriod, deal.amount);
    }
    this.addToMonth(monthIndex(closeDay), deal.amount);
    if (deal.amount !== null) {
      this.valued.push(deal);
      this.amounts.push(deal.amount);
      this.valuedPositions.push(stageNumber);
    }
  }

  /** The open-pipeline facts; puts each open deal with an amount in its stage's size band. */
  facts(): OpenPipelineFacts {
    const medianAmount = medianOfSorted(Float64Array.from(this.amounts).sort());
    const largest = new TopList<Deal>(this.rules.listCap, largestFirst);
    this.valued.forEach((deal, index) => {
      const bands = this.stages[this.valuedPositions[index] ?? -1]?.bands;
      const amount = this.amounts[index] ?? 0;
      if (bands && medianAmount !== null) {
        addDeal(bands[sizeBand(amount, medianAmount, this.rules)], amount);
      }
      largest.offer(deal);
    });
    return {
      ...this.totals,
      beforePeriod: this.beforePeriod,
      inPeriod: this.inPeriod,
      afterPeriod: this.afterPeriod,
      byCloseMonth: [...this.byMonth]
        .sort(([a], [b]) => a - b)
        .map(([month, tally]) => ({ month: formatMonth(month), ...tally })),
      medianAmount,
      largest: largest.items().map(dealRef),
      unknownStage: this.unknownStage
    };
  }

  private addToMonth(month: number, amount: number | null): void {
    let tally = this.byMonth.get(month);
    if (!tally) {
      tally = emptyTally();
      this.byMonth.set(month, tally);
    }
    addDeal(tally, amount);
  }
}
