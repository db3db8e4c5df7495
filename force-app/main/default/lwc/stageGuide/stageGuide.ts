/**
 * Stage Guide — container. On an opportunity page, shows how long the deal has been in its stage against the
 * stage's expected days, the evidence needed to leave the stage, and whether the stage expects an identified
 * decision maker. Loads the opportunity with Lightning Data Service and the org's stages with their settings
 * from Apex; renders loading, error, closed-deal and not-configured states.
 */
import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import getStages from '@salesforce/apex/StageSettingsController.getStages';
import STAGE_FIELD from '@salesforce/schema/Opportunity.StageName';
import LAST_STAGE_CHANGE_FIELD from '@salesforce/schema/Opportunity.LastStageChangeDate';
import CREATED_DATE_FIELD from '@salesforce/schema/Opportunity.CreatedDate';
import IS_CLOSED_FIELD from '@salesforce/schema/Opportunity.IsClosed';
import { reduceErrors } from 'c/ldsUtils';
import { daysSince, exitCriteriaItems, stagePace } from 'c/stageTiming';
import type { StagePace } from 'c/stageTiming';

const FIELDS = [STAGE_FIELD, LAST_STAGE_CHANGE_FIELD, CREATED_DATE_FIELD, IS_CLOSED_FIELD];

type Stage = Awaited<ReturnType<typeof getStages>>[number];

interface WireResult<T> {
  data?: T;
  error?: unknown;
}

const PACE_LABELS: Record<StagePace, string> = {
  'on-pace': 'On pace',
  'due-soon': 'Due to move soon',
  overdue: 'Overdue in stage',
  unknown: 'No expected duration set'
};

const PACE_BADGE_CLASSES: Record<StagePace, string> = {
  'on-pace': 'slds-badge slds-theme_success',
  'due-soon': 'slds-badge slds-theme_warning',
  overdue: 'slds-badge slds-theme_error',
  unknown: 'slds-badge'
};

export default class StageGuide extends LightningElement {
  @api recordId?: string;

  opportunity?: WireResult<object>;
  stages?: WireResult<Stage[]>;

  @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
  wiredOpportunity(result: WireResult<object>): void {
    this.opportunity = result;
  }

  @wire(getStages)
  wiredStages(result: WireResult<Stage[]>): void {
    this.stages = result;
  }

  get isLoading(): boolean {
    return !this.errorMessages.length && (!this.opportunity?.data || !this.stages?.data);
  }

  get errorMessages(): string[] {
    return reduceErrors([this.opportunity?.error, this.stages?.error].filter(Boolean));
  }

  get hasError(): boolean {
    return this.errorMessages.length > 0;
  }

  get isReady(): boolean {
    return !this.isLoading && !this.hasError;
  }

  get stageName(): string {
    return (this.opportunity?.data && (getFieldValue(this.opportunity.data, STAGE_FIELD) as string)) ?? '';
  }

  get isClosed(): boolean {
    return this.opportunity?.data ? getFieldValue(this.opportunity.data, IS_CLOSED_FIELD) === true : false;
  }

  get isOpen(): boolean {
    return this.isReady && !this.isClosed;
  }

  get showClosed(): boolean {
    return this.isReady && this.isClosed;
  }

  get currentStage(): Stage | undefined {
    return this.stages?.data?.find((stage) => stage.apiName === this.stageName);
  }

  get daysInStage(): number | null {
    const record = this.opportunity?.data;
    if (!record) {
      return null;
    }
    const since =
      (getFieldValue(record, LAST_STAGE_CHANGE_FIELD) as string | null) ??
      (getFieldValue(record, CREATED_DATE_FIELD) as string | null);
    return daysSince(since, new Date());
  }

  get pace(): StagePace {
    return stagePace(this.daysInStage, this.currentStage?.expectedDays);
  }

  get paceLabel(): string {
    return PACE_LABELS[this.pace];
  }

  get paceBadgeClass(): string {
    return PACE_BADGE_CLASSES[this.pace];
  }

  get timeInStage(): string {
    const days = this.daysInStage ?? 0;
    const expected = this.currentStage?.expectedDays;
    const spent = `${days} day${days === 1 ? '' : 's'} in stage`;
    return expected ? `${spent} of ${expected} expected` : spent;
  }

  get criteria(): { key: string; text: string }[] {
    return exitCriteriaItems(this.currentStage?.exitCriteria).map((text, index) => ({
      key: `c${index}`,
      text
    }));
  }

  get hasCriteria(): boolean {
    return this.criteria.length > 0;
  }

  get requiresDecisionMaker(): boolean {
    return this.currentStage?.requiresDecisionMaker === true;
  }
}
