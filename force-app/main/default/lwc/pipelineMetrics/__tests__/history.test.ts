/**
 * How the metrics read the past: stage stays replayed from changes in any order, incomplete or duplicated history,
 * stages the org no longer lists, and the conversion of the platform's OpportunityHistory snapshots into changes.
 * Today 2026-11-23, lookback 365 days, default stages.
 */
import { changesFromHistorySnapshots } from 'c/pipelineMetrics';
import type { DealChange, OpportunityHistorySnapshot } from 'c/pipelineMetrics';
import { change, factsOf, lostDeal, move, openDeal, wonDeal } from './pipelineTestData';

const stage = (name: string, facts: ReturnType<typeof factsOf>) =>
  facts.stages.find((each) => each.apiName === name);

describe('stays replayed from changes', () => {
  it('dates a deal without history in its stage from LastStageChangeDate, else from its creation', () => {
    const moved = openDeal({ stageName: 'Qualification', lastStageChangeDate: '2026-10-15T10:00:00.000Z' });
    const created = openDeal({ stageName: 'Qualification', lastStageChangeDate: '2026-08-01T10:00:00.000Z' });
    const facts = factsOf({ deals: [moved, created] });
    // Created 2026-09-01: the earlier LastStageChangeDate is ignored.
    expect(stage('Qualification', facts)?.cohorts.map((cohort) => [cohort.month, cohort.entered])).toEqual([
      ['2026-09', 1],
      ['2026-10', 1]
    ]);
  });

  it('closes the last replayed stay on LastStageChangeDate when the history stops short of the current stage', () => {
    // History: Prospecting → Qualification on 09-11; the deal is now in Needs Analysis since 10-01, unrecorded.
    const deal = openDeal({ stageName: 'Needs Analysis', lastStageChangeDate: '2026-10-01T10:00:00.000Z' });
    const facts = factsOf({
      deals: [deal],
      changes: [move(deal.id, '2026-09-11T10:00:00Z', 'Prospecting', 'Qualification')]
    });
    // Prospecting 09-01 → 09-11: 10 days; Qualification 09-11 → 10-01: 20 days.
    expect(stage('Prospecting', facts)?.exits).toMatchObject({ count: 1, days: 10 });
    expect(stage('Qualification', facts)?.exits).toMatchObject({ count: 1, days: 20 });
    expect(stage('Needs Analysis', facts)?.cohorts[0]).toMatchObject({ month: '2026-10', entered: 1 });
  });

  it('does not count a stay whose end is unknown', () => {
    const deal = openDeal({ stageName: 'Needs Analysis', lastStageChangeDate: null });
    const facts = factsOf({
      deals: [deal],
      changes: [move(deal.id, '2026-09-11T10:00:00Z', 'Prospecting', 'Qualification')]
    });
    expect(stage('Qualification', facts)?.exits.count).toBe(0);
    // The deal still reached Needs Analysis: it is there now.
    expect(stage('Needs Analysis', facts)?.cohorts[0]?.entered).toBe(1);
  });

  it('counts a change reported twice once, and a stage revisited as one more stay', () => {
    const deal = lostDeal({ closeDate: '2026-10-20', amount: 100 });
    const changes: DealChange[] = [
      move(deal.id, '2026-09-11T10:00:00Z', 'Prospecting', 'Qualification'),
      move(deal.id, '2026-09-11T10:00:03Z', 'Prospecting', 'Qualification'),
      move(deal.id, '2026-09-21T10:00:00Z', 'Qualification', 'Prospecting'),
      move(deal.id, '2026-10-01T10:00:00Z', 'Prospecting', 'Qualification'),
      move(deal.id, '2026-10-20T10:00:00Z', 'Qualification', 'Closed Lost')
    ];
    const facts = factsOf({ deals: [deal], changes: changes.reverse() });
    // Prospecting: 09-01 → 09-11 and 09-21 → 10-01. Qualification: 09-11 → 09-21 and 10-01 → 10-20.
    expect(stage('Prospecting', facts)?.exits).toMatchObject({ count: 2, days: 20 });
    expect(stage('Qualification', facts)?.exits).toMatchObject({ count: 2, days: 29 });
    // Reached once per stage, entered once per stage (the first entry).
    expect(stage('Qualification', facts)?.reached.lost).toEqual({ count: 1, value: 100 });
    expect(stage('Qualification', facts)?.cohorts).toEqual([
      { month: '2026-09', entered: 1, advanced: 0, won: 0, lost: 1, open: 0 }
    ]);
  });

  it('takes a creation row after older backfilled history as no change', () => {
    // Backfilled: created 2026-05-01 in Prospecting, Qualification on 05-11, pushed 06-30 → 07-31 on 05-20.
    // The platform's creation snapshot, stamped when the seed ran (11-01), repeats the current state.
    const deal = openDeal({
      stageName: 'Qualification',
      createdDate: '2026-05-01T09:00:00Z',
      closeDate: '2026-07-31'
    });
    const facts = factsOf({
      deals: [deal],
      changes: [
        move(deal.id, '2026-05-11T10:00:00Z', 'Prospecting', 'Qualification'),
        change(deal.id, '2026-05-20T10:00:00Z', { previousCloseDate: '2026-06-30', closeDate: '2026-07-31' }),
        change(deal.id, '2026-11-01T10:00:00Z', {
          stageName: 'Qualification',
          amount: 1000,
          previousAmount: 1000,
          closeDate: '2026-07-31',
          previousCloseDate: '2026-07-31'
        })
      ]
    });
    expect(stage('Prospecting', facts)?.exits).toMatchObject({ count: 1, days: 10 });
    expect(stage('Qualification', facts)?.exits.count).toBe(0);
    expect(facts.integrity.pushes.deals.map((each) => each.level)).toEqual([1]);
  });

  it('sorts a long history by time', () => {
    // 40 rows, newest first: Prospecting ↔ Qualification every day from 09-02 to 10-11.
    const deal = openDeal({ stageName: 'Prospecting' });
    const changes = Array.from({ length: 40 }, (_, day) => {
      const at = new Date(Date.UTC(2026, 8, 2 + day, 10)).toISOString();
      return day % 2 === 0
        ? move(deal.id, at, 'Prospecting', 'Qualification')
        : move(deal.id, at, 'Qualification', 'Prospecting');
    }).reverse();
    const facts = factsOf({ deals: [deal], changes });
    // Prospecting: 09-01 → 09-02, then 19 stays of 1 day; Qualification: 20 stays of 1 day.
    expect(stage('Prospecting', facts)?.exits).toMatchObject({ count: 20, days: 20 });
    expect(stage('Qualification', facts)?.exits).toMatchObject({ count: 20, days: 20 });
  });

  it('ignores changes of deals out of scope and stages the org no longer lists', () => {
    const deal = wonDeal({ stageName: 'Closed Won', closeDate: '2026-10-10' });
    const facts = factsOf({
      deals: [deal],
      changes: [
        move(deal.id, '2026-09-11T10:00:00Z', 'Prospecting', 'Retired Stage'),
        move(deal.id, '2026-10-10T10:00:00Z', 'Retired Stage', 'Closed Won'),
        move('006OUTOFSCOPE', '2026-10-10T10:00:00Z', 'Prospecting', 'Qualification')
      ]
    });
    expect(facts.history).toEqual({ changes: 3, dealsWithChanges: 1, unmatchedChanges: 1 });
    expect(stage('Prospecting', facts)?.reached.won.count).toBe(1);
    expect(facts.stages.map((each) => each.apiName)).not.toContain('Retired Stage');
  });

  it('keeps open deals at a stage the org does not list in the totals only', () => {
    const facts = factsOf({ deals: [openDeal({ stageName: 'Retired Stage', amount: 250 }), openDeal()] });
    expect(facts.open.unknownStage).toEqual({ count: 1, value: 250 });
    expect(facts.open).toMatchObject({ count: 2, value: 1250 });
    expect(facts.stages.reduce((sum, each) => sum + each.open.count, 0)).toBe(1);
  });
});

describe('changesFromHistorySnapshots', () => {
  const snapshots: OpportunityHistorySnapshot[] = [
    {
      opportunityId: '006A',
      createdDate: '2026-09-20T10:00:00.000+0000',
      stageName: 'Qualification',
      amount: 1500,
      closeDate: '2026-12-15'
    },
    {
      opportunityId: '006B',
      createdDate: '2026-09-05T10:00:00.000+0000',
      stageName: 'Prospecting',
      amount: null,
      closeDate: '2026-11-01'
    },
    {
      opportunityId: '006A',
      createdDate: '2026-09-01T10:00:00.000+0000',
      stageName: 'Prospecting',
      amount: 1000,
      closeDate: '2026-11-30'
    },
    // Only the probability changed: no change row.
    {
      opportunityId: '006A',
      createdDate: '2026-09-10T10:00:00.000+0000',
      stageName: 'Prospecting',
      amount: 1000,
      closeDate: '2026-11-30'
    }
  ];

  it('turns each opportunity’s snapshots into its creation and its changes', () => {
    expect(changesFromHistorySnapshots(snapshots)).toEqual([
      {
        dealId: '006A',
        changedAt: '2026-09-01T10:00:00.000+0000',
        stageName: 'Prospecting',
        previousStageName: null,
        amount: 1000,
        previousAmount: 1000,
        closeDate: '2026-11-30',
        previousCloseDate: '2026-11-30'
      },
      {
        dealId: '006A',
        changedAt: '2026-09-20T10:00:00.000+0000',
        stageName: 'Qualification',
        previousStageName: 'Prospecting',
        amount: 1500,
        previousAmount: 1000,
        closeDate: '2026-12-15',
        previousCloseDate: '2026-11-30'
      },
      {
        dealId: '006B',
        changedAt: '2026-09-05T10:00:00.000+0000',
        stageName: 'Prospecting',
        previousStageName: null,
        amount: null,
        previousAmount: null,
        closeDate: '2026-11-01',
        previousCloseDate: '2026-11-01'
      }
    ]);
  });

  it('carries only the fields a snapshot changed', () => {
    const [, , amountOnly] = changesFromHistorySnapshots([
      {
        opportunityId: '006C',
        createdDate: '2026-09-01T10:00:00Z',
        stageName: 'Prospecting',
        amount: 10,
        closeDate: '2026-11-30'
      },
      {
        opportunityId: '006C',
        createdDate: '2026-09-02T10:00:00Z',
        stageName: 'Qualification',
        amount: 10,
        closeDate: '2026-11-30'
      },
      {
        opportunityId: '006C',
        createdDate: '2026-09-03T10:00:00Z',
        stageName: 'Qualification',
        amount: 20,
        closeDate: '2026-11-30'
      }
    ]);
    expect(amountOnly).toMatchObject({
      stageName: null,
      previousStageName: null,
      amount: 20,
      previousAmount: 10,
      closeDate: null
    });
  });

  it('gives changes the facts read like any other', () => {
    const deal = openDeal({ id: '006A', stageName: 'Qualification', amount: 1500, closeDate: '2026-12-15' });
    const facts = factsOf({ deals: [deal], changes: changesFromHistorySnapshots(snapshots) });
    // Prospecting 09-01 → 09-20: 19 days; one push (11-30 → 12-15).
    expect(stage('Prospecting', facts)?.exits).toMatchObject({ count: 1, days: 19 });
    expect(facts.integrity.pushes.deals[0]?.level).toBe(1);
  });

  it('rejects an unreadable CreatedDate', () => {
    expect(() =>
      changesFromHistorySnapshots([
        {
          opportunityId: '006D',
          createdDate: 'yesterday',
          stageName: 'Prospecting',
          amount: 1,
          closeDate: null
        }
      ])
    ).toThrow("history of 006D has an unreadable CreatedDate: 'yesterday'");
  });
});
