/**
 * Benchmark of the seed command at large scale into an empty local org, then a second run into the now full org.
 *
 * The local org runs in a process of its own on a temporary data folder; the seed runs as a child process (as a
 * user runs it) and reports its own numbers in its JSON summary. Writes `reports/bench-seed.json` and prints a table.
 *
 *   npx tsx tools/bench/seed.bench.ts [--scale large] [--seed 1]
 *
 * Targets (issue 3): large ≤ 150 API calls and ≤ 300 MB peak RSS for the seed process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../lib/files';
import { runScript, startOrgProcess } from './processes';
import type { SeedSummary } from '../../scripts/seed/report';

const TARGET_CALLS = 150;
const TARGET_RSS_MB = 300;

interface RunResult {
  run: string;
  exitCode: number | null;
  wallTimeS: number;
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  seedApiCalls: number;
  orgApiCalls: number;
  retries: number;
  peakRssMb: number;
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const scale = option('scale', 'large');
  const seed = option('seed', '1');
  const root = projectRoot();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-seed-'));
  const stateDir = path.join(work, 'state');
  const anchorDate = new Date().toISOString().slice(0, 10);
  const org = await startOrgProcess({
    dataDir: path.join(work, 'org'),
    credentialsFile: path.join(stateDir, 'local-org.json')
  });
  const results: RunResult[] = [];
  try {
    for (const run of ['first (empty org)', 'second (same data)']) {
      const callsBefore = await org.calls();
      const started = Date.now();
      const child = await runScript(
        'scripts/seed/cli.ts',
        [
          '--scale',
          scale,
          '--seed',
          seed,
          '--anchor-date',
          anchorDate,
          '--json',
          '--results-dir',
          path.join(work, `results-${results.length + 1}`)
        ],
        { env: { ATLAS_STATE_DIR: stateDir } }
      );
      const wallTimeS = (Date.now() - started) / 1000;
      if (child.code !== 0) {
        throw new Error(`The seed run exited ${child.code}:\n${child.stderr.slice(-4000)}`);
      }
      const summary = JSON.parse(child.stdout) as SeedSummary;
      results.push({
        run,
        exitCode: child.code,
        wallTimeS,
        records: summary.records,
        ...summary.totals,
        seedApiCalls: summary.apiCalls.total,
        orgApiCalls: (await org.calls()) - callsBefore,
        retries: summary.apiCalls.retries,
        peakRssMb: summary.maxRssMb
      });
    }
  } finally {
    await org.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  const [first] = results;
  const report = {
    benchmark: 'seed',
    scale,
    seed: Number(seed),
    machine: { cpus: os.cpus().length, node: process.version },
    targets: { apiCalls: TARGET_CALLS, peakRssMb: TARGET_RSS_MB },
    met: {
      apiCalls: first !== undefined && first.seedApiCalls <= TARGET_CALLS,
      peakRssMb: results.every((result) => result.peakRssMb <= TARGET_RSS_MB)
    },
    runs: results
  };
  fs.mkdirSync(path.join(root, 'reports'), { recursive: true });
  fs.writeFileSync(path.join(root, 'reports', 'bench-seed.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.table(
    results.map((result) => ({
      run: result.run,
      'time (s)': result.wallTimeS.toFixed(1),
      records: result.records,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      failed: result.failed,
      'API calls (seed)': result.seedApiCalls,
      'API calls (org)': result.orgApiCalls,
      'peak RSS (MB)': result.peakRssMb
    }))
  );
  console.log(
    `Targets: ≤ ${TARGET_CALLS} API calls (${report.met.apiCalls ? 'met' : 'NOT met'}), ` +
      `≤ ${TARGET_RSS_MB} MB peak RSS (${report.met.peakRssMb ? 'met' : 'NOT met'}). Report: reports/bench-seed.json`
  );
  if (!report.met.apiCalls || !report.met.peakRssMb) {
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
