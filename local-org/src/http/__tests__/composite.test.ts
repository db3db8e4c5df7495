import { harness, V, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

const account = (fields: Record<string, unknown>) => ({ attributes: { type: 'Account' }, ...fields });

describe('sObject Collections', () => {
  it('creates with partial failures when allOrNone is false, row errors carrying statusCode', async () => {
    const response = await h.call({
      method: 'POST',
      url: `${V}/composite/sobjects`,
      payload: { allOrNone: false, records: [account({ Name: 'A' }), account({})] }
    });
    expect(response.statusCode).toBe(200);
    const [ok, failed] = response.json<Array<Record<string, unknown>>>();
    expect(ok).toMatchObject({ success: true, errors: [] });
    expect(failed).toEqual({
      id: null,
      success: false,
      errors: [
        {
          statusCode: 'REQUIRED_FIELD_MISSING',
          message: 'Required fields are missing: [Name]',
          fields: ['Name']
        }
      ]
    });
    expect(h.store.tables.get('Account')?.size).toBe(1);
  });

  it('writes nothing when allOrNone is true and a row fails', async () => {
    const response = await h.call({
      method: 'POST',
      url: `${V}/composite/sobjects`,
      payload: { allOrNone: true, records: [account({ Name: 'A' }), account({})] }
    });
    const results = response.json<Array<{ success: boolean; errors: Array<{ statusCode: string }> }>>();
    expect(results.map((result) => result.errors[0]?.statusCode)).toEqual([
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'REQUIRED_FIELD_MISSING'
    ]);
    expect(h.store.tables.get('Account')?.size).toBe(0);
  });

  it('refuses more than 200 records with EXCEEDED_ID_LIMIT', async () => {
    const records = Array.from({ length: 201 }, (_, index) => account({ Name: `A${index}` }));
    const response = await h.call({ method: 'POST', url: `${V}/composite/sobjects`, payload: { records } });
    expect(response.statusCode).toBe(400);
    expect(response.json<Array<{ errorCode: string }>>()[0]?.errorCode).toBe('EXCEEDED_ID_LIMIT');
    const ids = Array.from({ length: 201 }, () => '001Lo0000000001AAA').join(',');
    const deletion = await h.call({ method: 'DELETE', url: `${V}/composite/sobjects?ids=${ids}` });
    expect(deletion.statusCode).toBe(400);
  });

  it('updates (jsforce sends lowercase id), upserts with created flags, retrieves and deletes', async () => {
    const created = (
      await h.call({
        method: 'POST',
        url: `${V}/composite/sobjects`,
        payload: { records: [account({ Name: 'A', External_Id__c: 'X1' }), account({ Name: 'B' })] }
      })
    ).json<Array<{ id: string }>>();
    const [first, second] = created.map((result) => result.id);

    const updated = await h.call({
      method: 'PATCH',
      url: `${V}/composite/sobjects`,
      payload: { records: [{ id: first, attributes: { type: 'Account' }, Name: 'A2' }] }
    });
    expect(updated.json()).toEqual([{ id: first, success: true, errors: [] }]);

    const upserted = await h.call({
      method: 'PATCH',
      url: `${V}/composite/sobjects/Account/External_Id__c`,
      payload: {
        records: [account({ External_Id__c: 'X1', Name: 'A3' }), account({ External_Id__c: 'X2', Name: 'C' })]
      }
    });
    expect(upserted.json<Array<{ created: boolean }>>().map((result) => result.created)).toEqual([
      false,
      true
    ]);

    const retrieved = await h.call({
      method: 'POST',
      url: `${V}/composite/sobjects/Account`,
      payload: { ids: [first, '001Lo00000000zzAAA'], fields: ['Name'] }
    });
    expect(retrieved.json()).toEqual([expect.objectContaining({ Name: 'A3' }), null]);
    const viaGet = await h.call({
      method: 'GET',
      url: `${V}/composite/sobjects/Account?ids=${second}&fields=Name`
    });
    expect(viaGet.json()).toEqual([expect.objectContaining({ Name: 'B' })]);

    const deleted = await h.call({
      method: 'DELETE',
      url: `${V}/composite/sobjects?ids=${first},${second}&allOrNone=false`
    });
    expect(deleted.json<Array<{ success: boolean }>>().map((result) => result.success)).toEqual([true, true]);
  });

  it('rejects a body that is not a collection', async () => {
    const response = await h.call({
      method: 'POST',
      url: `${V}/composite/sobjects`,
      payload: [account({ Name: 'A' })]
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<Array<{ errorCode: string }>>()[0]?.errorCode).toBe('JSON_PARSER_ERROR');
  });
});

describe('lock faults', () => {
  it('fails locked rows with UNABLE_TO_LOCK_ROW and writes only the others', async () => {
    h.context.faults.configure({ lockRows: 0.5, seed: 3 });
    const records = Array.from({ length: 40 }, (_, index) => account({ Name: `A${index}` }));
    const results = (
      await h.call({ method: 'POST', url: `${V}/composite/sobjects`, payload: { records } })
    ).json<Array<{ success: boolean; errors: Array<{ statusCode: string }> }>>();
    const locked = results.filter((result) => result.errors[0]?.statusCode === 'UNABLE_TO_LOCK_ROW');
    expect(locked.length).toBeGreaterThan(5);
    expect(locked.length).toBeLessThan(35);
    expect(h.store.tables.get('Account')?.size).toBe(40 - locked.length);
    expect(h.context.faults.faultCounts().lockedRows).toBe(locked.length);
  });

  it('fails the whole call under allOrNone when a row is locked', async () => {
    h.context.faults.configure({ lockRows: 0.5, seed: 3 });
    const records = Array.from({ length: 10 }, (_, index) => account({ Name: `A${index}` }));
    const results = (
      await h.call({ method: 'POST', url: `${V}/composite/sobjects`, payload: { allOrNone: true, records } })
    ).json<Array<{ success: boolean; errors: Array<{ statusCode: string }> }>>();
    expect(results.every((result) => !result.success)).toBe(true);
    expect(new Set(results.map((result) => result.errors[0]?.statusCode))).toEqual(
      new Set(['UNABLE_TO_LOCK_ROW', 'ALL_OR_NONE_OPERATION_ROLLED_BACK'])
    );
    expect(h.store.tables.get('Account')?.size).toBe(0);
  });
});
