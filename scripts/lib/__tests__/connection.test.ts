import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalOrg, type LocalOrg } from '../../../local-org/src/server';
import { projectRoot } from '../../../tools/lib/files';
import { connectTarget, projectApiVersion } from '../connection';

jest.setTimeout(60_000);

const ROOT = projectRoot();

describe('connectTarget', () => {
  let org: LocalOrg;
  let stateDir: string;

  beforeAll(async () => {
    org = await startLocalOrg({ projectRoot: ROOT });
  });

  afterAll(async () => {
    await org.close();
  });

  beforeEach(() => {
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-connection-'));
  });

  afterEach(() => fs.rmSync(stateDir, { recursive: true, force: true }));

  function writeCredentials(credentials: object): void {
    fs.writeFileSync(path.join(stateDir, 'local-org.json'), JSON.stringify(credentials));
  }

  it('uses the running local org named by the credentials file', async () => {
    writeCredentials({
      instanceUrl: org.instanceUrl,
      accessToken: org.accessToken,
      apiVersion: org.apiVersion
    });
    const target = await connectTarget('local', { projectRoot: ROOT, stateDir });
    try {
      expect(target.kind).toBe('local');
      expect(target.description).toBe(`the local org at ${org.instanceUrl}`);
      expect(target.api.meter.requestsFor('setup')).toBe(1);
    } finally {
      await target.close();
    }
  });

  it('refuses a live local org that does not take the token, rather than opening its data folder too', async () => {
    writeCredentials({ instanceUrl: org.instanceUrl, accessToken: 'stale', apiVersion: org.apiVersion });
    await expect(connectTarget('local', { projectRoot: ROOT, stateDir })).rejects.toThrow(
      /does not accept the token in .*local-org\.json.*restart it with `npm run local-org`/s
    );
  });

  it('starts the local org in this process, on the data folder of the state folder, when nothing answers', async () => {
    writeCredentials({ instanceUrl: 'http://127.0.0.1:9', accessToken: 'x', apiVersion: '66.0' });
    const target = await connectTarget('local', { projectRoot: ROOT, stateDir });
    try {
      expect(target.description).toMatch(/^the local org \(started for this run on .*local-org\)$/);
      const versions = await target.api.call('setup', () => target.api.connection.request('/services/data/'));
      expect(Array.isArray(versions)).toBe(true);
      expect(fs.existsSync(path.join(stateDir, 'local-org'))).toBe(true);
    } finally {
      await target.close();
    }
  });
});

describe('projectApiVersion', () => {
  it("reads the project's source API version", () => {
    expect(projectApiVersion(ROOT)).toMatch(/^\d+\.0$/);
  });
});
