/**
 * Benchmark of the workbench: how long the pipeline-health panel takes to show its numbers in Chromium, from the
 * start of the navigation to the first frame with the numbers, over the demo data `npm start` seeds. Home, an
 * Account page and an Opportunity page, five loads each in a fresh browser context (nothing cached: the bundle is
 * downloaded and compiled every time), the median of each page against the target. Prints a table and writes
 * reports/bench-workbench-render.json; exits non-zero when a page misses the target.
 *
 *   npx tsx tools/bench/workbench-render.bench.ts
 *
 * Target: ≤ 1.5 s per page (median).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, waitForPipelinePanel, watchPage } from '../../workbench/test/browser';
import { startSeededWorkbench } from '../../workbench/test/workbench';
import { projectRoot } from '../lib/files';

const LOADS = 5;
const TARGET_MS = 1500;
const REPORT = path.join(projectRoot(__dirname), 'reports', 'bench-workbench-render.json');

interface PageResult {
  page: string;
  loadsMs: number[];
  medianMs: number;
  met: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function main(): Promise<void> {
  const seeded = await startSeededWorkbench();
  const browser = await launchBrowser();
  const results: PageResult[] = [];
  try {
    const { records } = await seeded.workbench.connection.query<{ Id: string; AccountId: string }>(
      'SELECT Id, AccountId FROM Opportunity WHERE IsClosed = false ' +
        `AND OwnerId = '${seeded.workbench.user.id}' ORDER BY Amount DESC LIMIT 1`
    );
    const deal = records[0];
    if (deal === undefined) {
      throw new Error('The demo data gave the signed-in user no open deal');
    }
    const pages: [string, string][] = [
      ['Home', '/'],
      ['Account', `/lightning/r/Account/${deal.AccountId}/view`],
      ['Opportunity', `/lightning/r/Opportunity/${deal.Id}/view`]
    ];
    for (const [name, url] of pages) {
      const loadsMs: number[] = [];
      for (let load = 0; load < LOADS; load++) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
        const page = await context.newPage();
        const problems = watchPage(page);
        await page.goto(`${seeded.workbench.url}${url}`, { waitUntil: 'commit' });
        loadsMs.push(Math.round(await waitForPipelinePanel(page)));
        if (problems.pageErrors.length + problems.consoleErrors.length > 0) {
          throw new Error(`${name} reported errors: ${JSON.stringify(problems)}`);
        }
        await context.close();
      }
      const medianMs = median(loadsMs);
      results.push({ page: name, loadsMs, medianMs, met: medianMs <= TARGET_MS });
    }
  } finally {
    await browser.close();
    await seeded.close();
  }
  const report = {
    benchmark: 'workbench-render',
    measure: 'navigation start → pipeline-health numbers shown, fresh browser context per load, demo data',
    machine: { cpus: os.cpus().length, node: process.version },
    bundleBytes: seeded.workbench.bundle.bytes,
    targetMs: TARGET_MS,
    met: results.every((result) => result.met),
    pages: results
  };
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
  console.table(
    results.map((result) => ({
      page: result.page,
      'median (ms)': result.medianMs,
      'loads (ms)': result.loadsMs.join(', '),
      target: result.met ? 'met' : 'NOT met'
    }))
  );
  console.log(
    `Target: panel numbers shown within ${TARGET_MS} ms (median of ${LOADS} loads) on every page: ` +
      `${report.met ? 'met' : 'NOT met'}. Bundle ${(report.bundleBytes / 1_048_576).toFixed(1)} MB. ` +
      'Report: reports/bench-workbench-render.json'
  );
  if (!report.met) {
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
