/**
 * Pipeline Health — container, for the Home page, Account and Opportunity record pages and App pages. Loads the
 * facts of the pipeline in a scope (my deals, my team's, the record's account, or every deal the user can see) and
 * period from `getPipelineHealth`, computes every number with `computePipelineHealth` from c/pipelineMetrics and
 * hands them to the presentational panels: key numbers, value held vs needed per stage, stage balance, the hygiene
 * queue, the change waterfall, stage conversion and the relationship gate. Renders loading, error (with retry),
 * empty and snapshot states; opens the deals behind a number inline below the panels (`drilldown`), and reloads
 * the numbers when the hygiene queue saved deals (`dealsupdated`).
 */
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getPipelineHealth from '@salesforce/apex/PipelineHealthController.getPipelineHealth';
import { reduceErrors } from 'c/ldsUtils';
import { computePipelineHealth } from 'c/pipelineMetrics';
import type {
  PipelineFacts,
  PipelineHealth as HealthMetrics,
  Period,
  Target,
  TargetSource
} from 'c/pipelineMetrics';
import { currencyCodeOf, formatDate, formatDateRange } from 'c/atlasFormat';
import {
  CALENDAR_QUARTERS_NOTE,
  compareFrom,
  customPeriodErrors,
  periodOf,
  todayIso
} from 'c/pipelinePeriods';
import type { PeriodChoice } from 'c/pipelinePeriods';
import type { DrillDownRequest } from 'c/pipelineDrillDown';

export type Scope = 'mine' | 'team' | 'account' | 'all';

type HealthData = Awaited<ReturnType<typeof getPipelineHealth>>;

interface WireResult<T> {
  data?: T;
  error?: unknown;
}

interface Option<V extends string> {
  label: string;
  value: V;
}

/** A panel that can put the focus back on the control that opened the drill-down. */
interface FocusablePanel extends HTMLElement {
  focusControl(controlKey: string): boolean;
}

interface DrillDownElement extends HTMLElement {
  focusHeading(): void;
  refresh(): Promise<void>;
}

interface LightningInput extends HTMLElement {
  name: string;
  value: string | null;
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

type DrillDownQuery = Omit<DrillDownRequest, 'controlKey'>;

const SCOPE_LABELS: Record<Scope, string> = {
  mine: 'My deals',
  team: 'My team',
  account: 'This account',
  all: 'All deals I can see'
};

const PERIOD_OPTIONS: Option<PeriodChoice>[] = [
  { label: 'This quarter', value: 'thisQuarter' },
  { label: 'Next quarter', value: 'nextQuarter' },
  { label: 'Custom', value: 'custom' }
];

const TARGET_SOURCES: readonly TargetSource[] = ['ForecastingQuota', 'SalesTarget'];

function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && value in SCOPE_LABELS;
}

/** The facts Apex built: `PipelineFacts`, which the generated Apex types can only call a map. */
function factsOf(data: HealthData): PipelineFacts {
  return data.facts as unknown as PipelineFacts;
}

/** The period's target as the metrics take it; none when the org has neither quotas nor sales targets. */
function targetOf(data: HealthData): Target | undefined {
  const source = TARGET_SOURCES.find((candidate) => candidate === data.targetSource);
  if (!source) {
    return undefined;
  }
  const closedWon = data.targetClosedWon;
  return {
    amount: data.targetAmount ?? 0,
    source,
    ...(closedWon === undefined || closedWon === null ? {} : { closedWon })
  };
}

export default class PipelineHealth extends LightningElement {
  @api recordId?: string;
  @api objectApiName?: string;
  @api cardTitle = 'Pipeline health';
  /** 'mine', 'team', 'account' (record pages only) or 'all'; on a record page, 'account' when not set. */
  @api defaultScope?: string;
  /** 'thisQuarter' or 'nextQuarter'. */
  @api defaultPeriod?: string;
  /** The currency set in Lightning App Builder; empty for the user's currency. */
  currencyOverride = '';

  /**
   * ISO 4217 code of the currency amounts are shown in: the one set in Lightning App Builder, or the user's currency
   * when none is. Apex returns amounts in the org's corporate currency, which is the user's in a single-currency org;
   * a multi-currency org sets its corporate currency here. Reads back as the code the panels are given.
   */
  @api
  get currencyCode(): string {
    return currencyCodeOf(this.currencyOverride);
  }
  set currencyCode(value: string | null | undefined) {
    this.currencyOverride = value ?? '';
  }

  readonly quartersNote = CALENDAR_QUARTERS_NOTE;
  readonly periodOptions = PERIOD_OPTIONS;

  today = todayIso();
  chosenScope?: Scope;
  chosenPeriod?: PeriodChoice;
  /** The custom period applied (both days valid), and the days as typed. */
  customPeriod?: Period;
  customStart: string | null = null;
  customEnd: string | null = null;

  wiredHealth?: WireResult<HealthData>;
  data?: HealthData;
  health?: HealthMetrics;
  error?: unknown;
  /** The request the shown numbers (or error) answer; another request is loading while it differs. */
  loadedKey = '';
  refreshing = false;

  drillDown?: DrillDownQuery;
  drillSource?: { panel: FocusablePanel; controlKey: string };
  focusDrillDownPending = false;

  get isRecordPage(): boolean {
    return Boolean(this.recordId);
  }

  get scopeOptions(): Option<Scope>[] {
    const scopes: Scope[] = this.isRecordPage ? ['account', 'mine', 'team', 'all'] : ['mine', 'team', 'all'];
    return scopes.map((value) => ({ label: this.scopeLabel(value), value }));
  }

  /** On an opportunity page the account scope reads the opportunity's account, and says so. */
  scopeLabel(scope: Scope): string {
    return scope === 'account' && this.objectApiName === 'Opportunity'
      ? 'This opportunity’s account'
      : SCOPE_LABELS[scope];
  }

  get scope(): Scope {
    const offered = this.scopeOptions.map((option) => option.value);
    const preferred = this.chosenScope ?? (isScope(this.defaultScope) ? this.defaultScope : undefined);
    if (preferred && offered.includes(preferred)) {
      return preferred;
    }
    return this.isRecordPage ? 'account' : 'mine';
  }

  /** The record the account scope reads; the other scopes read none. */
  get scopeRecordId(): string | null {
    return this.scope === 'account' ? (this.recordId ?? null) : null;
  }

  get periodChoice(): PeriodChoice {
    return this.chosenPeriod ?? (this.defaultPeriod === 'nextQuarter' ? 'nextQuarter' : 'thisQuarter');
  }

  get isCustomPeriod(): boolean {
    return this.periodChoice === 'custom';
  }

  get period(): Period {
    return periodOf(this.periodChoice, this.today, this.customPeriod);
  }

  get periodStart(): string {
    return this.period.start;
  }

  get periodEnd(): string {
    return this.period.end;
  }

  get compareFrom(): string {
    return compareFrom(this.period, this.today);
  }

  get requestKey(): string {
    return [this.scope, this.scopeRecordId, this.periodStart, this.periodEnd, this.compareFrom].join('|');
  }

  @wire(getPipelineHealth, {
    scope: '$scope',
    recordId: '$scopeRecordId',
    periodStart: '$periodStart',
    periodEnd: '$periodEnd',
    compareFrom: '$compareFrom'
  })
  wiredPipelineHealth(result: WireResult<HealthData>): void {
    this.wiredHealth = result;
    const { data, error } = result;
    if (error) {
      this.showError(error);
    } else if (data && !data.facts) {
      this.showError('The server answered without the facts of the pipeline.');
    } else if (data) {
      try {
        this.health = computePipelineHealth(factsOf(data), { target: targetOf(data) });
        this.data = data;
        this.error = undefined;
        this.loadedKey = this.requestKey;
      } catch (failure) {
        this.showError(failure);
      }
    }
  }

  showError(error: unknown): void {
    this.error = error;
    this.data = undefined;
    this.health = undefined;
    this.loadedKey = this.requestKey;
  }

  override renderedCallback(): void {
    if (!this.focusDrillDownPending) {
      return;
    }
    const drillDown = this.template?.querySelector<DrillDownElement>('c-pipeline-drill-down');
    if (drillDown) {
      this.focusDrillDownPending = false;
      drillDown.focusHeading();
    }
  }

  /** Whether what is shown answers the current request (another scope or period, or a refresh, is not loading). */
  get isCurrent(): boolean {
    return !this.refreshing && this.loadedKey === this.requestKey;
  }

  get hasError(): boolean {
    return Boolean(this.error) && this.isCurrent;
  }

  get errorMessages(): string[] {
    return reduceErrors(this.error);
  }

  get isLoading(): boolean {
    return this.health ? false : !this.hasError;
  }

  /** Numbers stay on screen, under a spinner, while newer ones load. */
  get isReloading(): boolean {
    return Boolean(this.health) && !this.isCurrent;
  }

  get isEmpty(): boolean {
    const facts = this.facts;
    return (
      facts !== undefined && facts.open.count === 0 && facts.closed.won.count + facts.closed.lost.count === 0
    );
  }

  get facts(): PipelineFacts | undefined {
    return this.health && this.data ? factsOf(this.data) : undefined;
  }

  get emptyAdvice(): string {
    const days = this.lookbackDays;
    if (this.scope === 'account') {
      return (
        `This account has no open deals and none closed in the last ${days} days. Create an opportunity for it, ` +
        'or choose another scope.'
      );
    }
    if (this.scope === 'all') {
      return `You can see no open deals and none closed in the last ${days} days. Create an opportunity to start.`;
    }
    return (
      `There are no open deals here and none closed in the last ${days} days. Choose a wider scope, or create ` +
      'an opportunity: it counts here as soon as it is saved.'
    );
  }

  get showPanels(): boolean {
    return Boolean(this.health) && !this.error && !this.isEmpty;
  }

  get fromSnapshots(): boolean {
    return this.showPanels && this.data?.dataSource === 'snapshots';
  }

  get snapshotDateText(): string {
    return this.data?.snapshotDate ? formatDate(this.data.snapshotDate) : 'the latest snapshot';
  }

  get periodText(): string {
    return formatDateRange(this.periodStart, this.periodEnd);
  }

  get scopeText(): string {
    return this.data?.scopeLabel || this.scopeLabel(this.scope);
  }

  get lookbackDays(): number {
    return this.health?.lookbackDays ?? 0;
  }

  /** Panels sit side by side on wide pages; on a record page (often a narrow column) they stack. */
  get halfWidth(): string {
    return this.isRecordPage ? '12' : '6';
  }

  handleScopeChange(event: CustomEvent<{ value: string }>): void {
    const value = event.detail.value;
    if (isScope(value)) {
      this.chosenScope = value;
      this.closeDrillDown(false);
    }
  }

  handlePeriodChange(event: CustomEvent<{ value: string }>): void {
    const choice = PERIOD_OPTIONS.find((option) => option.value === event.detail.value)?.value;
    if (!choice) {
      return;
    }
    if (choice === 'custom' && !this.customPeriod) {
      const current = this.period;
      this.customPeriod = current;
      this.customStart = current.start;
      this.customEnd = current.end;
    }
    this.chosenPeriod = choice;
    this.closeDrillDown(false);
  }

  handleCustomDateChange(event: CustomEvent<{ value: string | null }>): void {
    const input = event.target as LightningInput;
    if (input.name === 'periodStart') {
      this.customStart = event.detail.value;
    } else {
      this.customEnd = event.detail.value;
    }
    const errors = customPeriodErrors(this.customStart, this.customEnd);
    for (const field of this.template?.querySelectorAll<LightningInput>('.custom-period lightning-input') ??
      []) {
      field.setCustomValidity(field.name === 'periodStart' ? errors.start : errors.end);
      field.reportValidity();
    }
    if (!errors.start && !errors.end && this.customStart && this.customEnd) {
      this.customPeriod = { start: this.customStart, end: this.customEnd };
      this.closeDrillDown(false);
    }
  }

  handleRefresh(): void {
    this.reload();
  }

  handleRetry(): void {
    this.reload();
  }

  handleDealsUpdated(): void {
    this.reload();
    this.template?.querySelector<DrillDownElement>('c-pipeline-drill-down')?.refresh();
  }

  reload(): void {
    if (!this.wiredHealth) {
      return;
    }
    this.refreshing = true;
    refreshApex(this.wiredHealth)
      .catch((error: unknown) => this.showError(error))
      .finally(() => {
        this.refreshing = false;
      });
  }

  handleDrillDown(event: CustomEvent<DrillDownRequest>): void {
    const { controlKey, ...query } = event.detail;
    this.drillSource = { panel: event.currentTarget as FocusablePanel, controlKey };
    this.drillDown = query;
    this.focusDrillDownPending = true;
  }

  handleDrillDownClose(): void {
    this.closeDrillDown(true);
  }

  closeDrillDown(restoreFocus: boolean): void {
    const source = this.drillSource;
    this.drillDown = undefined;
    this.drillSource = undefined;
    this.focusDrillDownPending = false;
    if (restoreFocus && source) {
      source.panel.focusControl(source.controlKey);
    }
  }
}
