/** sObject Collections through jsforce: partial failures, allOrNone, upsert, delete, and injected lock faults. */
import { startContractOrg, type ContractOrg } from './local-org';

let local: ContractOrg;
beforeAll(async () => {
  local = await startContractOrg();
});
afterAll(async () => {
  await local.org.close();
});
afterEach(() => {
  local.org.setFaults({});
});

interface RowError {
  statusCode?: string;
  errorCode?: string;
  message: string;
  fields?: string[];
}

interface Row {
  id?: string | null;
  success: boolean;
  created?: boolean;
  errors: RowError[];
}

const codes = (rows: Row[]) => rows.map((row) => (row.success ? 'OK' : (row.errors[0]?.statusCode ?? '?')));

describe('collections with partial failures', () => {
  it('creates what it can when allOrNone is false and names each failure (statusCode, as Salesforce)', async () => {
    const rows = (await local.conn
      .sobject('Contact')
      .create([{ LastName: 'Able' }, { FirstName: 'Missing' }, { LastName: 'Baker' }], {
        allOrNone: false
      })) as Row[];
    expect(codes(rows)).toEqual(['OK', 'REQUIRED_FIELD_MISSING', 'OK']);
    expect(rows[1]?.errors[0]).toMatchObject({ fields: ['LastName'] });
    const count = await local.conn.query("SELECT COUNT() FROM Contact WHERE LastName IN ('Able', 'Baker')");
    expect(count.totalSize).toBe(2);
  });

  it('writes nothing when allOrNone is true', async () => {
    const rows = (await local.conn
      .sobject('Contact')
      .create([{ LastName: 'Charlie' }, { FirstName: 'Missing' }], { allOrNone: true })) as Row[];
    expect(rows.every((row) => !row.success)).toBe(true);
    expect(codes(rows)[1]).toBe('REQUIRED_FIELD_MISSING');
    const count = await local.conn.query("SELECT COUNT() FROM Contact WHERE LastName = 'Charlie'");
    expect(count.totalSize).toBe(0);
  });

  it('updates, upserts (created then updated) and deletes collections', async () => {
    const sobject = local.conn.sobject('Account');
    const created = (await sobject.create([{ Name: 'C1' }, { Name: 'C2' }])) as Row[];
    const ids = created.map((row) => row.id as string);
    const updated = (await sobject.update(
      ids.map((Id, index) => ({ Id, Name: `C${index + 1}-updated` }))
    )) as Row[];
    expect(codes(updated)).toEqual(['OK', 'OK']);

    const records = [
      { Name: 'U1', External_Id__c: 'COL-U1' },
      { Name: 'U2', External_Id__c: 'COL-U2' }
    ];
    const firstUpsert = (await sobject.upsert(records, 'External_Id__c')) as Row[];
    expect(firstUpsert.map((row) => row.created)).toEqual([true, true]);
    const secondUpsert = (await sobject.upsert(
      [
        { Name: 'U1b', External_Id__c: 'COL-U1' },
        { Name: 'U3', External_Id__c: 'COL-U3' }
      ],
      'External_Id__c'
    )) as Row[];
    expect(secondUpsert.map((row) => row.created)).toEqual([false, true]);
    expect(secondUpsert[0]?.id).toBe(firstUpsert[0]?.id);

    const retrieved = await sobject.retrieve(ids, { fields: ['Name'] });
    expect(retrieved.map((record) => record?.Name)).toEqual(['C1-updated', 'C2-updated']);

    const deleted = (await sobject.destroy([...ids, '001000000000000AAA'], { allOrNone: false })) as Row[];
    expect(deleted.slice(0, 2).every((row) => row.success)).toBe(true);
    expect(deleted[2]?.success).toBe(false);
  });

  it('refuses more than 200 records in one call', async () => {
    const records = Array.from({ length: 201 }, (_, index) => ({ Name: `Over ${index}` }));
    await expect(local.conn.sobject('Account').create(records)).rejects.toMatchObject({
      errorCode: 'EXCEEDED_ID_LIMIT'
    });
    const split = (await local.conn.sobject('Account').create(records, { allowRecursive: true })) as Row[];
    expect(split.filter((row) => row.success)).toHaveLength(201);
  });
});

describe('injected lock faults', () => {
  it('fails a share of rows with UNABLE_TO_LOCK_ROW, writing only the others', async () => {
    local.org.setFaults({ lockRows: 0.3, seed: 11 });
    const records = Array.from({ length: 100 }, (_, index) => ({
      Name: `Lock ${index}`,
      External_Id__c: `LOCK-${index}`
    }));
    const rows = (await local.conn.sobject('Account').upsert(records, 'External_Id__c')) as Row[];
    const locked = rows.filter((row) => row.errors[0]?.statusCode === 'UNABLE_TO_LOCK_ROW');
    expect(locked.length).toBeGreaterThan(10);
    expect(locked.length + rows.filter((row) => row.success).length).toBe(100);
    local.org.setFaults({});
    const written = await local.conn.query("SELECT COUNT() FROM Account WHERE External_Id__c LIKE 'LOCK-%'");
    expect(written.totalSize).toBe(100 - locked.length);
  });

  it('fails the whole call under allOrNone', async () => {
    local.org.setFaults({ lockRows: 0.5, seed: 2 });
    const records = Array.from({ length: 20 }, (_, index) => ({
      Name: `AON ${index}`,
      External_Id__c: `AON-${index}`
    }));
    const rows = (await local.conn.sobject('Account').create(records, { allOrNone: true })) as Row[];
    expect(rows.every((row) => !row.success)).toBe(true);
    expect(codes(rows)).toContain('UNABLE_TO_LOCK_ROW');
    local.org.setFaults({});
    const written = await local.conn.query("SELECT COUNT() FROM Account WHERE External_Id__c LIKE 'AON-%'");
    expect(written.totalSize).toBe(0);
  });
});
