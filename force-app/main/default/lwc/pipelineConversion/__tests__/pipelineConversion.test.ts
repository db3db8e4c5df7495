/** Tests of the stage conversion table, with and without the months of entry. */
import PipelineConversion from 'c/pipelineConversion';
import type { StageConversion } from 'c/pipelineMetrics';
import { formatMonth, formatPercent } from 'c/atlasFormat';
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

function render(conversion: StageConversion[] = healthOf().conversion, lookbackDays = 365): HTMLElement {
  return mount('c-pipeline-conversion', PipelineConversion, { conversion, lookbackDays });
}

function rows(element: HTMLElement): string[][] {
  return rowTexts(element, '.conversion-table tbody tr');
}

describe('c-pipeline-conversion', () => {
  afterEach(unmountAll);

  it('shows, per stage, how the deals that entered it moved on', async () => {
    const conversion = healthOf().conversion;
    const element = render(conversion);
    await flush();

    const total = conversion[0]?.total;
    expect(rows(element)[0]).toEqual([
      'Prospecting → Qualification',
      '23',
      `20 (${formatPercent(total?.advancedShare ?? 0)})`,
      `8 (${formatPercent(total?.wonShare ?? 0)})`,
      `4 (${formatPercent(total?.lostShare ?? 0)})`,
      `11 (${formatPercent(total?.openShare ?? 0)})`
    ]);
    expect(rows(element)).toHaveLength(conversion.length);
    expect(rows(element).at(-1)?.slice(0, 3)).toEqual(['Negotiation/Review (last open stage)', '1', '—']);
  });

  it('shows the months of entry under each stage on demand', async () => {
    const conversion = healthOf().conversion;
    const element = render(conversion);
    await flush();

    const toggle = one(element, '.months-toggle');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    await flush();

    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(toggle.textContent?.trim()).toBe('Hide months of entry');
    const months = all(element, 'tr.month-row');
    expect(months).toHaveLength(conversion.reduce((sum, stage) => sum + stage.cohorts.length, 0));
    const first = conversion[0]?.cohorts[0];
    expect(rows(element)[1]?.slice(0, 2)).toEqual([
      `Entered ${formatMonth(first?.month ?? '')}`,
      String(first?.entered)
    ]);

    toggle.click();
    await flush();
    expect(all(element, 'tr.month-row')).toHaveLength(0);
  });

  it('says so when no deal entered a stage in the window', async () => {
    const element = render(
      healthOf(factsOf(rowsWith({ deals: [], changes: [], stakeholders: [] }))).conversion,
      180
    );
    await flush();
    expect(textOf(element, '.empty')).toBe('No deal entered an open stage in the last 180 days.');
    expect(element.shadowRoot?.querySelector('table')).toBeNull();
  });
});
