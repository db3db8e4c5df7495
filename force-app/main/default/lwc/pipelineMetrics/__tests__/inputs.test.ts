/**
 * What the module accepts and refuses, its targets and its settings.
 */
import { computePipelineHealth, DEFAULT_SETTINGS, pipelineCoverage } from 'c/pipelineMetrics';
import { change, DEFAULT_STAGES, factsOf, openDeal, PERIOD, wonDeal } from './pipelineTestData';

describe('inputs it refuses', () => {
  it('names the value it cannot use', () => {
    const deal = openDeal();
    expect(() => factsOf({ today: '2026-11-31' })).toThrow("today is not an ISO date: '2026-11-31'");
    expect(() => factsOf({ period: { start: '2026-12-31', end: '2026-10-01' } })).toThrow(
      'the period ends (2026-10-01) before it starts (2026-12-31)'
    );
    expect(() => factsOf({ lookbackDays: 0 })).toThrow(
      'lookbackDays must be a whole number of days, at least 1: 0'
    );
    expect(() => factsOf({ lookbackDays: 1.5 })).toThrow(RangeError);
    expect(() => factsOf({ deals: [deal, { ...deal }] })).toThrow(`deal ${deal.id} is listed twice`);
    expect(() => factsOf({ stages: [...DEFAULT_STAGES, DEFAULT_STAGES[0]!] })).toThrow('is listed twice');
    expect(() => factsOf({ deals: [openDeal({ id: '006X', closeDate: 'soon' })] })).toThrow(
      "closeDate of deal 006X is not an ISO date: 'soon'"
    );
    expect(() => factsOf({ deals: [openDeal({ id: '006Y', createdDate: '' })] })).toThrow(
      "createdDate of deal 006Y is not an ISO date: ''"
    );
    expect(() => factsOf({ deals: [deal], changes: [change(deal.id, 'later')] })).toThrow(
      `change of deal ${deal.id} has an unreadable changedAt: 'later'`
    );
    expect(() => factsOf({ waterfall: { from: '2026-11-01', to: '2026-10-01' } })).toThrow(
      'the waterfall ends (2026-10-01) before it starts (2026-11-01)'
    );
    expect(() => factsOf({ settings: { rockMedianMultiple: 0.5, pebbleMedianMultiple: 1 } })).toThrow(
      'size bands need pebbleMedianMultiple ≤ rockMedianMultiple, and listCap ≥ 0'
    );
  });

  it('reads unreadable optional dates as missing', () => {
    const facts = factsOf({ deals: [openDeal({ lastActivityDate: 'n/a', lastStageChangeDate: 'n/a' })] });
    expect(facts.integrity.idleDays.deals[0]?.source).toBe('createdDate');
  });
});

describe('targets', () => {
  const facts = factsOf({
    deals: [openDeal({ amount: 3000 }), wonDeal({ amount: 1000, closeDate: '2026-10-20' })]
  });
  const coverage = (target?: Parameters<typeof pipelineCoverage>[1]) =>
    pipelineCoverage(facts, target, { ...DEFAULT_SETTINGS }).coverage;

  it('carries the target’s source through', () => {
    // 3,000 / (5,000 − 1,000 won on 10-20).
    expect(coverage({ amount: 5000, source: 'ForecastingQuota' })).toMatchObject({
      status: 'ok',
      value: 0.75,
      basis: {
        period: PERIOD,
        target: 5000,
        targetSource: 'ForecastingQuota',
        closedWon: 1000,
        remaining: 4000
      }
    });
  });

  it('has no coverage without a target, or with a zero target, or once the target is met', () => {
    const noTarget =
      'No target for the period: the org has no forecasting quota and no Account Atlas sales target for it.';
    expect(coverage()).toMatchObject({ status: 'no-target', value: null, reason: noTarget });
    expect(coverage({ amount: 5000, source: 'None' })).toMatchObject({
      status: 'no-target',
      basis: { target: null }
    });
    expect(coverage({ amount: 0, source: 'SalesTarget' })).toMatchObject({
      status: 'no-target',
      reason: 'The target for the period is 0.'
    });
    expect(coverage({ amount: 800, source: 'SalesTarget' })).toMatchObject({
      status: 'target-met',
      reason: 'The target is met: 1000 closed won against a target of 800.'
    });
  });
});

describe('computePipelineHealth', () => {
  it('returns every panel, with the settings it used', () => {
    const health = computePipelineHealth(factsOf({ deals: [openDeal()] }), { settings: { pushLimit: 4 } });
    expect(Object.keys(health).sort()).toEqual(
      [
        'averageDealSize',
        'balance',
        'conversion',
        'coverage',
        'cycleLength',
        'integrity',
        'lookbackDays',
        'period',
        'relationships',
        'settings',
        'today',
        'valueFactors',
        'velocity',
        'waterfall',
        'winRate'
      ].sort()
    );
    expect(health).toMatchObject({ today: '2026-11-23', period: PERIOD, lookbackDays: 365 });
    expect(health.settings).toMatchObject({ pushLimit: 4, minHistoryDeals: 10 });
    expect(health.integrity.rules.find((rule) => rule.rule === 'pushed')?.label).toBe(
      'Close date pushed 4+ times'
    );
  });

  it('needs at least one deal of history', () => {
    expect(
      computePipelineHealth(factsOf({}), { settings: { minHistoryDeals: 0 } }).settings.minHistoryDeals
    ).toBe(1);
  });

  it('gives facts that survive JSON, as they do coming from Apex', () => {
    const facts = factsOf({
      deals: [openDeal(), wonDeal({ closeDate: '2026-10-20' })],
      stakeholders: [],
      waterfall: { from: '2026-10-01', to: '2026-11-23' }
    });
    const copy = JSON.parse(JSON.stringify(facts)) as typeof facts;
    expect(copy).toEqual(facts);
    expect(computePipelineHealth(copy)).toEqual(computePipelineHealth(facts));
  });
});
