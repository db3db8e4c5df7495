/**
 * The PipelineHealthController.getPipelineHealth twin against a small hand-made org (twin-org.ts): the scopes,
 * the facts built from the deals and their history, the target, the row budget with its snapshot path, and the
 * Apex's messages for what it refuses.
 */
import { computePipelineHealth } from '../../force-app/main/default/lwc/pipelineMetrics/pipelineMetrics';
import { getPipelineHealth, type PipelineHealthData } from '../twins/PipelineHealthController';
import type { TwinContext } from '../twins/context';
import { addDays, startTwinOrg, type TwinOrg } from './twin-org';

let twins: TwinOrg;

beforeAll(async () => {
  twins = await startTwinOrg();
}, 60_000);

afterAll(() => twins.close());

function health(
  params: Record<string, unknown>,
  context: TwinContext = twins.context()
): Promise<PipelineHealthData> {
  return getPipelineHealth(context, {
    scope: 'mine',
    recordId: null,
    periodStart: twins.period.start,
    periodEnd: twins.period.end,
    compareFrom: null,
    ...params
  });
}

function openByStage(data: PipelineHealthData): Record<string, number> {
  return Object.fromEntries(
    data.facts.stages
      .filter((stage) => stage.open.count > 0)
      .map((stage) => [stage.apiName, stage.open.count])
  );
}

describe('getPipelineHealth twin: scopes', () => {
  it("reads the user's own deals (mine), open and closed in the last year, with the user's target", async () => {
    const data = await health({ scope: 'mine' });
    expect(data).toMatchObject({
      scope: 'mine',
      scopeLabel: 'My pipeline',
      dataSource: 'records',
      targetAmount: 200_000,
      targetSource: 'SalesTarget'
    });
    expect(data.accountId).toBeUndefined();
    expect(data.snapshotDate).toBeUndefined();
    const { open, closed } = data.facts;
    expect(open).toMatchObject({ count: 3, value: 150_000, missingAmount: 1 });
    expect(open.inPeriod).toEqual({ count: 2, value: 150_000 });
    expect(open.afterPeriod).toEqual({ count: 1, value: 0 });
    expect(closed.won).toEqual({ count: 1, value: 20_000 });
    expect(closed.wonInPeriod).toEqual({ count: 1, value: 20_000 });
    expect(closed.lost).toEqual({ count: 0, value: 0 });
    expect(openByStage(data)).toEqual({ Prospecting: 1, Qualification: 1, 'Negotiation/Review': 1 });
  });

  it('counts the rows it read: the deals and their history rows', async () => {
    const data = await health({ scope: 'mine' });
    const history = await twins.connection.query(
      `SELECT COUNT() FROM OpportunityHistory WHERE Opportunity.OwnerId = '${twins.users.rep}'`
    );
    expect(data.rowsRead).toBe(4 + 1 + history.totalSize);
    expect(data.facts.history.changes).toBeGreaterThanOrEqual(5);
    expect(data.facts.history.dealsWithChanges).toBe(4);
  });

  it("adds the team's deals for a manager (team), and the targets of the manager and her reports", async () => {
    const data = await health({ scope: 'team' }, twins.context({ userId: twins.users.manager }));
    expect(data).toMatchObject({
      scopeLabel: "My team's pipeline",
      targetAmount: 300_000,
      targetSource: 'SalesTarget'
    });
    expect(data.facts.open).toMatchObject({ count: 4, value: 450_000 });
    expect(openByStage(data)).toEqual({
      Prospecting: 1,
      Qualification: 1,
      'Proposal/Price Quote': 1,
      'Negotiation/Review': 1
    });
  });

  it("reads an account's deals, whoever owns them, without a target", async () => {
    const data = await health({ scope: 'account', recordId: twins.accounts.acme });
    expect(data).toMatchObject({
      scope: 'account',
      scopeLabel: 'Acme',
      accountId: twins.accounts.acme,
      targetSource: 'None'
    });
    expect(data.targetAmount).toBeUndefined();
    expect(data.facts.open).toMatchObject({ count: 2, value: 150_000 });
    expect(data.facts.closed.won).toEqual({ count: 1, value: 20_000 });
    expect(data.facts.closed.lost).toEqual({ count: 1, value: 40_000 });
  });

  it('resolves an opportunity to its account', async () => {
    const data = await health({ scope: 'account', recordId: twins.deals.globexTrial });
    expect(data).toMatchObject({ scopeLabel: 'Globex', accountId: twins.accounts.globex });
    expect(data.facts.open).toMatchObject({ count: 2, value: 300_000 });
    expect(data.facts.closed.won).toEqual({ count: 0, value: 0 });
  });

  it('reads every deal the user can see (all), leaving out deals closed before the lookback window', async () => {
    const data = await health({ scope: 'all' });
    expect(data).toMatchObject({ scopeLabel: 'All pipeline I can see', targetAmount: 300_000 });
    expect(data.facts.open).toMatchObject({ count: 4, value: 450_000 });
    expect(data.facts.closed.won).toEqual({ count: 1, value: 20_000 });
    expect(data.facts.closed.lost).toEqual({ count: 1, value: 40_000 });
    expect(data.facts.windowStart).toBe(addDays(twins.today, -364));
  });
});

describe('getPipelineHealth twin: facts', () => {
  it("checks the relationship gate with the account's political map", async () => {
    const data = await health({ scope: 'mine' });
    const gate = data.facts.relationships;
    expect(gate?.gateStage).toBe('Proposal/Price Quote');
    expect(gate?.checked).toEqual({ count: 1, value: 50_000 });
    expect(gate?.blockingDecisionMaker.deals.map((deal) => deal.name)).toEqual(['Acme Renew']);
    expect(gate?.uncoveredPowerful).toMatchObject({ count: 1, deals: 1 });
  });

  it('flags hygiene from the deals: past close date, no next step, no amount', async () => {
    const { integrity } = (await health({ scope: 'mine' })).facts;
    expect(integrity.pastCloseDate.deals.map((deal) => [deal.name, deal.level])).toEqual([['Acme Renew', 5]]);
    expect(integrity.noNextStep.deals.map((deal) => deal.name)).toEqual(['Acme Renew']);
    expect(integrity.missingAmount.deals.map((deal) => deal.name)).toEqual(['Globex Trial']);
  });

  it('builds the waterfall from compareFrom to today when asked', async () => {
    expect((await health({ scope: 'mine' })).facts.waterfall).toBeNull();
    const { waterfall } = (await health({ scope: 'mine', compareFrom: addDays(twins.today, -90) })).facts;
    expect(waterfall).toMatchObject({ from: addDays(twins.today, -90), to: twins.today });
    expect(waterfall?.end).toEqual({ count: 2, value: 150_000 });
    expect(waterfall?.start).toEqual({ count: 0, value: 0 });
  });

  it('gives the metrics module what it needs: coverage against the target', async () => {
    const data = await health({ scope: 'mine' });
    const computed = computePipelineHealth(data.facts, {
      target: { amount: data.targetAmount ?? 0, source: data.targetSource }
    });
    expect(computed.coverage.coverage.basis).toMatchObject({
      openInPeriod: { count: 2, value: 150_000 },
      target: 200_000,
      closedWon: 20_000,
      remaining: 180_000
    });
    expect(computed.coverage.coverage.value).toBeCloseTo(150_000 / 180_000, 10);
  });
});

describe('getPipelineHealth twin: the row budget', () => {
  it('answers from the latest snapshot of the sellers when the deals alone pass the budget', async () => {
    const data = await health({ scope: 'mine' }, twins.context({ rowBudget: 3 }));
    expect(data).toMatchObject({
      dataSource: 'snapshots',
      snapshotDate: addDays(twins.today, -1),
      rowsRead: 0,
      targetAmount: 200_000
    });
    expect(data.facts.open).toMatchObject({ count: 5, value: 35_000, medianAmount: null, largest: [] });
    expect(data.facts.open.inPeriod).toEqual({ count: 3, value: 30_000 });
    expect(data.facts.open.beforePeriod).toEqual({ count: 2, value: 5_000 });
    expect(data.facts.closed.won).toEqual({ count: 0, value: 0 });
    expect(data.facts.relationships).toBeNull();
  });

  it('gives up streaming once the deals and their history pass the budget', async () => {
    const data = await health({ scope: 'mine' }, twins.context({ rowBudget: 5 }));
    expect(data.dataSource).toBe('snapshots');
    expect(data.rowsRead).toBeGreaterThan(5);
    expect(data.rowsRead).toBeLessThan(10);
  });

  it("sums every seller's snapshots for the all scope", async () => {
    const data = await health({ scope: 'all' }, twins.context({ rowBudget: 3 }));
    expect(data.facts.open).toMatchObject({ count: 12, value: 105_000 });
  });

  it('cannot answer an account over the budget: snapshots are kept per seller', async () => {
    await expect(
      health({ scope: 'account', recordId: twins.accounts.acme }, twins.context({ rowBudget: 1 }))
    ).rejects.toThrow(
      'This account has more deals and history than one page load reads (1 rows), and pipeline snapshots are ' +
        'kept per seller, not per account.'
    );
  });

  it('says the snapshot job must run when there is no snapshot yet', async () => {
    await expect(
      health({ scope: 'mine' }, twins.context({ rowBudget: 1, today: addDays(twins.today, -30) }))
    ).rejects.toThrow(
      'This pipeline is too large to read deal by deal (more than 1 rows) and no pipeline snapshot exists yet: ' +
        'ask your Salesforce admin to schedule PipelineSnapshotJob.'
    );
  });
});

describe('getPipelineHealth twin: what it refuses, with the messages of the Apex', () => {
  it.each([
    [{ scope: 'everyone' }, "Unknown scope 'everyone': use mine, team, account or all."],
    [{ scope: null }, "Unknown scope 'null': use mine, team, account or all."],
    [{ scope: 'account' }, 'The account scope needs the Id of an Account or Opportunity record.'],
    [{ periodEnd: null }, 'periodStart and periodEnd are required.'],
    [{ recordId: 'not-an-id' }, "Value provided is invalid for action parameter 'recordId' of type 'Id'"],
    [
      { periodStart: '2026-02-30' },
      "Value provided is invalid for action parameter 'periodStart' of type 'Date'"
    ]
  ])('%j', async (params, message) => {
    await expect(health(params)).rejects.toThrow(message);
  });

  it('refuses a period that ends before it starts', async () => {
    await expect(health({ periodStart: '2026-12-31', periodEnd: '2026-10-01' })).rejects.toThrow(
      'periodStart (2026-12-31) is after periodEnd (2026-10-01).'
    );
  });

  it('refuses a comparison day outside the lookback window', async () => {
    const tooEarly = addDays(twins.today, -400);
    await expect(health({ compareFrom: tooEarly })).rejects.toThrow(
      `compareFrom must be between ${addDays(twins.today, -364)} and today (${twins.today}), not ${tooEarly}.`
    );
  });

  it('refuses the account scope on a record that is neither an account nor an opportunity', async () => {
    await expect(health({ scope: 'account', recordId: twins.contactId })).rejects.toThrow(
      'The account scope needs an Account or Opportunity record, not a Contact record.'
    );
  });

  it('says when a record does not exist or is out of reach', async () => {
    const missing = `${twins.accounts.acme.slice(0, 12)}ZZZ`;
    await expect(health({ scope: 'account', recordId: missing })).rejects.toThrow(
      `Record ${missing} does not exist or you do not have access to it.`
    );
  });
});
