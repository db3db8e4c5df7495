/**
 * The pipeline-health panel with the keyboard alone, in Chromium over the demo data: Tab reaches every control of
 * the panel, and a rep fixes a deal in the hygiene queue (choose the rule, edit the next step in the table, save)
 * without the mouse; the fix is in the org and the panel's numbers follow.
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

/** The element that has the focus, through every shadow root, as the tests need to recognise it. */
interface Focused {
  /** Tag names from the document down to the focused element. */
  path: string[];
  rule: string | null;
  label: string | null;
  text: string;
  /** Position in the list `markControls` made, or -1. */
  control: number;
}

let seeded: SeededWorkbench;
let browser: Browser;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  seeded = await startSeededWorkbench();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await seeded?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  problems = watchPage(page);
  await page.goto(`${seeded.workbench.url}/`);
  await waitForPipelinePanel(page);
});

afterEach(async () => {
  await page.close();
});

/** Lists the panel's keyboard-operable controls (visible, enabled, in the tab order) and keeps them in the page. */
async function markControls(): Promise<string[]> {
  return page.evaluate(() => {
    const controls: HTMLElement[] = [];
    const visit = (node: Element): void => {
      const element = node as HTMLElement;
      const disabled = (element as HTMLButtonElement).disabled === true;
      const visible =
        element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
      const operable = element.matches('a[href], button, input, select, textarea, [tabindex]');
      if (operable && element.tabIndex >= 0 && !disabled && visible) {
        controls.push(element);
      }
      for (const child of [
        ...Array.from(element.shadowRoot?.children ?? []),
        ...Array.from(element.children)
      ]) {
        visit(child);
      }
    };
    const panel = document.querySelector('c-pipeline-health');
    if (panel) {
      visit(panel);
    }
    (window as unknown as { atlasControls: HTMLElement[] }).atlasControls = controls;
    return controls.map((control) => {
      const name = control.getAttribute('aria-label') ?? control.textContent?.trim() ?? '';
      return `${control.tagName.toLowerCase()} "${name.slice(0, 60)}"`;
    });
  });
}

async function focused(): Promise<Focused> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    const path: string[] = [];
    let leaf: Element | null = null;
    while (element) {
      path.push(element.tagName.toLowerCase());
      leaf = element;
      element = (element as HTMLElement).shadowRoot?.activeElement ?? null;
    }
    const controls = (window as unknown as { atlasControls?: HTMLElement[] }).atlasControls ?? [];
    return {
      path,
      rule: leaf?.getAttribute('data-rule') ?? null,
      label:
        leaf?.closest('[data-label]')?.getAttribute('data-label') ?? leaf?.getAttribute('data-label') ?? null,
      text: (leaf as HTMLElement | null)?.innerText?.trim() ?? '',
      control: leaf ? controls.indexOf(leaf as HTMLElement) : -1
    };
  });
}

/**
 * Presses a key and waits for the focus to settle: the datatable moves its focus after it re-renders, a moment
 * after the key.
 */
async function press(key: string): Promise<Focused> {
  const before = JSON.stringify(await focused());
  await page.keyboard.press(key);
  let last = before;
  for (let polls = 0; polls < 40; polls++) {
    await page.waitForTimeout(25);
    const now = JSON.stringify(await focused());
    if (now !== before && now === last) {
      break;
    }
    last = now;
  }
  return JSON.parse(last) as Focused;
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `limit` presses. */
async function tabTo(what: string, matches: (focus: Focused) => boolean, limit = 120): Promise<Focused> {
  const seen: string[] = [];
  for (let presses = 0; presses < limit; presses++) {
    const focus = await press('Tab');
    if (matches(focus)) {
      return focus;
    }
    seen.push(`${focus.path.join('>')} "${focus.label ?? focus.text}"`);
  }
  throw new Error(`Tab never reached ${what} in ${limit} presses:\n${seen.join('\n')}`);
}

/** The count a hygiene rule's button shows ("No next step 3 · $311K" → 3). */
async function ruleCount(rule: string): Promise<number> {
  const text = await page.locator(`c-pipeline-hygiene button[data-rule="${rule}"] .rule-count`).textContent();
  return Number((text ?? '').split('·')[0]?.replace(/[^0-9]/g, ''));
}

describe('the pipeline-health panel with the keyboard alone', () => {
  it('reaches every control of the panel with Tab', async () => {
    const controls = await markControls();
    for (const name of ['Refresh the numbers', 'Scope', 'Period', 'No next step', 'No recent activity']) {
      expect(controls.some((control) => control.includes(name))).toBe(true);
    }

    const reached = new Set<number>();
    for (let presses = 0; presses < controls.length + 40 && reached.size < controls.length; presses++) {
      await page.keyboard.press('Tab');
      const { control } = await focused();
      if (control >= 0) {
        reached.add(control);
      }
    }

    expect(controls.filter((_, index) => !reached.has(index))).toEqual([]);
  });

  it('changes the period with the combobox and shows the next quarter', async () => {
    const context = page.locator('c-pipeline-health .context');
    const thisQuarter = await context.textContent();

    await tabTo(
      'the period picker',
      (focus) =>
        focus.path.includes('lightning-combobox') && focus.text !== '' && focus.text.includes('quarter')
    );
    await press('Enter');
    await press('ArrowDown');
    await press('Enter');

    await page.waitForFunction(
      ({ before }) => {
        const text = document
          .querySelector('c-pipeline-health')
          ?.shadowRoot?.querySelector('.context')?.textContent;
        return text !== undefined && text !== before;
      },
      { before: thisQuarter },
      { timeout: 15_000 }
    );
    await waitForPipelinePanel(page);
    const picker = page.locator('c-pipeline-health lightning-combobox.period-picker');
    expect(await picker.evaluate((combobox) => (combobox as unknown as { value: string }).value)).toBe(
      'nextQuarter'
    );
    expect(await context.textContent()).not.toBe(thisQuarter);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
  });

  it('fixes a deal in the hygiene queue: the org has the new next step and the count drops', async () => {
    const before = await ruleCount('no-next-step');
    expect(before).toBeGreaterThan(0);

    await tabTo('the "No next step" rule', (focus) => focus.rule === 'no-next-step');
    await page.keyboard.press('Enter');
    const firstRow = page.locator('c-pipeline-hygiene lightning-datatable tbody tr').first();
    await firstRow.waitFor();
    const href = await firstRow.locator('a[href^="/lightning/r/Opportunity/"]').getAttribute('href');
    const dealId = /\/Opportunity\/(\w+)\//.exec(href ?? '')?.[1];
    expect(dealId).toBeDefined();

    await tabTo('the table', (focus) => focus.path.includes('lightning-datatable'));
    let cell = await focused();
    for (let presses = 0; presses < 8 && cell.label !== 'Next step'; presses++) {
      cell = await press('ArrowRight');
    }
    expect(cell.label).toBe('Next step');
    await press('Enter');
    await page.keyboard.type('Book the pricing workshop with the CFO');
    await press('Enter');
    await press('Escape');
    await tabTo('the Save button', (focus) => focus.text === 'Save', 20);
    await page.keyboard.press('Enter');

    await page.waitForFunction(
      ({ expected }) => {
        const hygiene = document
          .querySelector('c-pipeline-health')
          ?.shadowRoot?.querySelector('c-pipeline-hygiene');
        const count = hygiene?.shadowRoot?.querySelector('button[data-rule="no-next-step"] .rule-count');
        return (count?.textContent ?? '').split('·')[0]?.trim() === String(expected);
      },
      { expected: before - 1 },
      { timeout: 15_000 }
    );
    const saved = await seeded.workbench.connection.query<{ NextStep: string | null }>(
      `SELECT NextStep FROM Opportunity WHERE Id = '${dealId}'`
    );
    expect(saved.records[0]?.NextStep).toBe('Book the pricing workshop with the CFO');
    expect(await ruleCount('no-next-step')).toBe(before - 1);

    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(seeded.serverErrors).toEqual([]);
  });
});
