/** SOQL over REST through jsforce: paging past 2,000 rows, relationships, aggregates, and a 503 retried by jsforce. */
import { seed, startContractOrg, type ContractOrg } from './local-org';

const ACCOUNTS = 4500;
let local: ContractOrg;
let parentId: string;

beforeAll(async () => {
  local = await startContractOrg();
  const industries = ['Banking', 'Energy', 'Retail'];
  await seed(
    local.org,
    'Account',
    Array.from({ length: ACCOUNTS }, (_, index) => ({
      Name: `Paged ${String(index).padStart(4, '0')}`,
      Industry: industries[index % 3],
      AnnualRevenue: index
    }))
  );
  [parentId = ''] = await seed(local.org, 'Account', [{ Name: 'Parent Co', External_Id__c: 'Q-PARENT' }]);
  await seed(local.org, 'Contact', [
    { LastName: 'Ames', AccountId: parentId },
    { LastName: 'Brook', AccountId: parentId }
  ]);
}, 60_000);

afterAll(async () => {
  await local.org.close();
});
afterEach(() => {
  local.org.setFaults({});
});

describe('query paging', () => {
  const soql = "SELECT Id, Name FROM Account WHERE Name LIKE 'Paged %' ORDER BY Name";

  it('returns 2,000 rows and a nextRecordsUrl, then follows it with queryMore', async () => {
    const first = await local.conn.query(soql, { autoFetch: false });
    expect(first.totalSize).toBe(ACCOUNTS);
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(2000);
    // jsforce rebuilds the URL from the locator; the wire form is checked below.
    expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v66\.0\/query\/01g[0-9A-Za-z]{15}-2000$/);
    const second = await local.conn.queryMore(first.nextRecordsUrl as string);
    expect(second.records).toHaveLength(2000);
    const third = await local.conn.queryMore(second.nextRecordsUrl as string);
    expect(third.done).toBe(true);
    expect(third.records).toHaveLength(500);
    const names = [...first.records, ...second.records, ...third.records].map((record) => record.Name);
    expect(new Set(names).size).toBe(ACCOUNTS);
  });

  it('fetches every page with autoFetch and stops at maxFetch', async () => {
    const all = await local.conn.query(soql, { autoFetch: true, maxFetch: 100_000 });
    expect(all.records).toHaveLength(ACCOUNTS);
    const some = await local.conn.query(soql, { autoFetch: true, maxFetch: 2500 });
    expect(some.records).toHaveLength(2500);
  });

  it('answers nextRecordsUrl as Salesforce writes it', async () => {
    const page = await local.conn.request<{ nextRecordsUrl: string; done: boolean }>(
      `/services/data/v66.0/query?q=${encodeURIComponent(soql)}`
    );
    expect(page.done).toBe(false);
    expect(page.nextRecordsUrl).toMatch(/^\/services\/data\/v66\.0\/query\/01g[0-9A-Za-z]{15}-2000$/);
  });

  it('honours the batchSize query option', async () => {
    const page = await local.conn.request<{ records: unknown[] }>({
      method: 'GET',
      url: `/services/data/v66.0/query?q=${encodeURIComponent(soql)}`,
      headers: { 'Sforce-Query-Options': 'batchSize=500' }
    });
    expect(page.records).toHaveLength(500);
  });
});

describe('relationship queries and aggregates', () => {
  it('reads parent fields and child subqueries', async () => {
    const contacts = await local.conn.query<{ LastName: string; Account: { Name: string } }>(
      "SELECT LastName, Account.Name FROM Contact WHERE Account.External_Id__c = 'Q-PARENT' ORDER BY LastName"
    );
    expect(contacts.records.map((record) => [record.LastName, record.Account.Name])).toEqual([
      ['Ames', 'Parent Co'],
      ['Brook', 'Parent Co']
    ]);
    const parents = await local.conn.query<{
      Name: string;
      Contacts: { totalSize: number; records: Array<{ LastName: string }> };
    }>(
      `SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account WHERE Id = '${parentId}'`
    );
    expect(parents.records[0]?.Contacts.records.map((record) => record.LastName)).toEqual(['Ames', 'Brook']);
  });

  it('groups and aggregates', async () => {
    const result = await local.conn.query<{ Industry: string; total: number; revenue: number }>(
      "SELECT Industry, COUNT(Id) total, SUM(AnnualRevenue) revenue FROM Account WHERE Name LIKE 'Paged %' GROUP BY Industry ORDER BY Industry"
    );
    expect(result.records.map((record) => [record.Industry, record.total])).toEqual([
      ['Banking', 1500],
      ['Energy', 1500],
      ['Retail', 1500]
    ]);
    const count = await local.conn.query("SELECT COUNT() FROM Account WHERE Name LIKE 'Paged %'");
    expect(count.totalSize).toBe(ACCOUNTS);
  });
});

describe('faults on reads', () => {
  it('a 503 is retried by jsforce’s own GET retry', async () => {
    // With seed 8 the first call draws a 503 and the retry does not.
    local.org.setFaults({ http503: 0.5, seed: 8 });
    const before = local.org.stats().faults.http503;
    const result = await local.conn.query("SELECT Id FROM Account WHERE External_Id__c = 'Q-PARENT'");
    expect(result.records).toHaveLength(1);
    expect(local.org.stats().faults.http503).toBe(before + 1);
  });
});
