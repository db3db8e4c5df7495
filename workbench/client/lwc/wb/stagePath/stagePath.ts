/**
 * Stage path — container, workbench only (not part of the package): the opportunity's stages as Lightning's path
 * shows them, with the current one marked, and a way to move the deal to another stage. The stages are the
 * StageName picklist values of the org (Lightning Data Service object info and picklist values); saving goes
 * through `updateRecord`, so every component showing the record (the stage guide, the highlights) updates, and a
 * toast says how it went.
 */
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import OPPORTUNITY_OBJECT from '@salesforce/schema/Opportunity';
import STAGE_FIELD from '@salesforce/schema/Opportunity.StageName';
import { reduceErrors } from 'c/ldsUtils';

interface WireResult<T> {
  data?: T;
  error?: unknown;
}

interface PicklistValues {
  values: { label: string; value: string }[];
}

export default class StagePath extends LightningElement {
  @api recordId?: string;

  record?: WireResult<object>;
  objectInfo?: WireResult<{ defaultRecordTypeId: string }>;
  picklist?: WireResult<PicklistValues>;
  selectedStage?: string;
  saving = false;

  @wire(getRecord, { recordId: '$recordId', fields: [STAGE_FIELD] })
  wiredRecord(result: WireResult<object>): void {
    this.record = result;
  }

  @wire(getObjectInfo, { objectApiName: OPPORTUNITY_OBJECT })
  wiredObjectInfo(result: WireResult<{ defaultRecordTypeId: string }>): void {
    this.objectInfo = result;
  }

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: STAGE_FIELD })
  wiredPicklist(result: WireResult<PicklistValues>): void {
    this.picklist = result;
  }

  get recordTypeId(): string | undefined {
    return this.objectInfo?.data?.defaultRecordTypeId;
  }

  get errorMessage(): string {
    return reduceErrors(
      [this.record?.error, this.objectInfo?.error, this.picklist?.error].filter(Boolean)
    ).join(' ');
  }

  get isLoading(): boolean {
    return this.errorMessage === '' && (this.record?.data === undefined || this.picklist?.data === undefined);
  }

  get isReady(): boolean {
    return this.errorMessage === '' && !this.isLoading;
  }

  get currentStage(): string {
    return (getFieldValue(this.record?.data, STAGE_FIELD) as string | null | undefined) ?? '';
  }

  get stages(): { label: string; value: string }[] {
    return (this.picklist?.data?.values ?? []).map(({ label, value }) => ({ label, value }));
  }

  get targetStage(): string {
    return this.selectedStage ?? this.currentStage;
  }

  get cannotSave(): boolean {
    return this.saving || this.targetStage === '' || this.targetStage === this.currentStage;
  }

  handleStageChange(event: CustomEvent<{ value: string }>): void {
    this.selectedStage = event.detail.value;
  }

  async handleMarkCurrent(): Promise<void> {
    const stage = this.targetStage;
    if (this.recordId === undefined || this.cannotSave) {
      return;
    }
    this.saving = true;
    try {
      await updateRecord({ fields: { Id: this.recordId, [STAGE_FIELD.fieldApiName]: stage } });
      this.selectedStage = undefined;
      const label = this.stages.find((candidate) => candidate.value === stage)?.label ?? stage;
      this.dispatchEvent(
        new ShowToastEvent({
          title: 'Stage changed',
          message: `The deal is now at ${label}.`,
          variant: 'success'
        })
      );
    } catch (error) {
      this.dispatchEvent(
        new ShowToastEvent({
          title: 'The stage could not be changed',
          message: reduceErrors(error).join(' '),
          variant: 'error',
          mode: 'sticky'
        })
      );
    } finally {
      this.saving = false;
    }
  }
}
