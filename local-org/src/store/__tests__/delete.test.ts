import type { OrgStore } from '../../contracts';
import { composeId } from '../../ids';
import { codes, createOne, idsOf, openTestStore } from './helpers';

const ALL = { allOrNone: true };
const SOME = { allOrNone: false };

let store: OrgStore;

beforeAll(async () => {
  store = await openTestStore();
});

afterAll(async () => {
  await store.close();
});

async function count(soql: string): Promise<number> {
  return (await store.query(soql)).totalSize;
}

/** Account → plan → buying center → white space cell (master-details all the way down). */
async function planTree(
  name: string
): Promise<{ accountId: string; planId: string; centerId: string; productId: string }> {
  const accountId = await createOne(store, 'Account', { Name: name });
  const planId = await createOne(store, 'Account_Plan__c', {
    Name: name,
    Account__c: accountId,
    Period_Start__c: '2026-01-01',
    Period_End__c: '2026-12-31'
  });
  const centerId = await createOne(store, 'Buying_Center__c', { Name: name, Account_Plan__c: planId });
  const productId = await createOne(store, 'Product2', { Name: `${name} product` });
  await createOne(store, 'White_Space_Cell__c', {
    Buying_Center__c: centerId,
    Product__c: productId,
    Status__c: 'Installed'
  });
  return { accountId, planId, centerId, productId };
}

describe('delete', () => {
  it('deletes master-detail children with their parent, down every level', async () => {
    const { accountId, planId, centerId } = await planTree('Cascade');
    expect(await store.delete([accountId], ALL)).toEqual([{ id: accountId, success: true, errors: [] }]);
    expect(await count(`SELECT COUNT() FROM Account_Plan__c WHERE Id = '${planId}'`)).toBe(0);
    expect(await count(`SELECT COUNT() FROM Buying_Center__c WHERE Id = '${centerId}'`)).toBe(0);
    expect(
      await count(`SELECT COUNT() FROM White_Space_Cell__c WHERE Buying_Center__c = '${centerId}'`)
    ).toBe(0);
  });

  it("deletes an account's contacts, opportunities and their roles, history and activities, as Salesforce does", async () => {
    const accountId = await createOne(store, 'Account', { Name: 'Platform cascade' });
    const contactId = await createOne(store, 'Contact', { LastName: 'Gone', AccountId: accountId });
    const opportunityId = await createOne(store, 'Opportunity', {
      Name: 'Gone',
      AccountId: accountId,
      StageName: 'Prospecting',
      CloseDate: '2026-12-01'
    });
    await createOne(store, 'OpportunityContactRole', { OpportunityId: opportunityId, ContactId: contactId });
    await createOne(store, 'Task', { Subject: 'Call', WhatId: opportunityId });
    idsOf(await store.delete([accountId], ALL));
    expect(await count(`SELECT COUNT() FROM Contact WHERE Id = '${contactId}'`)).toBe(0);
    expect(
      await count(`SELECT COUNT() FROM OpportunityHistory WHERE OpportunityId = '${opportunityId}'`)
    ).toBe(0);
    expect(
      await count(`SELECT COUNT() FROM OpportunityContactRole WHERE OpportunityId = '${opportunityId}'`)
    ).toBe(0);
    expect(await count(`SELECT COUNT() FROM Task WHERE WhatId = '${opportunityId}'`)).toBe(0);
  });

  it('clears lookups to the deleted record', async () => {
    const managerId = await createOne(store, 'Contact', { LastName: 'Manager' });
    const reportId = await createOne(store, 'Contact', { LastName: 'Report', ReportsToId: managerId });
    idsOf(await store.delete([managerId], ALL));
    expect(await store.retrieve('Contact', reportId, ['ReportsToId'])).toMatchObject({ ReportsToId: null });
  });

  it('DELETE_FAILED when a child on a restricting lookup still needs the record', async () => {
    const { productId } = await planTree('Restrict');
    const [result] = await store.delete([productId], ALL);
    expect(result).toEqual({
      id: productId,
      success: false,
      errors: [
        {
          errorCode: 'DELETE_FAILED',
          message: expect.stringMatching(
            /^Your attempt to delete Restrict product could not be completed because it is associated with the following White Space Cells\.: WS-\d{5}$/
          ),
          fields: []
        }
      ]
    });
    expect(await count(`SELECT COUNT() FROM Product2 WHERE Id = '${productId}'`)).toBe(1);
  });

  it('allows the delete when the restricting child goes in the same call', async () => {
    const { accountId, productId } = await planTree('Together');
    const results = await store.delete([accountId, productId], ALL);
    expect(results.map((r) => r.success)).toEqual([true, true]);
  });

  it('allOrNone: true keeps everything when one row fails; false deletes the rest', async () => {
    const keepId = await createOne(store, 'Account', { Name: 'Keep me' });
    const { productId } = await planTree('Blocked');
    expect(codes(await store.delete([keepId, productId], ALL))).toEqual([
      ['ALL_OR_NONE_OPERATION_ROLLED_BACK'],
      ['DELETE_FAILED']
    ]);
    expect(await count(`SELECT COUNT() FROM Account WHERE Id = '${keepId}'`)).toBe(1);
    expect(codes(await store.delete([keepId, productId], SOME))).toEqual([[], ['DELETE_FAILED']]);
    expect(await count(`SELECT COUNT() FROM Account WHERE Id = '${keepId}'`)).toBe(0);
  });

  it('reports malformed, unknown, repeated and already deleted ids', async () => {
    const id = await createOne(store, 'Account', { Name: 'Twice' });
    const results = await store.delete(['junk', composeId('001', 99999999), id, id], SOME);
    expect(codes(results)).toEqual([
      ['MALFORMED_ID'],
      ['INVALID_CROSS_REFERENCE_KEY'],
      [],
      ['INVALID_ID_FIELD']
    ]);
    expect(codes(await store.delete([id], SOME))).toEqual([['ENTITY_IS_DELETED']]);
  });

  it('refuses to delete users and platform-owned records', async () => {
    const [stage] = (await store.query('SELECT Id FROM OpportunityStage LIMIT 1')).records;
    const results = await store.delete([store.currentUserId, String(stage?.['Id'])], SOME);
    expect(results.map((r) => r.errors[0]?.message)).toEqual([
      'entity type cannot be deleted: User',
      'entity type cannot be deleted: Opportunity Stage'
    ]);
  });
});
