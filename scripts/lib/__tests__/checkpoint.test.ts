import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CheckpointFile,
  emptyObjectCheckpoint,
  resumeFrom,
  sameOptions,
  type CheckpointData,
  type RunOptions
} from '../checkpoint';
import { InputError } from '../errors';
import { RunState } from '../loader/run-state';

const options: RunOptions = { target: 'local', scale: 'demo', seed: 1, anchorDate: '2026-11-23' };

function checkpoint(overrides: Partial<CheckpointData> = {}): CheckpointData {
  return {
    version: 1,
    options,
    runs: [{ startedAt: '2026-11-23T10:00:00.000Z', resultsDir: '/r/1' }],
    objects: {},
    ...overrides
  };
}

describe('CheckpointFile', () => {
  let dir: string;
  let file: CheckpointFile;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-checkpoint-'));
    file = new CheckpointFile(path.join(dir, '.atlas', 'seed-checkpoint.json'));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads nothing when there is no checkpoint', () => {
    expect(file.read()).toBeNull();
  });

  it('writes through a temporary file and a rename, leaving no temporary file behind', () => {
    const renames: string[] = [];
    const realRename = fs.renameSync.bind(fs);
    const rename = jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      renames.push(`${path.basename(String(from))} -> ${path.basename(String(to))}`);
      realRename(from, to);
    });
    try {
      file.write(JSON.stringify(checkpoint()));
      file.write(JSON.stringify(checkpoint({ objects: { Account: emptyObjectCheckpoint() } })));
    } finally {
      rename.mockRestore();
    }
    expect(renames).toEqual([
      `seed-checkpoint.json.${process.pid}.tmp -> seed-checkpoint.json`,
      `seed-checkpoint.json.${process.pid}.tmp -> seed-checkpoint.json`
    ]);
    expect(fs.readdirSync(path.dirname(file.file))).toEqual(['seed-checkpoint.json']);
    expect(Object.keys(file.read()?.objects ?? {})).toEqual(['Account']);
  });

  it('keeps the previous checkpoint whole when a write dies before its rename', () => {
    file.write(JSON.stringify(checkpoint()));
    const rename = jest.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw new Error('killed');
    });
    try {
      expect(() =>
        file.write(JSON.stringify(checkpoint({ objects: { Account: emptyObjectCheckpoint() } })))
      ).toThrow('killed');
    } finally {
      rename.mockRestore();
    }
    expect(file.read()).toEqual(checkpoint());
  });

  it('refuses a file that is not a checkpoint, naming the way out', () => {
    fs.mkdirSync(path.dirname(file.file), { recursive: true });
    fs.writeFileSync(file.file, '{"version":1,');
    expect(() => file.read()).toThrow(InputError);
    expect(() => file.read()).toThrow(/remove it, or run with --fresh/);
    fs.writeFileSync(file.file, '{"hello":"world"}');
    expect(() => file.read()).toThrow(/is not a seed checkpoint/);
  });

  it('is removed when the run completes', () => {
    file.write(JSON.stringify(checkpoint()));
    file.remove();
    expect(fs.existsSync(file.file)).toBe(false);
  });
});

describe('resumeFrom', () => {
  it('starts afresh when there is no checkpoint', () => {
    expect(resumeFrom(null, { ...options }, false)).toBeNull();
  });

  it('resumes a checkpoint of the same options, taking its anchor date when none is given', () => {
    const existing = checkpoint();
    expect(resumeFrom(existing, { ...options, anchorDate: undefined }, false)).toBe(existing);
  });

  it('refuses a checkpoint of other options with a clear message', () => {
    expect(() =>
      resumeFrom(checkpoint(), { ...options, scale: 'large', anchorDate: undefined }, false)
    ).toThrow(
      /An interrupted seed run with other options left a checkpoint \(--target-org local --scale demo --seed 1 --anchor-date 2026-11-23\)\. .*--fresh/
    );
    expect(() => resumeFrom(checkpoint(), { ...options, anchorDate: '2026-11-24' }, false)).toThrow(
      InputError
    );
  });

  it('discards any checkpoint with --fresh', () => {
    expect(resumeFrom(checkpoint(), { ...options, seed: 2 }, true)).toBeNull();
  });

  it('compares scales given as text or number alike', () => {
    expect(sameOptions({ ...options, scale: 1500 }, { ...options, scale: '1500' })).toBe(true);
  });
});

describe('RunState', () => {
  it('rebuilds the key → Id map and the failures of the interrupted run from the checkpoint', () => {
    const data = checkpoint({
      objects: {
        Account: {
          ...emptyObjectCheckpoint(),
          done: true,
          ids: { 'seed:a1': '001000000000001AAA' }
        },
        Contact: {
          ...emptyObjectCheckpoint(),
          failed: { 'seed:c1': { errorCode: 'UNABLE_TO_LOCK_ROW', message: 'locked' } }
        }
      }
    });
    const state = new RunState(data, null, { saveIntervalMs: 1000, now: () => 0 });
    expect(state.ids.get('Account', 'seed:a1')).toBe('001000000000001AAA');
    expect([...(state.previousFailures.get('Contact') ?? [])]).toEqual(['seed:c1']);
    expect(state.object('Account').done).toBe(true);
    expect(state.object('Opportunity')).toEqual(emptyObjectCheckpoint());
  });

  it('saves at most once per interval unless forced, with the Ids written so far', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-state-'));
    try {
      const file = new CheckpointFile(path.join(dir, 'checkpoint.json'));
      let now = 0;
      const state = new RunState(checkpoint(), file, { saveIntervalMs: 1000, now: () => now });
      state.object('Account');
      state.ids.set('Account', 'seed:a1', '001A');
      state.save();
      state.ids.set('Account', 'seed:a2', '001B');
      now = 500;
      state.save();
      expect(file.read()?.objects.Account?.ids).toEqual({ 'seed:a1': '001A' });
      state.save(true);
      expect(file.read()?.objects.Account?.ids).toEqual({ 'seed:a1': '001A', 'seed:a2': '001B' });
      state.complete();
      expect(file.read()).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
