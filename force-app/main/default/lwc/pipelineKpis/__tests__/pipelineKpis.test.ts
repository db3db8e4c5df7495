/** Tests of the key-numbers panel against the numbers computePipelineHealth gives for the fixture. */
import PipelineKpis from 'c/pipelineKpis';
import { formatCompactCurrency, formatDays, formatMultiple, formatPercent } from 'c/atlasFormat';
import type { DrillDownRequest } from 'c/pipelineDrillDown';
import { PIPELINE, factsOf, healthOf, rowsWith } from '../../pipelineHealth/__tests__/pipelineFixtures';
import { all, flush, mount, one, textOf, unmountAll } from '../../pipelineHealth/__tests__/componentHelpers';

type Kpis = HTMLElement & { focusControl(controlKey: string): boolean };

function render(health = healthOf(), currencyCode?: string): Kpis {
  return mount<Kpis>('c-pipeline-kpis', PipelineKpis, { health, ...(currencyCode ? { currencyCode } : {}) });
}

function tile(element: HTMLElement, key: string, part: string): string {
  return textOf(element, `[data-kpi="${key}"] ${part}`);
}

/** The open deals only: no closed deal in the window, so nothing drawn from history can be said. */
function withoutHistory(): ReturnType<typeof factsOf> {
  return factsOf(rowsWith({ deals: PIPELINE.deals.filter((deal) => !deal.stageName.startsWith('Closed')) }));
}

describe('c-pipeline-kpis', () => {
  afterEach(unmountAll);

  it('shows each number computePipelineHealth gives, with what it was computed from', async () => {
    const health = healthOf();
    const element = render(health);
    await flush();

    const { coverage, required } = health.coverage;
    expect(tile(element, 'coverage', '.kpi-value')).toBe(formatMultiple(coverage.value ?? 0));
    expect(tile(element, 'coverage', '.kpi-details')).toContain(
      `${formatCompactCurrency(coverage.basis.openInPeriod.value)} open in 10 deals closing in the period.`
    );
    expect(tile(element, 'coverage', '.kpi-details')).toContain(
      'Target $300K from Account Atlas sales targets: $50K won, $250K to go.'
    );
    expect(tile(element, 'coverage', '.kpi-details')).toContain(
      `Required: ${formatMultiple(required.value ?? 0)}, one over the win rate by value ` +
        `(${formatPercent(health.winRate.byValue.value ?? 0)} over the last 365 days).`
    );
    expect(tile(element, 'winRate', '.kpi-value')).toBe(formatPercent(health.winRate.byCount.value ?? 0));
    expect(tile(element, 'winRate', '.kpi-details')).toContain(
      '8 deals won and 4 lost in the last 365 days.'
    );
    expect(tile(element, 'averageDealSize', '.kpi-value')).toBe(
      formatCompactCurrency(health.averageDealSize.value ?? 0)
    );
    expect(tile(element, 'averageDealSize', '.kpi-details')).toContain('From 8 won deals with an amount');
    expect(tile(element, 'cycleLength', '.kpi-value')).toBe(
      formatDays(health.cycleLength.value?.average ?? 0)
    );
    expect(tile(element, 'cycleLength', '.kpi-details')).toContain(
      `median ${formatDays(health.cycleLength.value?.median ?? 0)}`
    );
    expect(tile(element, 'velocity', '.kpi-value')).toBe(
      `${formatCompactCurrency(health.velocity.value?.perDay ?? 0)} a day`
    );
    expect(tile(element, 'velocity', '.kpi-details')).toContain('over the 92-day period');
    expect(tile(element, 'velocity', '.kpi-details')).toContain('11 open deals ×');
  });

  it('says whether coverage reaches what history requires, in words and not only by colour', async () => {
    const element = render(healthOf(factsOf(), { amount: 300000, source: 'ForecastingQuota' }));
    await flush();
    expect(tile(element, 'coverage', '.kpi-status')).toBe('At or above the required coverage');
    expect(tile(element, 'coverage', '.kpi-details')).toContain('from Collaborative Forecasts quotas');
    unmountAll();

    const short = render(healthOf(factsOf(), { amount: 900000, source: 'SalesTarget' }));
    await flush();
    expect(tile(short, 'coverage', '.kpi-status')).toBe('Below the required coverage');
    const status = one(short, '[data-kpi="coverage"] .kpi-status');
    expect((one(status, 'lightning-icon') as unknown as { iconName: string }).iconName).toBe(
      'utility:warning'
    );
  });

  it('shows the reason instead of a number it cannot compute', async () => {
    const element = render(healthOf(withoutHistory(), null));
    await flush();

    expect(tile(element, 'coverage', '.kpi-value')).toBe('—');
    expect(tile(element, 'coverage', '.kpi-reason')).toContain('No target for the period');
    expect(tile(element, 'coverage', '.kpi-status')).toBe('');
    expect(tile(element, 'coverage', '.kpi-details')).toContain(
      'Required coverage is not known. Not enough history'
    );
    for (const key of ['winRate', 'averageDealSize', 'cycleLength', 'velocity']) {
      expect(tile(element, key, '.kpi-value')).toBe('—');
      expect(tile(element, key, '.kpi-reason')).toBe(
        'Not enough history: 0 deals closed in the last 365 days, 10 needed.'
      );
    }
    expect(all(element, 'button[data-control-key="won"]')).toHaveLength(0);
  });

  it('shows amounts in the currency it is given', async () => {
    const health = healthOf();
    const element = render(health, 'EUR');
    await flush();
    expect(tile(element, 'averageDealSize', '.kpi-value')).toBe(
      formatCompactCurrency(health.averageDealSize.value ?? 0, 'EUR')
    );
  });

  it('asks for the deals behind coverage and win rate, and can refocus the button that asked', async () => {
    const element = render();
    await flush();
    const requests: DrillDownRequest[] = [];
    element.addEventListener('drilldown', (event) =>
      requests.push((event as CustomEvent<DrillDownRequest>).detail)
    );

    for (const key of ['openInPeriod', 'won', 'lost']) {
      one(element, `button[data-control-key="${key}"]`).click();
    }

    expect(requests).toEqual([
      {
        bucket: 'open',
        stageName: null,
        fromDate: '2026-10-01',
        toDate: '2026-12-31',
        heading: 'Open deals closing in the period',
        controlKey: 'openInPeriod'
      },
      {
        bucket: 'won',
        stageName: null,
        fromDate: '2025-11-24',
        toDate: '2026-11-23',
        heading: 'Deals won in the last 365 days',
        controlKey: 'won'
      },
      {
        bucket: 'lost',
        stageName: null,
        fromDate: '2025-11-24',
        toDate: '2026-11-23',
        heading: 'Deals lost in the last 365 days',
        controlKey: 'lost'
      }
    ]);

    expect(element.focusControl('lost')).toBe(true);
    expect(element.shadowRoot?.activeElement).toBe(one(element, 'button[data-control-key="lost"]'));
    expect(element.focusControl('gone')).toBe(false);
  });

  it('shows nothing before it has numbers', async () => {
    const element = mount<Kpis>('c-pipeline-kpis', PipelineKpis);
    await flush();
    expect(all(element, '[data-kpi]')).toHaveLength(0);
  });
});
