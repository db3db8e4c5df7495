/**
 * Pipeline drill-down — container. Lists the deals behind a number of the pipeline-health panel (a bucket such as
 * the open deals at a stage, or the deals with a past close date) from `getDeals`, 50 at a time with "Load more",
 * in a table whose names link to the records. Renders loading, error (with retry) and empty states; the close
 * button fires `close`. The panels ask for it with a `drilldown` event whose detail is a `DrillDownRequest`.
 */
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getDeals from '@salesforce/apex/PipelineHealthController.getDeals';
import { reduceErrors } from 'c/ldsUtils';
import { DEFAULT_CURRENCY, formatCount, formatNumber } from 'c/atlasFormat';

/** Which deals `getDeals` lists (see docs/pipeline-health.md, "Drill-down"). */
export type DealBucket = 'open' | 'won' | 'lost' | 'pastCloseDate' | 'noNextStep' | 'missingAmount' | 'idle';

/** The detail of a panel's `drilldown` event: the deals to list, and the control that asked, to refocus it. */
export interface DrillDownRequest {
  bucket: DealBucket;
  stageName: string | null;
  fromDate: string | null;
  toDate: string | null;
  heading: string;
  /** Identifies the control that fired the event within its panel (see `focusControl` of the panels). */
  controlKey: string;
}

/** The `drilldown` event a panel fires to list the deals behind a number. */
export function drillDownEvent(request: DrillDownRequest): CustomEvent<DrillDownRequest> {
  return new CustomEvent('drilldown', { detail: request });
}

/**
 * Focuses the control of a panel marked `data-control-key={key}`, as the panels' `focusControl` does when the
 * drill-down it opened closes; false when the control is no longer there.
 */
export function focusControlIn(root: ParentNode | null, controlKey: string): boolean {
  const control = [...(root?.querySelectorAll<HTMLElement>('[data-control-key]') ?? [])].find(
    (element) => element.dataset.controlKey === controlKey
  );
  control?.focus();
  return control !== undefined;
}

/** The first column of the tables of deals: the deal's name, linking to its record (rows carry `name` and `url`). */
export const DEAL_NAME_COLUMN = {
  label: 'Opportunity',
  fieldName: 'url',
  type: 'url',
  typeAttributes: { label: { fieldName: 'name' }, target: '_self' },
  wrapText: true
} as const;

/** Deals per page. */
export const PAGE_SIZE = 50;
/** The largest offset `getDeals` accepts. */
export const MAX_OFFSET = 2000;

type DealPage = Awaited<ReturnType<typeof getDeals>>;
type DealRow = NonNullable<DealPage['deals']>[number];

interface WireResult<T> {
  data?: T;
  error?: unknown;
}

interface DealTableRow {
  id: string;
  name: string;
  url: string;
  accountName: string | null;
  accountUrl: string | null;
  ownerName: string | null;
  stageName: string | null;
  amount: number | null;
  probability: number | null;
  closeDate: string | null;
  nextStep: string | null;
  lastActivityDate: string | null;
  pushCount: number | null;
}

function recordUrl(objectApiName: string, recordId: string): string {
  return `/lightning/r/${objectApiName}/${recordId}/view`;
}

function tableRow(deal: DealRow): DealTableRow {
  const id = deal.id ?? '';
  return {
    id,
    name: deal.name ?? id,
    url: recordUrl('Opportunity', id),
    accountName: deal.accountName ?? null,
    accountUrl: deal.accountId ? recordUrl('Account', deal.accountId) : null,
    ownerName: deal.ownerName ?? null,
    stageName: deal.stageName ?? null,
    amount: deal.amount ?? null,
    probability: deal.probability === undefined || deal.probability === null ? null : deal.probability / 100,
    closeDate: deal.closeDate ?? null,
    nextStep: deal.nextStep ?? null,
    lastActivityDate: deal.lastActivityDate ?? null,
    pushCount: deal.pushCount ?? null
  };
}

export default class PipelineDrillDown extends LightningElement {
  @api scope?: string;
  @api recordId?: string | null;
  @api bucket?: DealBucket;
  @api stageName?: string | null;
  @api fromDate?: string | null;
  @api toDate?: string | null;
  @api heading = 'Deals';
  @api currencyCode = DEFAULT_CURRENCY;

  /** The deals loaded so far for `loadedQuery`, first page first. */
  rows: DealTableRow[] = [];
  total = 0;
  loadedQuery = '';
  /** The query and offset of the last page provisioned (`requestKey` when it is up to date). */
  loadedKey = '';
  /** The page asked for, and the query it belongs to: another query starts again from the first page. */
  requestedOffset = 0;
  offsetQuery = '';
  error?: unknown;
  errorKey = '';
  wiredDeals?: WireResult<DealPage>;
  /** Set by `refresh` when it had to go back to the first page: the page then provisioned is refreshed too. */
  refreshFirstPage = false;

  get query(): string {
    return JSON.stringify([
      this.scope,
      this.recordId,
      this.bucket,
      this.stageName,
      this.fromDate,
      this.toDate
    ]);
  }

  get pageOffset(): number {
    return this.offsetQuery === this.query ? this.requestedOffset : 0;
  }

  get requestKey(): string {
    return `${this.query}@${this.pageOffset}`;
  }

  get recordIdParam(): string | null {
    return this.recordId ?? null;
  }

  get stageNameParam(): string | null {
    return this.stageName ?? null;
  }

  get fromDateParam(): string | null {
    return this.fromDate ?? null;
  }

  get toDateParam(): string | null {
    return this.toDate ?? null;
  }

  @wire(getDeals, {
    scope: '$scope',
    recordId: '$recordIdParam',
    bucket: '$bucket',
    stageName: '$stageNameParam',
    fromDate: '$fromDateParam',
    toDate: '$toDateParam',
    pageSize: PAGE_SIZE,
    pageOffset: '$pageOffset'
  })
  wiredDealPage(result: WireResult<DealPage>): void {
    this.wiredDeals = result;
    const { data, error } = result;
    if (error) {
      this.error = error;
      this.errorKey = this.requestKey;
      return;
    }
    if (!data) {
      return;
    }
    const offset = this.pageOffset;
    const kept = this.loadedQuery === this.query ? this.rows.slice(0, offset) : [];
    this.rows = [...kept, ...(data.deals ?? []).map(tableRow)];
    this.total = data.total ?? this.rows.length;
    this.loadedQuery = this.query;
    this.loadedKey = this.requestKey;
    this.error = undefined;
    if (this.refreshFirstPage && offset === 0) {
      this.refreshFirstPage = false;
      refreshApex(this.wiredDeals);
    }
  }

  /** Moves the focus to the heading, so that a keyboard or screen-reader user lands on the list. */
  @api
  focusHeading(): void {
    this.template?.querySelector<HTMLElement>('h3')?.focus();
  }

  /** Reloads the list from the first page, after the deals behind it changed. */
  @api
  refresh(): Promise<void> {
    if (this.pageOffset === 0) {
      return this.wiredDeals ? refreshApex(this.wiredDeals) : Promise.resolve();
    }
    this.refreshFirstPage = true;
    this.requestedOffset = 0;
    return Promise.resolve();
  }

  /** Whether `rows` are deals of the current query. */
  get isCurrent(): boolean {
    return this.loadedQuery === this.query;
  }

  get hasError(): boolean {
    return Boolean(this.error) && this.errorKey === this.requestKey;
  }

  get isLoading(): boolean {
    return !this.hasError && this.loadedKey !== this.requestKey;
  }

  /** Loading with nothing of the query to show yet. */
  get isFirstLoad(): boolean {
    return this.isLoading && !this.isCurrent;
  }

  get errorMessages(): string[] {
    return reduceErrors(this.error);
  }

  get showTable(): boolean {
    return !this.hasError && this.isCurrent && this.rows.length > 0;
  }

  get isEmpty(): boolean {
    return !this.hasError && this.isCurrent && !this.isLoading && this.rows.length === 0;
  }

  get summary(): string {
    return this.rows.length < this.total
      ? `Showing ${formatNumber(this.rows.length)} of ${formatCount(this.total, 'deal')}.`
      : `${formatCount(this.total, 'deal')}.`;
  }

  get canLoadMore(): boolean {
    return this.showTable && this.rows.length < this.total && this.rows.length <= MAX_OFFSET;
  }

  get beyondLimit(): boolean {
    return this.showTable && this.rows.length < this.total && this.rows.length > MAX_OFFSET;
  }

  get listLimit(): string {
    return formatNumber(MAX_OFFSET + PAGE_SIZE);
  }

  get loadMoreDisabled(): boolean {
    return this.isLoading;
  }

  get columns(): object[] {
    return [
      DEAL_NAME_COLUMN,
      {
        label: 'Account',
        fieldName: 'accountUrl',
        type: 'url',
        typeAttributes: { label: { fieldName: 'accountName' }, target: '_self' }
      },
      { label: 'Owner', fieldName: 'ownerName', type: 'text' },
      { label: 'Stage', fieldName: 'stageName', type: 'text' },
      {
        label: 'Amount',
        fieldName: 'amount',
        type: 'currency',
        typeAttributes: { currencyCode: this.currencyCode, maximumFractionDigits: 0 }
      },
      { label: 'Probability', fieldName: 'probability', type: 'percent', initialWidth: 110 },
      {
        label: 'Close date',
        fieldName: 'closeDate',
        type: 'date-local',
        typeAttributes: { year: 'numeric', month: 'short', day: 'numeric' }
      },
      { label: 'Next step', fieldName: 'nextStep', type: 'text', wrapText: true },
      {
        label: 'Last activity',
        fieldName: 'lastActivityDate',
        type: 'date-local',
        typeAttributes: { year: 'numeric', month: 'short', day: 'numeric' }
      },
      { label: 'Pushes', fieldName: 'pushCount', type: 'number', initialWidth: 90 }
    ];
  }

  handleLoadMore(): void {
    this.offsetQuery = this.query;
    this.requestedOffset = this.rows.length;
  }

  handleRetry(): void {
    this.error = undefined;
    this.errorKey = '';
    if (this.wiredDeals) {
      refreshApex(this.wiredDeals);
    }
  }

  handleClose(): void {
    this.dispatchEvent(new CustomEvent('close'));
  }

  handleKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.handleClose();
    }
  }
}
