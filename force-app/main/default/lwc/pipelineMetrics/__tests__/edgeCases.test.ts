/**
 * The pipelines every metric must survive: empty, one deal, a history of losses only, no history at all, deals
 * without amounts. Today 2026-11-23, period 2026-10-01 … 2026-12-31 (92 days), default stages.
 */
import { computePipelineHealth, DEFAULT_SETTINGS, winRates } from 'c/pipelineMetrics';
import type { Deal } from 'c/pipelineMetrics';
import { change, factsOf, lostDeal, move, openDeal, wonDeal } from './pipelineTestData';

const target = { amount: 4000, source: 'SalesTarget' as const };

describe('an empty pipeline', () => {
  const facts = factsOf({ waterfall: { from: '2026-10-01', to: '2026-11-23' }, stakeholders: [] });
  const health = computePipelineHealth(facts, { target });

  it('has zero pipeline, hence zero coverage, and says why history-based numbers are missing', () => {
    expect(facts.open).toMatchObject({ count: 0, value: 0, medianAmount: null, largest: [] });
    expect(health.coverage.coverage.value).toBe(0);
    const reason = 'Not enough history: 0 deals closed in the last 365 days, 10 needed.';
    expect(health.coverage.required).toMatchObject({ status: 'insufficient-history', reason });
    expect(health.winRate.byCount.reason).toBe(reason);
    expect(health.averageDealSize.reason).toBe(reason);
    expect(health.cycleLength.reason).toBe(reason);
    expect(health.velocity).toMatchObject({ status: 'insufficient-history', reason });
    expect(health.valueFactors.stages.every((stage) => stage.status === 'insufficient-history')).toBe(true);
  });

  it('has empty stages, no concentration, no flagged deal and a zero waterfall', () => {
    expect(health.balance.stages.every((stage) => stage.count === 0 && stage.thin)).toBe(true);
    expect(health.balance.stages[0]?.valueShare).toBeNull();
    expect(health.balance.concentration).toMatchObject({ largest: null, share: null, level: 'ok' });
    expect(health.integrity.rules.every((rule) => rule.count === 0 && rule.deals.length === 0)).toBe(true);
    expect(health.conversion.every((stage) => stage.cohorts.length === 0 && stage.total.entered === 0)).toBe(
      true
    );
    expect(health.conversion[0]?.total.wonShare).toBe(0);
    expect(health.waterfall.value?.steps.every((step) => step.value === 0 && step.count === 0)).toBe(true);
    expect(health.waterfall.value?.difference).toBe(0);
    expect(health.relationships.value?.checked).toEqual({ count: 0, value: 0 });
  });
});

describe('a single open deal', () => {
  const deal = openDeal({
    stageName: 'Qualification',
    amount: 1000,
    createdDate: '2026-09-01T09:00:00.000Z'
  });
  const facts = factsOf({ deals: [deal] });
  const health = computePipelineHealth(facts, { target });

  it('is the whole pipeline', () => {
    // 1,000 closing 2026-11-30, in the period: 1,000 / (4,000 − 0) = 0.25.
    expect(health.coverage.coverage.value).toBe(0.25);
    expect(facts.open.medianAmount).toBe(1000);
    // 1,000 is neither ≥ 2 × 1,000 nor < ½ × 1,000: a stone.
    expect(health.balance.bands.totals.stone).toEqual({ count: 1, value: 1000 });
    // It is 100% of the pipeline.
    expect(health.balance.concentration).toMatchObject({ share: 1, level: 'flag' });
    expect(health.balance.concentration.largest?.id).toBe(deal.id);
  });

  it('is listed as the largest deal with enough of it to show, open and edit it', () => {
    expect(facts.open.largest).toEqual([
      {
        id: deal.id,
        name: deal.name,
        accountId: '001T00000000001',
        ownerId: '005T00000000001',
        stageName: 'Qualification',
        amount: 1000,
        closeDate: '2026-11-30',
        nextStep: 'Call the sponsor'
      }
    ]);
  });

  it('entered its stage when it was created, with no history', () => {
    expect(facts.stages[1]?.cohorts).toEqual([
      { month: '2026-09', entered: 1, advanced: 0, won: 0, lost: 0, open: 1 }
    ]);
    expect(facts.history).toEqual({ changes: 0, dealsWithChanges: 0, unmatchedChanges: 0 });
  });
});

describe('a single won deal', () => {
  const facts = factsOf({ deals: [wonDeal({ closeDate: '2026-10-15', amount: 700 })] });

  it('counts toward the period but is too little history for a win rate', () => {
    expect(facts.closed.wonInPeriod).toEqual({ count: 1, value: 700 });
    expect(winRates(facts, { ...DEFAULT_SETTINGS }).byCount.status).toBe('insufficient-history');
  });

  it('gives a win rate of 1 when the org accepts one deal of history', () => {
    const settings = { minHistoryDeals: 1 };
    const health = computePipelineHealth(facts, { target, settings });
    expect(health.winRate.byCount.value).toBe(1);
    // 2026-09-01 → 2026-10-15: 44 days.
    expect(health.cycleLength.value).toEqual({ average: 44, median: 44 });
    // Remaining target 4,000 − 700 = 3,300, and no open deal.
    expect(health.coverage.coverage.value).toBe(0);
    expect(health.coverage.coverage.basis.remaining).toBe(3300);
    // No open deal: velocity 0 × 700 × 1 ÷ 44.
    expect(health.velocity.value).toEqual({ perDay: 0, perPeriod: 0 });
  });
});

describe('a history of losses only', () => {
  // 10 deals created 2026-05-01 in Prospecting, moved to Qualification on 05-11, lost on 06-01.
  const deals = Array.from({ length: 10 }, () =>
    lostDeal({ amount: 100, createdDate: '2026-05-01T09:00:00.000Z', closeDate: '2026-06-01' })
  );
  const changes = deals.flatMap((deal) => [
    move(deal.id, '2026-05-11T10:00:00.000Z', 'Prospecting', 'Qualification'),
    move(deal.id, '2026-06-01T10:00:00.000Z', 'Qualification', 'Closed Lost')
  ]);
  const facts = factsOf({ deals: [...deals, openDeal({ amount: 2000 })], changes });
  const health = computePipelineHealth(facts, { target });

  it('has a win rate of 0, so no coverage is enough and the velocity is 0', () => {
    expect(health.winRate.byCount.value).toBe(0);
    expect(health.winRate.byValue.value).toBe(0);
    expect(health.coverage.required).toMatchObject({
      status: 'insufficient-history',
      reason: 'Nothing was won in the last 365 days, so no coverage can be said to be enough.'
    });
    expect(health.averageDealSize.reason).toBe('No deal with an amount was won in the last 365 days.');
    expect(health.cycleLength.reason).toBe('No deal was won in the last 365 days.');
    expect(health.velocity.value).toEqual({ perDay: 0, perPeriod: 0 });
    expect(health.velocity.basis).toMatchObject({ winRate: 0, averageDealSize: null, cycleDays: null });
  });

  it('has no PVF: no value that reached a stage was won', () => {
    expect(health.valueFactors.stages[0]).toMatchObject({
      stageName: 'Prospecting',
      status: 'insufficient-history',
      reason: 'No value that reached Prospecting was won in the last 365 days.'
    });
    // Needs Analysis: nobody reached it.
    expect(health.valueFactors.stages[2]?.reason).toBe(
      'Not enough history: 0 deals that reached Needs Analysis closed in the last 365 days, 10 needed.'
    );
  });

  it('lost every cohort', () => {
    expect(health.conversion[0]?.cohorts[0]).toMatchObject({ month: '2026-05', entered: 10, lostShare: 1 });
  });
});

describe('closed deals without any history', () => {
  const deals = [
    ...Array.from({ length: 6 }, () => wonDeal({ amount: 200, closeDate: '2026-08-01' })),
    ...Array.from({ length: 4 }, () => lostDeal({ amount: 200, closeDate: '2026-08-01' }))
  ];
  const facts = factsOf({ deals });
  const health = computePipelineHealth(facts, { target });

  it('still give a win rate, from the deals themselves', () => {
    expect(health.winRate.byCount.value).toBe(0.6);
    // 1,200 of 2,000.
    expect(health.winRate.byValue.value).toBe(0.6);
  });

  it('reached no open stage that anyone saw: no PVF, no cohort', () => {
    expect(facts.stages.every((stage) => stage.reached.won.count + stage.reached.lost.count === 0)).toBe(
      true
    );
    expect(health.valueFactors.stages.every((stage) => stage.status === 'insufficient-history')).toBe(true);
    expect(health.conversion.every((stage) => stage.cohorts.length === 0)).toBe(true);
  });

  it('are history only when closed in the window', () => {
    const old = factsOf({
      deals: [wonDeal({ closeDate: '2025-11-23' }), wonDeal({ closeDate: '2025-11-24' })]
    });
    // The window starts on 2025-11-24: 365 days up to and including 2026-11-23.
    expect(old.closed.won.count).toBe(1);
  });
});

describe('deals without amounts', () => {
  const noAmount: Partial<Deal> = { amount: null };
  const closed = [
    ...Array.from({ length: 6 }, () => wonDeal({ ...noAmount, createdDate: '2026-05-01T09:00:00.000Z' })),
    ...Array.from({ length: 4 }, () => lostDeal({ ...noAmount, createdDate: '2026-05-01T09:00:00.000Z' }))
  ];
  const changes = closed.map((deal) =>
    change(deal.id, '2026-06-01T10:00:00.000Z', {
      previousStageName: 'Prospecting',
      stageName: deal.stageName
    })
  );
  const open = [
    openDeal({ amount: null }),
    openDeal({ amount: 100 }),
    openDeal({ amount: 300, stageName: 'Qualification' })
  ];
  const facts = factsOf({ deals: [...closed, ...open], changes });
  const health = computePipelineHealth(facts, { target });

  it('count as deals worth nothing, and are counted apart', () => {
    expect(facts.open).toMatchObject({ count: 3, value: 400, missingAmount: 1 });
    expect(facts.stages[0]?.open).toEqual({ count: 2, value: 100, missingAmount: 1 });
    // Median of the amounts given: (100 + 300) / 2.
    expect(facts.open.medianAmount).toBe(200);
    expect(health.balance.stages[0]?.missingAmount).toBe(1);
    expect(health.balance.bands.totals.stone.count + health.balance.bands.totals.rock.count).toBe(2);
  });

  it('give win rates by count but not by value, and no deal size', () => {
    expect(health.winRate.byCount.value).toBe(0.6);
    expect(health.winRate.byValue.reason).toBe('The closed deals have no amounts.');
    expect(health.averageDealSize.status).toBe('insufficient-history');
    expect(health.coverage.required.reason).toBe('The closed deals have no amounts.');
  });

  it('weigh the days in stage by count when no deal that left has an amount', () => {
    expect(health.valueFactors.stages[0]).toMatchObject({
      status: 'insufficient-history',
      reason: 'The deals that reached Prospecting and closed in the last 365 days have no amounts.',
      basis: { daysWeightedBy: 'count', closedDeals: 10, exits: 10 }
    });
  });

  it('are flagged as missing an amount', () => {
    const missing = health.integrity.rules.find((rule) => rule.rule === 'missing-amount');
    expect(missing).toMatchObject({ count: 1, value: 0, truncated: false });
    expect(missing?.deals[0]?.reason).toBe('No amount.');
  });
});

describe('history that ended before the window', () => {
  // 10 deals created 2025-06-01, in Qualification from 2025-07-01, won on 2026-01-15: closed in the window
  // (from 2025-11-24), but they left Prospecting before it.
  const deals = Array.from({ length: 10 }, () =>
    wonDeal({ amount: 100, createdDate: '2025-06-01T09:00:00.000Z', closeDate: '2026-01-15' })
  );
  const changes = deals.flatMap((deal) => [
    move(deal.id, '2025-07-01T10:00:00.000Z', 'Prospecting', 'Qualification'),
    move(deal.id, '2026-01-15T10:00:00.000Z', 'Qualification', 'Closed Won')
  ]);
  const health = computePipelineHealth(factsOf({ deals, changes }), { target });

  it('gives no time in a stage no deal left in the window', () => {
    expect(health.valueFactors.stages[0]).toMatchObject({
      status: 'insufficient-history',
      reason: 'No deal left Prospecting in the last 365 days.',
      basis: { closedDeals: 10, exits: 0 }
    });
    // Qualification: left on 2026-01-15 after 198 days; all won: w = 1; PVF = 198 / 92.
    expect(health.valueFactors.stages[1]?.value?.factor).toBeCloseTo(198 / 92, 12);
  });
});
