/** Tests of the drill-down: its getDeals requests, paging, empty, error and refresh, closing and focus. */
import PipelineDrillDown, { MAX_OFFSET, PAGE_SIZE } from 'c/pipelineDrillDown';
import { refreshApex } from '@salesforce/apex';
import getDeals from '@salesforce/apex/PipelineHealthController.getDeals';
import { flush, mount, one, textOf, unmountAll } from '../../pipelineHealth/__tests__/componentHelpers';
import type * as ApexMocks from '../../pipelineHealth/__tests__/apexMocks';
import page from './data/dealPage.json';

jest.mock(
  '@salesforce/apex/PipelineHealthController.getDeals',
  () => jest.requireActual<typeof ApexMocks>('../../pipelineHealth/__tests__/apexMocks').wiredApexModule(),
  { virtual: true }
);

jest.mock(
  '@salesforce/apex',
  () => jest.requireActual<typeof ApexMocks>('../../pipelineHealth/__tests__/apexMocks').apexModule(),
  {
    virtual: true
  }
);

type DrillDown = HTMLElement & {
  focusHeading(): void;
  refresh(): Promise<void>;
  bucket: string;
  stageName: string | null;
};

interface Datatable extends HTMLElement {
  data: Record<string, unknown>[];
  columns: { label: string; fieldName: string; type: string; typeAttributes?: Record<string, unknown> }[];
}

type DealRow = (typeof page.deals)[number];

const dealsAdapter = getDeals as unknown as ApexMocks.TestWireAdapter;
const refresh = refreshApex as unknown as jest.Mock;

const QUERY = {
  scope: 'team',
  recordId: null,
  bucket: 'open',
  stageName: 'Qualification',
  fromDate: '2026-10-01',
  toDate: '2026-12-31',
  heading: 'Open deals at Qualification'
};

function render(properties: Record<string, unknown> = QUERY): DrillDown {
  return mount<DrillDown>('c-pipeline-drill-down', PipelineDrillDown, properties);
}

/** `count` deals like the fixture's first, numbered from `from`. */
function deals(from: number, count: number): DealRow[] {
  const model = page.deals[0] as DealRow;
  return Array.from({ length: count }, (_, index) => ({
    ...model,
    id: `006000000${String(from + index).padStart(6, '0')}AAA`,
    name: `Deal ${from + index}`
  }));
}

/** Loads page after page, of 5,000 deals, from an offset until the offset the server accepts is passed. */
async function loadPagesFrom(element: HTMLElement, offset: number): Promise<void> {
  if (offset > MAX_OFFSET) {
    return;
  }
  loadMore(element).click();
  await flush();
  dealsAdapter.emit({ total: 5000, deals: deals(offset, PAGE_SIZE) });
  await flush();
  await loadPagesFrom(element, offset + PAGE_SIZE);
}

function loadMore(element: HTMLElement): HTMLElement & { disabled: boolean } {
  return one<HTMLElement & { disabled: boolean }>(element, '.load-more');
}

describe('c-pipeline-drill-down', () => {
  afterEach(() => {
    unmountAll();
    jest.clearAllMocks();
  });

  it('asks for the first 50 deals of its bucket, with a spinner until they arrive', async () => {
    const element = render();
    await flush();

    expect(dealsAdapter.getLastConfig()).toEqual({
      scope: 'team',
      recordId: null,
      bucket: 'open',
      stageName: 'Qualification',
      fromDate: '2026-10-01',
      toDate: '2026-12-31',
      pageSize: PAGE_SIZE,
      pageOffset: 0
    });
    expect(PAGE_SIZE).toBe(50);
    expect(
      (one(element, 'lightning-spinner') as unknown as { alternativeText: string }).alternativeText
    ).toBe('Loading the deals');
    expect(textOf(element, 'h3')).toBe('Open deals at Qualification');
  });

  it('passes null for the filters it was not given', async () => {
    render({ scope: 'mine', bucket: 'noNextStep', heading: 'No next step' });
    await flush();
    expect(dealsAdapter.getLastConfig()).toMatchObject({
      recordId: null,
      stageName: null,
      fromDate: null,
      toDate: null
    });
  });

  it('lists the deals with links to them and their accounts', async () => {
    const element = render();
    await flush();
    dealsAdapter.emit(page);
    await flush();

    const datatable = one<Datatable>(element, 'lightning-datatable');
    expect(datatable.data[0]).toEqual({
      id: '006000000000O03AAA',
      name: 'Lamna healthcare',
      url: '/lightning/r/Opportunity/006000000000O03AAA/view',
      accountName: 'Lamna Healthcare Company',
      accountUrl: '/lightning/r/Account/001000000000003AAA/view',
      ownerName: 'Avery Quinn',
      stageName: 'Qualification',
      amount: 60000,
      probability: 0.2,
      closeDate: '2026-12-20',
      nextStep: 'Pricing workshop',
      lastActivityDate: '2026-11-18',
      pushCount: 0
    });
    expect(datatable.data[1]).toMatchObject({
      id: '006000000000O04AAA',
      accountName: null,
      accountUrl: null,
      amount: null,
      probability: null,
      nextStep: null
    });
    expect(datatable.columns.find((column) => column.fieldName === 'url')?.typeAttributes).toEqual({
      label: { fieldName: 'name' },
      target: '_self'
    });
    expect(textOf(element, '.summary')).toBe('2 deals.');
    expect(element.shadowRoot?.querySelector('.load-more')).toBeNull();
    expect(element.shadowRoot?.querySelector('lightning-spinner')).toBeNull();
  });

  it('loads 50 more at a time until it has them all', async () => {
    const element = render({ ...QUERY, currencyCode: 'EUR' });
    await flush();
    dealsAdapter.emit({ total: 120, deals: deals(0, 50) });
    await flush();

    const datatable = one<Datatable>(element, 'lightning-datatable');
    expect(datatable.columns.find((column) => column.fieldName === 'amount')?.typeAttributes).toMatchObject({
      currencyCode: 'EUR'
    });
    expect(textOf(element, '.summary')).toBe('Showing 50 of 120 deals.');
    loadMore(element).click();
    await flush();

    expect(dealsAdapter.getLastConfig()).toMatchObject({ pageOffset: 50 });
    expect(loadMore(element).disabled).toBe(true);
    expect(
      (one(element, 'lightning-spinner') as unknown as { alternativeText: string }).alternativeText
    ).toBe('Loading more deals');
    expect(datatable.data).toHaveLength(50);

    dealsAdapter.emit({ total: 120, deals: deals(50, 50) });
    await flush();
    expect(datatable.data).toHaveLength(100);
    expect(datatable.data[99]?.name).toBe('Deal 99');
    loadMore(element).click();
    await flush();
    dealsAdapter.emit({ total: 120, deals: deals(100, 20) });
    await flush();

    expect(one<Datatable>(element, 'lightning-datatable').data.map((row) => row.name)).toEqual(
      deals(0, 120).map((deal) => deal.name)
    );
    expect(textOf(element, '.summary')).toBe('120 deals.');
    expect(element.shadowRoot?.querySelector('.load-more')).toBeNull();
  });

  it('stops offering more past the offset the server accepts', async () => {
    const element = render();
    await flush();
    dealsAdapter.emit({ total: 5000, deals: deals(0, PAGE_SIZE) });
    await flush();
    await loadPagesFrom(element, PAGE_SIZE);

    expect(dealsAdapter.getLastConfig()).toMatchObject({ pageOffset: MAX_OFFSET });
    expect(element.shadowRoot?.querySelector('.load-more')).toBeNull();
    expect(textOf(element, '.limit')).toBe(
      'Only the first 2,050 deals can be listed here: narrow the scope or use a report for the rest.'
    );
  });

  it('starts again from the first page for another number', async () => {
    const element = render();
    await flush();
    dealsAdapter.emit({ total: 120, deals: deals(0, 50) });
    await flush();
    loadMore(element).click();
    await flush();
    dealsAdapter.emit({ total: 120, deals: deals(50, 50) });
    await flush();

    element.stageName = 'Needs Analysis';
    await flush();
    expect(dealsAdapter.getLastConfig()).toMatchObject({ stageName: 'Needs Analysis', pageOffset: 0 });
    expect(
      (one(element, 'lightning-spinner') as unknown as { alternativeText: string }).alternativeText
    ).toBe('Loading the deals');
    expect(element.shadowRoot?.querySelector('lightning-datatable')).toBeNull();

    dealsAdapter.emit({ total: 3, deals: deals(500, 3) });
    await flush();
    expect(one<Datatable>(element, 'lightning-datatable').data.map((row) => row.name)).toEqual([
      'Deal 500',
      'Deal 501',
      'Deal 502'
    ]);
  });

  it('says so when no deal matches', async () => {
    const element = render();
    await flush();
    dealsAdapter.emit({ total: 0, deals: [] });
    await flush();
    expect(textOf(element, '.empty')).toBe(
      'No deals match: they may have changed since the numbers were computed.'
    );
  });

  it('shows a readable error with a retry', async () => {
    const element = render();
    await flush();
    dealsAdapter.error({ message: 'Unknown bucket: stale' });
    await flush();

    expect(textOf(element, '.error')).toContain('The deals could not be listed.');
    expect(textOf(element, '.error')).toContain('Unknown bucket: stale');
    one(element, '.retry-button').click();
    await flush();
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(element.shadowRoot?.querySelector('.error')).toBeNull();
    expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
  });

  it('reloads from the first page when the deals behind it changed', async () => {
    const element = render();
    await flush();
    dealsAdapter.emit({ total: 120, deals: deals(0, 50) });
    await flush();
    await element.refresh();
    expect(refresh).toHaveBeenCalledTimes(1);

    loadMore(element).click();
    await flush();
    dealsAdapter.emit({ total: 120, deals: deals(50, 50) });
    await flush();
    await element.refresh();
    await flush();
    expect(dealsAdapter.getLastConfig()).toMatchObject({ pageOffset: 0 });
    expect(refresh).toHaveBeenCalledTimes(1);

    dealsAdapter.emit({ total: 119, deals: deals(1, 50) });
    await flush();
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(one<Datatable>(element, 'lightning-datatable').data).toHaveLength(50);
    expect(textOf(element, '.summary')).toBe('Showing 50 of 119 deals.');
  });

  it('closes from its button or the Escape key, and takes the focus on its heading', async () => {
    const element = render();
    await flush();
    const closes = jest.fn();
    element.addEventListener('close', closes);

    element.focusHeading();
    expect(element.shadowRoot?.activeElement).toBe(one(element, 'h3'));
    expect(one(element, 'h3').getAttribute('tabindex')).toBe('-1');

    one(element, '.close-button').click();
    one(element, 'section').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    one(element, 'section').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(closes).toHaveBeenCalledTimes(2);
  });
});
