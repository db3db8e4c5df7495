/**
 * Pipeline Value Factor per open stage, by Little's law, from the history of the lookback window.
 */
import type { PipelineFacts, StageFacts, Tally } from './factTypes';
import { available, deals, type Measured, unavailable } from './measured';
import type { MetricSettings } from './settings';
import type { Target, TargetSource } from './types';

/** The rule, as the panel's help and the docs state it. */
export const PVF_FORMULA =
  'PVF(s) = d(s) ÷ (w(s) × D). To close a target T every period of D days, value must enter stage s at T ÷ w(s) ' +
  'per period, where w(s) is the share of the value that reached s in the past and was won; it stays there d(s) ' +
  'days on average (weighted by value). By Little’s law s must then hold T × d(s) ÷ (w(s) × D) = T × PVF(s) at ' +
  'all times. The panel compares the value held at s with T × PVF(s); the gap is held − needed.';

export interface StageValueFactorBasis {
  /** Deals closed in the window that were in the stage. */
  closedDeals: number;
  wonValue: number;
  closedValue: number;
  /** Stays in the stage that ended in the window. */
  exits: number;
  /** Days averaged by value, or by count when the deals that left have no amounts. */
  daysWeightedBy: 'value' | 'count';
  lookbackDays: number;
}

export interface StageValueFactorValue {
  /** w(s): won value ÷ closed value, of the deals that reached the stage. */
  winShare: number;
  /** d(s): average days in the stage. */
  averageDays: number;
  /** PVF(s) = d(s) ÷ (w(s) × period days). */
  factor: number;
  /** T × PVF(s); null without a target. */
  needed: number | null;
  /** Held − needed; negative when the stage holds too little. */
  gap: number | null;
}

export type StageValueFactor = Measured<StageValueFactorValue, StageValueFactorBasis> & {
  stageName: string;
  label: string;
  /** Open value at the stage now (all close dates). */
  held: Tally;
};

export interface ValueFactors {
  formula: string;
  periodDays: number;
  target: number | null;
  targetSource: TargetSource;
  stages: StageValueFactor[];
}

export function valueFactors(
  facts: PipelineFacts,
  target: Target | undefined,
  settings: MetricSettings
): ValueFactors {
  const amount = target && target.source !== 'None' ? target.amount : null;
  return {
    formula: PVF_FORMULA,
    periodDays: facts.periodDays,
    target: amount,
    targetSource: target?.source ?? 'None',
    stages: facts.stages
      .filter((stage) => !stage.isClosed)
      .map((stage) => ({
        stageName: stage.apiName,
        label: stage.label,
        held: { count: stage.open.count, value: stage.open.value },
        ...stageFactor(stage, facts, amount, settings)
      }))
  };
}

function stageFactor(
  stage: StageFacts,
  facts: PipelineFacts,
  target: number | null,
  settings: MetricSettings
): Measured<StageValueFactorValue, StageValueFactorBasis> {
  const { won, lost } = stage.reached;
  const { exits } = stage;
  const basis: StageValueFactorBasis = {
    closedDeals: won.count + lost.count,
    wonValue: won.value,
    closedValue: won.value + lost.value,
    exits: exits.count,
    daysWeightedBy: exits.value > 0 ? 'value' : 'count',
    lookbackDays: facts.lookbackDays
  };
  const shortfall = shortfallOf(stage, basis, settings);
  if (shortfall) {
    return unavailable('insufficient-history', shortfall, basis);
  }
  const winShare = basis.wonValue / basis.closedValue;
  const averageDays = exits.value > 0 ? exits.valueDays / exits.value : exits.days / exits.count;
  const factor = averageDays / (winShare * facts.periodDays);
  const needed = target === null ? null : target * factor;
  return available(
    { winShare, averageDays, factor, needed, gap: needed === null ? null : stage.open.value - needed },
    basis
  );
}

function shortfallOf(
  stage: StageFacts,
  basis: StageValueFactorBasis,
  settings: MetricSettings
): string | null {
  const window = `in the last ${basis.lookbackDays} days`;
  if (basis.closedDeals < settings.minHistoryDeals) {
    return (
      `Not enough history: ${deals(basis.closedDeals)} that reached ${stage.label} closed ${window}, ` +
      `${settings.minHistoryDeals} needed.`
    );
  }
  if (basis.closedValue <= 0) {
    return `The deals that reached ${stage.label} and closed ${window} have no amounts.`;
  }
  if (basis.wonValue <= 0) {
    return `No value that reached ${stage.label} was won ${window}.`;
  }
  return basis.exits === 0 ? `No deal left ${stage.label} ${window}.` : null;
}
