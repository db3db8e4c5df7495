/** Bulk API 2.0 through jsforce's bulk2: a 5,000+ row ingest with bad rows, job APIs, and bulk queries. */
import type { Record as JsforceRecord } from 'jsforce';
import { startContractOrg, type ContractOrg } from './local-org';

const ROWS = 5200;
const POLL = { pollInterval: 50, pollTimeout: 60_000 };
let local: ContractOrg;

beforeAll(async () => {
  local = await startContractOrg();
});
afterAll(async () => {
  await local.org.close();
});

function csvOf(rows: string[][]): string {
  return `${rows.map((row) => row.map((value) => `"${value.replace(/"/g, '""')}"`).join(',')).join('\n')}\n`;
}

describe('bulk ingest', () => {
  it('loads 5,000+ rows with loadAndWaitForResults and names each bad row in failedResults', async () => {
    const rows: string[][] = [['Name', 'External_Id__c', 'Industry', 'AnnualRevenue']];
    for (let index = 0; index < ROWS; index += 1) {
      const bad = index % 1000 === 7;
      rows.push([bad ? '' : `Bulk ${index}`, `BULK-${index}`, 'Energy', String(index)]);
    }
    rows.push(['Too long', 'BULK-LONG', 'x'.repeat(300), '1']);
    const started = Date.now();
    const results = await local.conn.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'insert',
      input: csvOf(rows),
      ...POLL
    });
    const elapsed = Date.now() - started;
    const expectedFailures = Math.ceil((ROWS - 7) / 1000) + 1;
    expect(results.successfulResults).toHaveLength(ROWS + 1 - expectedFailures);
    expect(results.failedResults).toHaveLength(expectedFailures);
    expect(results.unprocessedRecords).toHaveLength(0);
    const first = results.successfulResults[0] as JsforceRecord;
    expect(first).toMatchObject({ sf__Created: 'true', Name: 'Bulk 0', External_Id__c: 'BULK-0' });
    expect(String(first.sf__Id)).toMatch(/^001/);
    const failure = results.failedResults.find(
      (row) => (row as JsforceRecord).External_Id__c === 'BULK-7'
    ) as JsforceRecord;
    expect(String(failure.sf__Error)).toMatch(/^REQUIRED_FIELD_MISSING:/);
    const tooLong = results.failedResults.find(
      (row) => (row as JsforceRecord).External_Id__c === 'BULK-LONG'
    ) as JsforceRecord;
    expect(String(tooLong.sf__Error)).toMatch(/^[A-Z_]+:/);
    console.log(`bulk ingest of ${ROWS + 1} rows: ${elapsed} ms`);
  }, 60_000);

  it('upserts by external id with a relationship column, reporting created and updated rows', async () => {
    const input = csvOf([
      ['LastName', 'External_Id__c', 'Account.External_Id__c'],
      ['Upsert One', 'BC-1', 'BULK-1'],
      ['Upsert Two', 'BC-2', 'NO-SUCH-ACCOUNT']
    ]);
    const first = await local.conn.bulk2.loadAndWaitForResults({
      object: 'Contact',
      operation: 'upsert',
      externalIdFieldName: 'External_Id__c',
      input,
      ...POLL
    });
    expect(first.successfulResults.map((row) => row.sf__Created)).toEqual(['true']);
    expect(String(first.failedResults[0]?.sf__Error)).toContain(
      'Foreign key external ID: NO-SUCH-ACCOUNT not found'
    );
    const again = await local.conn.bulk2.loadAndWaitForResults({
      object: 'Contact',
      operation: 'upsert',
      externalIdFieldName: 'External_Id__c',
      input,
      ...POLL
    });
    expect(again.successfulResults.map((row) => row.sf__Created)).toEqual(['false']);
    const contact = await local.conn.query<{ Account: { Name: string } }>(
      "SELECT Account.Name FROM Contact WHERE External_Id__c = 'BC-1'"
    );
    expect(contact.records[0]?.Account.Name).toBe('Bulk 1');
  }, 30_000);

  it('fails a job whose CSV names an unknown field', async () => {
    const job = local.conn.bulk2.createJob({ object: 'Account', operation: 'insert' });
    await job.open();
    await job.uploadData('Name,Foo__c\nA,1\n');
    await job.close();
    await expect(job.poll(50, 10_000)).rejects.toThrow('InvalidBatch : Field name not found : Foo__c');
    expect(job.getInfo()).toMatchObject({ state: 'Failed', numberRecordsProcessed: 0 });
    const unprocessed = await job.getUnprocessedRecords();
    expect(unprocessed).toEqual([{ Name: 'A', Foo__c: '1' }]);
    await job.delete();
  });

  it('reports UNABLE_TO_LOCK_ROW per row under lock faults', async () => {
    local.org.setFaults({ lockRows: 0.2, seed: 9 });
    const rows = [
      ['Name', 'External_Id__c'],
      ...Array.from({ length: 200 }, (_, index) => [`L${index}`, `BLOCK-${index}`])
    ];
    const results = await local.conn.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'insert',
      input: csvOf(rows),
      ...POLL
    });
    local.org.setFaults({});
    expect(results.failedResults.length).toBeGreaterThan(10);
    expect(
      results.failedResults.every((row) => String(row.sf__Error).startsWith('UNABLE_TO_LOCK_ROW:'))
    ).toBe(true);
    expect(results.successfulResults.length + results.failedResults.length).toBe(200);
  });
});

describe('bulk query', () => {
  it('streams a query’s rows through bulk2.query', async () => {
    const stream = await local.conn.bulk2.query(
      "SELECT Id, Name, AnnualRevenue FROM Account WHERE Name LIKE 'Bulk %'",
      POLL
    );
    const records: JsforceRecord[] = [];
    await new Promise<void>((resolve, reject) => {
      stream.on('record', (record: JsforceRecord) => records.push(record));
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
    expect(records.length).toBeGreaterThan(5000);
    expect(Object.keys(records[0] ?? {})).toEqual(['Id', 'Name', 'AnnualRevenue']);
  }, 30_000);

  it('pages results with maxRecords and the Sforce-Locator header', async () => {
    const info = await local.conn.request<{ id: string }>({
      method: 'POST',
      url: '/services/data/v66.0/jobs/query',
      body: JSON.stringify({
        operation: 'query',
        query: "SELECT Name FROM Account WHERE Name LIKE 'Bulk 1%'"
      }),
      headers: { 'content-type': 'application/json' }
    });
    const job = local.conn.bulk2.job('query', { id: info.id });
    await job.poll(50, 10_000);
    const headers = { authorization: `Bearer ${local.org.accessToken}` };
    const base = `${local.org.instanceUrl}/services/data/v66.0/jobs/query/${info.id}/results`;
    const first = await fetch(`${base}?maxRecords=100`, { headers });
    expect(first.headers.get('sforce-numberofrecords')).toBe('100');
    const locator = first.headers.get('sforce-locator') ?? 'null';
    expect(locator).not.toBe('null');
    let total = 100;
    let next = locator;
    while (next !== 'null') {
      const page = await fetch(`${base}?maxRecords=1000&locator=${next}`, { headers });
      total += Number(page.headers.get('sforce-numberofrecords'));
      next = page.headers.get('sforce-locator') ?? 'null';
    }
    expect(total).toBe(job.getInfo().numberRecordsProcessed);
  });
});
