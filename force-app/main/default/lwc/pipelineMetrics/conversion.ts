/**
 * Stage conversion by entry cohort: of the deals that first entered an open stage in a month of the lookback
 * window, the share that advanced (reached the next open stage, or one beyond it when the deal skipped a stage),
 * and the shares won, lost and still open now. Recent cohorts have had less time: their open share is larger.
 */
import type { CohortFacts, PipelineFacts } from './factTypes';

export interface ConversionCounts {
  entered: number;
  /** Null for the last open stage, which has no next open stage. */
  advanced: number | null;
  won: number;
  lost: number;
  open: number;
  advancedShare: number | null;
  wonShare: number;
  lostShare: number;
  openShare: number;
}

export interface StageConversion {
  stageName: string;
  label: string;
  /** Label of the next open stage; null for the last. */
  nextStage: string | null;
  /** One per month with entries, oldest first. */
  cohorts: (ConversionCounts & { month: string })[];
  /** All cohorts together. */
  total: ConversionCounts;
}

export function stageConversion(facts: PipelineFacts): StageConversion[] {
  const open = facts.stages.filter((stage) => !stage.isClosed);
  return open.map((stage, index) => {
    const nextStage = open[index + 1]?.label ?? null;
    const total = stage.cohorts.reduce(
      (sum, cohort) => ({
        entered: sum.entered + cohort.entered,
        advanced: sum.advanced + cohort.advanced,
        won: sum.won + cohort.won,
        lost: sum.lost + cohort.lost,
        open: sum.open + cohort.open
      }),
      { entered: 0, advanced: 0, won: 0, lost: 0, open: 0 }
    );
    return {
      stageName: stage.apiName,
      label: stage.label,
      nextStage,
      cohorts: stage.cohorts.map((cohort) => ({
        month: cohort.month,
        ...shares(cohort, nextStage !== null)
      })),
      total: shares(total, nextStage !== null)
    };
  });
}

function shares(counts: Omit<CohortFacts, 'month'>, hasNext: boolean): ConversionCounts {
  const { entered, advanced, won, lost, open } = counts;
  const share = (part: number): number => (entered > 0 ? part / entered : 0);
  return {
    entered,
    advanced: hasNext ? advanced : null,
    won,
    lost,
    open,
    advancedShare: hasNext ? share(advanced) : null,
    wonShare: share(won),
    lostShare: share(lost),
    openShare: share(open)
  };
}
