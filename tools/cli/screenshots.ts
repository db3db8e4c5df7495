/**
 * `npm run screenshots`: renders the workbench over freshly seeded demo data in Chromium and saves the README's
 * pictures of the pipeline-health panel in docs/images: the Pipeline Health app page on a desktop, the hygiene
 * queue of the rep's Home with a rule open, and an Opportunity page on a phone.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, waitForPipelinePanel } from '../../workbench/test/browser';
import { startSeededWorkbench } from '../../workbench/test/workbench';
import { projectRoot } from '../lib/files';

const images = path.join(projectRoot(__dirname), 'docs', 'images');

async function panelShot(page: Page, file: string): Promise<void> {
  await page.locator('c-pipeline-health').screenshot({ path: path.join(images, file) });
  console.log(`docs/images/${file}`);
}

async function main(): Promise<void> {
  const seeded = await startSeededWorkbench();
  const browser = await launchBrowser();
  try {
    const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    await desktop.goto(`${seeded.workbench.url}/lightning/n/Pipeline_Health`);
    await waitForPipelinePanel(desktop);
    await panelShot(desktop, 'pipeline-health.png');
    await desktop.goto(`${seeded.workbench.url}/`);
    await waitForPipelinePanel(desktop);

    await desktop.locator('c-pipeline-hygiene button[data-rule="no-next-step"]').click();
    await desktop.locator('c-pipeline-hygiene lightning-datatable tbody tr').first().waitFor();
    await desktop.locator('c-pipeline-hygiene').screenshot({ path: path.join(images, 'hygiene-queue.png') });
    console.log('docs/images/hygiene-queue.png');

    const deals = await seeded.workbench.connection.query<{ Id: string }>(
      `SELECT Id FROM Opportunity WHERE IsClosed = false AND OwnerId = '${seeded.workbench.user.id}' ` +
        'ORDER BY Amount DESC LIMIT 1'
    );
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    await phone.goto(`${seeded.workbench.url}/lightning/r/Opportunity/${deals.records[0]?.Id ?? ''}/view`);
    await waitForPipelinePanel(phone);
    await phone.screenshot({ path: path.join(images, 'opportunity-phone.png') });
    console.log('docs/images/opportunity-phone.png');
  } finally {
    await browser.close();
    await seeded.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
