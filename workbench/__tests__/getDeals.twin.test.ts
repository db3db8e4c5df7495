/**
 * The PipelineHealthController.getDeals twin against a small hand-made org (twin-org.ts): each bucket, the order
 * and paging, the row shape Aura gives a component, and the Apex's messages for what it refuses.
 */
import { getDeals } from '../twins/PipelineHealthController';
import type { DealPage } from '../twins/pipelineHealth/drillDown';
import { addDays, startTwinOrg, type TwinOrg } from './twin-org';

let twins: TwinOrg;

beforeAll(async () => {
  twins = await startTwinOrg();
}, 60_000);

afterAll(() => twins.close());

function deals(params: Record<string, unknown>, userId?: string): Promise<DealPage> {
  return getDeals(twins.context(userId === undefined ? {} : { userId }), {
    scope: 'mine',
    recordId: null,
    bucket: 'open',
    stageName: null,
    fromDate: null,
    toDate: null,
    pageSize: 50,
    pageOffset: 0,
    ...params
  });
}

async function names(params: Record<string, unknown>): Promise<string[]> {
  return (await deals(params)).deals.map((deal) => deal.name);
}

describe('getDeals twin: buckets', () => {
  it('lists open deals, largest first, those without an amount last', async () => {
    const page = await deals({});
    expect(page.total).toBe(3);
    expect(page.deals.map((deal) => deal.name)).toEqual(['Acme Expand', 'Acme Renew', 'Globex Trial']);
  });

  it('narrows open deals to a stage and to close dates', async () => {
    expect(await names({ stageName: 'Negotiation/Review' })).toEqual(['Acme Renew']);
    expect(await names({ stageName: '  ' })).toHaveLength(3);
    expect(await names({ fromDate: twins.today, toDate: addDays(twins.today, 60) })).toEqual(['Acme Expand']);
  });

  it('lists won and lost deals closed between two days', async () => {
    const range = { fromDate: addDays(twins.today, -200), toDate: twins.today };
    expect(await names({ bucket: 'won', ...range })).toEqual(['Acme Pilot']);
    expect(await names({ bucket: 'won', fromDate: addDays(twins.today, -10), toDate: twins.today })).toEqual(
      []
    );
    expect(await names({ scope: 'all', bucket: 'lost', ...range })).toEqual(['Acme Lost']);
  });

  it('lists the hygiene buckets', async () => {
    expect(await names({ bucket: 'pastCloseDate' })).toEqual(['Acme Renew']);
    expect(await names({ bucket: 'noNextStep' })).toEqual(['Acme Renew']);
    expect(await names({ bucket: 'missingAmount' })).toEqual(['Globex Trial']);
  });

  it('lists deals idle since a day: no activity, and created before it', async () => {
    expect(await names({ bucket: 'idle', fromDate: addDays(twins.today, 1) })).toEqual([
      'Acme Expand',
      'Acme Renew',
      'Globex Trial'
    ]);
    expect(await names({ bucket: 'idle', fromDate: addDays(twins.today, -1) })).toEqual([]);
  });

  it("lists an account's deals through one of its opportunities, and a team's", async () => {
    expect(await names({ scope: 'account', recordId: twins.deals.globexTrial })).toEqual([
      'Globex Big',
      'Globex Trial'
    ]);
    const team = await deals({ scope: 'team' }, twins.users.manager);
    expect(team.total).toBe(4);
  });
});

describe('getDeals twin: pages and rows', () => {
  it('pages through the deals with the total of all pages', async () => {
    const page = await deals({ pageSize: 2, pageOffset: 1 });
    expect(page.total).toBe(3);
    expect(page.deals.map((deal) => deal.name)).toEqual(['Acme Renew', 'Globex Trial']);
  });

  it('gives each deal with its account and owner names, leaving out what is null', async () => {
    const page = await deals({ bucket: 'missingAmount' });
    expect(page.deals).toEqual([
      {
        id: twins.deals.globexTrial,
        name: 'Globex Trial',
        accountId: twins.accounts.globex,
        accountName: 'Globex',
        ownerId: twins.users.rep,
        ownerName: 'Riley Rep',
        stageName: 'Qualification',
        probability: 10,
        closeDate: addDays(twins.today, 90),
        nextStep: 'Scope the trial',
        pushCount: 0
      }
    ]);
  });
});

describe('getDeals twin: what it refuses, with the messages of the Apex', () => {
  it.each([
    [
      { bucket: 'stale' },
      "Unknown bucket 'stale': use open, won, lost, pastCloseDate, noNextStep, missingAmount or idle."
    ],
    [{ pageSize: 0 }, 'pageSize must be between 1 and 200, not 0.'],
    [{ pageSize: 201 }, 'pageSize must be between 1 and 200, not 201.'],
    [{ pageSize: null }, 'pageSize must be between 1 and 200, not null.'],
    [{ pageOffset: 2001 }, 'pageOffset must be between 0 and 2000, not 2001.'],
    [{ bucket: 'won', fromDate: '2026-01-01' }, 'The won bucket needs fromDate and toDate.'],
    [{ bucket: 'lost' }, 'The lost bucket needs fromDate and toDate.'],
    [{ bucket: 'idle' }, 'The idle bucket needs fromDate.'],
    [{ fromDate: '2026-12-01', toDate: '2026-11-01' }, 'fromDate (2026-12-01) is after toDate (2026-11-01).'],
    [{ pageSize: 2.5 }, "Value provided is invalid for action parameter 'pageSize' of type 'Integer'"],
    [{ scope: 'account' }, 'The account scope needs the Id of an Account or Opportunity record.']
  ])('%j', async (params, message) => {
    await expect(deals(params)).rejects.toThrow(message);
  });

  it('binds a stage name as a value, never as SOQL', async () => {
    expect(await names({ stageName: "Prospecting' OR Name != '" })).toEqual([]);
  });
});
