import { FaultInjector, faultSettingsFromEnv, parseFaultSettings } from '../../faults';
import { harness, V, type Harness } from './harness';

describe('fault settings', () => {
  it('parses ATLAS_FAULTS and rejects unknown keys, bad rates and bad JSON', () => {
    expect(faultSettingsFromEnv({ ATLAS_FAULTS: '{"http503":0.1,"seed":7}' })).toEqual({
      http503: 0.1,
      seed: 7
    });
    expect(faultSettingsFromEnv({})).toBeUndefined();
    expect(() => parseFaultSettings({ http500: 0.1 })).toThrow('Unknown fault setting "http500"');
    expect(() => parseFaultSettings({ lockRows: 2 })).toThrow('between 0 and 1');
    expect(() => parseFaultSettings({ latencyMs: '5' })).toThrow('must be a number');
    expect(() => parseFaultSettings([])).toThrow('JSON object');
    expect(() => faultSettingsFromEnv({ ATLAS_FAULTS: '{' })).toThrow('ATLAS_FAULTS is not valid JSON');
  });

  it('is deterministic for a seed', () => {
    const run = () => {
      const faults = new FaultInjector({
        http503: 0.3,
        http429: 0.2,
        dropConnection: 0.2,
        lockRows: 0.4,
        seed: 42
      });
      return [
        ...Array.from({ length: 50 }, (_, index) => faults.decideCall(index % 2 === 0)),
        ...faults.lockedRows(20)
      ];
    };
    expect(run()).toEqual(run());
    expect(new Set(run())).toEqual(
      new Set(['none', 'http503', 'http429', 'dropBefore', 'dropAfterWrite', true, false])
    );
  });
});

describe('injected HTTP faults', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers 503 SERVER_UNAVAILABLE and 429 REQUEST_LIMIT_EXCEEDED, counting the calls, never on admin routes', async () => {
    const set = await h.call({
      method: 'POST',
      url: '/services/admin/faults',
      payload: { http503: 1, seed: 1 }
    });
    expect(set.json()).toEqual({ http503: 1, seed: 1 });
    const unavailable = await h.call({ method: 'GET', url: `${V}/limits` });
    expect(unavailable.statusCode).toBe(503);
    expect(unavailable.json<Array<{ errorCode: string }>>()[0]?.errorCode).toBe('SERVER_UNAVAILABLE');
    const stats = await h.call({ method: 'GET', url: '/services/admin/stats' });
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toMatchObject({ total: 1, faults: { http503: 1 } });

    await h.call({ method: 'POST', url: '/services/admin/faults', payload: { http429: 1 } });
    const limited = await h.call({ method: 'POST', url: `${V}/sobjects/Account`, payload: { Name: 'x' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json<Array<{ errorCode: string }>>()[0]?.errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    expect(h.store.tables.get('Account')?.size).toBe(0);

    await h.call({ method: 'POST', url: '/services/admin/faults', payload: {} });
    expect((await h.call({ method: 'GET', url: `${V}/limits` })).statusCode).toBe(200);
  });

  it('rejects bad settings on the admin endpoint', async () => {
    const response = await h.call({ method: 'POST', url: '/services/admin/faults', payload: { http503: 5 } });
    expect(response.statusCode).toBe(400);
    expect(response.json<Array<{ errorCode: string }>>()[0]?.errorCode).toBe('INVALID_FAULT_SETTINGS');
  });

  it('adds latency', async () => {
    h.context.faults.configure({ latencyMs: 60 });
    const started = Date.now();
    await h.call({ method: 'GET', url: `${V}/limits` });
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});
