/**
 * Every metric comes with what it was computed from, and a metric that cannot be computed says why instead of
 * showing an invented number: the panel can then write "from 34 closed deals over 365 days", or "not enough
 * history".
 */
import type { PipelineFacts } from './factTypes';
import type { MetricSettings } from './settings';

/** Why a metric has no value. */
export type Unavailability =
  'insufficient-history' | 'no-target' | 'target-met' | 'no-data' | 'not-configured';

export interface Available<T, B> {
  status: 'ok';
  value: T;
  reason: null;
  basis: B;
}

export interface Unavailable<B> {
  status: Unavailability;
  value: null;
  /** A sentence for the panel. */
  reason: string;
  basis: B;
}

export type Measured<T, B> = Available<T, B> | Unavailable<B>;

export function available<T, B>(value: T, basis: B): Available<T, B> {
  return { status: 'ok', value, reason: null, basis };
}

export function unavailable<B>(status: Unavailability, reason: string, basis: B): Unavailable<B> {
  return { status, value: null, reason, basis };
}

/** The closed deals of the lookback window a history-based metric was computed from. */
export interface HistoryBasis {
  closedDeals: number;
  wonDeals: number;
  lostDeals: number;
  lookbackDays: number;
  /** First and last day of the window. */
  from: string;
  to: string;
}

export function historyBasis(facts: PipelineFacts): HistoryBasis {
  const { won, lost } = facts.closed;
  return {
    closedDeals: won.count + lost.count,
    wonDeals: won.count,
    lostDeals: lost.count,
    lookbackDays: facts.lookbackDays,
    from: facts.windowStart,
    to: facts.today
  };
}

/** The reason a history-based metric is not shown, or null when there is enough history. */
export function historyShortfall(basis: HistoryBasis, settings: MetricSettings): string | null {
  if (basis.closedDeals >= settings.minHistoryDeals) {
    return null;
  }
  return (
    `Not enough history: ${deals(basis.closedDeals)} closed in the last ${basis.lookbackDays} days, ` +
    `${settings.minHistoryDeals} needed.`
  );
}

/** "1 deal", "3 deals". */
export function deals(count: number): string {
  return `${count} ${count === 1 ? 'deal' : 'deals'}`;
}
