/**
 * Win rate, average deal size, sales cycle length and sales velocity, from the deals closed in the lookback window.
 * Each needs at least `minHistoryDeals` closed deals in the window.
 */
import type { PipelineFacts } from './factTypes';
import {
  available,
  type HistoryBasis,
  historyBasis,
  historyShortfall,
  type Measured,
  unavailable
} from './measured';
import type { MetricSettings } from './settings';

export interface ValueBasis extends HistoryBasis {
  wonValue: number;
  closedValue: number;
}

export interface WinRates {
  /** Won deals ÷ closed deals. */
  byCount: Measured<number, HistoryBasis>;
  /** Won value ÷ closed value. */
  byValue: Measured<number, ValueBasis>;
}

export function winRates(facts: PipelineFacts, settings: MetricSettings): WinRates {
  const basis = historyBasis(facts);
  const { won, lost } = facts.closed;
  const valueBasis = { ...basis, wonValue: won.value, closedValue: won.value + lost.value };
  const shortfall = historyShortfall(basis, settings);
  if (shortfall) {
    return {
      byCount: unavailable('insufficient-history', shortfall, basis),
      byValue: unavailable('insufficient-history', shortfall, valueBasis)
    };
  }
  return {
    byCount: available(won.count / basis.closedDeals, basis),
    byValue:
      valueBasis.closedValue > 0
        ? available(won.value / valueBasis.closedValue, valueBasis)
        : unavailable('insufficient-history', 'The closed deals have no amounts.', valueBasis)
  };
}

export interface DealSizeBasis extends HistoryBasis {
  /** Won deals with an amount: the divisor. */
  wonWithAmount: number;
  wonValue: number;
}

/** Average amount of the won deals that have one. */
export function averageDealSize(
  facts: PipelineFacts,
  settings: MetricSettings
): Measured<number, DealSizeBasis> {
  const basis = {
    ...historyBasis(facts),
    wonWithAmount: facts.closed.wonWithAmount,
    wonValue: facts.closed.won.value
  };
  const shortfall = historyShortfall(basis, settings);
  if (shortfall) {
    return unavailable('insufficient-history', shortfall, basis);
  }
  return basis.wonWithAmount > 0
    ? available(basis.wonValue / basis.wonWithAmount, basis)
    : unavailable(
        'insufficient-history',
        `No deal with an amount was won in the last ${basis.lookbackDays} days.`,
        basis
      );
}

export interface CycleLength {
  /** Mean whole days from creation to close of the won deals. */
  average: number;
  median: number;
}

export function cycleLength(
  facts: PipelineFacts,
  settings: MetricSettings
): Measured<CycleLength, HistoryBasis> {
  const basis = historyBasis(facts);
  const shortfall = historyShortfall(basis, settings);
  if (shortfall) {
    return unavailable('insufficient-history', shortfall, basis);
  }
  const cycles = facts.closed.cycleDays;
  const count = cycles.reduce((sum, [, deals]) => sum + deals, 0);
  if (count === 0) {
    return unavailable(
      'insufficient-history',
      `No deal was won in the last ${basis.lookbackDays} days.`,
      basis
    );
  }
  const total = cycles.reduce((sum, [days, deals]) => sum + days * deals, 0);
  return available({ average: total / count, median: medianOfHistogram(cycles, count) }, basis);
}

/** Median of a histogram of [value, count] pairs sorted by value, holding `count` values in all. */
function medianOfHistogram(histogram: readonly [number, number][], count: number): number {
  return (valueAtRank(histogram, (count - 1) >> 1) + valueAtRank(histogram, count >> 1)) / 2;
}

/** The value at a rank (0 for the smallest) of a histogram sorted by value. */
function valueAtRank(histogram: readonly [number, number][], rank: number): number {
  let seen = 0;
  const entry = histogram.find(([, deals]) => (seen += deals) > rank);
  return entry ? entry[0] : Number.NaN;
}

export interface Velocity {
  /** Value expected to close per day. */
  perDay: number;
  /** The same over the period's days. */
  perPeriod: number;
}

export interface VelocityBasis extends HistoryBasis {
  openDeals: number;
  averageDealSize: number | null;
  /** Win rate by count. */
  winRate: number | null;
  /** Average won cycle in days, at least one. */
  cycleDays: number | null;
  periodDays: number;
}

/**
 * Sales velocity = open deals × average won deal size × win rate (by count) ÷ average cycle days: the value the
 * pipeline can be expected to close per day. A cycle shorter than a day counts as one day. When no deal was won
 * in the window the win rate is 0 and so is the velocity, though size and cycle are unknown.
 */
export function salesVelocity(
  facts: PipelineFacts,
  settings: MetricSettings
): Measured<Velocity, VelocityBasis> {
  const rate = winRates(facts, settings).byCount;
  const size = averageDealSize(facts, settings);
  const cycle = cycleLength(facts, settings);
  const basis: VelocityBasis = {
    ...historyBasis(facts),
    openDeals: facts.open.count,
    averageDealSize: size.value,
    winRate: rate.value,
    cycleDays: cycle.value ? Math.max(1, cycle.value.average) : null,
    periodDays: facts.periodDays
  };
  if (rate.status !== 'ok') {
    return unavailable(rate.status, rate.reason, basis);
  }
  if (rate.value === 0) {
    return available({ perDay: 0, perPeriod: 0 }, basis);
  }
  if (size.status !== 'ok' || cycle.status !== 'ok') {
    return unavailable('insufficient-history', size.reason ?? cycle.reason ?? '', basis);
  }
  const perDay = (basis.openDeals * size.value * rate.value) / Math.max(1, cycle.value.average);
  return available({ perDay, perPeriod: perDay * basis.periodDays }, basis);
}
