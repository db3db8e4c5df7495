/**
 * Every threshold of the pipeline rules, in one place. Two groups, because the facts are built where the rows are
 * (Apex, or Node) and the metrics where the panel is: the fact settings shape what the facts record and are fixed
 * when the facts are built (the facts carry them); the metric settings apply when the numbers are computed.
 */

/** Settings applied while building the facts, recorded in `PipelineFacts.rules`. */
export interface FactSettings {
  /**
   * A "rock" is an open deal of at least this multiple of the median open amount. Relative to the median, not
   * the mean (which the rocks themselves inflate) nor a fixed amount (which does not travel from one rep's
   * pipeline to a whole company's): with the usual right-skewed deal sizes, 2× the median singles out the few
   * deals whose loss changes the period.
   */
  rockMedianMultiple: number;
  /** A "pebble" is an open deal below this multiple of the median open amount; between the two is a "stone". */
  pebbleMedianMultiple: number;
  /** Longest list of deals the facts keep per rule (hygiene, largest deals, relationship gate). */
  listCap: number;
}

/** Settings applied when the metrics are computed from the facts. */
export interface MetricSettings {
  /** Fewest closed deals in the lookback window a number drawn from history needs; below it, none is shown. */
  minHistoryDeals: number;
  /** Largest open deal's share of open value above which the pipeline is called concentrated (warning). */
  concentrationWarnShare: number;
  /** Share above which concentration is flagged as a risk. */
  concentrationFlagShare: number;
  /** An open stage holding fewer deals than this is thin: nothing to fall back on at period end. */
  thinStageMinDeals: number;
  /** Advice: a sales process should have no more open stages than this. */
  maxOpenStages: number;
  /** An open deal whose close date moved to a later month this many times or more is flagged. */
  pushLimit: number;
  /** An open deal without activity for longer than this share of the typical (median won) cycle is flagged. */
  staleCycleShare: number;
  /** Typical cycle, in days, assumed when fewer than `minHistoryDeals` won deals give one. */
  fallbackCycleDays: number;
  /** Largest gap, in percentage points, between a deal's probability and its stage's default probability. */
  probabilityTolerance: number;
}

export type PipelineSettings = FactSettings & MetricSettings;

export const DEFAULT_SETTINGS: Readonly<PipelineSettings> = Object.freeze({
  rockMedianMultiple: 2,
  pebbleMedianMultiple: 0.5,
  listCap: 25,
  minHistoryDeals: 10,
  concentrationWarnShare: 0.15,
  concentrationFlagShare: 0.3,
  thinStageMinDeals: 3,
  maxOpenStages: 6,
  pushLimit: 2,
  staleCycleShare: 2 / 3,
  fallbackCycleDays: 90,
  probabilityTolerance: 10
});

/** The fact settings, defaults filled in. */
export function factSettings(overrides: Partial<FactSettings> = {}): FactSettings {
  const { rockMedianMultiple, pebbleMedianMultiple, listCap } = { ...DEFAULT_SETTINGS, ...overrides };
  if (!(pebbleMedianMultiple <= rockMedianMultiple) || !(listCap >= 0)) {
    throw new RangeError('size bands need pebbleMedianMultiple ≤ rockMedianMultiple, and listCap ≥ 0');
  }
  return { rockMedianMultiple, pebbleMedianMultiple, listCap };
}

/** The metric settings, defaults filled in. */
export function metricSettings(overrides: Partial<MetricSettings> = {}): MetricSettings {
  const {
    minHistoryDeals,
    concentrationWarnShare,
    concentrationFlagShare,
    thinStageMinDeals,
    maxOpenStages,
    pushLimit,
    staleCycleShare,
    fallbackCycleDays,
    probabilityTolerance
  } = { ...DEFAULT_SETTINGS, ...overrides };
  return {
    minHistoryDeals: Math.max(1, minHistoryDeals),
    concentrationWarnShare,
    concentrationFlagShare,
    thinStageMinDeals,
    maxOpenStages,
    pushLimit,
    staleCycleShare,
    fallbackCycleDays,
    probabilityTolerance
  };
}
