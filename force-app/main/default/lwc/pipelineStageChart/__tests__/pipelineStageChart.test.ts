/** Tests of the held vs needed chart: bars to scale, gaps, history shortfalls, its text summary and table. */
import PipelineStageChart from 'c/pipelineStageChart';
import { PVF_FORMULA } from 'c/pipelineMetrics';
import type { ValueFactors } from 'c/pipelineMetrics';
import { formatCompactCurrency, formatCount, formatNumber } from 'c/atlasFormat';
import { STAGES, factsOf, healthOf } from '../../pipelineHealth/__tests__/pipelineFixtures';
import {
  all,
  flush,
  mount,
  one,
  rowTexts,
  textOf,
  unmountAll
} from '../../pipelineHealth/__tests__/componentHelpers';

function render(valueFactors: ValueFactors = healthOf().valueFactors, currencyCode?: string): HTMLElement {
  return mount('c-pipeline-stage-chart', PipelineStageChart, {
    valueFactors,
    ...(currencyCode ? { currencyCode } : {})
  });
}

function tableCells(element: HTMLElement): string[][] {
  return rowTexts(element, '.stage-table tbody tr');
}

describe('c-pipeline-stage-chart', () => {
  afterEach(unmountAll);

  it('draws held vs needed per open stage, to scale, with the gap in words', async () => {
    const factors = healthOf().valueFactors;
    const element = render(factors);
    await flush();

    const rows = all(element, '.chart-row');
    expect(rows.map((row) => row.querySelector('.chart-stage')?.textContent)).toEqual(
      factors.stages.map((stage) => stage.label)
    );
    const qualification = factors.stages[1];
    expect(qualification?.status).toBe('ok');
    const needed = qualification?.value?.needed ?? 0;
    const gap = qualification?.value?.gap ?? 0;
    expect(rows[1]?.textContent).toContain(
      `2 deals · ${formatCompactCurrency(85000)} held · ${formatCompactCurrency(needed)} needed`
    );
    expect(rows[1]?.querySelector('.chart-gap')?.textContent?.trim()).toBe(
      `${formatCompactCurrency(-gap)} short`
    );

    const longest = Math.max(
      ...factors.stages.map((stage) => Math.max(stage.held.value, stage.value?.needed ?? 0))
    );
    const held = rows.map((row) => Number(row.querySelector('.bar-held')?.getAttribute('width')));
    expect(held).toEqual(
      factors.stages.map((stage) => Number(((stage.held.value / longest) * 100).toFixed(2)))
    );
    expect(Number(rows[1]?.querySelector('.bar-needed')?.getAttribute('width'))).toBeCloseTo(
      (needed / longest) * 100,
      2
    );
    expect(Math.max(...held)).toBe(100);
  });

  it('says which stages have too little history, instead of a needed value', async () => {
    const factors = healthOf().valueFactors;
    const element = render(factors);
    await flush();

    const proposal = all(element, '.chart-row')[6];
    expect(proposal?.querySelector('.chart-stage')?.textContent).toBe('Proposal/Price Quote');
    expect(proposal?.querySelector('.bar-needed')).toBeNull();
    expect(proposal?.querySelector('.chart-note')?.textContent).toBe(
      'Too little history to say what it needs.'
    );
    expect(tableCells(element)[6]).toEqual([
      'Proposal/Price Quote',
      '1 deal',
      formatCompactCurrency(200000),
      '—',
      '—',
      '—',
      factors.stages[6]?.reason ?? ''
    ]);
  });

  it('summarises the chart for screen readers and repeats its numbers in a table that can be shown', async () => {
    const factors = healthOf().valueFactors;
    const element = render(factors);
    await flush();

    const chart = one(element, '.chart');
    expect(chart.getAttribute('role')).toBe('img');
    const prospecting = factors.stages[0];
    expect(chart.getAttribute('aria-label')).toContain(
      `Prospecting: ${formatCount(3, 'deal')}, ${formatCompactCurrency(prospecting?.held.value ?? 0)} held, ` +
        `${formatCompactCurrency(prospecting?.value?.needed ?? 0)} needed, ` +
        `${formatCompactCurrency(-(prospecting?.value?.gap ?? 0))} short.`
    );
    expect(chart.getAttribute('aria-label')).toContain(
      'Negotiation/Review: 1 deal, $5K held; too little history to say what it needs.'
    );
    expect(tableCells(element)[0]?.slice(0, 5)).toEqual([
      'Prospecting',
      '3 deals',
      formatCompactCurrency(prospecting?.held.value ?? 0),
      formatNumber(prospecting?.value?.factor ?? 0, 2),
      formatCompactCurrency(prospecting?.value?.needed ?? 0)
    ]);

    const wrapper = one(element, '.table-wrapper');
    const toggle = one(element, '.table-toggle');
    expect(wrapper.classList).toContain('slds-assistive-text');
    expect(wrapper.querySelector('table.stage-table')).not.toBeNull();
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    await flush();
    expect(wrapper.classList).not.toContain('slds-assistive-text');
    expect(wrapper.classList).toContain('slds-scrollable_x');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(toggle.textContent?.trim()).toBe('Hide the table');
  });

  it('states the PVF rule in its help and names the target it applies', async () => {
    const element = render();
    await flush();
    const helptext = one(one(element, 'c-atlas-panel'), 'lightning-helptext');
    expect((helptext as unknown as { content: string }).content).toBe(PVF_FORMULA);
    expect(textOf(element, '.target')).toBe(
      'Target $300K from Account Atlas sales targets, over a 92-day period.'
    );
  });

  it('gives the factor without a needed value when there is no target', async () => {
    const factors = healthOf(factsOf(), null).valueFactors;
    const element = render(factors);
    await flush();

    expect(textOf(element, '.target')).toBe(
      'No target for the period: the value each stage needs cannot be computed.'
    );
    const first = all(element, '.chart-row')[0];
    expect(first?.querySelector('.bar-needed')).toBeNull();
    expect(first?.querySelector('.chart-note')?.textContent).toBe(
      `PVF ${formatNumber(factors.stages[0]?.value?.factor ?? 0, 2)}; no target to apply it to.`
    );
  });

  it('says when a stage holds more than it needs', async () => {
    const factors = healthOf(factsOf(), { amount: 50000, source: 'SalesTarget' }).valueFactors;
    const element = render(factors, 'EUR');
    await flush();
    const gap = factors.stages[0]?.value?.gap ?? 0;
    expect(gap).toBeGreaterThan(0);
    expect(all(element, '.chart-gap')[0]?.textContent?.trim()).toBe(
      `${formatCompactCurrency(gap, 'EUR')} ahead`
    );
  });

  it('says so when the org has no open stage', async () => {
    const closedOnly = STAGES.filter((stage) => stage.isClosed);
    const element = render(healthOf(factsOf(undefined, closedOnly)).valueFactors);
    await flush();
    expect(textOf(element, '.no-stages')).toBe('The org has no open opportunity stages.');
    expect(element.shadowRoot?.querySelector('.chart')).toBeNull();
  });
});
