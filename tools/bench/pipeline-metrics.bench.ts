/**
 * Benchmark of the pipeline metrics: 50,000 opportunities with 250,000 change rows (default Salesforce stages,
 * seeded data), through `buildFacts` then `computePipelineHealth`. Three warm-up runs, then the median of nine.
 * Prints a table and writes reports/bench-pipeline-metrics.json. The target is 200 ms in all.
 *
 *   npx tsx tools/bench/pipeline-metrics.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  buildFacts,
  computePipelineHealth,
  type PipelineFacts
} from '../../force-app/main/default/lwc/pipelineMetrics/pipelineMetrics';
import { projectRoot } from '../lib/files';
import {
  DEFAULT_STAGES,
  type PipelineData,
  type PipelineDataOptions,
  pipelineData
} from './__fixtures__/pipeline-data';

const DEALS = 50_000;
const CHANGES = 250_000;
const WARM_UP_RUNS = 3;
const MEASURED_RUNS = 9;
const TARGET_MS = 200;
const TODAY = '2026-11-23';
const REPORT = path.join(projectRoot(__dirname), 'reports', 'bench-pipeline-metrics.json');

interface Row {
  phase: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

interface Timing {
  buildFacts: number;
  computePipelineHealth: number;
  total: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const round = (ms: number): number => Math.round(ms * 10) / 10;

function measure(data: PipelineData): { rows: Row[]; facts: PipelineFacts } {
  const run = (): { timing: Timing; facts: PipelineFacts } => {
    const t0 = performance.now();
    const facts = buildFacts({
      stages: DEFAULT_STAGES,
      deals: data.deals,
      changes: data.changes,
      stakeholders: data.stakeholders,
      today: TODAY,
      period: { start: '2026-10-01', end: '2026-12-31' },
      lookbackDays: 365,
      waterfall: { from: '2026-10-01', to: TODAY }
    });
    const t1 = performance.now();
    computePipelineHealth(facts, { target: { amount: 400_000_000, source: 'SalesTarget' } });
    const t2 = performance.now();
    return { timing: { buildFacts: t1 - t0, computePipelineHealth: t2 - t1, total: t2 - t0 }, facts };
  };
  const facts = run().facts;
  for (let i = 1; i < WARM_UP_RUNS; i++) {
    run();
  }
  const timings = Array.from({ length: MEASURED_RUNS }, () => run().timing);
  const phases = ['buildFacts', 'computePipelineHealth', 'total'] as const;
  const rows = phases.map((phase) => {
    const values = timings.map((timing) => timing[phase]);
    return {
      phase,
      medianMs: round(median(values)),
      minMs: round(Math.min(...values)),
      maxMs: round(Math.max(...values))
    };
  });
  return { rows, facts };
}

/** Through JSON, as a caller receives rows from an org or a file: flat strings, records in arrival order. */
function dataset(order: PipelineDataOptions['order']): PipelineData {
  return JSON.parse(
    JSON.stringify(pipelineData({ deals: DEALS, changes: CHANGES, today: TODAY, seed: 20261123, order }))
  ) as PipelineData;
}

function main(): number {
  const started = performance.now();
  const data = dataset('by-deal');
  const generatedMs = performance.now() - started;
  const { rows, facts } = measure(data);
  const shuffled = measure(dataset('shuffled')).rows;
  const factsBytes = JSON.stringify(facts).length;
  const totalMs = rows[2]?.medianMs ?? Infinity;
  const passed = totalMs <= TARGET_MS;

  console.log(
    `pipeline metrics: ${DEALS.toLocaleString('en')} opportunities, ${CHANGES.toLocaleString('en')} changes, ` +
      `${data.stakeholders.length.toLocaleString('en')} stakeholders (generated in ${round(generatedMs)} ms)`
  );
  console.log(
    `${WARM_UP_RUNS} warm-up runs, median of ${MEASURED_RUNS}; Node ${process.version}, ${os.cpus().length} CPUs, ` +
      `load average ${os.loadavg()[0]?.toFixed(2)}`
  );
  console.log('History grouped by deal, oldest first (the order the package queries it in):');
  console.table(rows);
  console.log('History in no order (worst case, reported, not the target):');
  console.table(shuffled);
  console.log(`${passed ? 'PASS' : 'FAIL'}: total ${totalMs} ms, target ≤ ${TARGET_MS} ms`);
  console.log(`facts: ${(factsBytes / 1024).toFixed(1)} KiB of JSON`);

  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.writeFileSync(
    REPORT,
    `${JSON.stringify(
      {
        benchmark: 'pipeline-metrics',
        date: new Date().toISOString(),
        node: process.version,
        cpu: os.cpus()[0]?.model ?? 'unknown',
        cpus: os.cpus().length,
        loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
        data: { opportunities: DEALS, changes: CHANGES, stakeholders: data.stakeholders.length },
        runs: { warmUp: WARM_UP_RUNS, measured: MEASURED_RUNS },
        phases: rows,
        phasesWithShuffledHistory: shuffled,
        factsJsonBytes: factsBytes,
        targetMs: TARGET_MS,
        passed
      },
      null,
      2
    )}\n`
  );
  console.log(`report: ${path.relative(process.cwd(), REPORT) || REPORT}`);
  return passed ? 0 : 1;
}

process.exitCode = main();
