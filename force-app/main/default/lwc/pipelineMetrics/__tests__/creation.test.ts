/**
 * When a deal was created: the earlier of its CreatedDate and its oldest change. A seeded or migrated org rarely
 * backdates CreatedDate, so the platform stamps it when the records are loaded while their backfilled history starts
 * months earlier; cycles, stays, idle days and the waterfall must then count from the history.
 * Today 2026-11-23, period 2026-10-01 … 2026-12-31 (92 days), lookback 365 days, default stages.
 */
import { changesFromHistorySnapshots, computePipelineHealth } from 'c/pipelineMetrics';
import type { Deal, DealChange, PipelineFacts } from 'c/pipelineMetrics';
import { change, factsOf, lostDeal, move, openDeal, wonDeal } from './pipelineTestData';

/** When the seed ran: the platform's CreatedDate of every seeded deal. */
const SEEDED = '2026-11-20T07:00:00.000Z';

/** The backfilled creation row of a deal: its first stage, amount and close date, dated when it was created. */
function created(deal: Deal, changedAt: string, stageName = 'Prospecting'): DealChange {
  return change(deal.id, changedAt, {
    stageName,
    amount: deal.amount,
    previousAmount: deal.amount,
    closeDate: deal.closeDate,
    previousCloseDate: deal.closeDate
  });
}

const stage = (name: string, facts: PipelineFacts) => facts.stages.find((each) => each.apiName === name);

describe('the day a deal was created', () => {
  it('counts a won deal’s cycle from its backfilled creation, 60 days before a CreatedDate on its close day', () => {
    const deal = wonDeal({ createdDate: '2026-10-15T16:00:00.000Z', closeDate: '2026-10-15' });
    const facts = factsOf({ deals: [deal], changes: [created(deal, '2026-08-16T10:00:00.000Z')] });
    // 2026-08-16 → 2026-10-15: 15 + 30 + 15 days.
    expect(facts.closed.cycleDays).toEqual([[60, 1]]);
  });

  it('starts the stays on the backfilled days, so each stage has time in it and a PVF', () => {
    // Ten deals seeded on 11-20, each backfilled: created 08-16 in Prospecting, Qualification on 09-05, closed on
    // 10-15; eight won and two lost, 1,000 each. One open deal holds 30,000 in Prospecting.
    const closed = [
      ...Array.from({ length: 8 }, () => wonDeal({ createdDate: SEEDED, closeDate: '2026-10-15' })),
      lostDeal({ createdDate: SEEDED, closeDate: '2026-10-15' }),
      lostDeal({ createdDate: SEEDED, closeDate: '2026-10-15' })
    ];
    const held = openDeal({ createdDate: SEEDED, amount: 30_000 });
    const changes = closed.flatMap((deal) => [
      created(deal, '2026-08-16T10:00:00.000Z'),
      move(deal.id, '2026-09-05T10:00:00.000Z', 'Prospecting', 'Qualification'),
      move(deal.id, '2026-10-15T10:00:00.000Z', 'Qualification', deal.stageName)
    ]);
    const facts = factsOf({ deals: [...closed, held], changes });

    // Prospecting 08-16 → 09-05: 20 days; Qualification 09-05 → 10-15: 40 days.
    expect(stage('Prospecting', facts)?.exits).toEqual({
      count: 10,
      days: 200,
      value: 10_000,
      valueDays: 200_000
    });
    expect(stage('Qualification', facts)?.exits).toEqual({
      count: 10,
      days: 400,
      value: 10_000,
      valueDays: 400_000
    });
    expect(stage('Prospecting', facts)?.cohorts).toEqual([
      { month: '2026-08', entered: 10, advanced: 10, won: 8, lost: 2, open: 0 },
      { month: '2026-11', entered: 1, advanced: 0, won: 0, lost: 0, open: 1 }
    ]);

    const health = computePipelineHealth(facts, { target: { amount: 92_000, source: 'SalesTarget' } });
    const [prospecting, qualification] = health.valueFactors.stages;
    // w = 8,000 ÷ 10,000 = 0.8. Prospecting: 20 ÷ (0.8 × 92) × 92,000 = 25,000 needed, 30,000 held.
    expect(prospecting?.value).toMatchObject({ winShare: 0.8, averageDays: 20, needed: 25_000, gap: 5000 });
    // Qualification: 40 ÷ (0.8 × 92) × 92,000 = 50,000 needed, nothing held.
    expect(qualification?.value).toMatchObject({ averageDays: 40, needed: 50_000, gap: -50_000 });
    expect(health.cycleLength.value).toEqual({ average: 60, median: 60 });
    // 1 open deal × 1,000 average won × 0.8 win rate ÷ 60 days.
    expect(health.velocity.value?.perDay).toBeCloseTo(800 / 60, 10);
  });

  it('counts the idle days of a deal without activity from its backfilled creation', () => {
    const deal = openDeal({ createdDate: SEEDED, lastActivityDate: null });
    const facts = factsOf({ deals: [deal], changes: [created(deal, '2026-06-01T10:00:00.000Z')] });
    // 2026-06-01 → 2026-11-23: 175 days.
    expect(facts.integrity.idleDays.levels).toEqual([[175, 1, 1000]]);
    expect(facts.integrity.idleDays.deals[0]).toMatchObject({
      id: deal.id,
      level: 175,
      source: 'createdDate'
    });
  });

  it('puts a deal backfilled before the waterfall’s first day in its start, not among the new deals', () => {
    const deal = openDeal({ stageName: 'Proposal/Price Quote', createdDate: SEEDED, amount: 4000 });
    const facts = factsOf({
      deals: [deal],
      changes: [created(deal, '2026-09-01T10:00:00.000Z', 'Proposal/Price Quote')],
      waterfall: { from: '2026-10-01', to: '2026-11-23' }
    });
    expect(facts.waterfall).toMatchObject({
      start: { count: 1, value: 4000 },
      new: { count: 0, value: 0 },
      end: { count: 1, value: 4000 }
    });
  });

  it('keeps the CreatedDate of a deal without history', () => {
    const won = wonDeal({ createdDate: '2026-09-01T09:00:00.000Z', closeDate: '2026-10-15' });
    const idle = openDeal({ createdDate: '2026-10-01T12:00:00.000Z', lastActivityDate: null });
    const facts = factsOf({ deals: [won, idle] });
    // 2026-09-01 → 2026-10-15: 44 days; 2026-10-01 → 2026-11-23: 53 days.
    expect(facts.closed.cycleDays).toEqual([[44, 1]]);
    expect(facts.integrity.idleDays.levels).toEqual([[53, 1, 1000]]);
  });

  it('does not move the creation later when the oldest change comes after CreatedDate', () => {
    const deal = wonDeal({ createdDate: '2026-09-01T09:00:00.000Z', closeDate: '2026-10-15' });
    const facts = factsOf({
      deals: [deal],
      changes: [
        move(deal.id, '2026-09-11T10:00:00.000Z', 'Prospecting', 'Qualification'),
        move(deal.id, '2026-10-15T10:00:00.000Z', 'Qualification', 'Closed Won')
      ]
    });
    // Created 09-01, not 09-11: a 44-day cycle, 10 days in Prospecting.
    expect(facts.closed.cycleDays).toEqual([[44, 1]]);
    expect(stage('Prospecting', facts)?.exits).toMatchObject({ count: 1, days: 10 });
  });

  it('counts from the oldest row even when it records no creation', () => {
    const deal = wonDeal({ createdDate: SEEDED, closeDate: '2026-10-15' });
    const facts = factsOf({
      deals: [deal],
      changes: [
        move(deal.id, '2026-10-15T10:00:00.000Z', 'Qualification', 'Closed Won'),
        change(deal.id, '2026-07-27T23:59:59.000Z', { previousAmount: 800, amount: 1000 }),
        move(deal.id, '2026-09-05T10:00:00.000Z', 'Prospecting', 'Qualification')
      ]
    });
    // The amount changed on 07-27, so the deal existed then. 07-27 → 10-15: 80 days; Prospecting 07-27 → 09-05: 40.
    expect(facts.closed.cycleDays).toEqual([[80, 1]]);
    expect(stage('Prospecting', facts)?.exits).toMatchObject({ count: 1, days: 40 });
  });

  it('counts from a row of the platform’s history as from a row of the package', () => {
    const deal = wonDeal({ createdDate: SEEDED, closeDate: '2026-10-15' });
    const facts = factsOf({
      deals: [deal],
      changes: [
        move(deal.id, '2026-09-05T10:00:00.000Z', 'Prospecting', 'Qualification'),
        move(deal.id, '2026-10-15T10:00:00.000Z', 'Qualification', 'Closed Won'),
        ...changesFromHistorySnapshots([
          {
            opportunityId: deal.id,
            createdDate: '2026-07-27T23:59:59.000+0000',
            stageName: 'Prospecting',
            amount: 1000,
            closeDate: '2026-10-15'
          }
        ])
      ]
    });
    expect(facts.closed.cycleDays).toEqual([[80, 1]]);
    expect(stage('Prospecting', facts)?.exits).toMatchObject({ count: 1, days: 40 });
  });
});
