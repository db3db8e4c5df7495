/**
 * Hygiene queue — presentational (no Apex; saves through Lightning Data Service). The data-integrity rules with how
 * many open deals each flags: past close date, pushed again and again, no recent activity, no next step, missing
 * amount, probability off its stage. Choosing a rule lists its deals in a table that shows each deal's current
 * amount, close date and next step and lets them be edited inline; Save writes the edited fields of every edited
 * deal with `updateRecord`, shows a row's error on the row and toasts the successes. Selected deals can have their
 * close dates moved to one new date at once. After any save it fires `dealsupdated` (detail: `{ recordIds }`) so
 * that the container reloads the numbers. When a rule flags more deals than the facts list, a button fires
 * `drilldown` (a `DrillDownRequest`) to list them all.
 */
import { LightningElement, api } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import ID_FIELD from '@salesforce/schema/Opportunity.Id';
import AMOUNT_FIELD from '@salesforce/schema/Opportunity.Amount';
import CLOSE_DATE_FIELD from '@salesforce/schema/Opportunity.CloseDate';
import NEXT_STEP_FIELD from '@salesforce/schema/Opportunity.NextStep';
import type { IntegrityResult, IntegrityRule, IntegrityRuleResult } from 'c/pipelineMetrics';
import { reduceErrors } from 'c/ldsUtils';
import {
  DEFAULT_CURRENCY,
  formatCompactCurrency,
  formatCount,
  formatDays,
  formatNumber
} from 'c/atlasFormat';
import { addDays, isIsoDate } from 'c/pipelinePeriods';
import { DEAL_NAME_COLUMN, drillDownEvent, focusControlIn } from 'c/pipelineDrillDown';
import type { DealBucket } from 'c/pipelineDrillDown';

/** An edited row as lightning-datatable reports it: the row's key and the edited columns, as typed. */
interface DraftValue {
  id: string;
  amount?: string | number | null;
  closeDate?: string | null;
  nextStep?: string | null;
}

type EditableField = 'amount' | 'closeDate' | 'nextStep';

/** One deal to save: the Opportunity fields to write (besides its Id), or what is wrong with the draft. */
interface DealUpdate {
  id: string;
  fields: Record<string, unknown>;
  columns: EditableField[];
  draft: DraftValue | null;
  problem: string | null;
}

interface SaveOutcome {
  update: DealUpdate;
  error: unknown;
}

interface RowError {
  title: string;
  messages: string[];
  fieldNames: string[];
}

interface TableErrors {
  rows: Record<string, RowError>;
  table: { title: string; messages: string[] };
}

interface HygieneRow {
  id: string;
  name: string;
  url: string;
  stageName: string;
  amount: number | null;
  closeDate: string;
  nextStep: string | null;
  issue: string;
}

interface LightningInput extends HTMLElement {
  value: string | null;
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

const FIELD_OF_COLUMN: Record<EditableField, string> = {
  amount: AMOUNT_FIELD.fieldApiName,
  closeDate: CLOSE_DATE_FIELD.fieldApiName,
  nextStep: NEXT_STEP_FIELD.fieldApiName
};

const EDITABLE_COLUMNS: readonly EditableField[] = ['amount', 'closeDate', 'nextStep'];

/** The rules whose deals `getDeals` can list in full. */
const BUCKET_OF_RULE: Partial<Record<IntegrityRule, DealBucket>> = {
  'past-close-date': 'pastCloseDate',
  stale: 'idle',
  'no-next-step': 'noNextStep',
  'missing-amount': 'missingAmount'
};

/** The fields a draft writes, or the reason it cannot be saved. */
function updateOf(draft: DraftValue): DealUpdate {
  const fields: Record<string, unknown> = {};
  const columns = EDITABLE_COLUMNS.filter((column) => draft[column] !== undefined);
  let problem: string | null = null;
  for (const column of columns) {
    const raw = draft[column];
    if (column === 'amount') {
      const amount = raw === null || raw === '' ? null : Number(raw);
      if (amount !== null && !Number.isFinite(amount)) {
        problem = 'The amount must be a number.';
      }
      fields[FIELD_OF_COLUMN.amount] = amount;
    } else if (column === 'closeDate') {
      if (!isIsoDate(raw)) {
        problem = 'A deal needs a close date.';
      }
      fields[FIELD_OF_COLUMN.closeDate] = raw;
    } else {
      fields[FIELD_OF_COLUMN.nextStep] = typeof raw === 'string' && raw.trim() ? raw.trim() : null;
    }
  }
  return { id: draft.id, fields, columns, draft, problem };
}

export default class PipelineHygiene extends LightningElement {
  @api integrity?: IntegrityResult;
  /** The day the facts describe ('YYYY-MM-DD'): close dates cannot be moved before it. */
  @api today?: string;
  @api currencyCode = DEFAULT_CURRENCY;

  selectedRule?: IntegrityRule;
  draftValues: DraftValue[] = [];
  errors: TableErrors | null = null;
  selectedIds: string[] = [];
  bulkCloseDate: string | null = null;
  saving = false;

  /** Puts the focus back on the button that opened a drill-down. */
  @api
  focusControl(controlKey: string): boolean {
    return focusControlIn(this.template, controlKey);
  }

  get hasRules(): boolean {
    return (this.integrity?.rules.length ?? 0) > 0;
  }

  get flaggedTotal(): string {
    const rules = this.integrity?.rules ?? [];
    const flagged = rules.filter((rule) => rule.count > 0).length;
    return flagged === 0
      ? 'No rule flags any open deal.'
      : `${formatCount(flagged, 'rule')} of ${rules.length} flag open deals. Choose one to fix its deals.`;
  }

  get staleText(): string {
    const limit = this.integrity?.staleLimit;
    if (!limit) {
      return '';
    }
    const typical =
      limit.source === 'history'
        ? `the median won cycle of ${formatDays(limit.typicalCycleDays)}`
        : `a typical cycle of ${formatDays(limit.typicalCycleDays)}, assumed until enough deals are won`;
    return `No recent activity means more than ${formatDays(limit.limitDays)} without any: ⅔ of ${typical}.`;
  }

  get rules(): {
    rule: IntegrityRule;
    label: string;
    countText: string;
    valueText: string;
    pressed: string;
    buttonClass: string;
    iconName: string;
    variant: 'success' | 'warning';
  }[] {
    return (this.integrity?.rules ?? []).map((rule) => {
      const selected = rule.rule === this.selectedRule;
      return {
        rule: rule.rule,
        label: rule.label,
        countText: formatNumber(rule.count),
        valueText: rule.count > 0 ? formatCompactCurrency(rule.value, this.currencyCode) : 'None',
        pressed: String(selected),
        buttonClass: `rule-button slds-button slds-button_stretch slds-grid slds-grid_vertical-align-center${
          selected ? ' slds-button_brand' : ' slds-button_neutral'
        }`,
        iconName: rule.count > 0 ? 'utility:warning' : 'utility:success',
        variant: rule.count > 0 ? 'warning' : 'success'
      };
    });
  }

  get selected(): IntegrityRuleResult | undefined {
    return this.integrity?.rules.find((rule) => rule.rule === this.selectedRule);
  }

  get hasSelection(): boolean {
    return this.selected !== undefined;
  }

  get selectedHasDeals(): boolean {
    return (this.selected?.deals.length ?? 0) > 0;
  }

  get selectedEmptyText(): string {
    return `No open deal is flagged for “${this.selected?.label ?? ''}”.`;
  }

  get rows(): HygieneRow[] {
    const selected = this.selected;
    if (!selected) {
      return [];
    }
    return selected.deals.map((deal) => ({
      id: deal.id,
      name: deal.name,
      url: `/lightning/r/Opportunity/${deal.id}/view`,
      stageName: deal.stageName,
      amount: deal.amount,
      closeDate: deal.closeDate,
      nextStep: deal.nextStep,
      issue: deal.reason
    }));
  }

  get columns(): object[] {
    return [
      DEAL_NAME_COLUMN,
      { label: 'Stage', fieldName: 'stageName', type: 'text' },
      {
        label: 'Amount',
        fieldName: 'amount',
        type: 'currency',
        editable: true,
        typeAttributes: { currencyCode: this.currencyCode, maximumFractionDigits: 0 }
      },
      {
        label: 'Close date',
        fieldName: 'closeDate',
        type: 'date-local',
        editable: true,
        typeAttributes: { year: 'numeric', month: 'short', day: 'numeric' }
      },
      {
        label: 'Next step',
        fieldName: 'nextStep',
        type: 'text',
        editable: true,
        wrapText: true
      },
      { label: 'Issue', fieldName: 'issue', type: 'text', wrapText: true }
    ];
  }

  get truncatedText(): string | null {
    const selected = this.selected;
    return selected?.truncated
      ? `The ${formatCount(selected.deals.length, 'deal')} most in need of attention of ${formatNumber(selected.count)}.`
      : null;
  }

  get canListAll(): boolean {
    return Boolean(this.selected?.truncated && this.selectedRule && BUCKET_OF_RULE[this.selectedRule]);
  }

  get listAllLabel(): string {
    return `View all ${formatCount(this.selected?.count ?? 0, 'deal')}`;
  }

  get moveDisabled(): boolean {
    return this.saving || this.selectedIds.length === 0;
  }

  get moveLabel(): string {
    return this.selectedIds.length > 0
      ? `Move close dates of ${formatCount(this.selectedIds.length, 'deal')}`
      : 'Move close dates';
  }

  handleRuleSelect(event: Event): void {
    const rule = (event.currentTarget as HTMLElement).dataset.rule as IntegrityRule | undefined;
    if (!rule || rule === this.selectedRule) {
      return;
    }
    this.selectedRule = rule;
    this.draftValues = [];
    this.errors = null;
    this.selectedIds = [];
  }

  handleRowSelection(event: CustomEvent<{ selectedRows: HygieneRow[] }>): void {
    this.selectedIds = event.detail.selectedRows.map((row) => row.id);
  }

  handleCancel(): void {
    this.draftValues = [];
    this.errors = null;
  }

  handleBulkDateChange(event: CustomEvent<{ value: string | null }>): void {
    this.bulkCloseDate = event.detail.value;
    const input = event.target as LightningInput;
    input.setCustomValidity('');
    input.reportValidity();
  }

  handleSave(event: CustomEvent<{ draftValues: DraftValue[] }>): Promise<void> {
    return this.save(event.detail.draftValues.map(updateOf));
  }

  handleMoveCloseDates(): Promise<void> {
    const input = this.template?.querySelector<LightningInput>('.bulk-close-date');
    const date = this.bulkCloseDate;
    let problem = '';
    if (!date || !isIsoDate(date)) {
      problem = 'Choose the new close date.';
    } else if (this.today && date < this.today) {
      problem = 'Choose today or a later day.';
    }
    if (input) {
      input.setCustomValidity(problem);
      input.reportValidity();
    }
    if (problem || !date) {
      return Promise.resolve();
    }
    return this.save(
      this.selectedIds.map((id) => ({
        id,
        fields: { [FIELD_OF_COLUMN.closeDate]: date },
        columns: ['closeDate'],
        draft: null,
        problem: null
      }))
    );
  }

  async save(updates: DealUpdate[]): Promise<void> {
    if (updates.length === 0) {
      return;
    }
    this.saving = true;
    const outcomes = await Promise.all(updates.map((update) => this.saveOne(update)));
    this.saving = false;
    const failed = outcomes.filter((outcome) => outcome.error !== null);
    const savedIds = outcomes.filter((outcome) => outcome.error === null).map((outcome) => outcome.update.id);
    this.showFailures(failed);
    this.draftValues = failed
      .map((outcome) => outcome.update.draft)
      .filter((draft): draft is DraftValue => draft !== null);
    this.selectedIds = this.selectedIds.filter((id) => !savedIds.includes(id));
    if (savedIds.length > 0) {
      this.dispatchEvent(
        new ShowToastEvent({
          title: 'Deals updated',
          message: `${formatCount(savedIds.length, 'deal')} saved.`,
          variant: 'success'
        })
      );
      this.dispatchEvent(new CustomEvent('dealsupdated', { detail: { recordIds: savedIds } }));
    }
  }

  /** Writes one deal; a failure is an outcome, not a rejection, so that one deal does not stop the others. */
  saveOne(update: DealUpdate): Promise<SaveOutcome> {
    if (update.problem) {
      return Promise.resolve({ update, error: update.problem });
    }
    return updateRecord({ fields: { ...update.fields, [ID_FIELD.fieldApiName]: update.id } }).then(
      () => ({ update, error: null }),
      (error: unknown) => ({ update, error })
    );
  }

  showFailures(failed: SaveOutcome[]): void {
    if (failed.length === 0) {
      this.errors = null;
      return;
    }
    const rows: Record<string, RowError> = {};
    const names = new Map(this.rows.map((row) => [row.id, row.name]));
    const messages: string[] = [];
    for (const { update, error } of failed) {
      const reasons = reduceErrors(error);
      rows[update.id] = { title: 'This deal was not saved', messages: reasons, fieldNames: update.columns };
      messages.push(`${names.get(update.id) ?? update.id}: ${reasons.join(' ')}`);
    }
    this.errors = {
      rows,
      table: { title: `${formatCount(failed.length, 'deal')} not saved`, messages }
    };
  }

  handleListAll(): void {
    const selected = this.selected;
    const bucket = this.selectedRule ? BUCKET_OF_RULE[this.selectedRule] : undefined;
    if (!selected || !bucket) {
      return;
    }
    this.dispatchEvent(
      drillDownEvent({
        bucket,
        stageName: null,
        fromDate: bucket === 'idle' ? this.idleBefore() : null,
        toDate: null,
        heading: selected.label,
        controlKey: 'listAll'
      })
    );
  }

  /**
   * The day before which a deal's last activity makes it idle, for the `idle` drill-down: a deal is flagged when
   * its idle days (whole days) exceed the limit, that is when its last activity is before today − ⌊limit⌋.
   */
  idleBefore(): string | null {
    const limit = this.integrity?.staleLimit.limitDays;
    return this.today && limit !== undefined ? addDays(this.today, -Math.floor(limit)) : null;
  }
}
