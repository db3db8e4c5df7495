/**
 * A custom sales process (Discover → Prove → Negotiate, then Won or Lost) with a history computed by hand
 * (data/customPipeline.json, changes listed newest first):
 * - 6 won deals of 100: created 2026-03-01 in Discover, Prove on 03-11, Negotiate on 03-31, Won on 04-05;
 * - 4 lost deals of 100: created 2026-03-01 in Discover, Prove on 03-11, Lost on 04-10;
 * - 3 open deals: Discover 5,000 (closes 2026-11-15) and 3,000 (2027-01-15), Prove 30,000 (2026-12-20).
 * Today 2026-11-23, period 2026-10-01 … 2026-12-31 (92 days), lookback 365 days (from 2025-11-24).
 */
import {
  averageDealSize,
  computePipelineHealth,
  cycleLength,
  DEFAULT_SETTINGS,
  PVF_FORMULA,
  salesVelocity,
  stageConversion,
  valueFactors,
  winRates
} from 'c/pipelineMetrics';
import type { Deal, DealChange, MetricSettings } from 'c/pipelineMetrics';
import pipeline from './data/customPipeline.json';
import { CUSTOM_STAGES, factsOf } from './pipelineTestData';

const settings: MetricSettings = { ...DEFAULT_SETTINGS };
const facts = factsOf({
  stages: CUSTOM_STAGES,
  deals: pipeline.deals as Deal[],
  changes: pipeline.changes as DealChange[]
});
const target = { amount: 55_200, source: 'SalesTarget' as const };

describe('facts of a custom stage set', () => {
  it('orders the stages by sortOrder, never by name', () => {
    expect(facts.stages.map((stage) => stage.apiName)).toEqual([
      'Discover',
      'Prove',
      'Negotiate',
      'Won',
      'Lost'
    ]);
    expect(facts.periodDays).toBe(92);
    expect(facts.windowStart).toBe('2025-11-24');
  });

  it('counts the time each stay took and the outcome of the deals that passed each stage', () => {
    const [discover, prove, negotiate] = facts.stages;
    // Discover: 10 stays of 10 days (03-01 → 03-11), each deal worth 100.
    expect(discover?.exits).toEqual({ count: 10, days: 100, value: 1000, valueDays: 10_000 });
    expect(discover?.reached).toEqual({ won: { count: 6, value: 600 }, lost: { count: 4, value: 400 } });
    // Prove: 6 stays of 20 days (03-11 → 03-31) and 4 of 30 days (03-11 → 04-10).
    expect(prove?.exits).toEqual({ count: 10, days: 240, value: 1000, valueDays: 24_000 });
    // Negotiate: only the 6 won deals reached it, 5 days each (03-31 → 04-05).
    expect(negotiate?.exits).toEqual({ count: 6, days: 30, value: 600, valueDays: 3000 });
    expect(negotiate?.reached).toEqual({ won: { count: 6, value: 600 }, lost: { count: 0, value: 0 } });
  });

  it('keeps the open deals by stage and by close date', () => {
    expect(facts.stages[0]?.open).toEqual({ count: 2, value: 8000, missingAmount: 0 });
    expect(facts.stages[1]?.open).toEqual({ count: 1, value: 30_000, missingAmount: 0 });
    // In the period: 5,000 (11-15) + 30,000 (12-20); after it: 3,000 (2027-01-15).
    expect(facts.open.inPeriod).toEqual({ count: 2, value: 35_000 });
    expect(facts.open.afterPeriod).toEqual({ count: 1, value: 3000 });
    expect(facts.open.byCloseMonth.map((month) => month.month)).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('never counts the pull-in at closing as a push', () => {
    expect(facts.integrity.pushes.levels).toEqual([]);
  });
});

describe('Pipeline Value Factor', () => {
  const result = valueFactors(facts, target, settings);

  it('states its formula', () => {
    expect(result.formula).toBe(PVF_FORMULA);
    expect(PVF_FORMULA).toContain('PVF(s) = d(s) ÷ (w(s) × D)');
  });

  it('computes PVF, needed value and gap for the stages with enough history', () => {
    const [discover, prove] = result.stages;
    // Discover: w = 600 / 1,000 = 0.6; d = 10,000 / 1,000 = 10 days; PVF = 10 / (0.6 × 92) = 10 / 55.2.
    // Needed = 55,200 × 10 / 55.2 = 10,000; held = 8,000; gap = −2,000.
    expect(discover?.status).toBe('ok');
    expect(discover?.value?.winShare).toBeCloseTo(0.6, 12);
    expect(discover?.value?.averageDays).toBeCloseTo(10, 12);
    expect(discover?.value?.factor).toBeCloseTo(10 / 55.2, 12);
    expect(discover?.value?.needed).toBeCloseTo(10_000, 6);
    expect(discover?.value?.gap).toBeCloseTo(-2000, 6);
    expect(discover?.held).toEqual({ count: 2, value: 8000 });
    // Prove: w = 0.6; d = 24,000 / 1,000 = 24 days; needed = 55,200 × 24 / 55.2 = 24,000; gap = 30,000 − 24,000.
    expect(prove?.value?.averageDays).toBeCloseTo(24, 12);
    expect(prove?.value?.needed).toBeCloseTo(24_000, 6);
    expect(prove?.value?.gap).toBeCloseTo(6000, 6);
    expect(prove?.basis).toEqual({
      closedDeals: 10,
      wonValue: 600,
      closedValue: 1000,
      exits: 10,
      daysWeightedBy: 'value',
      lookbackDays: 365
    });
  });

  it('says a stage with too little history has none, instead of inventing one', () => {
    const negotiate = result.stages[2];
    // Only the 6 won deals reached Negotiate: 6 < 10.
    expect(negotiate).toMatchObject({
      stageName: 'Negotiate',
      status: 'insufficient-history',
      value: null,
      reason: 'Not enough history: 6 deals that reached Negotiate closed in the last 365 days, 10 needed.'
    });
    expect(result.stages).toHaveLength(3);
  });

  it('gives the factor without a needed value when there is no target', () => {
    const none = valueFactors(facts, { amount: 0, source: 'None' }, settings);
    expect(none.target).toBeNull();
    expect(none.stages[0]?.value).toMatchObject({ needed: null, gap: null });
    expect(none.stages[0]?.value?.factor).toBeCloseTo(10 / 55.2, 12);
  });
});

describe('win rate, deal size, cycle and velocity', () => {
  it('computes them from the 10 deals closed in the window', () => {
    const rates = winRates(facts, settings);
    // 6 won of 10 closed; 600 won of 1,000 closed.
    expect(rates.byCount.value).toBeCloseTo(0.6, 12);
    expect(rates.byValue.value).toBeCloseTo(0.6, 12);
    expect(rates.byCount.basis).toEqual({
      closedDeals: 10,
      wonDeals: 6,
      lostDeals: 4,
      lookbackDays: 365,
      from: '2025-11-24',
      to: '2026-11-23'
    });
    // 600 / 6.
    expect(averageDealSize(facts, settings).value).toBe(100);
    // 2026-03-01 → 2026-04-05 = 35 days for each won deal.
    expect(cycleLength(facts, settings).value).toEqual({ average: 35, median: 35 });
    // 3 open deals × 100 × 0.6 ÷ 35 days = 180 / 35 per day; × 92 days per period.
    const velocity = salesVelocity(facts, settings);
    expect(velocity.value?.perDay).toBeCloseTo(180 / 35, 12);
    expect(velocity.value?.perPeriod).toBeCloseTo((180 / 35) * 92, 10);
    expect(velocity.basis).toMatchObject({
      openDeals: 3,
      averageDealSize: 100,
      cycleDays: 35,
      periodDays: 92
    });
  });
});

describe('coverage', () => {
  it('divides the open pipeline closing in the period by the remaining target', () => {
    const { coverage, required } = computePipelineHealth(facts, { target }).coverage;
    // 35,000 / (55,200 − 0 won in the period).
    expect(coverage.value).toBeCloseTo(35_000 / 55_200, 12);
    expect(coverage.basis).toMatchObject({
      targetSource: 'SalesTarget',
      closedWon: 0,
      closedWonFrom: 'deals',
      remaining: 55_200
    });
    // 1 / 0.6.
    expect(required.value).toBeCloseTo(1 / 0.6, 12);
  });

  it('uses the closed won the target reports when given', () => {
    const { coverage } = computePipelineHealth(facts, {
      target: { amount: 55_200, source: 'ForecastingQuota', closedWon: 20_200 }
    }).coverage;
    // 35,000 / (55,200 − 20,200) = 1.
    expect(coverage.value).toBe(1);
    expect(coverage.basis).toMatchObject({ targetSource: 'ForecastingQuota', closedWonFrom: 'target' });
  });
});

describe('stage conversion by entry cohort', () => {
  const [discover, prove, negotiate] = stageConversion(facts);

  it('follows the deals that entered each stage in a month', () => {
    // Discover, March: 10 entered, all 10 reached Prove; 6 won, 4 lost.
    expect(discover?.nextStage).toBe('Prove');
    expect(discover?.cohorts[0]).toEqual({
      month: '2026-03',
      entered: 10,
      advanced: 10,
      won: 6,
      lost: 4,
      open: 0,
      advancedShare: 1,
      wonShare: 0.6,
      lostShare: 0.4,
      openShare: 0
    });
    // The open Discover deals entered in October and November and are still open.
    expect(discover?.cohorts.map((cohort) => [cohort.month, cohort.entered, cohort.open])).toEqual([
      ['2026-03', 10, 0],
      ['2026-10', 1, 1],
      ['2026-11', 1, 1]
    ]);
    expect(discover?.total).toMatchObject({ entered: 12, advanced: 10, won: 6, lost: 4, open: 2 });
    // Prove, March: 10 entered, 6 reached Negotiate; the open Prove deal was created there in August.
    expect(prove?.cohorts.map((cohort) => [cohort.month, cohort.entered, cohort.advanced])).toEqual([
      ['2026-03', 10, 6],
      ['2026-08', 1, 0]
    ]);
  });

  it('has no next stage, and no advance, after the last open stage', () => {
    expect(negotiate?.nextStage).toBeNull();
    expect(negotiate?.total).toMatchObject({ entered: 6, advanced: null, advancedShare: null, wonShare: 1 });
  });
});

describe('balance and the relationship gate of a custom stage set', () => {
  const health = computePipelineHealth(facts, { target });

  it('bands the open deals around their median', () => {
    // Median of 3,000, 5,000 and 30,000 = 5,000: a rock from 10,000, a pebble below 2,500.
    expect(health.balance.bands).toMatchObject({ medianAmount: 5000, rockFrom: 10_000, pebbleBelow: 2500 });
    expect(health.balance.bands.totals).toEqual({
      rock: { count: 1, value: 30_000 },
      stone: { count: 2, value: 8000 },
      pebble: { count: 0, value: 0 }
    });
    // 30,000 of 38,000 rides on one deal: above 30%.
    expect(health.balance.concentration.share).toBeCloseTo(30_000 / 38_000, 12);
    expect(health.balance.concentration.level).toBe('flag');
    expect(health.balance.thinStages).toEqual(['Discover', 'Prove', 'Negotiate']);
    expect(health.balance.stageCountAdvice).toBeNull();
  });

  it('gates deals from Prove on', () => {
    expect(health.relationships.status).toBe('no-data');
    const gated = computePipelineHealth(
      factsOf({
        stages: CUSTOM_STAGES,
        deals: pipeline.deals as Deal[],
        changes: pipeline.changes as DealChange[],
        stakeholders: []
      })
    ).relationships;
    // Only the Prove deal is at or past Prove; nobody is mapped on it.
    expect(gated.value?.gateLabel).toBe('Prove');
    expect(gated.value?.checked).toEqual({ count: 1, value: 30_000 });
    expect(gated.value?.noDecisionMaker.deals.map((deal) => deal.id)).toEqual(['006CO3']);
  });
});
