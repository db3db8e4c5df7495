import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalOrg, writeCredentialsFile, type LocalOrg } from '../../server';
import { FakeStore } from './fake-store';

const V = '/services/data/v66.0';

describe('startLocalOrg', () => {
  let folder: string;
  let org: LocalOrg | undefined;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'local-org-'));
  });
  afterEach(async () => {
    await org?.close();
    org = undefined;
    await rm(folder, { recursive: true, force: true });
  });

  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${org?.instanceUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${org?.accessToken}`,
        'content-type': 'application/json',
        ...init.headers
      }
    });

  it('listens on 127.0.0.1, keeps its token per data folder and writes the credentials file 0600', async () => {
    org = await startLocalOrg({ projectRoot: folder, dataDir: join(folder, 'data'), store: new FakeStore() });
    expect(org.instanceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(org.apiVersion).toBe('66.0');
    const token = org.accessToken;
    const file = await writeCredentialsFile(folder, org);
    expect(file).toBe(join(folder, '.atlas', 'local-org.json'));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      instanceUrl: org.instanceUrl,
      accessToken: token,
      apiVersion: '66.0'
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(folder, 'data', 'credentials.json'))).mode & 0o777).toBe(0o600);
    await org.close();
    org = await startLocalOrg({ projectRoot: folder, dataDir: join(folder, 'data'), store: new FakeStore() });
    expect(org.accessToken).toBe(token);
  });

  it('says clearly when the port is taken', async () => {
    org = await startLocalOrg({ projectRoot: folder, store: new FakeStore() });
    await expect(
      startLocalOrg({ projectRoot: folder, port: org.port, store: new FakeStore() })
    ).rejects.toThrow(`Port ${org.port} on 127.0.0.1 is already in use`);
  });

  it('drops connections before a call, or after applying a write', async () => {
    const store = new FakeStore();
    org = await startLocalOrg({ projectRoot: folder, store, faults: { dropConnection: 1, seed: 5 } });
    const attempts = 12;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      await expect(
        call(`${V}/sobjects/Account`, { method: 'POST', body: JSON.stringify({ Name: `A${attempt}` }) })
      ).rejects.toThrow();
    }
    const { faults, byKind } = org.stats();
    expect(faults.droppedBefore + faults.droppedAfterWrite).toBe(attempts);
    expect(faults.droppedAfterWrite).toBeGreaterThan(0);
    expect(faults.droppedBefore).toBeGreaterThan(0);
    expect(store.tables.get('Account')?.size).toBe(faults.droppedAfterWrite);
    expect(byKind.rest).toBe(attempts);
    org.setFaults({});
    expect((await call(`${V}/limits`)).status).toBe(200);
  });

  it('closes the store it opened only', async () => {
    const store = new FakeStore();
    org = await startLocalOrg({ projectRoot: folder, store });
    await org.close();
    expect(store.closed).toBe(false);
    org = undefined;
  });
});
