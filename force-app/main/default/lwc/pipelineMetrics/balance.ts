/**
 * Balance across stages: count and value per open stage, rocks, stones and pebbles, how much rides on the largest
 * deal, stages too thin to carry the period, and the advice to keep no more than six open stages.
 */
import type { DealRef, PipelineFacts, SizeBand, Tally } from './factTypes';
import type { MetricSettings } from './settings';
import { emptyTally } from './tally';

export interface StageBalance {
  stageName: string;
  label: string;
  count: number;
  value: number;
  missingAmount: number;
  /** The stage's share of open value; null when the pipeline has no value. */
  valueShare: number | null;
  bands: Record<SizeBand, Tally>;
  /** Fewer open deals than `thinStageMinDeals`. */
  thin: boolean;
}

export type ConcentrationLevel = 'ok' | 'warn' | 'flag';

export interface Concentration {
  largest: DealRef | null;
  /** Largest open deal's amount ÷ open value; null without open value. */
  share: number | null;
  /** Flag above `concentrationFlagShare`, warn above `concentrationWarnShare`. */
  level: ConcentrationLevel;
  warnShare: number;
  flagShare: number;
}

export interface SizeBands {
  medianAmount: number | null;
  rockMedianMultiple: number;
  pebbleMedianMultiple: number;
  /** Smallest amount of a rock, and amount below which a deal is a pebble; null without a median. */
  rockFrom: number | null;
  pebbleBelow: number | null;
  totals: Record<SizeBand, Tally>;
}

export interface StageBalanceResult {
  stages: StageBalance[];
  bands: SizeBands;
  concentration: Concentration;
  /** Names of the thin stages. */
  thinStages: string[];
  thinStageMinDeals: number;
  openStages: number;
  recommendedMaxStages: number;
  /** The advice, when the org has more open stages than recommended. */
  stageCountAdvice: string | null;
}

export function stageBalance(facts: PipelineFacts, settings: MetricSettings): StageBalanceResult {
  const openValue = facts.open.value;
  const stages = facts.stages
    .filter((stage) => !stage.isClosed)
    .map((stage) => ({
      stageName: stage.apiName,
      label: stage.label,
      count: stage.open.count,
      value: stage.open.value,
      missingAmount: stage.open.missingAmount,
      valueShare: openValue > 0 ? stage.open.value / openValue : null,
      bands: stage.bands,
      thin: stage.open.count < settings.thinStageMinDeals
    }));
  const totals: Record<SizeBand, Tally> = { rock: emptyTally(), stone: emptyTally(), pebble: emptyTally() };
  for (const stage of stages) {
    for (const band of ['rock', 'stone', 'pebble'] as const) {
      totals[band].count += stage.bands[band].count;
      totals[band].value += stage.bands[band].value;
    }
  }
  const { medianAmount, largest } = facts.open;
  const { rockMedianMultiple, pebbleMedianMultiple } = facts.rules;
  return {
    stages,
    bands: {
      medianAmount,
      rockMedianMultiple,
      pebbleMedianMultiple,
      rockFrom: medianAmount === null ? null : rockMedianMultiple * medianAmount,
      pebbleBelow: medianAmount === null ? null : pebbleMedianMultiple * medianAmount,
      totals
    },
    concentration: concentration(largest[0] ?? null, openValue, settings),
    thinStages: stages.filter((stage) => stage.thin).map((stage) => stage.stageName),
    thinStageMinDeals: settings.thinStageMinDeals,
    openStages: stages.length,
    recommendedMaxStages: settings.maxOpenStages,
    stageCountAdvice:
      stages.length > settings.maxOpenStages
        ? `The sales process has ${stages.length} open stages; no more than ${settings.maxOpenStages} is ` +
          'recommended, so that each stage marks real progress and holds enough deals.'
        : null
  };
}

function concentration(largest: DealRef | null, openValue: number, settings: MetricSettings): Concentration {
  const share = largest && openValue > 0 ? (largest.amount ?? 0) / openValue : null;
  let level: ConcentrationLevel = 'ok';
  if (share !== null && share > settings.concentrationFlagShare) {
    level = 'flag';
  } else if (share !== null && share > settings.concentrationWarnShare) {
    level = 'warn';
  }
  return {
    largest,
    share,
    level,
    warnShare: settings.concentrationWarnShare,
    flagShare: settings.concentrationFlagShare
  };
}
