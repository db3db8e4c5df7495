/**
 * The seed command: connect, read the org (package namespace, stages, users), generate the dataset, check that
 * the org can take it, then load it (or, with --dry-run, print the plan) and report.
 *
 * Exit codes: 0 all rows written, 1 some rows failed or the run stopped, 2 bad input (nothing written).
 */
import path from 'node:path';
import { readSfdxProject } from '../../tools/schema/project-files';
import type { OrgApiOptions } from '../lib/api';
import {
  CheckpointFile,
  resumeFrom,
  type CheckpointData,
  type CheckpointRun,
  type RunOptions
} from '../lib/checkpoint';
import { connectTarget, type TargetConnection } from '../lib/connection';
import { errorMessage, InputError } from '../lib/errors';
import { loadDataset, type ObjectSummary } from '../lib/loader';
import { JobPacer } from '../lib/loader/bulk';
import { RunState } from '../lib/loader/run-state';
import { objectShape, type ObjectShape } from '../lib/loader/shape';
import { DEFAULT_WRITER_SETTINGS, type WriterSettings } from '../lib/loader/writer';
import { createProgress } from '../lib/progress';
import { defaultResultsDir, ResultsFolder } from '../lib/results';
import { systemClock, type Clock } from '../lib/retry';
import { findPackage, preflight, readStages, type PackageInOrg } from '../lib/target';
import type { GenerateOptions, SeedDataset } from './generator/types';
import type { SeedOptions } from './options';
import {
  buildSummary,
  formatPlan,
  formatSummary,
  planObjects,
  type ResumeReport,
  type RunDescription
} from './report';
import { activeStandardUsers, giveLocalUsersAProfile, roundRobin, USER_OBJECT, userObject } from './users';

export const CHECKPOINT_FILE = 'seed-checkpoint.json';

export interface SeedEnvironment {
  projectRoot: string;
  /** `.atlas` under the project unless tests point elsewhere: credentials, local org data, checkpoint. */
  stateDir: string;
  generate(options: GenerateOptions): SeedDataset;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  clock?: Clock;
  /** Overrides of the writer's settings (tests use small thresholds). */
  writer?: Partial<Omit<WriterSettings, 'bulk'>>;
  api?: OrgApiOptions;
}

interface Prepared {
  found: PackageInOrg;
  dataset: SeedDataset;
  shapes: Map<string, ObjectShape>;
  mapped: Map<string, Map<string, string>>;
  users: string;
}

async function prepare(
  connection: TargetConnection,
  options: SeedOptions,
  anchorDate: string,
  env: SeedEnvironment
): Promise<Prepared & { infos: Awaited<ReturnType<typeof preflight>> }> {
  const api = connection.api;
  const packageNamespace = readSfdxProject(env.projectRoot).namespace ?? 'atlas';
  const found = await findPackage(api, packageNamespace);
  const stages = await readStages(api);
  const dataset = env.generate({ seed: options.seed, scale: options.scale, anchorDate, stages });
  const users = userObject(dataset);
  const mapped = new Map<string, Map<string, string>>();
  let usersText = 'none in the data';
  if (users !== undefined && connection.kind === 'local') {
    await giveLocalUsersAProfile(api, users);
    usersText = `${users.records.length} users created in the local org`;
  } else if (users !== undefined) {
    const orgUsers = await activeStandardUsers(api);
    mapped.set(
      USER_OBJECT,
      roundRobin(
        users.records.map((record) => record.key),
        orgUsers
      )
    );
    const count =
      orgUsers.length === 1 ? '1 active standard user' : `${orgUsers.length} active standard users`;
    usersText =
      `${users.records.length} dataset users mapped round-robin onto the org's ${count} (by username); ` +
      'no user is created or changed';
  }
  const shapes = new Map(
    dataset.objects
      .filter((object) => !mapped.has(object.object))
      .map((object) => [object.object, objectShape(object)])
  );
  const infos = await preflight(api, found, [...shapes.values()]);
  return { found, dataset, shapes, mapped, users: usersText, infos };
}

function newCheckpoint(options: RunOptions): CheckpointData {
  return { version: 1, options, runs: [], objects: {} };
}

function resumeReport(state: RunState, previous: CheckpointRun | undefined): ResumeReport | null {
  if (previous === undefined) {
    return null;
  }
  let previouslyFailed = 0;
  let nowWritten = 0;
  for (const [object, keys] of state.previousFailures) {
    const failed = state.object(object).failed;
    for (const key of keys) {
      previouslyFailed += 1;
      if (failed[key] === undefined) {
        nowWritten += 1;
      }
    }
  }
  return { startedAt: previous.startedAt, resultsDir: previous.resultsDir, previouslyFailed, nowWritten };
}

export async function runSeed(options: SeedOptions, env: SeedEnvironment): Promise<number> {
  const started = Date.now();
  const clock = env.clock ?? systemClock;
  const checkpointFile = new CheckpointFile(path.join(env.stateDir, CHECKPOINT_FILE));
  const existing = checkpointFile.read();
  const resumed = options.dryRun ? null : resumeFrom(existing, { ...options }, options.fresh);
  const anchorDate =
    options.anchorDate ?? resumed?.options.anchorDate ?? new Date(clock.now()).toISOString().slice(0, 10);
  const runOptions: RunOptions = {
    target: options.target,
    scale: options.scale,
    seed: options.seed,
    anchorDate
  };
  const settings: WriterSettings = {
    ...DEFAULT_WRITER_SETTINGS,
    ...env.writer,
    ...(options.bulkThreshold === undefined ? {} : { bulkThreshold: options.bulkThreshold }),
    bulk: {
      pollIntervalMs: 250,
      maxPollIntervalMs: 5_000,
      pollTimeoutMs: 15 * 60_000,
      clock,
      pacer: new JobPacer()
    }
  };
  const out = options.json ? env.stderr : env.stdout;
  const connection = await connectTarget(options.target, {
    projectRoot: env.projectRoot,
    stateDir: env.stateDir,
    api: { clock, ...env.api }
  });
  try {
    const prepared = await prepare(connection, options, anchorDate, env);
    const run: RunDescription = {
      target: connection.description,
      namespace: prepared.found.names.namespace,
      scale: options.scale,
      seed: options.seed,
      anchorDate,
      users: prepared.users
    };
    if (options.dryRun) {
      const objects = prepared.dataset.objects.map((object) => ({
        apiName: prepared.found.names.apiName(object.object),
        records: object.records.length,
        mapped: prepared.mapped.has(object.object)
      }));
      const note =
        existing === null
          ? null
          : 'an interrupted run left one; the same command without --dry-run resumes it';
      out.write(`${formatPlan(run, planObjects(objects, settings.bulkThreshold), note)}\n`);
      return 0;
    }
    const resultsDir = path.resolve(
      env.projectRoot,
      options.resultsDir ?? defaultResultsDir(env.projectRoot, 'seed', new Date(clock.now()))
    );
    const interrupted = resumed?.runs.at(-1);
    const state = new RunState(resumed ?? newCheckpoint(runOptions), checkpointFile, {
      saveIntervalMs: 2_000,
      now: clock.now
    });
    state.checkpoint.runs.push({ startedAt: new Date(started).toISOString(), resultsDir });
    state.save(true);
    const progress = createProgress(out);
    let summaries: ObjectSummary[];
    try {
      summaries = await loadDataset(
        {
          dataset: prepared.dataset,
          shapes: prepared.shapes,
          infos: prepared.infos,
          mapped: prepared.mapped
        },
        {
          api: connection.api,
          names: prepared.found.names,
          state,
          results: new ResultsFolder(resultsDir),
          progress,
          settings
        }
      );
    } finally {
      progress.stop();
    }
    state.complete();
    const summary = buildSummary(run, connection.kind, summaries, connection.api.meter, {
      wallTimeMs: Date.now() - started,
      maxRssKb: process.resourceUsage().maxRSS,
      resultsDir,
      resumed: resumeReport(state, interrupted)
    });
    if (options.json) {
      env.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    } else {
      out.write(`${formatSummary(summary)}\n`);
    }
    return summary.totals.failed > 0 ? 1 : 0;
  } finally {
    await connection.close();
  }
}

/** Runs the command and turns failures into messages and exit codes. */
export async function seedCommand(options: SeedOptions, env: SeedEnvironment): Promise<number> {
  try {
    return await runSeed(options, env);
  } catch (error) {
    if (error instanceof InputError) {
      env.stderr.write(`${error.message}\n`);
      return 2;
    }
    env.stderr.write(
      `The seed run stopped: ${errorMessage(error)}\n` +
        'What it wrote is kept, and so is its checkpoint: run the same command again to resume.\n'
    );
    return 1;
  }
}
