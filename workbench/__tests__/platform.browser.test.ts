/**
 * The workbench's stand-ins for the platform in Chromium, through the pages a user clicks: a stage saved with
 * `updateRecord` persists in the org, every `getRecord` wire on the deal (the path, the stage guide) shows it, and a
 * toast says so; a cacheable Apex wire runs again when its parameters change, and `refreshApex` re-runs it.
 *
 * Text is read with Playwright's locators, which see through the components' synthetic shadow trees; the page's own
 * `textContent` of a component host does not.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, waitForPipelinePanel, watchPage, type PageProblems } from '../test/browser';
import { type SeededWorkbench, startSeededWorkbench } from '../test/workbench';

let seeded: SeededWorkbench;
let browser: Browser;

beforeAll(async () => {
  seeded = await startSeededWorkbench();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await seeded?.close();
});

async function open(path: string): Promise<{ page: Page; problems: PageProblems; apexCalls: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const problems = watchPage(page);
  const apexCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/workbench/apex/')) {
      apexCalls.push(`${request.url().split('/workbench/apex/')[1]} ${request.postData() ?? ''}`);
    }
  });
  await page.goto(`${seeded.workbench.url}${path}`);
  await waitForPipelinePanel(page);
  return { page, problems, apexCalls };
}

async function openDeal(): Promise<{ Id: string; StageName: string }> {
  const deals = await seeded.workbench.connection.query<{ Id: string; StageName: string }>(
    "SELECT Id, StageName FROM Opportunity WHERE IsClosed = false AND StageName = 'Qualification' LIMIT 1"
  );
  const deal = deals.records[0];
  if (deal === undefined) {
    throw new Error('The demo data has no open deal at Qualification');
  }
  return deal;
}

describe('Lightning Data Service in the workbench', () => {
  it('saves a stage through updateRecord, and every wire on the deal shows it at once', async () => {
    const deal = await openDeal();
    const { page, problems } = await open(`/lightning/r/Opportunity/${deal.Id}/view`);
    const guide = page.locator('c-stage-guide .stage-name');
    await expect(guide.textContent()).resolves.toBe('Qualification');
    const path = page.locator('wb-stage-path');
    await path.locator('lightning-combobox button').click();
    await path.locator('lightning-base-combobox-item', { hasText: 'Needs Analysis' }).click();
    await path.locator('lightning-button button', { hasText: 'Mark as Current Stage' }).click();

    const toast = page.locator('[role="status"].slds-notify_toast');
    await toast.waitFor();
    await expect(toast.textContent()).resolves.toContain('The deal is now at Needs Analysis.');
    await page.locator('c-stage-guide .stage-name', { hasText: /^Needs Analysis$/ }).waitFor();
    const saved = await seeded.workbench.connection.query<{ StageName: string }>(
      `SELECT StageName FROM Opportunity WHERE Id = '${deal.Id}'`
    );
    expect(saved.records[0]?.StageName).toBe('Needs Analysis');
    await expect(
      path.locator('lightning-button button', { hasText: 'Mark as Current Stage' }).isDisabled()
    ).resolves.toBe(true);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
    await page.close();
  });
});

describe('Apex wires in the workbench', () => {
  it('calls the method again when a wired parameter changes', async () => {
    const { page, problems, apexCalls } = await open('/');
    const before = apexCalls.filter((call) =>
      call.startsWith('PipelineHealthController.getPipelineHealth')
    ).length;
    const panel = page.locator('c-pipeline-health');
    await panel.locator('lightning-combobox.scope-picker button').click();
    await panel.locator('lightning-base-combobox-item', { hasText: 'All deals I can see' }).click();
    await page.locator('c-pipeline-health', { hasText: 'All pipeline I can see' }).waitFor();
    const calls = apexCalls.filter((call) => call.startsWith('PipelineHealthController.getPipelineHealth'));
    expect(calls).toHaveLength(before + 1);
    expect(JSON.parse(calls[calls.length - 1]?.split(' ').slice(1).join(' ') ?? '{}')).toMatchObject({
      scope: 'all'
    });
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
    await page.close();
  });

  it('refreshApex re-runs the wired call and the panel shows what changed in the org', async () => {
    const { page, problems, apexCalls } = await open('/');
    const noNextStep = async (): Promise<number> => {
      const text = (await page.locator('c-pipeline-health').textContent()) ?? '';
      return Number(/No next step\s*(\d+)/.exec(text)?.[1] ?? Number.NaN);
    };
    const before = await noNextStep();
    const { records } = await seeded.workbench.connection.query<{ Id: string }>(
      `SELECT Id FROM Opportunity WHERE IsClosed = false AND OwnerId = '${seeded.workbench.user.id}' ` +
        'AND NextStep != null LIMIT 1'
    );
    await seeded.workbench.connection
      .sobject('Opportunity')
      .update({ Id: records[0]?.Id ?? '', NextStep: null });
    const callsBefore = apexCalls.length;
    await page.locator('c-pipeline-health lightning-button-icon.refresh-button button').click();
    await page
      .locator('c-pipeline-health', { hasText: new RegExp(`No next step\\s*${before + 1}\\b`) })
      .waitFor();
    expect(await noNextStep()).toBe(before + 1);
    expect(apexCalls.slice(callsBefore).filter((call) => call.includes('getPipelineHealth'))).toHaveLength(1);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
    await page.close();
  });
});
