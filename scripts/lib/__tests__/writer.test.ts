import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Connection } from 'jsforce';
import { OrgApi } from '../api';
import { JobPacer } from '../loader/bulk';
import type { RowResult, WriteRow } from '../loader/types';
import { chooseMethod, writeRows, type WriterSettings, type WriteTarget } from '../loader/writer';
import type { Clock } from '../retry';

interface Sent {
  method: string;
  url: string;
  keys: string[];
}

type Responder = (request: { method: string; url: string; keys: string[] }) => 'drop' | unknown[];

const clock: Clock = { now: () => 0, random: () => 0, sleep: async () => {} };

const settings: WriterSettings = {
  bulkThreshold: 2_000,
  batchSize: 200,
  lockRounds: 3,
  lockPolicy: { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 },
  bulk: { pollIntervalMs: 1, maxPollIntervalMs: 2, pollTimeoutMs: 1_000, clock, pacer: new JobPacer() }
};

function rows(count: number, isNew = false): WriteRow[] {
  return Array.from({ length: count }, (_, index) => ({
    key: `k${index + 1}`,
    values: { External_Id__c: `k${index + 1}`, Name: `Row ${index + 1}` },
    isNew
  }));
}

describe('writeRows over REST collections', () => {
  let server: http.Server;
  let sent: Sent[];
  let api: OrgApi;

  async function start(respond: Responder): Promise<void> {
    sent = [];
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const url = request.url ?? '';
        const keys =
          request.method === 'GET'
            ? []
            : (JSON.parse(body) as { records: { External_Id__c: string }[] }).records.map(
                (r) => r.External_Id__c
              );
        sent.push({ method: request.method ?? '', url, keys });
        const answer = respond({ method: request.method ?? '', url, keys });
        if (answer === 'drop') {
          request.socket.destroy();
          return;
        }
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    api = new OrgApi(
      new Connection({ instanceUrl: `http://127.0.0.1:${port}`, accessToken: 'token', version: '66.0' }),
      { clock }
    );
  }

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  function target(results: RowResult[], findInserted?: WriteTarget['findInserted']): WriteTarget {
    return {
      api,
      label: 'Account',
      object: 'Account',
      identity: ['External_Id__c'],
      tracker: { opened: () => {}, settled: () => {} },
      findInserted,
      onResults: (batch) => results.push(...batch)
    };
  }

  const ok = (key: string) => ({
    id: `001${key.padStart(15, '0')}`,
    success: true,
    created: true,
    errors: []
  });
  const locked = {
    success: false,
    errors: [{ statusCode: 'UNABLE_TO_LOCK_ROW', message: 'locked', fields: [] }]
  };

  it('sends 200 rows a call and sends rows that met UNABLE_TO_LOCK_ROW again, in smaller batches', async () => {
    const lockedOnce = new Set(['k2', 'k201', 'k250']);
    await start(({ keys }) =>
      keys.map((key) => {
        if (lockedOnce.has(key)) {
          lockedOnce.delete(key);
          return locked;
        }
        return ok(key);
      })
    );
    const results: RowResult[] = [];
    const method = await writeRows(
      target(results),
      settings,
      { kind: 'upsert', keyField: 'External_Id__c' },
      rows(250)
    );
    expect(method).toBe('REST');
    expect(sent.map((request) => request.keys.length)).toEqual([200, 50, 3]);
    expect(sent[0]?.url).toBe('/services/data/v66.0/composite/sobjects/Account/External_Id__c');
    expect(sent[2]?.keys).toEqual(['k2', 'k201', 'k250']);
    expect(results).toHaveLength(250);
    expect(results.every((result) => result.ok)).toBe(true);
  });

  it('reports rows still locked after the last round as failed, and other row errors at once', async () => {
    await start(({ keys }) =>
      keys.map((key) =>
        key === 'k1'
          ? locked
          : key === 'k2'
            ? {
                success: false,
                errors: [{ statusCode: 'STRING_TOO_LONG', message: 'Name: too long', fields: ['Name'] }]
              }
            : ok(key)
      )
    );
    const results: RowResult[] = [];
    await writeRows(target(results), settings, { kind: 'upsert', keyField: 'External_Id__c' }, rows(3));
    expect(sent).toHaveLength(1 + settings.lockRounds);
    expect(results.filter((result) => !result.ok)).toEqual([
      { key: 'k2', ok: false, id: null, errorCode: 'STRING_TOO_LONG', message: 'Name: too long' },
      { key: 'k1', ok: false, id: null, errorCode: 'UNABLE_TO_LOCK_ROW', message: 'locked' }
    ]);
  });

  it('never sends a new row twice blindly: after a lost answer it sends only the rows the org does not hold', async () => {
    let first = true;
    await start(({ keys }) => {
      if (first) {
        first = false;
        return 'drop';
      }
      return keys.map(ok);
    });
    const results: RowResult[] = [];
    const checked: string[][] = [];
    const findInserted = async (candidates: WriteRow[]): Promise<Map<string, string>> => {
      checked.push(candidates.map((row) => row.key));
      return new Map([['k1', '001000000000000AAA']]);
    };
    await writeRows(target(results, findInserted), settings, { kind: 'insert' }, rows(3, true));
    expect(checked).toEqual([['k1', 'k2', 'k3']]);
    expect(sent.map((request) => request.keys)).toEqual([
      ['k1', 'k2', 'k3'],
      ['k2', 'k3']
    ]);
    expect(
      sent.every((request) => request.method === 'POST' && request.url.endsWith('/composite/sobjects'))
    ).toBe(true);
    expect(results.map((result) => [result.key, result.ok])).toEqual([
      ['k1', true],
      ['k2', true],
      ['k3', true]
    ]);
  });

  it('resends changes to rows the org holds as they are: they are idempotent', async () => {
    let first = true;
    await start(({ keys }) => {
      if (first) {
        first = false;
        return 'drop';
      }
      return keys.map(ok);
    });
    const results: RowResult[] = [];
    await writeRows(target(results), settings, { kind: 'upsert', keyField: 'External_Id__c' }, rows(2));
    expect(sent.map((request) => request.keys)).toEqual([
      ['k1', 'k2'],
      ['k1', 'k2']
    ]);
    expect(results).toHaveLength(2);
  });

  it('fails every row of a call the org refuses as a whole', async () => {
    server = http.createServer((_request, response) => {
      response.writeHead(400, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify([{ errorCode: 'INVALID_FIELD', message: 'No such column Nmae' }]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    api = new OrgApi(
      new Connection({ instanceUrl: `http://127.0.0.1:${port}`, accessToken: 't', version: '66.0' }),
      {
        clock
      }
    );
    const results: RowResult[] = [];
    await writeRows(target(results), settings, { kind: 'update' }, rows(2));
    expect(results.map((result) => (result.ok ? result.key : `${result.key} ${result.errorCode}`))).toEqual([
      'k1 INVALID_FIELD',
      'k2 INVALID_FIELD'
    ]);
  });
});

describe('chooseMethod and JobPacer', () => {
  it('writes through Bulk only above the threshold', () => {
    expect(chooseMethod(2_000, 2_000)).toBe('REST');
    expect(chooseMethod(2_001, 2_000)).toBe('Bulk');
  });

  it('waits for the first poll as long as the org took per row on the last job', () => {
    const pacer = new JobPacer();
    const limits = { pollIntervalMs: 250, maxPollIntervalMs: 5_000 };
    expect(pacer.firstWait(10_000, limits)).toBe(250);
    pacer.record(10_000, 4_000);
    expect(pacer.firstWait(20_000, limits)).toBe(8_000);
    expect(pacer.firstWait(100, limits)).toBe(250);
    expect(pacer.firstWait(1_000_000, limits)).toBe(20_000);
  });
});
