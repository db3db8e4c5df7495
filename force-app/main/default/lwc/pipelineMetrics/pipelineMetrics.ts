/**
 * Pipeline metrics — service module, no UI and no platform imports. The rules of pipeline health, in one place,
 * shared by the components, the workbench, the scripts and the benchmark, in two layers:
 * 1. `buildFacts` turns rows (stages, deals, changes, political maps) into `PipelineFacts`, a compact summary
 *    whose size does not grow with the number of deals; in Salesforce the Apex service produces the same summary
 *    with aggregate queries.
 * 2. The metric functions turn facts (and a target) into the numbers the panels show, each with what it was
 *    computed from, or the reason it cannot be; `computePipelineHealth` returns all of them at once.
 */
import { type StageBalanceResult, stageBalance } from './balance';
import { type StageConversion, stageConversion } from './conversion';
import { type Coverage, pipelineCoverage } from './coverage';
import type { PipelineFacts } from './factTypes';
import { dataIntegrity, type IntegrityResult } from './integrity';
import type { HistoryBasis, Measured } from './measured';
import { type GateBasis, type RelationshipGate, relationshipGate } from './relationships';
import {
  averageDealSize,
  type CycleLength,
  cycleLength,
  type DealSizeBasis,
  salesVelocity,
  type Velocity,
  type VelocityBasis,
  type WinRates,
  winRates
} from './salesPerformance';
import { type MetricSettings, metricSettings } from './settings';
import type { Target } from './types';
import { type ValueFactors, valueFactors } from './valueFactor';
import { pipelineWaterfall, type Waterfall, type WaterfallBasis } from './waterfall';

export { buildFacts } from './facts';
export type { BuildFactsInput } from './facts';
export { changesFromHistorySnapshots } from './historySnapshots';
export type { OpportunityHistorySnapshot } from './historySnapshots';
export { snapshotFacts, type SnapshotFactsInput, type SnapshotRow } from './snapshotFacts';
export { DEFAULT_SETTINGS } from './settings';
export type { FactSettings, MetricSettings, PipelineSettings } from './settings';
export { PVF_FORMULA, valueFactors } from './valueFactor';
export {
  pipelineCoverage,
  stageBalance,
  stageConversion,
  dataIntegrity,
  relationshipGate,
  pipelineWaterfall
};
export { averageDealSize, cycleLength, salesVelocity, winRates };
export {
  DECISION_MAKER_ROLES,
  BLOCKING_STANCE,
  NON_SUPPORTING_STANCE,
  HIGH_INFLUENCE
} from './relationshipFacts';
export type * from './types';
export type * from './factTypes';
export type { Available, HistoryBasis, Measured, Unavailable, Unavailability } from './measured';
export type {
  Concentration,
  ConcentrationLevel,
  SizeBands,
  StageBalance,
  StageBalanceResult
} from './balance';
export type { ConversionCounts, StageConversion } from './conversion';
export type { Coverage, CoverageBasis } from './coverage';
export type {
  FlaggedDealResult,
  IntegrityResult,
  IntegrityRule,
  IntegrityRuleResult,
  StaleLimit
} from './integrity';
export type { GateBasis, GateFinding, GateFindings, RelationshipGate } from './relationships';
export type {
  CycleLength,
  DealSizeBasis,
  ValueBasis,
  Velocity,
  VelocityBasis,
  WinRates
} from './salesPerformance';
export type {
  StageValueFactor,
  StageValueFactorBasis,
  StageValueFactorValue,
  ValueFactors
} from './valueFactor';
export type { Waterfall, WaterfallBasis, WaterfallStep, WaterfallStepKey } from './waterfall';

export interface PipelineHealthOptions {
  /** The period's target; without one (or with source 'None') coverage and PVF needs are not computed. */
  target?: Target;
  settings?: Partial<MetricSettings>;
}

/** Everything the pipeline-health panel shows. */
export interface PipelineHealth {
  today: string;
  period: PipelineFacts['period'];
  lookbackDays: number;
  settings: MetricSettings;
  coverage: Coverage;
  valueFactors: ValueFactors;
  balance: StageBalanceResult;
  integrity: IntegrityResult;
  winRate: WinRates;
  averageDealSize: Measured<number, DealSizeBasis>;
  cycleLength: Measured<CycleLength, HistoryBasis>;
  velocity: Measured<Velocity, VelocityBasis>;
  conversion: StageConversion[];
  waterfall: Measured<Waterfall, WaterfallBasis>;
  relationships: Measured<RelationshipGate, GateBasis>;
}

export function computePipelineHealth(
  facts: PipelineFacts,
  options: PipelineHealthOptions = {}
): PipelineHealth {
  const settings = metricSettings(options.settings);
  return {
    today: facts.today,
    period: facts.period,
    lookbackDays: facts.lookbackDays,
    settings,
    coverage: pipelineCoverage(facts, options.target, settings),
    valueFactors: valueFactors(facts, options.target, settings),
    balance: stageBalance(facts, settings),
    integrity: dataIntegrity(facts, settings),
    winRate: winRates(facts, settings),
    averageDealSize: averageDealSize(facts, settings),
    cycleLength: cycleLength(facts, settings),
    velocity: salesVelocity(facts, settings),
    conversion: stageConversion(facts),
    waterfall: pipelineWaterfall(facts),
    relationships: relationshipGate(facts)
  };
}
