/**
 * The seed command against the real local org (in-memory databases, 1,500 records), end to end:
 * seeding and re-seeding, faults, a `kill -9` in the middle of a run, and bad input. The slow tests live in this one
 * file so that they share orgs where they can.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { Connection } from 'jsforce';
import { startLocalOrg, type LocalOrg } from '../../../local-org/src/server';
import { runScript, startOrgProcess, type LocalOrgCredentials } from '../../../tools/bench/processes';
import { projectRoot } from '../../../tools/lib/files';
import { OrgApi } from '../../lib/api';
import type { CheckpointData } from '../../lib/checkpoint';
import { orgNames } from '../../lib/names';
import { readStages } from '../../lib/target';
import { generateDataset } from '../generator';
import type { SeedDataset } from '../generator/types';
import { parseSeedOptions, type RawSeedOptions } from '../options';
import type { SeedSummary } from '../report';
import { CHECKPOINT_FILE, seedCommand } from '../run';
import { orgDigest, type OrgDigest } from './org-digest';

jest.setTimeout(120_000);

const ROOT = projectRoot();
const SCALE = '1500';
const ANCHOR_DATE = '2026-11-23';
const FAULTS = { http503: 0.1, lockRows: 0.05, dropConnection: 0.02, seed: 7 };
const names = orgNames(null);

const temporary: string[] = [];
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `atlas-${prefix}-`));
  temporary.push(dir);
  return dir;
}

function credentialsOf(org: LocalOrg): LocalOrgCredentials {
  return { instanceUrl: org.instanceUrl, accessToken: org.accessToken, apiVersion: org.apiVersion };
}

/** A state folder whose credentials file points at `credentials`, as `npm run local-org` would leave it. */
function stateFor(credentials: LocalOrgCredentials): string {
  const dir = tempDir('state');
  fs.writeFileSync(path.join(dir, 'local-org.json'), JSON.stringify(credentials));
  return dir;
}

function capture(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

interface SeedRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: SeedSummary | null;
}

/** The seed command in this process, with fast retries (the org's faults are real, the waits are shortened). */
async function seed(stateDir: string, raw: RawSeedOptions = {}, root = ROOT): Promise<SeedRun> {
  const stdout = capture();
  const stderr = capture();
  const code = await seedCommand(
    parseSeedOptions({
      scale: SCALE,
      anchorDate: ANCHOR_DATE,
      json: true,
      resultsDir: path.join(stateDir, 'results'),
      ...raw
    }),
    {
      projectRoot: root,
      stateDir,
      generate: generateDataset,
      stdout: stdout.stream,
      stderr: stderr.stream,
      api: { policy: { attempts: 8, baseDelayMs: 5, maxDelayMs: 50 } },
      writer: { lockPolicy: { attempts: 5, baseDelayMs: 5, maxDelayMs: 20 } }
    }
  );
  const text = stdout.text();
  const json = raw.json !== false && code !== 2 && text !== '';
  return {
    code,
    stdout: text,
    stderr: stderr.text(),
    summary: json ? (JSON.parse(text) as SeedSummary) : null
  };
}

async function datasetFor(credentials: LocalOrgCredentials): Promise<SeedDataset> {
  const api = new OrgApi(
    new Connection({
      instanceUrl: credentials.instanceUrl,
      accessToken: credentials.accessToken,
      version: credentials.apiVersion
    })
  );
  const stages = await readStages(api);
  return generateDataset({ seed: 1, scale: Number(SCALE), anchorDate: ANCHOR_DATE, stages });
}

function recordsIn(dataset: SeedDataset): number {
  return dataset.objects.reduce((sum, object) => sum + object.records.length, 0);
}

function expectComplete(digest: OrgDigest): void {
  expect(digest.duplicates).toEqual([]);
  expect(digest.missing).toEqual([]);
}

afterAll(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run seed into the local org', () => {
  let org: LocalOrg;
  let dataset: SeedDataset;
  let clean: OrgDigest;
  let state: string;

  beforeAll(async () => {
    org = await startLocalOrg({ projectRoot: ROOT });
    dataset = await datasetFor(credentialsOf(org));
    state = stateFor(credentialsOf(org));
  });

  afterAll(async () => {
    await org.close();
  });

  it('seeds an empty org, writes results files, and a second run creates and updates nothing', async () => {
    const first = await seed(state);
    expect(first.stderr).not.toMatch(/stopped/);
    expect(first.code).toBe(0);
    const records = recordsIn(dataset);
    expect(first.summary?.records).toBe(records);
    expect(first.summary?.totals).toEqual({ created: records, updated: 0, unchanged: 0, failed: 0 });
    expect(fs.existsSync(path.join(state, CHECKPOINT_FILE))).toBe(false);
    expect(fs.existsSync(path.join(state, 'results', 'Account-success.csv'))).toBe(true);
    expect(
      fs.readdirSync(path.join(state, 'results')).filter((file) => file.endsWith('-failed.csv'))
    ).toEqual([]);

    const second = await seed(state, { resultsDir: path.join(state, 'results-2') });
    expect(second.code).toBe(0);
    expect(second.summary?.totals).toEqual({ created: 0, updated: 0, unchanged: records, failed: 0 });

    clean = await orgDigest(credentialsOf(org), names, dataset);
    expectComplete(clean);
  });

  it('with 10% HTTP 503, 5% locked rows and 2% dropped connections, ends with the same data as a clean run', async () => {
    const faulty = await startLocalOrg({ projectRoot: ROOT, faults: FAULTS });
    try {
      const run = await seed(stateFor(credentialsOf(faulty)), { bulkThreshold: '300' });
      expect(
        run.stderr.split('\n').filter((line) => /stopped|failed/.test(line) && !/ 0 failed/.test(line))
      ).toEqual([]);
      expect(run.code).toBe(0);
      expect(run.summary?.totals.failed).toBe(0);
      expect(run.summary?.apiCalls.retries).toBeGreaterThan(0);
      const injected = faulty.stats().faults;
      expect(injected.http503).toBeGreaterThan(0);
      expect(injected.lockedRows).toBeGreaterThan(0);
      faulty.setFaults({});
      const digest = await orgDigest(credentialsOf(faulty), names, dataset);
      expectComplete(digest);
      expect(digest.digest).toBe(clean.digest);
    } finally {
      await faulty.close();
    }
  });

  it('resumes a run killed with SIGKILL: same data as a clean run, no duplicates, every failure accounted for', async () => {
    const stateDir = tempDir('kill');
    const orgProcess = await startOrgProcess({
      credentialsFile: path.join(stateDir, 'local-org.json'),
      faults: FAULTS
    });
    try {
      const checkpointFile = path.join(stateDir, CHECKPOINT_FILE);
      const interruptedResults = path.join(stateDir, 'results-interrupted');
      const interrupted = await runScript(
        'scripts/seed/cli.ts',
        [
          '--scale',
          SCALE,
          '--anchor-date',
          ANCHOR_DATE,
          '--results-dir',
          interruptedResults,
          '--bulk-threshold',
          '300'
        ],
        {
          env: { ATLAS_STATE_DIR: stateDir },
          onStart: (child) => {
            // Killed while a Bulk job is in flight: the hardest moment to resume from.
            const timer = setInterval(() => {
              const checkpoint = readCheckpoint(checkpointFile);
              if (Object.values(checkpoint?.objects ?? {}).some((object) => object.pendingJobs.length > 0)) {
                clearInterval(timer);
                child.kill('SIGKILL');
              }
            }, 10);
            child.once('exit', () => clearInterval(timer));
          }
        }
      );
      expect(interrupted.signal).toBe('SIGKILL');
      const checkpoint = readCheckpoint(checkpointFile);
      expect(checkpoint).not.toBeNull();
      const objects = Object.values(checkpoint?.objects ?? {});
      expect(objects.some((object) => object.done)).toBe(true);
      expect(objects.some((object) => !object.done && object.pendingJobs.length > 0)).toBe(true);
      const failedInCheckpoint = Object.entries(checkpoint?.objects ?? {}).flatMap(([name, object]) =>
        Object.keys(object.failed).map((key) => `${name} ${key}`)
      );
      expect(failedInCheckpoint.sort()).toEqual(failedKeysIn(interruptedResults).sort());

      const resumed = await seed(stateDir, {
        resultsDir: path.join(stateDir, 'results-resumed'),
        bulkThreshold: '300'
      });
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toMatch(/waiting for the Bulk jobs an interrupted run left running/);
      expect(resumed.summary?.resumed).toMatchObject({
        resultsDir: interruptedResults,
        previouslyFailed: failedInCheckpoint.length,
        nowWritten: failedInCheckpoint.length
      });
      expect(resumed.summary?.objects.filter((object) => object.resumed).length).toBeGreaterThan(0);
      expect(fs.existsSync(checkpointFile)).toBe(false);

      const digest = await orgDigest(orgProcess.credentials, names, dataset);
      expectComplete(digest);
      expect(digest.digest).toBe(clean.digest);
    } finally {
      await orgProcess.stop();
    }
  });

  it('gives the rows that failed in an interrupted run another chance, in finished objects too', async () => {
    const stateDir = stateFor(credentialsOf(org));
    const { records } = await org.store.query(
      'SELECT Id, External_Id__c FROM Sales_Target__c ORDER BY External_Id__c LIMIT 1'
    );
    const [lost] = records;
    const key = String(lost?.External_Id__c);
    await org.store.delete([String(lost?.Id)], { allOrNone: true });
    const checkpoint: CheckpointData = {
      version: 1,
      options: { target: 'local', scale: Number(SCALE), seed: 1, anchorDate: ANCHOR_DATE },
      runs: [{ startedAt: '2026-11-23T08:00:00.000Z', resultsDir: '/interrupted-run' }],
      objects: {
        Sales_Target__c: {
          done: true,
          ids: {},
          failed: {
            [key]: { errorCode: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access' }
          },
          counts: { created: 0, updated: 0, unchanged: 0, failed: 1 },
          pendingJobs: []
        }
      }
    };
    fs.writeFileSync(path.join(stateDir, CHECKPOINT_FILE), JSON.stringify(checkpoint));
    const run = await seed(stateDir);
    expect(run.code).toBe(0);
    expect(run.summary?.resumed).toEqual({
      startedAt: '2026-11-23T08:00:00.000Z',
      resultsDir: '/interrupted-run',
      previouslyFailed: 1,
      nowWritten: 1
    });
    expect(run.summary?.objects.find((object) => object.object === 'Sales_Target__c')).toMatchObject({
      created: 1
    });
    expect((await orgDigest(credentialsOf(org), names, dataset)).digest).toBe(clean.digest);
  });

  it('seeds an org the sf CLI knows by alias, mapping users round-robin onto its active users', async () => {
    const home = tempDir('home');
    const stateDir = tempDir('alias');
    const other = await startOrgProcess({ credentialsFile: path.join(stateDir, 'org.json') });
    try {
      const env = { HOME: home, SF_USE_GENERIC_UNIX_KEYCHAIN: 'true', ATLAS_STATE_DIR: stateDir };
      const login = await runScript('scripts/seed/__tests__/authorize-alias.ts', ['atlas-sandbox'], {
        env: { ...env, ATLAS_CREDENTIALS: path.join(stateDir, 'org.json') }
      });
      expect(login.code).toBe(0);
      const username = login.stdout.trim();
      const run = await runScript(
        'scripts/seed/cli.ts',
        ['--target-org', 'atlas-sandbox', '--scale', SCALE, '--anchor-date', ANCHOR_DATE, '--json'],
        { env }
      );
      expect(run.code).toBe(0);
      const summary = JSON.parse(run.stdout) as SeedSummary;
      expect(summary.targetKind).toBe('org');
      expect(summary.run.target).toBe(`${username} (${other.credentials.instanceUrl})`);
      expect(summary.run.users).toMatch(
        /dataset users mapped round-robin onto the org's 1 active standard user /
      );
      const users = summary.objects.find((object) => object.object === 'User');
      expect(users).toMatchObject({ method: 'mapped', created: 0 });
      expect(summary.totals).toMatchObject({
        created: recordsIn(dataset) - (users?.records ?? 0),
        failed: 0
      });
    } finally {
      await other.stop();
    }
  });

  describe('bad input: a clear message, exit code 2, nothing written', () => {
    let before: Record<string, number>;

    beforeAll(async () => {
      before = (await orgDigest(credentialsOf(org), names, dataset)).counts;
    });

    afterEach(async () => {
      expect((await orgDigest(credentialsOf(org), names, dataset)).counts).toEqual(before);
    });

    it('an org the sf CLI does not know', async () => {
      const home = tempDir('home');
      const run = await runScript('scripts/seed/cli.ts', ['--target-org', 'nosuch-org', '--scale', SCALE], {
        env: { HOME: home, ATLAS_STATE_DIR: state }
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        "No org is authorized as 'nosuch-org': run `sf org login web --alias nosuch-org`"
      );
    });

    it.each([['huge'], ['-5']])('a malformed --scale %s', async (scale) => {
      const run = await runScript('scripts/seed/cli.ts', ['--scale', scale], {
        env: { ATLAS_STATE_DIR: state }
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--scale must be demo, medium, large or a whole number of records`);
    });

    it('a checkpoint left by a run with other options', async () => {
      const stateDir = stateFor(credentialsOf(org));
      const checkpoint: CheckpointData = {
        version: 1,
        options: { target: 'local', scale: 'large', seed: 1, anchorDate: ANCHOR_DATE },
        runs: [],
        objects: {}
      };
      fs.writeFileSync(path.join(stateDir, CHECKPOINT_FILE), JSON.stringify(checkpoint));
      const run = await seed(stateDir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('An interrupted seed run with other options left a checkpoint');
      expect(run.stderr).toContain('--fresh');
    });

    it('--dry-run prints the plan and writes nothing, no checkpoint either', async () => {
      const stateDir = stateFor(credentialsOf(org));
      const run = await seed(stateDir, { dryRun: true, json: false });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Seed plan (dry run: nothing is written)');
      expect(run.stdout).toMatch(/Namespace: +none/);
      expect(run.stdout).toMatch(/Task +\d[\d,]* +REST/);
      expect(fs.readdirSync(stateDir)).toEqual(['local-org.json']);
    });
  });

  describe('an org without everything the data needs', () => {
    /** A copy of the project whose data model lacks or changes something. */
    function projectVariant(change: (objects: string) => void): string {
      const root = tempDir('project');
      fs.copyFileSync(path.join(ROOT, 'sfdx-project.json'), path.join(root, 'sfdx-project.json'));
      const objects = path.join(root, 'force-app', 'main', 'default', 'objects');
      fs.cpSync(path.join(ROOT, 'force-app', 'main', 'default', 'objects'), objects, { recursive: true });
      change(objects);
      return root;
    }

    async function seedVariant(root: string): Promise<{ run: SeedRun; stateDir: string; accounts: number }> {
      const variant = await startLocalOrg({ projectRoot: root });
      try {
        const stateDir = stateFor(credentialsOf(variant));
        const run = await seed(stateDir, {}, root);
        const accounts = await variant.store.query('SELECT COUNT() FROM Account');
        return { run, stateDir, accounts: accounts.totalSize };
      } finally {
        await variant.close();
      }
    }

    it.each([
      [
        'a missing field',
        (objects: string) =>
          fs.rmSync(path.join(objects, 'Competitor__c', 'fields', 'Website__c.field-meta.xml')),
        'Competitor__c.Website__c: field missing'
      ],
      [
        'a missing object',
        (objects: string) => fs.rmSync(path.join(objects, 'Sales_Target__c'), { recursive: true }),
        'Sales_Target__c: object missing'
      ],
      [
        'a field the user cannot write',
        (objects: string) =>
          fs.writeFileSync(
            path.join(objects, 'Competitor__c', 'fields', 'Website__c.field-meta.xml'),
            '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">' +
              '<fullName>Website__c</fullName><label>Website</label><type>Text</type>' +
              '<formula>"https://example.com"</formula><formulaTreatBlanksAs>BlankAsZero</formulaTreatBlanksAs></CustomField>\n'
          ),
        'Competitor__c.Website__c: not createable for the running user'
      ]
    ])('%s', async (_case, change, message) => {
      const { run, stateDir, accounts } = await seedVariant(projectVariant(change));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('The org cannot take this data');
      expect(run.stderr).toContain(message);
      expect(accounts).toBe(0);
      expect(fs.readdirSync(stateDir)).toEqual(['local-org.json']);
    });
  });
});

function readCheckpoint(file: string): CheckpointData | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as CheckpointData;
  } catch {
    return null;
  }
}

/** `Object key` of every row in a results folder's failed files (no namespace here: file names are object names). */
function failedKeysIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('-failed.csv'))
    .flatMap((file) => {
      const object = file.slice(0, -'-failed.csv'.length);
      const rows: Record<string, string>[] = parse(fs.readFileSync(path.join(dir, file), 'utf8'), {
        columns: true
      });
      return rows.map((row) => `${object} ${row.Key ?? ''}`);
    });
}
