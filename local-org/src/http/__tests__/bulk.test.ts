import { parse } from 'csv-parse/sync';
import { bulkErrorText } from '../bulk-ingest-processor';
import { harness, V, waitForJob, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await harness({}, 3);
});
afterEach(async () => {
  await h.close();
});

async function ingest(body: Record<string, unknown>, ...uploads: string[]): Promise<string> {
  const created = await h.call({
    method: 'POST',
    url: `${V}/jobs/ingest`,
    payload: { contentType: 'CSV', ...body }
  });
  expect(created.statusCode).toBe(200);
  const { id, state } = created.json<{ id: string; state: string }>();
  expect(state).toBe('Open');
  for (const csv of uploads) {
    const put = await h.call({
      method: 'PUT',
      url: `${V}/jobs/ingest/${id}/batches`,
      payload: csv,
      headers: { 'content-type': 'text/csv' }
    });
    expect(put.statusCode).toBe(201);
  }
  const closed = await h.call({
    method: 'PATCH',
    url: `${V}/jobs/ingest/${id}`,
    payload: { state: 'UploadComplete' }
  });
  expect(closed.json()).toMatchObject({ state: 'UploadComplete' });
  return id;
}

async function csvOf(url: string): Promise<string[][]> {
  const response = await h.call({ method: 'GET', url });
  expect(response.headers['content-type']).toMatch(/^text\/csv/);
  return parse(response.body) as string[][];
}

describe('Bulk API 2.0 ingest', () => {
  it('inserts from several uploads, in chunks, reporting successes and failures per row', async () => {
    const id = await ingest(
      { object: 'Account', operation: 'insert' },
      'Name,External_Id__c,AnnualRevenue,IsKey__c\nA,E1,100,true\n,E2,5,false\n',
      'Name,External_Id__c\r\nC,E3\r\nD,#N/A\r\n'
    );
    const info = await waitForJob(h, 'ingest', id);
    expect(info).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: 4,
      numberRecordsFailed: 1,
      jobType: 'V2Ingest'
    });
    const success = await csvOf(`${V}/jobs/ingest/${id}/successfulResults/`);
    expect(success[0]).toEqual([
      'sf__Id',
      'sf__Created',
      'Name',
      'External_Id__c',
      'AnnualRevenue',
      'IsKey__c'
    ]);
    expect(success.slice(1).map((row) => [row[1], row[2]])).toEqual([
      ['true', 'A'],
      ['true', 'C'],
      ['true', 'D']
    ]);
    const failed = await csvOf(`${V}/jobs/ingest/${id}/failedResults/`);
    expect(failed[1]).toEqual([
      '',
      'REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --',
      '',
      'E2',
      '5',
      'false'
    ]);
    const stored = [...(h.store.tables.get('Account')?.values() ?? [])];
    expect(stored.find((row) => row.Name === 'A')).toMatchObject({ AnnualRevenue: 100, IsKey__c: true });
    expect(stored.find((row) => row.Name === 'D')).toMatchObject({ External_Id__c: null });
  });

  it('upserts by external id and resolves parent external ids in relationship columns', async () => {
    await h.store.create('Account', [{ Name: 'Parent', External_Id__c: 'P1' }], { allOrNone: true });
    const id = await ingest(
      { object: 'Contact', operation: 'upsert', externalIdFieldName: 'external_id__c' },
      'LastName,External_Id__c,Account.External_Id__c\nSmith,C1,P1\nJones,C2,NOPE\n'
    );
    const info = await waitForJob(h, 'ingest', id);
    expect(info).toMatchObject({
      state: 'JobComplete',
      externalIdFieldName: 'External_Id__c',
      numberRecordsFailed: 1
    });
    const parentId = [...(h.store.tables.get('Account')?.keys() ?? [])][0];
    const contacts = [...(h.store.tables.get('Contact')?.values() ?? [])];
    expect(contacts).toEqual([expect.objectContaining({ LastName: 'Smith', AccountId: parentId })]);
    const failed = await csvOf(`${V}/jobs/ingest/${id}/failedResults`);
    expect(failed[1]?.[1]).toBe(
      'INVALID_FIELD:Foreign key external ID: NOPE not found for field External_Id__c in entity Account:--'
    );
  });

  it('updates and deletes by Id', async () => {
    const [result] = await h.store.create('Account', [{ Name: 'Old' }], { allOrNone: true });
    const accountId = result?.id ?? '';
    const update = await ingest({ object: 'Account', operation: 'update' }, `Id,Name\n${accountId},New\n`);
    expect(await waitForJob(h, 'ingest', update)).toMatchObject({
      state: 'JobComplete',
      numberRecordsFailed: 0
    });
    expect(h.store.tables.get('Account')?.get(accountId)?.Name).toBe('New');
    const remove = await ingest({ object: 'Account', operation: 'delete' }, `Id\n${accountId}\n`);
    expect(await waitForJob(h, 'ingest', remove)).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: 1
    });
    expect(h.store.tables.get('Account')?.size).toBe(0);
  });

  it('fails the whole job on an unknown column or a ragged row, writing nothing', async () => {
    const unknown = await ingest({ object: 'Account', operation: 'insert' }, 'Name,Foo__c\nA,1\n');
    expect(await waitForJob(h, 'ingest', unknown)).toMatchObject({
      state: 'Failed',
      errorMessage: 'InvalidBatch : Field name not found : Foo__c'
    });
    const unprocessed = await csvOf(`${V}/jobs/ingest/${unknown}/unprocessedrecords/`);
    expect(unprocessed).toEqual([
      ['Name', 'Foo__c'],
      ['A', '1']
    ]);
    const ragged = await ingest({ object: 'Account', operation: 'insert' }, 'Name,External_Id__c\nA,1\nB\n');
    const info = await waitForJob(h, 'ingest', ragged);
    expect(info.state).toBe('Failed');
    expect(String(info.errorMessage)).toMatch(/^InvalidBatch : Failed to parse CSV: .*line 3/);
    const missingId = await ingest({ object: 'Account', operation: 'update' }, 'Name\nA\n');
    expect(String((await waitForJob(h, 'ingest', missingId)).errorMessage)).toContain(
      'Field name not found : Id'
    );
    expect(h.store.tables.get('Account')?.size).toBe(0);
  });

  it('validates job creation, upload state and content type; lists, aborts and deletes jobs', async () => {
    const bad = await h.call({
      method: 'POST',
      url: `${V}/jobs/ingest`,
      payload: { object: 'Nope__c', operation: 'insert' }
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual([
      { errorCode: 'INVALIDJOB', message: 'InvalidJob : Unable to find object: Nope__c' }
    ]);
    const noExternal = await h.call({
      method: 'POST',
      url: `${V}/jobs/ingest`,
      payload: { object: 'Account', operation: 'upsert' }
    });
    expect(noExternal.statusCode).toBe(400);

    const job = (
      await h.call({
        method: 'POST',
        url: `${V}/jobs/ingest`,
        payload: { object: 'Account', operation: 'insert' }
      })
    ).json<{ id: string }>();
    const json = await h.call({
      method: 'PUT',
      url: `${V}/jobs/ingest/${job.id}/batches`,
      payload: { Name: 'x' }
    });
    expect(json.statusCode).toBe(415);
    await h.call({
      method: 'PUT',
      url: `${V}/jobs/ingest/${job.id}/batches`,
      payload: 'Name\nA\n',
      headers: { 'content-type': 'text/csv' }
    });
    const list = (await h.call({ method: 'GET', url: `${V}/jobs/ingest` })).json<{
      records: Array<{ id: string }>;
    }>();
    expect(list.records.map((record) => record.id)).toContain(job.id);
    const aborted = await h.call({
      method: 'PATCH',
      url: `${V}/jobs/ingest/${job.id}`,
      payload: { state: 'Aborted' }
    });
    expect(aborted.json()).toMatchObject({ state: 'Aborted' });
    expect(await csvOf(`${V}/jobs/ingest/${job.id}/unprocessedrecords`)).toEqual([['Name'], ['A']]);
    const late = await h.call({
      method: 'PUT',
      url: `${V}/jobs/ingest/${job.id}/batches`,
      payload: 'Name\nB\n',
      headers: { 'content-type': 'text/csv' }
    });
    expect(late.statusCode).toBe(409);
    expect((await h.call({ method: 'DELETE', url: `${V}/jobs/ingest/${job.id}` })).statusCode).toBe(204);
    expect((await h.call({ method: 'GET', url: `${V}/jobs/ingest/${job.id}` })).statusCode).toBe(404);
    expect(h.store.tables.get('Account')?.size).toBe(0);
  });

  it('fails locked rows with UNABLE_TO_LOCK_ROW', async () => {
    h.context.faults.configure({ lockRows: 1, seed: 1 });
    const id = await ingest({ object: 'Account', operation: 'insert' }, 'Name\nA\nB\n');
    const info = await waitForJob(h, 'ingest', id);
    expect(info).toMatchObject({ numberRecordsProcessed: 2, numberRecordsFailed: 2 });
    const failed = await csvOf(`${V}/jobs/ingest/${id}/failedResults`);
    expect(failed.slice(1).map((row) => row[1]?.split(':')[0])).toEqual([
      'UNABLE_TO_LOCK_ROW',
      'UNABLE_TO_LOCK_ROW'
    ]);
  });

  it('formats errors as Salesforce’s sf__Error column does', () => {
    expect(bulkErrorText([{ errorCode: 'X', message: 'm', fields: ['A', 'B'] }])).toBe('X:m:A,B --');
    expect(bulkErrorText([{ errorCode: 'X', message: 'm', fields: [] }])).toBe('X:m:--');
  });
});

describe('Bulk API 2.0 query', () => {
  beforeEach(async () => {
    const [parent] = await h.store.create('Account', [{ Name: 'Acme, "Inc"' }], { allOrNone: true });
    await h.store.create('Account', [{ Name: 'Beta' }, { Name: 'Gamma' }], { allOrNone: true });
    await h.store.create('Contact', [{ LastName: 'Smith', AccountId: parent?.id }], { allOrNone: true });
  });

  it('runs a query job and pages its CSV with Sforce-Locator and Sforce-NumberOfRecords', async () => {
    const created = await h.call({
      method: 'POST',
      url: `${V}/jobs/query`,
      payload: { operation: 'query', query: 'SELECT id, name FROM Account' }
    });
    const { id } = created.json<{ id: string }>();
    expect(created.json()).toMatchObject({ state: 'UploadComplete', object: 'Account', operation: 'query' });
    expect(await waitForJob(h, 'query', id)).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: 3
    });
    const first = await h.call({ method: 'GET', url: `${V}/jobs/query/${id}/results?maxRecords=2` });
    expect(first.headers['sforce-numberofrecords']).toBe('2');
    const locator = String(first.headers['sforce-locator']);
    expect(locator).not.toBe('null');
    expect(parse(first.body)).toEqual([
      ['Id', 'Name'],
      [expect.any(String), 'Acme, "Inc"'],
      [expect.any(String), 'Beta']
    ]);
    const second = await h.call({
      method: 'GET',
      url: `${V}/jobs/query/${id}/results?maxRecords=2&locator=${locator}`
    });
    expect(second.headers['sforce-locator']).toBe('null');
    expect(parse(second.body)).toEqual([
      ['Id', 'Name'],
      [expect.any(String), 'Gamma']
    ]);
  });

  it('flattens parent fields into Parent.Field columns', async () => {
    const created = await h.call({
      method: 'POST',
      url: `${V}/jobs/query`,
      payload: { query: 'SELECT LastName, Account.Name FROM Contact' }
    });
    const { id } = created.json<{ id: string }>();
    await waitForJob(h, 'query', id);
    const results = await h.call({ method: 'GET', url: `${V}/jobs/query/${id}/results` });
    expect(parse(results.body)[0]).toEqual(['LastName', 'Account.Name']);
  });

  it('refuses malformed SOQL, subqueries and aggregates', async () => {
    const malformed = await h.call({
      method: 'POST',
      url: `${V}/jobs/query`,
      payload: { query: 'SELEC Id FROM' }
    });
    expect(malformed.json<Array<{ errorCode: string }>>()[0]?.errorCode).toBe('MALFORMED_QUERY');
    const sub = await h.call({
      method: 'POST',
      url: `${V}/jobs/query`,
      payload: { query: 'SELECT Id, (SELECT Id FROM Contacts) FROM Account' }
    });
    expect(sub.statusCode).toBe(400);
    const aggregate = await h.call({
      method: 'POST',
      url: `${V}/jobs/query`,
      payload: { query: 'SELECT COUNT(Id) FROM Account' }
    });
    expect(aggregate.json<Array<{ message: string }>>()[0]?.message).toMatch(/Aggregate/);
  });
});
