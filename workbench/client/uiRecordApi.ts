/**
 * `lightning/uiRecordApi` in the workbench: `getRecord` as a wire adapter over the workbench's UI API endpoint,
 * which answers with the record shape Lightning Data Service provisions (`{ apiName, id, fields: { F: { value,
 * displayValue } } }`), the field helpers, and the record writes. A write re-provisions every `getRecord` wire on
 * the record with what the org now holds.
 */
import type { WireAdapter, WireDataCallback } from 'lwc';
import { type FieldReference, qualifiedField, recordChanged, unwatchRecord, watchRecord } from './records';
import { deepFreeze, request } from './transport';

interface FieldValue {
  value: unknown;
  displayValue: string | null;
}

export interface RecordRepresentation {
  apiName: string;
  id: string;
  fields: Record<string, FieldValue>;
  [property: string]: unknown;
}

interface GetRecordConfig {
  recordId?: string;
  fields?: readonly FieldReference[] | FieldReference;
  optionalFields?: readonly FieldReference[] | FieldReference;
}

interface WireValue {
  data: RecordRepresentation | undefined;
  error: unknown;
}

const RECORDS = '/workbench/ui-api/records';

function fieldList(fields: GetRecordConfig['fields']): string[] {
  if (fields === undefined) {
    return [];
  }
  return (Array.isArray(fields) ? (fields as readonly FieldReference[]) : [fields as FieldReference]).map(
    qualifiedField
  );
}

function fetchRecord(
  recordId: string,
  fields: string[],
  optionalFields: string[]
): Promise<RecordRepresentation> {
  const query = new URLSearchParams();
  if (fields.length > 0) query.set('fields', fields.join(','));
  if (optionalFields.length > 0) query.set('optionalFields', optionalFields.join(','));
  return request('GET', `${RECORDS}/${encodeURIComponent(recordId)}?${query.toString()}`);
}

/** `@wire(getRecord, { recordId, fields, optionalFields })`. */
export class getRecord implements WireAdapter {
  private readonly callback: WireDataCallback<WireValue>;
  private connected = false;
  private recordId: string | undefined;
  private fields: string[] = [];
  private optionalFields: string[] = [];
  /** Counts loads, so an answer overtaken by a later request is dropped. */
  private generation = 0;
  private readonly watcher = { reload: () => this.load() };

  constructor(callback: WireDataCallback<WireValue>) {
    this.callback = callback;
  }

  connect(): void {
    this.connected = true;
    this.start();
  }

  update(config: GetRecordConfig): void {
    const recordId =
      typeof config.recordId === 'string' && config.recordId !== '' ? config.recordId : undefined;
    if (this.recordId !== undefined) {
      unwatchRecord(this.recordId, this.watcher);
    }
    this.recordId = recordId;
    this.fields = fieldList(config.fields);
    this.optionalFields = fieldList(config.optionalFields);
    this.start();
  }

  disconnect(): void {
    this.connected = false;
    this.generation++;
    if (this.recordId !== undefined) {
      unwatchRecord(this.recordId, this.watcher);
    }
  }

  /** Like Lightning Data Service, waits until the record id and some fields are known. */
  private start(): void {
    if (!this.connected || this.recordId === undefined) {
      return;
    }
    if (this.fields.length + this.optionalFields.length === 0) {
      return;
    }
    watchRecord(this.recordId, this.watcher);
    void this.load();
  }

  private async load(): Promise<void> {
    const recordId = this.recordId;
    if (recordId === undefined) {
      return;
    }
    const generation = ++this.generation;
    let value: WireValue;
    try {
      value = {
        data: deepFreeze(await fetchRecord(recordId, this.fields, this.optionalFields)),
        error: undefined
      };
    } catch (error) {
      value = { data: undefined, error };
    }
    if (generation === this.generation) {
      this.callback(value);
    }
  }
}

/** The field at a path of a record, following relationship fields (`Account.Owner.Name`). */
function fieldAt(record: unknown, field: FieldReference): FieldValue | undefined {
  const path = qualifiedField(field).split('.').slice(1);
  let current = record as RecordRepresentation | null | undefined;
  let found: FieldValue | undefined;
  for (const name of path) {
    found = current?.fields?.[name];
    current = found?.value as RecordRepresentation | null | undefined;
  }
  return found;
}

export function getFieldValue(record: unknown, field: FieldReference): unknown {
  return fieldAt(record, field)?.value;
}

export function getFieldDisplayValue(record: unknown, field: FieldReference): string | null | undefined {
  return fieldAt(record, field)?.displayValue;
}

export async function updateRecord(recordInput: {
  fields: { Id: string } & Record<string, unknown>;
}): Promise<RecordRepresentation> {
  const { Id: recordId, ...fields } = recordInput.fields;
  const record = await request<RecordRepresentation>('PATCH', `${RECORDS}/${encodeURIComponent(recordId)}`, {
    fields
  });
  await recordChanged(recordId);
  return deepFreeze(record);
}

export async function createRecord(recordInput: {
  apiName: string;
  fields: Record<string, unknown>;
}): Promise<RecordRepresentation> {
  const record = await request<RecordRepresentation>('POST', RECORDS, {
    apiName: recordInput.apiName,
    fields: recordInput.fields
  });
  return deepFreeze(record);
}

export async function deleteRecord(recordId: string): Promise<void> {
  await request('DELETE', `${RECORDS}/${encodeURIComponent(recordId)}`);
  await recordChanged(recordId);
}

export async function notifyRecordUpdateAvailable(items: readonly { recordId: string }[]): Promise<void> {
  await Promise.all(items.map((item) => recordChanged(item.recordId)));
}
