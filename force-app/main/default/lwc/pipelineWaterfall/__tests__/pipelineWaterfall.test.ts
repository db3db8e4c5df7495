/** Tests of the change waterfall: the steps table, the bars' geometry, the text summary and the checks. */
import PipelineWaterfall from 'c/pipelineWaterfall';
import type { Measured, Waterfall, WaterfallBasis } from 'c/pipelineMetrics';
import {
  formatCompactCurrency,
  formatCurrency,
  formatDate,
  formatDateRange,
  formatSignedCompactCurrency
} from 'c/atlasFormat';
import { factsOf, healthOf, rowsWith } from '../../pipelineHealth/__tests__/pipelineFixtures';
import {
  all,
  flush,
  mount,
  one,
  rowTexts,
  textOf,
  unmountAll
} from '../../pipelineHealth/__tests__/componentHelpers';

type Measure = Measured<Waterfall, WaterfallBasis>;

function render(waterfall: Measure = healthOf().waterfall, currencyCode?: string): HTMLElement {
  return mount('c-pipeline-waterfall', PipelineWaterfall, {
    waterfall,
    ...(currencyCode ? { currencyCode } : {})
  });
}

function bar(element: HTMLElement, index: number): { className: string; y: number; height: number } {
  const rect = all(element, 'rect')[index];
  return {
    className: rect?.getAttribute('class') ?? '',
    y: Number(rect?.getAttribute('y')),
    height: Number(rect?.getAttribute('height'))
  };
}

describe('c-pipeline-waterfall', () => {
  afterEach(unmountAll);

  it('lists every step with its deals and signed value, adding up from start to end', async () => {
    const waterfall = healthOf().waterfall;
    const element = render(waterfall);
    await flush();

    expect(rowTexts(element, '.waterfall-table tbody tr')).toEqual([
      ['Start', '12', formatCurrency(492000)],
      ['New', '1', formatCurrency(20000)],
      ['Pulled in', '0', formatCurrency(0)],
      ['Increased', '1', formatCurrency(10000)],
      ['Won', '1', formatCurrency(-50000)],
      ['Decreased', '0', '$0'],
      ['Pushed out', '1', formatCurrency(-40000)],
      ['Lost', '1', formatCurrency(-30000)],
      ['End', '10', formatCurrency(402000)]
    ]);
    expect(waterfall.value?.difference).toBe(0);
    expect(element.shadowRoot?.querySelector('.difference')).toBeNull();
    expect(textOf(element, '.caption')).toBe(
      `Open pipeline closing ${formatDateRange('2026-10-01', '2026-12-31')}, from ${formatDate('2026-10-01')} to ` +
        `${formatDate('2026-11-23')}.`
    );
  });

  it('draws each step from where the one before ended, up for additions and down for the rest', async () => {
    const element = render();
    await flush();

    const top = 492000 + 20000 + 10000;
    const scale = 200 / top;
    const start = bar(element, 0);
    expect(start).toEqual({
      className: 'bar-total',
      y: Number((200 - 492000 * scale).toFixed(2)),
      height: Number((492000 * scale).toFixed(2))
    });
    const added = bar(element, 1);
    expect(added.className).toBe('bar-up');
    expect(added.y).toBeCloseTo(200 - 512000 * scale, 2);
    expect(added.height).toBeCloseTo(20000 * scale, 2);
    const won = bar(element, 4);
    expect(won.className).toBe('bar-down');
    expect(won.y).toBeCloseTo(200 - top * scale, 2);
    expect(won.height).toBeCloseTo(50000 * scale, 2);
    const end = bar(element, 8);
    expect(end.className).toBe('bar-total');
    expect(end.y + end.height).toBeCloseTo(200, 2);
    expect(end.height).toBeCloseTo(402000 * scale, 2);
    expect(one(element, 'svg').getAttribute('viewBox')).toBe('0 0 900 200');
  });

  it('tells screen readers every step, and shows the signs beside the bars', async () => {
    const element = render(healthOf().waterfall, 'EUR');
    await flush();

    const chart = one(element, '.chart');
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')).toBe(
      [
        'Pipeline change waterfall.',
        `Start: ${formatCompactCurrency(492000, 'EUR')}, 12 deals.`,
        `New: ${formatSignedCompactCurrency(20000, 'EUR')}, 1 deal.`,
        `Pulled in: ${formatSignedCompactCurrency(0, 'EUR')}, 0 deals.`,
        `Increased: ${formatSignedCompactCurrency(10000, 'EUR')}, 1 deal.`,
        `Won: ${formatSignedCompactCurrency(-50000, 'EUR')}, 1 deal.`,
        `Decreased: ${formatSignedCompactCurrency(0, 'EUR')}, 0 deals.`,
        `Pushed out: ${formatSignedCompactCurrency(-40000, 'EUR')}, 1 deal.`,
        `Lost: ${formatSignedCompactCurrency(-30000, 'EUR')}, 1 deal.`,
        `End: ${formatCompactCurrency(402000, 'EUR')}, 10 deals.`
      ].join(' ')
    );
    expect(all(element, '.chart-label').map((label) => label.textContent)).toContain(
      `Won${formatSignedCompactCurrency(-50000, 'EUR')}`
    );
  });

  it('says so when the steps do not add up to the end', async () => {
    const facts = factsOf();
    if (facts.waterfall) {
      facts.waterfall.end.value += 125;
    }
    const element = render(healthOf(facts).waterfall);
    await flush();
    expect(textOf(element, '.difference')).toBe(
      `The steps do not add up to the end value: they differ by ${formatCurrency(-125)}.`
    );
  });

  it('gives the reason when there is no waterfall', async () => {
    const element = render(healthOf(factsOf(rowsWith({ waterfall: undefined }))).waterfall);
    await flush();
    expect(textOf(element, '.reason')).toBe('No waterfall days were asked for.');
    expect(element.shadowRoot?.querySelector('svg')).toBeNull();
  });
});
