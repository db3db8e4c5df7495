/**
 * Coverage = open pipeline closing in the period ÷ remaining target (target − closed won in the period), shown
 * beside the coverage the history requires: 1 ÷ win rate by value (at a 25% win rate, 4× the remaining target).
 */
import type { PipelineFacts, Tally } from './factTypes';
import { available, type Measured, unavailable } from './measured';
import { type ValueBasis, winRates } from './salesPerformance';
import type { MetricSettings } from './settings';
import type { Period, Target, TargetSource } from './types';

export interface CoverageBasis {
  period: Period;
  /** Open deals whose close date is in the period. */
  openInPeriod: Tally;
  target: number | null;
  targetSource: TargetSource;
  closedWon: number;
  /** Closed won as the target's source reported it, or from the won deals in scope. */
  closedWonFrom: 'target' | 'deals';
  /** Target − closed won. */
  remaining: number | null;
}

export interface Coverage {
  coverage: Measured<number, CoverageBasis>;
  /** 1 ÷ historical win rate by value. */
  required: Measured<number, ValueBasis>;
}

export function pipelineCoverage(
  facts: PipelineFacts,
  target: Target | undefined,
  settings: MetricSettings
): Coverage {
  const source = target?.source ?? 'None';
  const closedWon = target?.closedWon ?? facts.closed.wonInPeriod.value;
  const hasTarget = target !== undefined && source !== 'None';
  const basis: CoverageBasis = {
    period: facts.period,
    openInPeriod: facts.open.inPeriod,
    target: hasTarget ? target.amount : null,
    targetSource: source,
    closedWon,
    closedWonFrom: target?.closedWon === undefined ? 'deals' : 'target',
    remaining: hasTarget ? target.amount - closedWon : null
  };
  return { coverage: coverageOf(basis), required: requiredCoverage(facts, settings) };
}

function coverageOf(basis: CoverageBasis): Measured<number, CoverageBasis> {
  if (basis.target === null || basis.remaining === null) {
    return unavailable(
      'no-target',
      'No target for the period: the org has no forecasting quota and no Account Atlas sales target for it.',
      basis
    );
  }
  if (basis.target <= 0) {
    return unavailable('no-target', 'The target for the period is 0.', basis);
  }
  if (basis.remaining <= 0) {
    return unavailable(
      'target-met',
      `The target is met: ${basis.closedWon} closed won against a target of ${basis.target}.`,
      basis
    );
  }
  return available(basis.openInPeriod.value / basis.remaining, basis);
}

function requiredCoverage(facts: PipelineFacts, settings: MetricSettings): Measured<number, ValueBasis> {
  const rate = winRates(facts, settings).byValue;
  if (rate.status !== 'ok') {
    return rate;
  }
  return rate.value > 0
    ? available(1 / rate.value, rate.basis)
    : unavailable(
        'insufficient-history',
        `Nothing was won in the last ${facts.lookbackDays} days, so no coverage can be said to be enough.`,
        rate.basis
      );
}
