/** CRUD, upsert by external id, describe and every request-level error code, driven by jsforce 3. */
import { Connection } from 'jsforce';
import { errorCodeOf, startContractOrg, type ContractOrg } from './local-org';

let local: ContractOrg;
beforeAll(async () => {
  local = await startContractOrg();
});
afterAll(async () => {
  await local.org.close();
});

describe('jsforce CRUD against the local org', () => {
  it('creates, retrieves, updates and deletes a record', async () => {
    const { conn } = local;
    const created = await conn.sobject('Account').create({ Name: 'Acme Corp', Industry: 'Banking' });
    expect(created).toMatchObject({ success: true, errors: [] });
    expect(created.id).toMatch(/^001[0-9A-Za-z]{15}$/);
    const id = created.id as string;

    const record = await conn.sobject('Account').retrieve(id);
    expect(record).toMatchObject({ Id: id, Name: 'Acme Corp', Industry: 'Banking' });

    const updated = await conn.sobject('Account').update({ Id: id, Name: 'Acme Corporation' });
    expect(updated).toEqual({ id, success: true, errors: [] });
    const fields = await conn.sobject('Account').retrieve(id, { fields: ['Name'] });
    expect(fields.Name).toBe('Acme Corporation');

    const deleted = await conn.sobject('Account').destroy(id);
    expect(deleted).toEqual({ id, success: true, errors: [] });
    expect(await errorCodeOf(conn.sobject('Account').retrieve(id))).toBe('NOT_FOUND');
  });

  it('upserts by external id: created, then updated', async () => {
    const { conn } = local;
    const first = await conn
      .sobject('Account')
      .upsert({ Name: 'Globex', External_Id__c: 'ACC-UP-1' }, 'External_Id__c');
    expect(first).toMatchObject({ success: true, created: true });
    const second = await conn
      .sobject('Account')
      .upsert({ Name: 'Globex Intl', External_Id__c: 'ACC-UP-1' }, 'External_Id__c');
    expect(second).toMatchObject({ success: true, created: false, id: first.id });
    const matches = await conn.query<{ Name: string }>(
      "SELECT Name FROM Account WHERE External_Id__c = 'ACC-UP-1'"
    );
    expect(matches.records.map((record) => record.Name)).toEqual(['Globex Intl']);
  });

  it('describes globally and per object with fields, child relationships and urls', async () => {
    const { conn } = local;
    const global = await conn.describeGlobal();
    expect(global.sobjects.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['Account', 'Account_Plan__c'])
    );
    const account = await conn.sobject('Account').describe();
    expect(account.keyPrefix).toBe('001');
    expect(account.urls.sobject).toBe('/services/data/v66.0/sobjects/Account');
    expect(account.fields.find((field) => field.name === 'External_Id__c')).toMatchObject({
      externalId: true,
      unique: true
    });
    expect(account.childRelationships.map((child) => child.relationshipName)).toEqual(
      expect.arrayContaining(['Contacts'])
    );
  });

  it('reports limits with Remaining reflecting the calls made', async () => {
    const before = (await local.conn.limits()).DailyApiRequests ?? { Max: 0, Remaining: 0 };
    const after = (await local.conn.limits()).DailyApiRequests ?? { Max: 0, Remaining: 0 };
    expect(after.Max).toBe(before.Max);
    expect(before.Remaining - after.Remaining).toBe(1);
    expect(local.org.stats().byKind.limits).toBeGreaterThanOrEqual(2);
  });
});

describe('Salesforce error codes', () => {
  const create = (objectName: string, record: Record<string, unknown>) =>
    local.conn.sobject(objectName).create(record);

  it('INVALID_FIELD and MALFORMED_QUERY for bad SOQL', async () => {
    expect(await errorCodeOf(local.conn.query('SELECT Nope__c FROM Account'))).toBe('INVALID_FIELD');
    expect(await errorCodeOf(local.conn.query('SELEC Id FROM Account'))).toBe('MALFORMED_QUERY');
  });

  it('REQUIRED_FIELD_MISSING', async () => {
    expect(await errorCodeOf(create('Contact', { FirstName: 'No Last Name' }))).toBe(
      'REQUIRED_FIELD_MISSING'
    );
  });

  it('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', async () => {
    const account = await create('Account', { Name: 'Plan Holder' });
    const code = await errorCodeOf(
      create('Account_Plan__c', {
        Name: 'FY27',
        Account__c: account.id,
        Period_Start__c: '2027-01-01',
        Period_End__c: '2027-12-31',
        Status__c: 'Not A Status'
      })
    );
    expect(code).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
  });

  it('DUPLICATE_VALUE on a unique field', async () => {
    await create('Account', { Name: 'First', External_Id__c: 'DUP-1' });
    expect(await errorCodeOf(create('Account', { Name: 'Second', External_Id__c: 'DUP-1' }))).toBe(
      'DUPLICATE_VALUE'
    );
  });

  it('INVALID_CROSS_REFERENCE_KEY for a lookup to a record that does not exist', async () => {
    const code = await errorCodeOf(
      create('Contact', { LastName: 'Orphan', AccountId: '001000000000000AAA' })
    );
    expect(code).toBe('INVALID_CROSS_REFERENCE_KEY');
  });

  it('STRING_TOO_LONG', async () => {
    expect(await errorCodeOf(create('Account', { Name: 'x'.repeat(256) }))).toBe('STRING_TOO_LONG');
  });

  it('NOT_FOUND for a missing record and an unknown object', async () => {
    expect(await errorCodeOf(local.conn.sobject('Account').retrieve('001000000000000AAA'))).toBe('NOT_FOUND');
    expect(await errorCodeOf(local.conn.sobject('Nope__c').describe())).toBe('NOT_FOUND');
  });

  it('INVALID_SESSION_ID without the right token', async () => {
    const stranger = new Connection({
      instanceUrl: local.org.instanceUrl,
      accessToken: 'not-the-token',
      version: '66.0'
    });
    expect(await errorCodeOf(stranger.query('SELECT Id FROM Account'))).toBe('INVALID_SESSION_ID');
    const response = await fetch(`${local.org.instanceUrl}/services/data/v66.0/sobjects`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
    ]);
  });
});
