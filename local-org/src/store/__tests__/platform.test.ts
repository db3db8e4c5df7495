import type { OrgStore, SObjectRecord } from '../../contracts';
import { DEFAULT_OPPORTUNITY_STAGES } from '../../../../tools/schema/standard-objects';
import { createOne, fieldsOf, idsOf, openTestStore, TestClock } from './helpers';

const ALL = { allOrNone: true };

let store: OrgStore;
const clock = new TestClock();

beforeAll(async () => {
  store = await openTestStore(clock);
});

afterAll(async () => {
  await store.close();
});

beforeEach(() => clock.set('2026-11-23T10:00:00.000Z'));

const DERIVED = [
  'StageName',
  'Probability',
  'ForecastCategory',
  'ForecastCategoryName',
  'IsClosed',
  'IsWon',
  'ExpectedRevenue',
  'FiscalYear',
  'FiscalQuarter',
  'Fiscal',
  'PushCount',
  'LastStageChangeDate'
];

async function opportunity(id: string): Promise<SObjectRecord> {
  return fieldsOf(await store.retrieve('Opportunity', id, DERIVED));
}

async function history(id: string): Promise<SObjectRecord[]> {
  const result = await store.query(
    `SELECT StageName, Amount, ExpectedRevenue, CloseDate, Probability, ForecastCategory, PrevAmount, PrevCloseDate,
            CreatedDate FROM OpportunityHistory WHERE OpportunityId = '${id}' ORDER BY CreatedDate, Id`
  );
  return result.records.map((record) => fieldsOf(record));
}

describe('opportunity stages', () => {
  it("holds Salesforce's default stage set", async () => {
    const stages = await store.query(
      'SELECT ApiName, SortOrder, DefaultProbability, IsClosed, IsWon, ForecastCategoryName, IsActive ' +
        'FROM OpportunityStage ORDER BY SortOrder'
    );
    expect(stages.records.map((record) => fieldsOf(record))).toEqual(
      DEFAULT_OPPORTUNITY_STAGES.map((stage) => ({
        ApiName: stage.ApiName,
        SortOrder: stage.SortOrder,
        DefaultProbability: stage.DefaultProbability,
        IsClosed: stage.IsClosed,
        IsWon: stage.IsWon,
        ForecastCategoryName: stage.ForecastCategoryName,
        IsActive: true
      }))
    );
  });
});

describe('opportunity platform fields', () => {
  it('derives probability, forecast category, closed/won, expected revenue and fiscal period on create', async () => {
    const id = await createOne(store, 'Opportunity', {
      Name: 'Derived',
      StageName: 'Value Proposition',
      CloseDate: '2027-02-15',
      Amount: 10000
    });
    expect(await opportunity(id)).toEqual({
      StageName: 'Value Proposition',
      Probability: 50,
      ForecastCategory: 'Pipeline',
      ForecastCategoryName: 'Pipeline',
      IsClosed: false,
      IsWon: false,
      ExpectedRevenue: 5000,
      FiscalYear: 2027,
      FiscalQuarter: 1,
      Fiscal: '2027 1',
      PushCount: 0,
      LastStageChangeDate: null
    });
  });

  it('keeps a probability and forecast category given with the record', async () => {
    const id = await createOne(store, 'Opportunity', {
      Name: 'Given',
      StageName: 'Prospecting',
      CloseDate: '2026-12-15',
      Amount: 200,
      Probability: 35,
      ForecastCategoryName: 'Best Case'
    });
    expect(await opportunity(id)).toMatchObject({
      Probability: 35,
      ExpectedRevenue: 70,
      ForecastCategoryName: 'Best Case',
      ForecastCategory: 'BestCase'
    });
  });

  it('follows the stage on update: default probability, LastStageChangeDate, closed and won', async () => {
    const id = await createOne(store, 'Opportunity', {
      Name: 'Moving',
      StageName: 'Prospecting',
      CloseDate: '2026-12-15',
      Amount: 1000
    });
    clock.set('2026-11-25T09:15:00.000Z');
    idsOf(await store.update('Opportunity', [{ Id: id, StageName: 'Closed Won' }], ALL));
    expect(await opportunity(id)).toMatchObject({
      Probability: 100,
      ExpectedRevenue: 1000,
      IsClosed: true,
      IsWon: true,
      ForecastCategory: 'Closed',
      ForecastCategoryName: 'Closed',
      LastStageChangeDate: '2026-11-25T09:15:00.000+0000'
    });
    clock.set('2026-11-26T09:15:00.000Z');
    idsOf(await store.update('Opportunity', [{ Id: id, Amount: 2000 }], ALL));
    expect(await opportunity(id)).toMatchObject({
      ExpectedRevenue: 2000,
      LastStageChangeDate: '2026-11-25T09:15:00.000+0000'
    });
  });

  it('counts pushes to a later month, never counting back', async () => {
    const id = await createOne(store, 'Opportunity', {
      Name: 'Pushed',
      StageName: 'Qualification',
      CloseDate: '2026-12-10'
    });
    const moves = ['2026-12-28', '2027-01-05', '2026-12-20', '2027-03-01'];
    const counts: unknown[] = [];
    for (const closeDate of moves) {
      idsOf(await store.update('Opportunity', [{ Id: id, CloseDate: closeDate }], ALL));
      counts.push((await opportunity(id))['PushCount']);
    }
    // Same month: no push; later month: +1; earlier: unchanged; later again: +1.
    expect(counts).toEqual([0, 1, 1, 2]);
    expect(await opportunity(id)).toMatchObject({ FiscalYear: 2027, FiscalQuarter: 1 });
  });

  it('writes an OpportunityHistory row on create and on each change of a tracked field, stamped now', async () => {
    const id = await createOne(store, 'Opportunity', {
      Name: 'History',
      StageName: 'Prospecting',
      CloseDate: '2026-12-15',
      Amount: 500
    });
    clock.set('2026-11-24T12:00:00.000Z');
    idsOf(await store.update('Opportunity', [{ Id: id, StageName: 'Needs Analysis', Amount: 800 }], ALL));
    clock.set('2026-11-25T12:00:00.000Z');
    idsOf(await store.update('Opportunity', [{ Id: id, NextStep: 'Demo' }], ALL));
    clock.set('2026-11-26T12:00:00.000Z');
    idsOf(await store.update('Opportunity', [{ Id: id, CloseDate: '2027-01-10' }], ALL));
    expect(await history(id)).toEqual([
      {
        StageName: 'Prospecting',
        Amount: 500,
        ExpectedRevenue: 50,
        CloseDate: '2026-12-15',
        Probability: 10,
        ForecastCategory: 'Pipeline',
        PrevAmount: null,
        PrevCloseDate: null,
        CreatedDate: '2026-11-23T10:00:00.000+0000'
      },
      {
        StageName: 'Needs Analysis',
        Amount: 800,
        ExpectedRevenue: 160,
        CloseDate: '2026-12-15',
        Probability: 20,
        ForecastCategory: 'Pipeline',
        PrevAmount: 500,
        PrevCloseDate: '2026-12-15',
        CreatedDate: '2026-11-24T12:00:00.000+0000'
      },
      {
        StageName: 'Needs Analysis',
        Amount: 800,
        ExpectedRevenue: 160,
        CloseDate: '2027-01-10',
        Probability: 20,
        ForecastCategory: 'Pipeline',
        PrevAmount: 800,
        PrevCloseDate: '2026-12-15',
        CreatedDate: '2026-11-26T12:00:00.000+0000'
      }
    ]);
  });

  it('forces the closed forecast category on a lost deal', async () => {
    const id = await createOne(store, 'Opportunity', {
      Name: 'Lost',
      StageName: 'Closed Lost',
      CloseDate: '2026-11-01',
      ForecastCategoryName: 'Commit'
    });
    expect(await opportunity(id)).toMatchObject({
      IsClosed: true,
      IsWon: false,
      Probability: 0,
      ForecastCategoryName: 'Omitted',
      ForecastCategory: 'Omitted'
    });
  });
});

describe('activities', () => {
  it('derive task state and AccountId from what they relate to', async () => {
    const accountId = await createOne(store, 'Account', { Name: 'Activity Co' });
    const contactId = await createOne(store, 'Contact', { LastName: 'Active', AccountId: accountId });
    const opportunityId = await createOne(store, 'Opportunity', {
      Name: 'Active deal',
      AccountId: accountId,
      StageName: 'Prospecting',
      CloseDate: '2026-12-15'
    });
    const [viaOpportunity, viaContact] = idsOf(
      await store.create(
        'Task',
        [
          {
            Subject: 'Call',
            WhatId: opportunityId,
            Status: 'Completed',
            Priority: 'High',
            ActivityDate: '2026-11-20'
          },
          { Subject: 'Mail', WhoId: contactId }
        ],
        ALL
      )
    );
    const tasks = await store.query(
      `SELECT Id, AccountId, IsClosed, IsHighPriority, CompletedDateTime FROM Task WHERE Id IN ('${viaOpportunity}', '${viaContact}') ORDER BY Subject`
    );
    expect(tasks.records.map((record) => fieldsOf(record, 'Id'))).toEqual([
      {
        AccountId: accountId,
        IsClosed: true,
        IsHighPriority: true,
        CompletedDateTime: '2026-11-23T10:00:00.000+0000'
      },
      { AccountId: accountId, IsClosed: false, IsHighPriority: false, CompletedDateTime: null }
    ]);
  });

  it('maintain LastActivityDate from closed tasks and past events on the opportunity, account and contact', async () => {
    const accountId = await createOne(store, 'Account', { Name: 'Last activity' });
    const contactId = await createOne(store, 'Contact', { LastName: 'Last', AccountId: accountId });
    const opportunityId = await createOne(store, 'Opportunity', {
      Name: 'Last activity',
      AccountId: accountId,
      StageName: 'Prospecting',
      CloseDate: '2026-12-15'
    });
    const lastActivity = async (): Promise<unknown[]> => [
      (await store.retrieve('Opportunity', opportunityId, ['LastActivityDate']))['LastActivityDate'],
      (await store.retrieve('Account', accountId, ['LastActivityDate']))['LastActivityDate'],
      (await store.retrieve('Contact', contactId, ['LastActivityDate']))['LastActivityDate']
    ];
    const [openTask] = idsOf(
      await store.create(
        'Task',
        [{ Subject: 'Open', WhatId: opportunityId, WhoId: contactId, ActivityDate: '2026-11-10' }],
        ALL
      )
    );
    expect(await lastActivity()).toEqual([null, null, null]);
    idsOf(await store.update('Task', [{ Id: openTask, Status: 'Completed' }], ALL));
    expect(await lastActivity()).toEqual(['2026-11-10', '2026-11-10', '2026-11-10']);
    const [pastEvent, futureEvent] = idsOf(
      await store.create(
        'Event',
        [
          {
            Subject: 'Met',
            WhatId: opportunityId,
            ActivityDateTime: '2026-11-18T14:00:00Z',
            DurationInMinutes: 60
          },
          {
            Subject: 'Will meet',
            WhatId: opportunityId,
            ActivityDateTime: '2026-12-02T14:00:00Z',
            DurationInMinutes: 30
          }
        ],
        ALL
      )
    );
    expect(await lastActivity()).toEqual(['2026-11-18', '2026-11-18', '2026-11-10']);
    const event = await store.retrieve('Event', pastEvent ?? '', [
      'ActivityDate',
      'EndDateTime',
      'AccountId'
    ]);
    expect(event).toMatchObject({
      ActivityDate: '2026-11-18',
      EndDateTime: '2026-11-18T15:00:00.000+0000',
      AccountId: accountId
    });
    idsOf(await store.delete([pastEvent ?? '', futureEvent ?? ''], ALL));
    expect(await lastActivity()).toEqual(['2026-11-10', '2026-11-10', '2026-11-10']);
  });
});
