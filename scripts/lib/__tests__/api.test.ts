import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Connection } from 'jsforce';
import { OrgApi, TransientCallError, transientReason } from '../api';
import { RetriesExhaustedError, type Clock } from '../retry';

/** A server that answers each request with the next scripted status (200 once the script runs out). */
function scriptedServer(script: (number | 'drop')[]) {
  const seen: string[] = [];
  const server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    const next = script.shift() ?? 200;
    if (next === 'drop') {
      request.socket.destroy();
      return;
    }
    response.writeHead(next, { 'Content-Type': 'application/json' });
    response.end(
      next === 200
        ? JSON.stringify({ ok: true })
        : JSON.stringify([
            { errorCode: next === 400 ? 'INVALID_FIELD' : 'SERVER_UNAVAILABLE', message: 'scripted' }
          ])
    );
  });
  return { server, seen };
}

const clock: Clock = { now: () => 0, random: () => 0, sleep: async () => {} };

describe('OrgApi', () => {
  let server: http.Server;
  let seen: string[];
  let api: OrgApi;

  async function start(script: (number | 'drop')[]): Promise<void> {
    ({ server, seen } = scriptedServer(script));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    api = new OrgApi(
      new Connection({ instanceUrl: `http://127.0.0.1:${port}`, accessToken: 'token', version: '66.0' }),
      {
        clock
      }
    );
  }

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('retries an idempotent call on 503 and 429 and counts every request under its label', async () => {
    await start([503, 429]);
    const body = await api.call('Account', () => api.connection.request<{ ok: boolean }>('/limits'));
    expect(body).toEqual({ ok: true });
    expect(seen).toEqual([
      'GET /services/data/v66.0/limits',
      'GET /services/data/v66.0/limits',
      'GET /services/data/v66.0/limits'
    ]);
    expect(api.meter.requestsFor('Account')).toBe(3);
    expect(api.meter.retriesFor('Account')).toBe(2);
    expect(api.meter.totalRequests).toBe(3);
  });

  it('retries a dropped connection', async () => {
    await start(['drop']);
    await api.call('Contact', () =>
      api.connection.request({ method: 'PATCH', url: '/composite/sobjects', body: '{}', headers: {} })
    );
    expect(api.meter.requestsFor('Contact')).toBe(2);
  });

  it('hands a transient failure of a call that is not idempotent back after one request', async () => {
    await start([503]);
    const call = api.call(
      'OpportunityContactRole',
      () => api.connection.request({ method: 'POST', url: '/composite/sobjects', body: '{}', headers: {} }),
      'once'
    );
    await expect(call).rejects.toThrow(TransientCallError);
    await expect(call).rejects.toMatchObject({ reason: 'HTTP 503' });
    expect(seen).toHaveLength(1);
  });

  it("switches jsforce's own retries off, so a GET is sent once per attempt", async () => {
    await start([503]);
    await expect(api.call('setup', () => api.connection.request('/limits'), 'once')).rejects.toThrow(
      TransientCallError
    );
    expect(seen).toHaveLength(1);
  });

  it('does not retry a request the org refused', async () => {
    await start([400]);
    await expect(api.call('Account', () => api.connection.request('/limits'))).rejects.toMatchObject({
      errorCode: 'INVALID_FIELD'
    });
    expect(seen).toHaveLength(1);
  });

  it('gives up when the org keeps failing', async () => {
    await start([503, 503, 503, 503, 503, 503, 503, 503]);
    await expect(api.call('Account', () => api.connection.request('/limits'))).rejects.toThrow(
      RetriesExhaustedError
    );
    expect(seen).toHaveLength(8);
  });
});

describe('transientReason', () => {
  it('names the HTTP status of retryable answers and nothing for the others', () => {
    expect(transientReason(503, 1, new Error('x'))).toBe('HTTP 503');
    expect(transientReason(429, 1, new Error('x'))).toBe('HTTP 429');
    expect(transientReason(404, 1, new Error('x'))).toBeNull();
  });

  it('calls a failure without an answer a dropped connection, and a failure before any request final', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' })
    });
    expect(transientReason(undefined, 1, error)).toBe('a dropped connection (ECONNRESET)');
    expect(transientReason(undefined, 0, error)).toBeNull();
  });

  it('treats a failure after an answer that is not a network error as final', () => {
    expect(
      transientReason(undefined, 1, new TypeError("Cannot read properties of undefined (reading 'x')"))
    ).toBeNull();
  });
});
