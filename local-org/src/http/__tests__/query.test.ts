import { QueryCursors } from '../query';
import { harness, V, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  const records = Array.from({ length: 4500 }, (_, index) => ({ Name: `A${index}` }));
  for (let start = 0; start < records.length; start += 500) {
    await h.store.create('Account', records.slice(start, start + 500), { allOrNone: true });
  }
});
afterEach(async () => {
  await h.close();
});

interface Page {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: unknown[];
}

describe('query paging', () => {
  it('pages 2,000 records at a time with Salesforce-shaped nextRecordsUrl, then forgets the locator', async () => {
    const first = (
      await h.call({
        method: 'GET',
        url: `${V}/query?q=${encodeURIComponent('SELECT Id, Name FROM Account')}`
      })
    ).json<Page>();
    expect(first).toMatchObject({ totalSize: 4500, done: false });
    expect(first.records).toHaveLength(2000);
    expect(first.nextRecordsUrl).toMatch(/^\/services\/data\/v66\.0\/query\/01g[0-9A-Za-z]{15}-2000$/);
    const second = (await h.call({ method: 'GET', url: first.nextRecordsUrl ?? '' })).json<Page>();
    expect(second.records).toHaveLength(2000);
    expect(second.nextRecordsUrl).toMatch(/-4000$/);
    const last = (await h.call({ method: 'GET', url: second.nextRecordsUrl ?? '' })).json<Page>();
    expect(last).toMatchObject({ done: true, totalSize: 4500 });
    expect(last.records).toHaveLength(500);
    expect(last.nextRecordsUrl).toBeUndefined();
    const again = await h.call({ method: 'GET', url: second.nextRecordsUrl ?? '' });
    expect(again.statusCode).toBe(400);
    expect(again.json<Array<{ errorCode: string }>>()[0]?.errorCode).toBe('INVALID_QUERY_LOCATOR');
  });

  it('honours Sforce-Query-Options batchSize within 200–2,000', async () => {
    const url = `${V}/queryAll?q=${encodeURIComponent('SELECT Id FROM Account')}`;
    const small = (
      await h.call({ method: 'GET', url, headers: { 'sforce-query-options': 'batchSize=300' } })
    ).json<Page>();
    expect(small.records).toHaveLength(300);
    const tiny = (
      await h.call({ method: 'GET', url, headers: { 'sforce-query-options': 'batchSize=5' } })
    ).json<Page>();
    expect(tiny.records).toHaveLength(200);
  });

  it('reports the store’s SOQL errors and a missing q', async () => {
    const bad = await h.call({ method: 'GET', url: `${V}/query?q=SELEC` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Array<{ errorCode: string }>>()[0]?.errorCode).toBe('MALFORMED_QUERY');
    const missing = await h.call({ method: 'GET', url: `${V}/query` });
    expect(missing.json<Array<{ errorCode: string }>>()[0]?.errorCode).toBe('MALFORMED_QUERY');
  });
});

describe('QueryCursors', () => {
  it('expires locators after 15 minutes', () => {
    let now = 0;
    const cursors = new QueryCursors(() => now);
    const records = Array.from({ length: 3 }, (_, index) => ({ Id: String(index) }));
    const page = cursors.firstPage({ totalSize: 3, records }, 2, V);
    const locator = (page.nextRecordsUrl ?? '').split('/').pop() ?? '';
    now += 15 * 60 * 1000 + 1;
    expect(() => cursors.nextPage(locator, V)).toThrow('invalid query locator');
    expect(cursors.size).toBe(0);
  });
});
