/** Tests of the Pipeline Health container, driven through its wire, its pickers and its panels as a user would. */
import PipelineHealth from 'c/pipelineHealth';
import { refreshApex } from '@salesforce/apex';
import getPipelineHealth from '@salesforce/apex/PipelineHealthController.getPipelineHealth';
import getDeals from '@salesforce/apex/PipelineHealthController.getDeals';
import { formatDate, formatDateRange, formatMultiple, formatPercent } from 'c/atlasFormat';
import { CALENDAR_QUARTERS_NOTE } from 'c/pipelinePeriods';
import { PIPELINE, factsOf, healthData, healthOf, rowsWith } from './pipelineFixtures';
import type * as ApexMocks from './apexMocks';
import { all, flush, mount, one, textOf, unmountAll } from './componentHelpers';

jest.mock(
  '@salesforce/apex/PipelineHealthController.getPipelineHealth',
  () => jest.requireActual<typeof ApexMocks>('./apexMocks').wiredApexModule(),
  { virtual: true }
);

jest.mock(
  '@salesforce/apex/PipelineHealthController.getDeals',
  () => jest.requireActual<typeof ApexMocks>('./apexMocks').wiredApexModule(),
  { virtual: true }
);

jest.mock('@salesforce/apex', () => jest.requireActual<typeof ApexMocks>('./apexMocks').apexModule(), {
  virtual: true
});

// The signed-in user of these tests is shown Canadian dollars, so the user's currency is told apart from any other.
jest.mock('@salesforce/i18n/currency', () => ({ default: 'CAD' }), { virtual: true });

interface ComboboxElement extends HTMLElement {
  value: string;
  options: { label: string; value: string }[];
}

interface InputElement extends HTMLElement {
  name: string;
  value: string | null;
  setCustomValidity: jest.Mock;
  reportValidity: jest.Mock;
}

const healthAdapter = getPipelineHealth as unknown as ApexMocks.TestWireAdapter;
const dealsAdapter = getDeals as unknown as ApexMocks.TestWireAdapter;
const refresh = refreshApex as unknown as jest.Mock;

const ACCOUNT_ID = '001000000000001AAA';

function render(properties: Record<string, unknown> = {}): HTMLElement {
  return mount('c-pipeline-health', PipelineHealth, properties);
}

async function loaded(properties: Record<string, unknown> = {}, data = healthData()): Promise<HTMLElement> {
  const element = render(properties);
  await flush();
  healthAdapter.emit(data);
  await flush();
  return element;
}

function combobox(element: HTMLElement, name: 'scope' | 'period'): ComboboxElement {
  return one<ComboboxElement>(element, `lightning-combobox.${name}-picker`);
}

async function choose(element: HTMLElement, name: 'scope' | 'period', value: string): Promise<void> {
  combobox(element, name).dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

/** Types a date into a custom-period field. */
async function typeDate(element: HTMLElement, name: string, value: string | null): Promise<void> {
  const input = all<InputElement>(element, '.custom-period lightning-input').find(
    (field) => field.name === name
  );
  input?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

/** Replaces the stubs' validity methods of the custom-period fields by mocks, to read what they are told. */
function mockValidity(element: HTMLElement): InputElement[] {
  return all<InputElement>(element, '.custom-period lightning-input').map((input) => {
    input.setCustomValidity = jest.fn();
    input.reportValidity = jest.fn(() => true);
    return input;
  });
}

describe('c-pipeline-health', () => {
  beforeEach(() => {
    jest.useFakeTimers({
      now: new Date(2026, 10, 23, 10, 0),
      doNotFake: [
        'nextTick',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'requestAnimationFrame',
        'cancelAnimationFrame'
      ]
    });
  });

  afterEach(() => {
    unmountAll();
    jest.useRealTimers();
    jest.clearAllMocks();
  });

  it('asks for my deals of this calendar quarter on the Home page, with a spinner until they arrive', async () => {
    const element = render();
    await flush();

    expect(healthAdapter.getLastConfig()).toEqual({
      scope: 'mine',
      recordId: null,
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      compareFrom: '2026-10-01'
    });
    expect(
      (one(element, 'lightning-spinner') as unknown as { alternativeText: string }).alternativeText
    ).toBe('Loading pipeline health');
    expect(combobox(element, 'scope').options.map((option) => option.value)).toEqual(['mine', 'team', 'all']);
    expect(element.shadowRoot?.querySelector('c-pipeline-kpis')).toBeNull();
  });

  it('shows the numbers computePipelineHealth gives for the facts and the target', async () => {
    const element = await loaded();
    const expected = healthOf(factsOf());

    expect(element.shadowRoot?.querySelector('lightning-spinner')).toBeNull();
    const kpis = one<HTMLElement & { health: unknown }>(element, 'c-pipeline-kpis');
    expect(kpis.health).toEqual(expected);
    const coverage = expected.coverage.coverage;
    expect(coverage.status).toBe('ok');
    expect(textOf(kpis, '[data-kpi="coverage"] .kpi-value')).toBe(formatMultiple(coverage.value ?? 0));
    expect(textOf(kpis, '[data-kpi="winRate"] .kpi-value')).toBe(
      formatPercent(expected.winRate.byCount.value ?? 0)
    );
    expect(
      (one(element, 'c-pipeline-stage-chart') as unknown as { valueFactors: unknown }).valueFactors
    ).toEqual(expected.valueFactors);
    expect((one(element, 'c-pipeline-balance') as unknown as { balance: unknown }).balance).toEqual(
      expected.balance
    );
    const hygiene = one(element, 'c-pipeline-hygiene') as unknown as { integrity: unknown; today: string };
    expect(hygiene.integrity).toEqual(expected.integrity);
    expect(hygiene.today).toBe(PIPELINE.today);
    expect((one(element, 'c-pipeline-waterfall') as unknown as { waterfall: unknown }).waterfall).toEqual(
      expected.waterfall
    );
    expect((one(element, 'c-pipeline-conversion') as unknown as { conversion: unknown }).conversion).toEqual(
      expected.conversion
    );
    expect(
      (one(element, 'c-pipeline-relationship-gate') as unknown as { relationships: unknown }).relationships
    ).toEqual(expected.relationships);
    expect(textOf(element, '.context')).toBe(`My deals · ${formatDateRange('2026-10-01', '2026-12-31')}`);
    expect(element.shadowRoot?.querySelector('.snapshot-banner')).toBeNull();
  });

  it('uses the closed won the target source reports, and no target when the org has none', async () => {
    const element = await loaded({}, healthData(factsOf(), { targetClosedWon: 100000 }));
    const kpis = one<HTMLElement & { health: ReturnType<typeof healthOf> }>(element, 'c-pipeline-kpis');
    expect(kpis.health.coverage.coverage.basis.closedWon).toBe(100000);
    expect(kpis.health.coverage.coverage.basis.closedWonFrom).toBe('target');

    healthAdapter.emit(healthData(factsOf(), { targetSource: 'None', targetAmount: null }));
    await flush();
    expect(kpis.health.coverage.coverage.status).toBe('no-target');
  });

  /** The currency each panel is given. */
  function panelCurrencies(element: HTMLElement): string[] {
    return [
      'c-pipeline-kpis',
      'c-pipeline-stage-chart',
      'c-pipeline-balance',
      'c-pipeline-hygiene',
      'c-pipeline-waterfall',
      'c-pipeline-relationship-gate'
    ].map((panel) => (one(element, panel) as unknown as { currencyCode: string }).currencyCode);
  }

  it('passes the currency set in Lightning App Builder down to the panels', async () => {
    const element = await loaded({ currencyCode: 'eur' });
    expect(panelCurrencies(element)).toEqual(Array(6).fill('EUR'));
    expect((element as HTMLElement & { currencyCode: string }).currencyCode).toBe('EUR');
  });

  it.each<[string, Record<string, unknown>]>([
    ['none is set', {}],
    ['the one set is empty', { currencyCode: '' }],
    ['the one set is not a currency code', { currencyCode: 'euros' }]
  ])("shows amounts in the user's currency when %s", async (_case, properties) => {
    const element = await loaded(properties);
    expect(panelCurrencies(element)).toEqual(Array(6).fill('CAD'));
  });

  it("shows amounts in a currency set once the numbers are on screen, and in the user's when it is cleared", async () => {
    const element = await loaded();
    Object.assign(element, { currencyCode: 'JPY' });
    await flush();
    expect(panelCurrencies(element)).toEqual(Array(6).fill('JPY'));

    Object.assign(element, { currencyCode: null });
    await flush();
    expect(panelCurrencies(element)).toEqual(Array(6).fill('CAD'));
  });

  it('reads the account on a record page, and offers the other scopes too', async () => {
    const element = render({ recordId: ACCOUNT_ID, objectApiName: 'Account' });
    await flush();

    expect(healthAdapter.getLastConfig()).toMatchObject({ scope: 'account', recordId: ACCOUNT_ID });
    expect(combobox(element, 'scope').options.map((option) => option.value)).toEqual([
      'account',
      'mine',
      'team',
      'all'
    ]);

    await choose(element, 'scope', 'team');
    expect(healthAdapter.getLastConfig()).toMatchObject({ scope: 'team', recordId: null });
    expect(combobox(element, 'scope').value).toBe('team');
  });

  it("names the account scope of an opportunity page for the opportunity's account", async () => {
    const element = render({ recordId: '006000000000O03AAA', objectApiName: 'Opportunity' });
    await flush();

    expect(healthAdapter.getLastConfig()).toMatchObject({ scope: 'account', recordId: '006000000000O03AAA' });
    expect(combobox(element, 'scope').options[0]).toEqual({
      label: 'This opportunity’s account',
      value: 'account'
    });
    expect(textOf(element, '.context')).toContain('This opportunity’s account ·');
  });

  it('follows the default scope and period an admin set, where they apply', async () => {
    render({ defaultScope: 'team', defaultPeriod: 'nextQuarter' });
    await flush();
    expect(healthAdapter.getLastConfig()).toEqual({
      scope: 'team',
      recordId: null,
      periodStart: '2027-01-01',
      periodEnd: '2027-03-31',
      compareFrom: '2026-10-24'
    });
    unmountAll();

    render({ defaultScope: 'account' });
    await flush();
    expect(healthAdapter.getLastConfig()).toMatchObject({ scope: 'mine', periodStart: '2026-10-01' });
    unmountAll();

    render({ recordId: ACCOUNT_ID, defaultScope: 'all' });
    await flush();
    expect(healthAdapter.getLastConfig()).toMatchObject({ scope: 'all', recordId: null });
  });

  it('ignores a scope or period it does not know', async () => {
    const element = await loaded();
    await choose(element, 'scope', 'everyone');
    await choose(element, 'period', 'fiscalYear');
    expect(healthAdapter.getLastConfig()).toMatchObject({ scope: 'mine', periodStart: '2026-10-01' });
  });

  it('keeps the numbers under a spinner while another period loads', async () => {
    const element = await loaded();
    await choose(element, 'period', 'nextQuarter');

    expect(healthAdapter.getLastConfig()).toMatchObject({
      periodStart: '2027-01-01',
      periodEnd: '2027-03-31'
    });
    expect(element.shadowRoot?.querySelector('c-pipeline-kpis')).not.toBeNull();
    expect(
      (one(element, 'lightning-spinner') as unknown as { alternativeText: string }).alternativeText
    ).toBe('Updating pipeline health');

    healthAdapter.emit(healthData());
    await flush();
    expect(element.shadowRoot?.querySelector('lightning-spinner')).toBeNull();
  });

  it('explains that quarters are calendar quarters', async () => {
    const element = await loaded();
    expect((combobox(element, 'period') as unknown as { fieldLevelHelp: string }).fieldLevelHelp).toBe(
      CALENDAR_QUARTERS_NOTE
    );
  });

  it('checks a custom period on its fields and loads it only once it is valid', async () => {
    const element = await loaded();
    await choose(element, 'period', 'custom');

    const inputs = all<InputElement>(element, '.custom-period lightning-input');
    expect(inputs.map((input) => [input.name, input.value])).toEqual([
      ['periodStart', '2026-10-01'],
      ['periodEnd', '2026-12-31']
    ]);
    const [start, end] = mockValidity(element);

    await typeDate(element, 'periodEnd', '2026-09-01');
    expect(end?.setCustomValidity).toHaveBeenLastCalledWith(
      'The last day must be on or after the first day.'
    );
    expect(start?.setCustomValidity).toHaveBeenLastCalledWith('');
    expect(end?.reportValidity).toHaveBeenCalled();
    expect(healthAdapter.getLastConfig()).toMatchObject({
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31'
    });

    await typeDate(element, 'periodStart', null);
    expect(start?.setCustomValidity).toHaveBeenLastCalledWith('Enter the first day of the period.');

    await typeDate(element, 'periodStart', '2026-08-01');
    expect(end?.setCustomValidity).toHaveBeenLastCalledWith('');
    expect(healthAdapter.getLastConfig()).toEqual({
      scope: 'mine',
      recordId: null,
      periodStart: '2026-08-01',
      periodEnd: '2026-09-01',
      compareFrom: '2026-08-01'
    });
  });

  it('shows a readable error with a retry', async () => {
    const element = render();
    await flush();
    healthAdapter.error({
      message: 'You do not have access to the Apex class named PipelineHealthController.'
    });
    await flush();

    const alert = one(element, '[role="alert"]');
    expect(alert.textContent).toContain('Pipeline health could not load.');
    expect(alert.textContent).toContain(
      'You do not have access to the Apex class named PipelineHealthController.'
    );
    expect(element.shadowRoot?.querySelector('lightning-spinner')).toBeNull();

    one(element, '.retry-button').click();
    await flush();
    expect(refresh).toHaveBeenCalledWith(expect.objectContaining({ error: expect.anything() }));
  });

  it('says so when the server answers without facts, or with facts it cannot read', async () => {
    const element = await loaded({}, healthData(factsOf(), { facts: null }));
    expect(textOf(element, '[role="alert"]')).toContain(
      'The server answered without the facts of the pipeline.'
    );

    healthAdapter.emit(healthData(factsOf(), { facts: { version: 1 } }));
    await flush();
    expect(element.shadowRoot?.querySelector('[role="alert"]')).not.toBeNull();
    expect(element.shadowRoot?.querySelector('c-pipeline-kpis')).toBeNull();
  });

  it('says what to do when the scope holds no deals', async () => {
    const empty = factsOf(rowsWith({ deals: [], changes: [], stakeholders: [] }));
    const element = await loaded({}, healthData(empty));

    expect(textOf(element, '.empty h3')).toBe('No deals in this scope');
    expect(textOf(element, '.empty p')).toContain('Choose a wider scope');
    expect(element.shadowRoot?.querySelector('c-pipeline-kpis')).toBeNull();

    await choose(element, 'scope', 'all');
    expect(
      (one(element, 'lightning-spinner') as unknown as { alternativeText: string }).alternativeText
    ).toBe('Updating pipeline health');
    healthAdapter.emit(healthData(empty, { scope: 'all', scopeLabel: 'All deals I can see' }));
    await flush();
    expect(textOf(element, '.empty p')).toContain('You can see no open deals');
  });

  it('suggests another scope on an account without deals', async () => {
    const empty = factsOf(rowsWith({ deals: [], changes: [], stakeholders: [] }));
    const element = await loaded(
      { recordId: ACCOUNT_ID },
      healthData(empty, { scope: 'account', scopeLabel: 'Acme' })
    );
    expect(textOf(element, '.empty p')).toContain('This account has no open deals');
    expect(textOf(element, '.context')).toContain('Acme ·');
  });

  it('warns that history-based numbers are unavailable when they come from snapshots', async () => {
    const element = await loaded(
      {},
      healthData(factsOf(), { dataSource: 'snapshots', snapshotDate: '2026-11-22' })
    );
    const banner = one(element, '.snapshot-banner');
    expect(banner.getAttribute('role')).toBe('status');
    expect(banner.textContent).toContain(`pipeline snapshot of ${formatDate('2026-11-22')}`);
    expect(banner.textContent).toContain('are unavailable');
  });

  it('opens the deals behind a number below the panels, and gives the focus back when it closes', async () => {
    const element = await loaded({ recordId: ACCOUNT_ID });
    const kpis = one(element, 'c-pipeline-kpis');
    const button = one(kpis, 'button[data-control-key="openInPeriod"]');
    button.click();
    await flush();

    const drillDown = one<HTMLElement & Record<string, unknown>>(element, 'c-pipeline-drill-down');
    expect({
      scope: drillDown.scope,
      recordId: drillDown.recordId,
      bucket: drillDown.bucket,
      stageName: drillDown.stageName,
      fromDate: drillDown.fromDate,
      toDate: drillDown.toDate,
      heading: drillDown.heading
    }).toEqual({
      scope: 'account',
      recordId: ACCOUNT_ID,
      bucket: 'open',
      stageName: null,
      fromDate: '2026-10-01',
      toDate: '2026-12-31',
      heading: 'Open deals closing in the period'
    });
    expect(dealsAdapter.getLastConfig()).toMatchObject({ scope: 'account', bucket: 'open', pageOffset: 0 });
    expect(drillDown.shadowRoot?.activeElement).toBe(one(drillDown, 'h3'));

    one(drillDown, '.close-button').click();
    await flush();
    expect(element.shadowRoot?.querySelector('c-pipeline-drill-down')).toBeNull();
    expect(kpis.shadowRoot?.activeElement).toBe(button);
  });

  it('closes the drill-down when the scope changes', async () => {
    const element = await loaded();
    one(one(element, 'c-pipeline-balance'), 'button[data-control-key]').click();
    await flush();
    expect(element.shadowRoot?.querySelector('c-pipeline-drill-down')).not.toBeNull();

    await choose(element, 'scope', 'team');
    expect(element.shadowRoot?.querySelector('c-pipeline-drill-down')).toBeNull();
  });

  it('reloads the numbers and the open drill-down when the hygiene queue saved deals', async () => {
    const element = await loaded();
    one(one(element, 'c-pipeline-kpis'), 'button[data-control-key="won"]').click();
    await flush();
    dealsAdapter.emit({ total: 0, deals: [] });
    await flush();

    one(element, 'c-pipeline-hygiene').dispatchEvent(
      new CustomEvent('dealsupdated', { detail: { recordIds: ['006000000000O04AAA'] } })
    );
    await flush();

    expect(refresh).toHaveBeenCalledTimes(2);
    expect(refresh).toHaveBeenCalledWith(
      expect.objectContaining({ data: expect.objectContaining({ rowsRead: 120 }) })
    );
    expect(refresh).toHaveBeenCalledWith(expect.objectContaining({ data: { total: 0, deals: [] } }));
  });

  it('refreshes on demand and shows a refresh that failed', async () => {
    const element = await loaded();
    refresh.mockImplementationOnce(() => Promise.reject({ body: { message: 'Request timed out.' } }));
    one(element, '.refresh-button').click();
    await flush();
    await flush();

    expect(textOf(element, '[role="alert"]')).toContain('Request timed out.');
  });
});
