/**
 * Record highlights — container, workbench only (not part of the package): the key fields of a record in its page
 * header, as Lightning's highlights panel shows them. Loads the record and its object's labels with Lightning
 * Data Service, so a change saved through `updateRecord` shows here at once.
 */
import { LightningElement, api, wire } from 'lwc';
import { getFieldDisplayValue, getFieldValue, getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { reduceErrors } from 'c/ldsUtils';

interface WireResult<T> {
  data?: T;
  error?: unknown;
}

interface ObjectInfo {
  fields: Record<string, { label: string; relationshipName: string | null }>;
}

interface Highlight {
  key: string;
  label: string;
  value: string;
}

export default class RecordHighlights extends LightningElement {
  @api recordId?: string;
  @api objectApiName?: string;
  /** Qualified fields to show: `Opportunity.CloseDate`, `Opportunity.Account.Name`. */
  @api fields: string[] = [];

  record?: WireResult<object>;
  objectInfo?: WireResult<ObjectInfo>;

  @wire(getRecord, { recordId: '$recordId', optionalFields: '$fields' })
  wiredRecord(result: WireResult<object>): void {
    this.record = result;
  }

  @wire(getObjectInfo, { objectApiName: '$objectApiName' })
  wiredObjectInfo(result: WireResult<ObjectInfo>): void {
    this.objectInfo = result;
  }

  get errorMessage(): string {
    return reduceErrors([this.record?.error, this.objectInfo?.error].filter(Boolean)).join(' ');
  }

  get isReady(): boolean {
    return this.errorMessage === '' && this.record?.data !== undefined && this.objectInfo?.data !== undefined;
  }

  /** The label of a field, or of the relationship a related field is read through (`Account` for Account.Name). */
  private labelOf(field: string): string {
    const [, first, ...rest] = field.split('.');
    const fields = this.objectInfo?.data?.fields ?? {};
    if (rest.length === 0) {
      return fields[first ?? '']?.label ?? first ?? field;
    }
    const reference = Object.values(fields).find((info) => info.relationshipName === first);
    return reference?.label.replace(/ ID$/, '') ?? first ?? field;
  }

  get items(): Highlight[] {
    const record = this.record?.data;
    return this.fields.map((field) => {
      const display = getFieldDisplayValue(record, field);
      const value = getFieldValue(record, field);
      const text = display ?? (value === null || value === undefined ? '' : String(value));
      return { key: field, label: this.labelOf(field), value: text === '' ? '—' : text };
    });
  }
}
