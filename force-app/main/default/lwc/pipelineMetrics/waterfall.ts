/**
 * The pipeline change waterfall as the panel draws it: the steps from the pipeline closing in the period on one day
 * to the same pipeline on a later day, and the check that they add up.
 */
import type { PipelineFacts, Tally, WaterfallFacts } from './factTypes';
import { available, type Measured, unavailable } from './measured';
import type { Period } from './types';

export type WaterfallStepKey = Exclude<keyof WaterfallFacts, 'from' | 'to'>;

export interface WaterfallStep extends Tally {
  key: WaterfallStepKey;
  label: string;
  /** +1 adds to the pipeline, −1 takes from it, 0 for the start and end totals. */
  sign: 1 | -1 | 0;
}

export interface Waterfall {
  steps: WaterfallStep[];
  /** start + new + pulled in + increased − won − decreased − pushed out − lost − end, to the cent. */
  difference: number;
}

export interface WaterfallBasis {
  period: Period;
  from: string | null;
  to: string | null;
}

const STEPS: readonly [WaterfallStepKey, string, 1 | -1 | 0][] = [
  ['start', 'Start', 0],
  ['new', 'New', 1],
  ['pulledIn', 'Pulled in', 1],
  ['increased', 'Increased', 1],
  ['won', 'Won', -1],
  ['decreased', 'Decreased', -1],
  ['pushedOut', 'Pushed out', -1],
  ['lost', 'Lost', -1],
  ['end', 'End', 0]
];

export function pipelineWaterfall(facts: PipelineFacts): Measured<Waterfall, WaterfallBasis> {
  const waterfall = facts.waterfall;
  const basis = { period: facts.period, from: waterfall?.from ?? null, to: waterfall?.to ?? null };
  if (!waterfall) {
    return unavailable('no-data', 'No waterfall days were asked for.', basis);
  }
  const steps = STEPS.map(([key, label, sign]) => ({ key, label, sign, ...waterfall[key] }));
  const cents = (value: number): number => Math.round(value * 100);
  const flow = steps.reduce((sum, step) => sum + step.sign * cents(step.value), 0);
  return available(
    { steps, difference: (cents(waterfall.start.value) + flow - cents(waterfall.end.value)) / 100 },
    basis
  );
}
