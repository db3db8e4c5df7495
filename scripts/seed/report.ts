/** What the seed command prints: the plan of a dry run, the summary table of a run, and its JSON form. */
import type { CallMeter } from '../lib/api';
import type { ObjectSummary } from '../lib/loader';
import { SETUP } from '../lib/target';
import { chooseMethod } from '../lib/loader/writer';

export interface PlanObject {
  apiName: string;
  records: number;
  /** How users are handled, for the User row; otherwise the write method for this many rows. */
  method: string;
}

export interface RunDescription {
  target: string;
  namespace: string | null;
  scale: string | number;
  seed: number;
  anchorDate: string;
  users: string;
}

export function namespaceText(namespace: string | null): string {
  return namespace === null
    ? 'none (the project source, deployed without a namespace)'
    : `${namespace} (installed package)`;
}

export function planObjects(
  objects: { apiName: string; records: number; mapped: boolean }[],
  bulkThreshold: number
): PlanObject[] {
  return objects.map((object) => ({
    apiName: object.apiName,
    records: object.records,
    method: object.mapped ? 'mapped to org users' : chooseMethod(object.records, bulkThreshold)
  }));
}

/** A plain-text table: text columns aligned left, number columns right. */
function table(header: string[], rows: string[][], numeric: boolean[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length))
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)
      )
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
}

const number = (value: number): string => value.toLocaleString('en-US');

function describeRun(run: RunDescription, records: number): string[] {
  return [
    `  Target:     ${run.target}`,
    `  Namespace:  ${namespaceText(run.namespace)}`,
    `  Data:       scale ${run.scale}, seed ${run.seed}, anchor date ${run.anchorDate}: ${number(records)} records`,
    `  Users:      ${run.users}`
  ];
}

export function formatPlan(
  run: RunDescription,
  objects: PlanObject[],
  checkpointNote: string | null
): string {
  const records = objects.reduce((sum, object) => sum + object.records, 0);
  return [
    'Seed plan (dry run: nothing is written)',
    ...describeRun(run, records),
    ...(checkpointNote === null ? [] : [`  Checkpoint: ${checkpointNote}`]),
    '',
    ...table(
      ['Object', 'Records', 'Method'],
      objects.map((object) => [object.apiName, number(object.records), object.method]),
      [false, true, false]
    )
  ].join('\n');
}

export interface Totals {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export function totals(objects: ObjectSummary[]): Totals {
  const sum = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const object of objects) {
    sum.created += object.created;
    sum.updated += object.updated;
    sum.unchanged += object.unchanged;
    sum.failed += object.failed;
  }
  return sum;
}

export interface ResumeReport {
  startedAt: string;
  resultsDir: string;
  /** Rows that had failed in the interrupted run and were written by this one, and those that still failed. */
  previouslyFailed: number;
  nowWritten: number;
}

export interface SeedSummary {
  run: RunDescription;
  targetKind: 'local' | 'org';
  records: number;
  objects: (ObjectSummary & { apiCalls: number; retries: number })[];
  totals: Totals;
  apiCalls: { total: number; setup: number; retries: number };
  wallTimeMs: number;
  /** `process.resourceUsage().maxRSS`: the peak resident memory of the seed process, in kB and MB. */
  maxRssKb: number;
  maxRssMb: number;
  resultsDir: string;
  resumed: ResumeReport | null;
}

export function buildSummary(
  run: RunDescription,
  targetKind: 'local' | 'org',
  objects: ObjectSummary[],
  meter: CallMeter,
  facts: { wallTimeMs: number; maxRssKb: number; resultsDir: string; resumed: ResumeReport | null }
): SeedSummary {
  return {
    run,
    targetKind,
    records: objects.reduce((sum, object) => sum + object.records, 0),
    objects: objects.map((object) => ({
      ...object,
      apiCalls: meter.requestsFor(object.object),
      retries: meter.retriesFor(object.object)
    })),
    totals: totals(objects),
    apiCalls: { total: meter.totalRequests, setup: meter.requestsFor(SETUP), retries: meter.totalRetries },
    wallTimeMs: facts.wallTimeMs,
    maxRssKb: facts.maxRssKb,
    maxRssMb: Math.round(facts.maxRssKb / 1024),
    resultsDir: facts.resultsDir,
    resumed: facts.resumed
  };
}

export function formatSummary(summary: SeedSummary): string {
  const rows = summary.objects.map((object) => [
    object.apiName + (object.resumed ? ' (done earlier)' : object.method === 'mapped' ? ' (mapped)' : ''),
    number(object.created),
    number(object.updated),
    number(object.unchanged),
    number(object.failed),
    number(object.apiCalls)
  ]);
  const sum = summary.totals;
  rows.push([
    'Total',
    number(sum.created),
    number(sum.updated),
    number(sum.unchanged),
    number(sum.failed),
    number(summary.apiCalls.total)
  ]);
  const lines = [
    '',
    ...table(['Object', 'Created', 'Updated', 'Unchanged', 'Failed', 'API calls'], rows, [
      false,
      true,
      true,
      true,
      true,
      true
    ]),
    '',
    ...describeRun(summary.run, summary.records),
    `  API calls:  ${number(summary.apiCalls.total)} (${number(summary.apiCalls.setup)} to read the org, ` +
      `${number(summary.apiCalls.retries)} retries)`,
    `  Time:       ${(summary.wallTimeMs / 1000).toFixed(1)} s, peak memory ${summary.maxRssMb} MB`,
    `  Results:    ${summary.resultsDir}`
  ];
  if (summary.resumed !== null) {
    const resumed = summary.resumed;
    lines.push(
      `  Resumed:    the run interrupted at ${resumed.startedAt} (results in ${resumed.resultsDir}); ` +
        `${number(resumed.nowWritten)} of the ${number(resumed.previouslyFailed)} rows that had failed there are written now`
    );
  }
  if (sum.failed > 0) {
    lines.push(
      `  ${number(sum.failed)} rows failed: see the *-failed.csv files, fix the cause and run again.`
    );
  }
  return lines.join('\n');
}
