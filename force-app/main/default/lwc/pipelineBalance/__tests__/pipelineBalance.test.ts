/** Tests of the stage balance panel: sizes per stage, thin stages, concentration levels and drill-downs. */
import PipelineBalance from 'c/pipelineBalance';
import type { StageBalanceResult } from 'c/pipelineMetrics';
import { formatCompactCurrency, formatPercent } from 'c/atlasFormat';
import type { DrillDownRequest } from 'c/pipelineDrillDown';
import {
  PIPELINE,
  STAGES,
  factsOf,
  healthOf,
  rowsWith
} from '../../pipelineHealth/__tests__/pipelineFixtures';
import {
  all,
  cellTexts,
  flush,
  mount,
  one,
  textOf,
  unmountAll
} from '../../pipelineHealth/__tests__/componentHelpers';
import type { FixtureDeal } from '../../pipelineHealth/__tests__/pipelineFixtures';

type Balance = HTMLElement & { focusControl(controlKey: string): boolean };

function render(balance: StageBalanceResult = healthOf().balance): Balance {
  return mount<Balance>('c-pipeline-balance', PipelineBalance, { balance });
}

/** The fixture with `count` more open Prospecting deals of 150,000 beside the 200,000 one. */
function balanceWithMoreLargeDeals(count: number): StageBalanceResult {
  const extra: FixtureDeal[] = Array.from({ length: count }, (_, index) => ({
    id: `006000000000X${String(index).padStart(2, '0')}AAA`,
    name: `Extra ${index}`,
    stageName: 'Prospecting',
    amount: 150000,
    closeDate: '2026-12-20',
    path: [['2026-10-05', 'Prospecting']]
  }));
  return healthOf(factsOf(rowsWith({ deals: [...PIPELINE.deals, ...extra] }))).balance;
}

describe('c-pipeline-balance', () => {
  afterEach(unmountAll);

  it('lists each open stage with its deals, value, share and rocks, stones and pebbles', async () => {
    const balance = healthOf().balance;
    const element = render(balance);
    await flush();

    const rows = all(element, '.balance-table tbody tr');
    expect(rows.map((row) => row.dataset.stage)).toEqual(balance.stages.map((stage) => stage.stageName));
    expect(cellTexts(rows[0])).toEqual([
      'Prospecting',
      '3',
      `${formatCompactCurrency(47000)} · ${formatPercent(balance.stages[0]?.valueShare ?? 0)}`,
      `0 · ${formatCompactCurrency(0)}`,
      `2 · ${formatCompactCurrency(35000)}`,
      `1 · ${formatCompactCurrency(12000)}`
    ]);
    expect(cellTexts(rows[3])[2]).toBe(`${formatCompactCurrency(0)} · 0% · 1 without amount`);
    expect(cellTexts(one(element, '.balance-table tfoot tr'))).toEqual([
      'All open stages',
      `2 · ${formatCompactCurrency(260000)}`,
      `6 · ${formatCompactCurrency(165000)}`,
      `2 · ${formatCompactCurrency(17000)}`
    ]);
    expect(textOf(element, '.bands')).toBe(
      `Rocks are ${formatCompactCurrency(55000)} or more (2× the median open deal of ` +
        `${formatCompactCurrency(27500)}); pebbles are under ${formatCompactCurrency(13750)}; stones are in between.`
    );
  });

  it('marks thin stages with an icon and a word, and names them', async () => {
    const element = render();
    await flush();

    const rows = all(element, '.balance-table tbody tr');
    expect(rows[0]?.querySelector('.thin-flag')).toBeNull();
    expect(rows[1]?.querySelector('.thin-flag')?.textContent?.trim()).toBe('Thin');
    expect(textOf(element, '.thin-stages')).toBe(
      'Thin stages. Qualification, Needs Analysis, Value Proposition, Id. Decision Makers, Perception Analysis, ' +
        'Proposal/Price Quote, Negotiation/Review hold fewer than 3 open deals: nothing to fall back on at the end ' +
        'of the period.'
    );
    expect(textOf(element, '.stage-advice')).toContain('The sales process has 8 open stages; no more than 6');
  });

  it('flags a pipeline that rides on one deal, and links to that deal', async () => {
    const element = render();
    await flush();

    const concentration = one(element, '.concentration');
    expect(concentration.textContent).toContain('Concentration risk.');
    expect(concentration.textContent).toContain(
      `The largest deal, Fourth Coffee global (${formatCompactCurrency(200000)}), is ` +
        `${formatPercent(200000 / 442000)} of the open value. Above 30%`
    );
    expect((concentration.querySelector('lightning-icon') as unknown as { iconName: string }).iconName).toBe(
      'utility:error'
    );
    expect(concentration.querySelector('a')?.getAttribute('href')).toBe(
      '/lightning/r/Opportunity/006000000000O08AAA/view'
    );
  });

  it('warns when the largest deal carries more than 15%, and is quiet below', async () => {
    const warned = render(balanceWithMoreLargeDeals(2));
    await flush();
    expect(textOf(warned, '.concentration')).toContain('Concentrated. The largest deal');
    expect(textOf(warned, '.concentration')).toContain('Above 15%, the period leans on it.');
    unmountAll();

    const spread = render(balanceWithMoreLargeDeals(6));
    await flush();
    expect(textOf(spread, '.concentration')).toContain('Spread.');
    expect(textOf(spread, '.concentration')).toContain('No single deal carries more than 15%.');
    expect(spread.shadowRoot?.querySelector('.concentration a')).toBeNull();
    expect(spread.shadowRoot?.querySelector('.thin-stages')).not.toBeNull();
  });

  it('opens the deals of a stage from its count, and can refocus that count', async () => {
    const element = render();
    await flush();
    const requests: DrillDownRequest[] = [];
    element.addEventListener('drilldown', (event) =>
      requests.push((event as CustomEvent<DrillDownRequest>).detail)
    );

    const button = one(element, 'tr[data-stage="Qualification"] button');
    expect(button.getAttribute('aria-label')).toBe('View the 2 deals at Qualification');
    button.click();

    expect(requests).toEqual([
      {
        bucket: 'open',
        stageName: 'Qualification',
        fromDate: null,
        toDate: null,
        heading: 'Open deals at Qualification',
        controlKey: 'stage1'
      }
    ]);
    expect(element.focusControl('stage1')).toBe(true);
    expect(element.shadowRoot?.activeElement).toBe(button);
  });

  it('offers no button for a stage without deals', async () => {
    const element = render(
      healthOf(
        factsOf(
          rowsWith({ deals: PIPELINE.deals.filter((deal) => deal.stageName !== 'Perception Analysis') })
        )
      ).balance
    );
    await flush();
    const row = one(element, 'tr[data-stage="Perception Analysis"]');
    expect(row.querySelector('button')).toBeNull();
    expect(cellTexts(row)[1]).toBe('0');
  });

  it('cannot size deals that have no amounts', async () => {
    const deals = PIPELINE.deals.map((deal) => ({
      ...deal,
      amount: deal.stageName.startsWith('Closed') ? deal.amount : null
    }));
    const element = render(healthOf(factsOf(rowsWith({ deals }))).balance);
    await flush();
    expect(textOf(element, '.bands')).toBe(
      'No open deal has an amount, so deals cannot be sized into rocks, stones and pebbles.'
    );
    expect(element.shadowRoot?.querySelector('.concentration')).toBeNull();
  });

  it('says so when the org has no open stage', async () => {
    const element = render(
      healthOf(
        factsOf(
          undefined,
          STAGES.filter((stage) => stage.isClosed)
        )
      ).balance
    );
    await flush();
    expect(textOf(element, '.no-stages')).toBe('The org has no open opportunity stages.');
  });
});
