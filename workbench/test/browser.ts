/**
 * Chromium for the workbench's browser tests and benchmark: Debian's `chromium` driven by playwright-core (the
 * npm download of browsers does not work here), a watch on everything a page reports as wrong (console errors,
 * uncaught errors, failed requests), and axe-core's accessibility check.
 *
 * The functions handed to `page.evaluate` and `page.waitForFunction` run in the page, hence the DOM types.
 */
/// <reference lib="dom" />
import fs from 'node:fs';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync'
];

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** What went wrong in a page while it was watched. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
}

export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  page.on('requestfailed', (request) =>
    problems.failedRequests.push(
      `${request.method()} ${request.url()}: ${request.failure()?.errorText ?? ''}`
    )
  );
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.failedRequests.push(`${response.request().method()} ${response.url()}: ${response.status()}`);
    }
  });
  return problems;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

interface AxeResults {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** axe-core's violations of impact serious or critical on the page as it is now. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(
    () => (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run() as Promise<unknown>
  );
  return (results as AxeResults).violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map((node) => JSON.stringify(node.target))
    }));
}

/**
 * Waits until the pipeline-health panel shows its numbers: its key numbers are on the page and no spinner is left
 * in it (or it shows its empty or error state, which the caller then checks). Resolves to the milliseconds from
 * the start of the navigation to the first frame showing them. The panel's template is in its (synthetic) shadow
 * tree, which `querySelector` from outside does not enter.
 */
export async function waitForPipelinePanel(page: Page, timeout = 30_000): Promise<number> {
  const shown = await page.waitForFunction(
    () => {
      const panel = document.querySelector('c-pipeline-health')?.shadowRoot;
      if (!panel || panel.querySelector('lightning-spinner') !== null) {
        return false;
      }
      return panel.querySelector('c-pipeline-kpis, .empty, [role="alert"]') === null
        ? false
        : performance.now();
    },
    undefined,
    { timeout, polling: 'raf' }
  );
  return (await shown.jsonValue()) as number;
}
