/**
 * Data integrity rules, each pinned on a few open deals. Today 2026-11-23, default stages.
 */
import { computePipelineHealth, dataIntegrity, DEFAULT_SETTINGS } from 'c/pipelineMetrics';
import type { Deal, IntegrityRule, IntegrityRuleResult, PipelineFacts } from 'c/pipelineMetrics';
import { change, factsOf, openDeal, wonDeal } from './pipelineTestData';

function rule(facts: PipelineFacts, name: IntegrityRule, settings = {}): IntegrityRuleResult {
  const result = dataIntegrity(facts, { ...DEFAULT_SETTINGS, ...settings }).rules.find(
    (each) => each.rule === name
  );
  if (!result) {
    throw new Error(`no rule ${name}`);
  }
  return result;
}

const ids = (result: IntegrityRuleResult): string[] => result.deals.map((deal) => deal.id);

describe('pushes', () => {
  // A: 10-15 → 11-20 (later month: push), 11-20 → 11-28 (same month), 11-28 → 12-05 (push), 12-05 → 11-10 (pull-in).
  const a = openDeal({ amount: 500, closeDate: '2026-11-10' });
  const aChanges = [
    change(a.id, '2026-09-10T10:00:00Z', { previousCloseDate: '2026-10-15', closeDate: '2026-11-20' }),
    change(a.id, '2026-09-20T10:00:00Z', { previousCloseDate: '2026-11-20', closeDate: '2026-11-28' }),
    change(a.id, '2026-10-01T10:00:00Z', { previousCloseDate: '2026-11-28', closeDate: '2026-12-05' }),
    change(a.id, '2026-10-05T10:00:00Z', { previousCloseDate: '2026-12-05', closeDate: '2026-11-10' })
  ];
  // B: no history; the platform counted 3 pushes.
  const b = openDeal({ amount: 300, pushCount: 3 });
  // C: one push in history, PushCount 0 (a backfilled change the platform never saw).
  const c = openDeal({ amount: 200, pushCount: 0 });
  const cChanges = [
    change(c.id, '2026-10-01T10:00:00Z', { previousCloseDate: '2026-10-30', closeDate: '2026-11-30' })
  ];
  // D: the same two pushes reported by two sources (package record and platform history): counted once each.
  const d = openDeal({ amount: 100, closeDate: '2026-12-20' });
  const push1 = { previousCloseDate: '2026-10-20', closeDate: '2026-11-20' };
  const push2 = { previousCloseDate: '2026-11-20', closeDate: '2026-12-20' };
  const dChanges = [
    change(d.id, '2026-09-01T10:00:00Z', push1),
    change(d.id, '2026-09-01T10:00:05Z', push1),
    change(d.id, '2026-10-01T10:00:00Z', push2),
    change(d.id, '2026-10-01T10:00:07Z', push2)
  ];
  // E: its creation row records a close date; it never moved.
  const e = openDeal({ amount: 50, pushCount: 0 });
  const eChanges = [
    change(e.id, e.createdDate, {
      stageName: 'Prospecting',
      closeDate: '2026-11-30',
      previousCloseDate: null
    })
  ];
  // Lists are ordered most pushes first, then by amount.
  const facts = factsOf({
    deals: [a, b, c, d, e, wonDeal({ pushCount: 9 })],
    changes: [...eChanges, ...dChanges, ...cChanges, ...aChanges].reverse()
  });

  it('counts pushes from the history, falling back to PushCount', () => {
    expect(facts.integrity.pushes.deals.map((deal) => [deal.id, deal.level, deal.source])).toEqual([
      [b.id, 3, 'PushCount'],
      [a.id, 2, 'history'],
      [d.id, 2, 'history'],
      [c.id, 1, 'history']
    ]);
    // Levels: 1 push (C: 200), 2 pushes (A: 500, D: 100), 3 pushes (B: 300). Closed deals are not checked.
    expect(facts.integrity.pushes.levels).toEqual([
      [1, 1, 200],
      [2, 2, 600],
      [3, 1, 300]
    ]);
  });

  it('flags the deals pushed at least pushLimit times', () => {
    // Default limit 2: B, A, D = 300 + 500 + 100.
    const pushed = rule(facts, 'pushed');
    expect(pushed).toMatchObject({
      label: 'Close date pushed 2+ times',
      count: 3,
      value: 900,
      truncated: false
    });
    expect(ids(pushed)).toEqual([b.id, a.id, d.id]);
    expect(pushed.deals[0]?.reason).toBe('Close date pushed to a later month 3 times (from PushCount).');
    expect(pushed.deals[1]?.reason).toBe(
      'Close date pushed to a later month 2 times (from the change history).'
    );
    // Limit 3: B only; limit 1: all four, C pushed once.
    expect(ids(rule(facts, 'pushed', { pushLimit: 3 }))).toEqual([b.id]);
    expect(rule(facts, 'pushed', { pushLimit: 1 }).deals[3]?.reason).toBe(
      'Close date pushed to a later month once (from the change history).'
    );
  });
});

describe('close date in the past, next step, amount', () => {
  const overdue = openDeal({ closeDate: '2026-11-13', amount: 400 });
  const older = openDeal({ closeDate: '2026-10-24', amount: 100, nextStep: 'Confirm the budget' });
  const blank = openDeal({ nextStep: '   ', amount: 900 });
  const none = openDeal({ nextStep: null, amount: 800 });
  const noAmount = openDeal({ amount: null, closeDate: '2026-12-01' });
  // The last deal closes today: not late.
  const facts = factsOf({
    deals: [overdue, older, blank, none, noAmount, openDeal({ closeDate: '2026-11-23' })]
  });

  it('flags open deals whose close date has passed, most overdue first', () => {
    const past = rule(facts, 'past-close-date');
    // 2026-10-24 → 2026-11-23: 30 days; 2026-11-13 → 10 days.
    expect(past).toMatchObject({ count: 2, value: 500 });
    expect(past.deals.map((deal) => [deal.id, deal.level, deal.reason])).toEqual([
      [older.id, 30, 'Close date 2026-10-24 passed 30 days ago.'],
      [overdue.id, 10, 'Close date 2026-11-13 passed 10 days ago.']
    ]);
  });

  it('lists each flagged deal with its next step as it stands, so that an edit starts from it', () => {
    expect(rule(facts, 'past-close-date').deals.map((deal) => deal.nextStep)).toEqual([
      'Confirm the budget',
      'Call the sponsor'
    ]);
    expect(facts.integrity.pastCloseDate.deals[0]).toMatchObject({
      id: older.id,
      nextStep: 'Confirm the budget'
    });
  });

  it('flags a missing or blank next step, largest deal first', () => {
    const next = rule(facts, 'no-next-step');
    expect(next).toMatchObject({ count: 2, value: 1700 });
    expect(next.deals.map((deal) => [deal.id, deal.nextStep])).toEqual([
      [blank.id, '   '],
      [none.id, null]
    ]);
  });

  it('flags a missing amount', () => {
    expect(ids(rule(facts, 'missing-amount'))).toEqual([noAmount.id]);
  });
});

describe('no recent activity', () => {
  const idle = openDeal({ lastActivityDate: '2026-09-01', amount: 10 });
  const recent = openDeal({ lastActivityDate: '2026-11-01', amount: 20 });
  const never = openDeal({ lastActivityDate: null, createdDate: '2026-10-01T12:00:00.000Z', amount: 30 });
  const open = [idle, recent, never];

  it('uses two thirds of the fallback cycle without won history', () => {
    const facts = factsOf({ deals: open });
    const stale = rule(facts, 'stale');
    // Fallback 90 days → limit 60. Idle since 09-01: 83 days. 11-01: 22 days. Created 10-01, no activity: 53 days.
    expect(dataIntegrity(facts, { ...DEFAULT_SETTINGS }).staleLimit).toEqual({
      typicalCycleDays: 90,
      source: 'setting',
      limitDays: 60
    });
    expect(stale).toMatchObject({ count: 1, value: 10 });
    expect(stale.deals[0]?.reason).toBe('No activity for 83 days; the limit is 60 days.');
  });

  it('uses two thirds of the median won cycle when history gives one', () => {
    // 10 won deals: cycles of 30 days (× 6) and 60 days (× 4): median 30 → limit 20 days.
    const won = [
      ...Array.from({ length: 6 }, () =>
        wonDeal({ createdDate: '2026-06-01T08:00:00Z', closeDate: '2026-07-01' })
      ),
      ...Array.from({ length: 4 }, () =>
        wonDeal({ createdDate: '2026-06-01T08:00:00Z', closeDate: '2026-07-31' })
      )
    ];
    const facts = factsOf({ deals: [...open, ...won] });
    const health = computePipelineHealth(facts);
    expect(health.cycleLength.value).toEqual({ average: 42, median: 30 });
    expect(health.integrity.staleLimit).toEqual({ typicalCycleDays: 30, source: 'history', limitDays: 20 });
    const stale = health.integrity.rules.find((each) => each.rule === 'stale');
    // 83, 53 and 22 days all exceed 20; most idle first.
    expect(stale?.deals.map((deal) => [deal.id, deal.level])).toEqual([
      [idle.id, 83],
      [never.id, 53],
      [recent.id, 22]
    ]);
    expect(stale?.deals[1]?.reason).toBe(
      'No activity for 53 days (none since it was created); the limit is 20 days.'
    );
  });

  it('keeps its idle days exact for any limit', () => {
    const facts = factsOf({ deals: open });
    expect(facts.integrity.idleDays.levels).toEqual([
      [22, 1, 20],
      [53, 1, 30],
      [83, 1, 10]
    ]);
  });
});

describe('probability against the stage', () => {
  // Prospecting's default is 10%; Value Proposition's 50%.
  const far = openDeal({ probability: 50 });
  const near = openDeal({ probability: 15 });
  const below = openDeal({ stageName: 'Value Proposition', probability: 20 });
  const unset = openDeal({ probability: null });
  const unknownStage = openDeal({ stageName: 'Retired Stage', probability: 90 });
  const facts = factsOf({ deals: [far, near, below, unset, unknownStage] });

  it('flags probabilities more than the tolerance away from the default', () => {
    const mismatch = rule(facts, 'probability-mismatch');
    // |50 − 10| = 40, |20 − 50| = 30: beyond 10 points. |15 − 10| = 5 is within.
    expect(mismatch.deals.map((deal) => [deal.id, deal.level])).toEqual([
      [far.id, 40],
      [below.id, 30]
    ]);
    expect(mismatch.deals[1]?.reason).toBe(
      'Probability is 30 points from the 50% default of Value Proposition.'
    );
    expect(rule(facts, 'probability-mismatch', { probabilityTolerance: 35 }).count).toBe(1);
  });
});

describe('capped lists', () => {
  const deals: Deal[] = Array.from({ length: 5 }, (_, index) =>
    openDeal({ nextStep: null, amount: 100 * (index + 1) })
  );
  const facts = factsOf({ deals, settings: { listCap: 2 } });

  it('count every deal and list the first ones', () => {
    const next = rule(facts, 'no-next-step');
    expect(next).toMatchObject({ count: 5, value: 1500, truncated: true });
    expect(next.deals.map((deal) => deal.amount)).toEqual([500, 400]);
    expect(facts.rules.listCap).toBe(2);
    expect(facts.open.largest.map((deal) => deal.amount)).toEqual([500, 400]);
  });

  it('list nothing with a cap of 0', () => {
    const capped = factsOf({ deals, settings: { listCap: 0 } });
    expect(capped.integrity.noNextStep).toMatchObject({ count: 5, deals: [] });
  });
});
