/**
 * The workbench's pages in Chromium, over the demo data `npm start` seeds: each renders the package's real
 * components with the org's numbers, with no console error, no uncaught error, no failed request, and nothing
 * axe-core rates serious or critical.
 */
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  type PageProblems,
  seriousAccessibilityViolations,
  waitForPipelinePanel,
  watchPage
} from '../test/browser';
import { type SeededWorkbench, startSeededWorkbench } from '../test/workbench';

let seeded: SeededWorkbench;
let browser: Browser;
let deal: { Id: string; Name: string; StageName: string; AccountId: string; Account: { Name: string } };

beforeAll(async () => {
  seeded = await startSeededWorkbench();
  browser = await launchBrowser();
  const deals = await seeded.workbench.connection.query<typeof deal>(
    'SELECT Id, Name, StageName, AccountId, Account.Name FROM Opportunity ' +
      `WHERE IsClosed = false AND OwnerId = '${seeded.workbench.user.id}' ORDER BY Amount DESC LIMIT 1`
  );
  deal = deals.records[0] as typeof deal;
});

afterAll(async () => {
  await browser?.close();
  await seeded?.close();
});

const DESKTOP = { width: 1440, height: 1000 };

async function open(
  path: string,
  viewport: { width: number; height: number } = DESKTOP
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({ viewport });
  const problems = watchPage(page);
  await page.goto(`${seeded.workbench.url}${path}`);
  await waitForPipelinePanel(page);
  return { page, problems };
}

async function expectHealthyPage(page: Page, problems: PageProblems): Promise<void> {
  expect(await page.locator('c-pipeline-health [role="alert"]').count()).toBe(0);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  expect(seeded.serverErrors).toEqual([]);
  await page.close();
}

describe('the workbench pages in Chromium', () => {
  it("Home shows the signed-in rep's pipeline health and lists records to open", async () => {
    const { page, problems } = await open('/');
    await expect(page.title()).resolves.toBe('Home | Account Atlas');
    const panel = page.locator('c-pipeline-health');
    await expect(panel.locator('c-pipeline-kpis').textContent()).resolves.toMatch(/Coverage/i);
    expect(await panel.textContent()).toContain('My pipeline');
    const lists = page.locator('article.slds-card', { hasText: 'My Open Opportunities' });
    expect(await lists.locator('a[href^="/lightning/r/Opportunity/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('main a[href^="/lightning/r/Account/"]').count()).toBeGreaterThan(0);
    await expectHealthyPage(page, problems);
  });

  it('the Pipeline Health app page shows every deal the user can see, with numbers drawn from history', async () => {
    const { page, problems } = await open('/lightning/n/Pipeline_Health');
    await expect(page.title()).resolves.toBe('Pipeline Health | Account Atlas');
    const panel = page.locator('c-pipeline-health');
    expect(await panel.textContent()).toContain('All pipeline I can see');
    await expect(panel.locator('c-pipeline-kpis').textContent()).resolves.toMatch(/Win rate/i);
    expect(await panel.locator('c-pipeline-kpis').textContent()).not.toContain('Not enough history');
    await expectHealthyPage(page, problems);
  });

  it("an Account page shows the account's pipeline health under its highlights", async () => {
    const { page, problems } = await open(`/lightning/r/Account/${deal.AccountId}/view`);
    await expect(page.locator('h1').textContent()).resolves.toBe(deal.Account.Name);
    await page.locator('wb-record-highlights li').first().waitFor();
    expect(await page.locator('wb-record-highlights').textContent()).toContain('Owner');
    expect(await page.locator('c-pipeline-health').textContent()).toContain(deal.Account.Name);
    await expectHealthyPage(page, problems);
  });

  it("an Opportunity page shows the path, the account's pipeline health and the stage guide", async () => {
    const { page, problems } = await open(`/lightning/r/Opportunity/${deal.Id}/view`);
    await expect(page.locator('h1').textContent()).resolves.toBe(deal.Name);
    const guide = page.locator('c-stage-guide');
    await guide.locator('.stage-name').waitFor();
    await expect(guide.locator('.stage-name').textContent()).resolves.toBe(deal.StageName);
    await page.locator('wb-stage-path lightning-progress-indicator').waitFor();
    expect(await page.locator('wb-record-highlights').textContent()).toContain(deal.Account.Name);
    expect(await page.locator('c-pipeline-health').textContent()).toContain(deal.Account.Name);
    await expectHealthyPage(page, problems);
  });

  it('an Opportunity page on a phone stacks the panels within the screen width', async () => {
    const { page, problems } = await open(`/lightning/r/Opportunity/${deal.Id}/view`, {
      width: 390,
      height: 844
    });
    expect(await page.locator('c-pipeline-health').textContent()).toContain(deal.Account.Name);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const kpis = await page.locator('c-pipeline-kpis').boundingBox();
    expect(kpis?.width ?? Infinity).toBeLessThanOrEqual(390);
    await expectHealthyPage(page, problems);
  });
});
