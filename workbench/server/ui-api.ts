/**
 * The workbench's User Interface API: records, object info and picklist values in the shapes Lightning Data
 * Service hands components, built from the local org through jsforce (describe for the metadata, SOQL for the
 * records, the REST API for writes). Errors carry the UI API's status codes and bodies, so components see what
 * they would see in Lightning Experience.
 */
import { createHash } from 'node:crypto';
import type { Connection, DescribeSObjectResult, Field, Record as SObjectRecord } from 'jsforce';

/** The id of the master record type, which every object has. */
export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

/** A failure to answer with: HTTP status and the UI API's error body. */
export class UiApiError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;

  constructor(status: number, errorCode: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = 'UiApiError';
    this.status = status;
    this.body = { errorCode, message, ...extra };
  }
}

export interface FieldValue {
  value: string | number | boolean | RecordRepresentation | null;
  displayValue: string | null;
}

export interface RecordRepresentation {
  apiName: string;
  childRelationships: Record<string, never>;
  eTag: string;
  fields: Record<string, FieldValue>;
  id: string;
  lastModifiedById: string | null;
  lastModifiedDate: string | null;
  recordTypeId: string;
  recordTypeInfo: null;
  systemModstamp: string | null;
  weakEtag: number;
}

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;

const UI_DATA_TYPES: Readonly<Record<string, string>> = {
  id: 'String',
  string: 'String',
  textarea: 'TextArea',
  picklist: 'Picklist',
  multipicklist: 'MultiPicklist',
  combobox: 'ComboBox',
  reference: 'Reference',
  boolean: 'Boolean',
  currency: 'Currency',
  double: 'Double',
  int: 'Int',
  long: 'Int',
  percent: 'Percent',
  date: 'Date',
  datetime: 'DateTime',
  time: 'Time',
  phone: 'Phone',
  url: 'Url',
  email: 'Email',
  address: 'Address',
  location: 'Location',
  base64: 'Base64',
  encryptedstring: 'EncryptedString'
};

function etag(value: unknown): string {
  return createHash('md5').update(JSON.stringify(value)).digest('hex');
}

/** Answers and caches describes (metadata does not change while the workbench runs). */
export class UiApi {
  private readonly connection: Connection;
  private readonly describes = new Map<string, Promise<DescribeSObjectResult>>();
  private prefixes: Promise<Map<string, string>> | undefined;

  constructor(connection: Connection) {
    this.connection = connection;
  }

  describe(objectApiName: string): Promise<DescribeSObjectResult> {
    const notFound = new UiApiError(404, 'NOT_FOUND', `The object '${objectApiName}' does not exist.`);
    if (!NAME.test(objectApiName)) {
      return Promise.reject(notFound);
    }
    const key = objectApiName.toLowerCase();
    let describe = this.describes.get(key);
    if (describe === undefined) {
      describe = this.connection.describe(objectApiName).catch((error: unknown) => {
        this.describes.delete(key);
        throw (error as { errorCode?: string }).errorCode === 'NOT_FOUND' ? notFound : error;
      });
      this.describes.set(key, describe);
    }
    return describe;
  }

  /** The object a record id belongs to, by its key prefix. */
  async objectOfId(recordId: string): Promise<string> {
    if (!ID.test(recordId)) {
      throw new UiApiError(400, 'MALFORMED_ID', `'${recordId}' is not a record id.`);
    }
    this.prefixes ??= this.connection.describeGlobal().then(
      (global) =>
        new Map(
          global.sobjects.flatMap((sobject) => (sobject.keyPrefix ? [[sobject.keyPrefix, sobject.name]] : []))
        ),
      (error: unknown) => {
        this.prefixes = undefined;
        throw error;
      }
    );
    const object = (await this.prefixes).get(recordId.slice(0, 3));
    if (object === undefined) {
      throw new UiApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    }
    return object;
  }

  async objectInfo(objectApiName: string): Promise<Record<string, unknown>> {
    const describe = await this.describe(objectApiName);
    const fields = Object.fromEntries(describe.fields.map((field) => [field.name, fieldInfo(field)]));
    const info = {
      apiName: describe.name,
      associateEntityType: null,
      associateParentEntity: null,
      childRelationships: describe.childRelationships.flatMap((child) =>
        child.relationshipName
          ? [
              {
                childObjectApiName: child.childSObject,
                fieldName: child.field,
                junctionIdListNames: child.junctionIdListNames ?? [],
                junctionReferenceTo: child.junctionReferenceTo ?? [],
                relationshipName: child.relationshipName
              }
            ]
          : []
      ),
      createable: describe.createable,
      custom: describe.custom,
      defaultRecordTypeId: MASTER_RECORD_TYPE_ID,
      deletable: describe.deletable,
      dependentFields: {},
      feedEnabled: describe.feedEnabled,
      fields,
      keyPrefix: describe.keyPrefix,
      label: describe.label,
      labelPlural: describe.labelPlural,
      layoutable: describe.layoutable,
      mruEnabled: false,
      nameFields: describe.fields.filter((field) => field.nameField).map((field) => field.name),
      queryable: describe.queryable,
      recordTypeInfos: {
        [MASTER_RECORD_TYPE_ID]: {
          available: true,
          defaultRecordTypeMapping: true,
          master: true,
          name: 'Master',
          recordTypeId: MASTER_RECORD_TYPE_ID
        }
      },
      searchable: describe.searchable,
      themeInfo: null,
      updateable: describe.updateable
    };
    return { ...info, eTag: etag(info) };
  }

  async picklistValues(
    objectApiName: string,
    recordTypeId: string,
    fieldApiName: string
  ): Promise<Record<string, unknown>> {
    const describe = await this.describe(objectApiName);
    const field = describe.fields.find(
      (candidate) => candidate.name.toLowerCase() === fieldApiName.toLowerCase()
    );
    if (field === undefined || !['picklist', 'multipicklist', 'combobox'].includes(field.type)) {
      throw new UiApiError(404, 'NOT_FOUND', `${objectApiName}.${fieldApiName} is not a picklist field.`);
    }
    if (recordTypeId.slice(0, 15) !== MASTER_RECORD_TYPE_ID.slice(0, 15)) {
      throw new UiApiError(
        404,
        'NOT_FOUND',
        `Record type ${recordTypeId} does not exist for ${objectApiName}.`
      );
    }
    const values = (field.picklistValues ?? [])
      .filter((value) => value.active)
      .map((value) => ({
        attributes: null,
        label: value.label ?? value.value,
        validFor: [],
        value: value.value
      }));
    const fallback = (field.picklistValues ?? []).find((value) => value.active && value.defaultValue);
    const representation = {
      controllerValues: {},
      defaultValue: fallback
        ? { attributes: null, label: fallback.label ?? fallback.value, validFor: [], value: fallback.value }
        : null,
      url: `/services/data/v${this.connection.version}/ui-api/object-info/${describe.name}/picklist-values/${recordTypeId}/${field.name}`,
      values
    };
    return { ...representation, eTag: etag(representation) };
  }

  /**
   * A record with the fields asked for. `fields` must all exist (else 400, as the UI API answers); `optionalFields`
   * that do not exist are left out. Fields are qualified (`Opportunity.StageName`, `Opportunity.Account.Name`).
   */
  async record(recordId: string, fields: string[], optionalFields: string[]): Promise<RecordRepresentation> {
    const objectApiName = await this.objectOfId(recordId);
    const describe = await this.describe(objectApiName);
    const paths: string[][] = [];
    for (const [list, required] of [
      [fields, true],
      [optionalFields, false]
    ] as const) {
      for (const qualified of list) {
        const path = await this.fieldPath(describe, qualified, required);
        if (path !== null) {
          paths.push(path);
        }
      }
    }
    const selected = [...new Set(['Id', ...paths.map((path) => path.join('.'))])];
    const soql = `SELECT ${selected.join(', ')} FROM ${describe.name} WHERE Id = '${recordId}'`;
    const [row] = (await this.connection.query<SObjectRecord>(soql)).records;
    if (row === undefined) {
      throw new UiApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    }
    return this.representation(describe, row, paths);
  }

  async updateRecord(recordId: string, fields: Record<string, unknown>): Promise<RecordRepresentation> {
    const objectApiName = await this.objectOfId(recordId);
    await this.save(objectApiName, 'update', { Id: recordId, ...fields });
    return this.record(recordId, this.qualify(objectApiName, fields), []);
  }

  async createRecord(objectApiName: string, fields: Record<string, unknown>): Promise<RecordRepresentation> {
    const describe = await this.describe(objectApiName);
    const id = await this.save(describe.name, 'create', fields);
    return this.record(id, this.qualify(describe.name, fields), []);
  }

  async deleteRecord(recordId: string): Promise<void> {
    const objectApiName = await this.objectOfId(recordId);
    const result = await this.connection.sobject(objectApiName).destroy(recordId);
    if (!result.success) {
      throw dmlError('delete', result.errors);
    }
  }

  private qualify(objectApiName: string, fields: Record<string, unknown>): string[] {
    return Object.keys(fields)
      .filter((name) => name.toLowerCase() !== 'id')
      .map((name) => `${objectApiName}.${name}`);
  }

  private async save(
    objectApiName: string,
    action: 'create' | 'update',
    values: Record<string, unknown>
  ): Promise<string> {
    const sobject = this.connection.sobject(objectApiName);
    let result;
    try {
      result =
        action === 'create' ? await sobject.create(values) : await sobject.update(values as { Id: string });
    } catch (error) {
      throw dmlError(action, [{ statusCode: errorCodeOf(error), message: messageOf(error), fields: [] }]);
    }
    if (!result.success) {
      throw dmlError(action, result.errors);
    }
    return result.id;
  }

  /** The field path of a qualified field (`['Account', 'Name']`), checked against the describes; null when absent. */
  private async fieldPath(
    describe: DescribeSObjectResult,
    qualified: string,
    required: boolean
  ): Promise<string[] | null> {
    const [objectName, ...path] = qualified.split('.');
    const missing = (): null => {
      if (required) {
        throw new UiApiError(
          400,
          'INVALID_FIELD',
          `No such column '${path.join('.')}' on entity '${describe.name}'.`
        );
      }
      return null;
    };
    if (objectName?.toLowerCase() !== describe.name.toLowerCase() || path.length === 0) {
      return missing();
    }
    const resolved: string[] = [];
    let current = describe;
    for (const [index, part] of path.entries()) {
      const last = index === path.length - 1;
      const field = last
        ? current.fields.find((candidate) => candidate.name.toLowerCase() === part.toLowerCase())
        : current.fields.find(
            (candidate) => candidate.relationshipName?.toLowerCase() === part.toLowerCase()
          );
      const target = field?.referenceTo?.[0];
      if (field === undefined || (!last && target === undefined)) {
        return missing();
      }
      resolved.push(last ? field.name : (field.relationshipName ?? field.name));
      if (!last && target !== undefined) {
        current = await this.describe(target);
      }
    }
    return resolved;
  }

  private async representation(
    describe: DescribeSObjectResult,
    row: SObjectRecord,
    paths: string[][]
  ): Promise<RecordRepresentation> {
    const fields: Record<string, FieldValue> = {};
    const groups = new Map<string, string[][]>();
    for (const [head, ...rest] of paths) {
      if (head === undefined) continue;
      if (rest.length === 0) {
        const field = describe.fields.find((candidate) => candidate.name === head);
        fields[head] = fieldValue(field, row[head]);
      } else {
        groups.set(head, [...(groups.get(head) ?? []), rest]);
      }
    }
    for (const [relationship, rest] of groups) {
      const field = describe.fields.find((candidate) => candidate.relationshipName === relationship);
      const parent = row[relationship] as SObjectRecord | null | undefined;
      if (parent === null || parent === undefined || field === undefined) {
        fields[relationship] = { value: null, displayValue: null };
        continue;
      }
      const parentObject =
        (parent.attributes as { type?: string } | undefined)?.type ?? field.referenceTo?.[0] ?? '';
      const parentDescribe = await this.describe(parentObject);
      const nested = await this.representation(parentDescribe, parent, rest);
      const nameField = parentDescribe.fields.find((candidate) => candidate.nameField)?.name;
      const name = nameField === undefined ? null : nested.fields[nameField]?.value;
      fields[relationship] = { value: nested, displayValue: typeof name === 'string' ? name : null };
    }
    const id = String(
      row.Id ?? (row.attributes as { url?: string } | undefined)?.url?.split('/').pop() ?? ''
    );
    const body = { apiName: describe.name, id, fields };
    return {
      apiName: describe.name,
      childRelationships: {},
      eTag: etag(body),
      fields,
      id,
      lastModifiedById: null,
      lastModifiedDate: null,
      recordTypeId: MASTER_RECORD_TYPE_ID,
      recordTypeInfo: null,
      systemModstamp: null,
      weakEtag: 0
    };
  }
}

function fieldInfo(field: Field): Record<string, unknown> {
  return {
    apiName: field.name,
    calculated: field.calculated,
    compound: false,
    compoundComponentName: null,
    compoundFieldName: null,
    controllerName: field.controllerName ?? null,
    controllingFields: field.controllerName ? [field.controllerName] : [],
    createable: field.createable,
    custom: field.custom,
    dataType: UI_DATA_TYPES[field.type] ?? 'String',
    externalId: field.externalId,
    extraTypeInfo: null,
    filterable: field.filterable,
    filteredLookupInfo: null,
    highScaleNumber: false,
    htmlFormatted: field.htmlFormatted,
    inlineHelpText: field.inlineHelpText ?? null,
    label: field.label,
    length: field.length,
    nameField: field.nameField,
    precision: field.precision,
    reference: field.type === 'reference',
    referenceTargetField: null,
    referenceToInfos: (field.referenceTo ?? []).map((apiName) => ({ apiName, nameFields: ['Name'] })),
    relationshipName: field.relationshipName ?? null,
    required: field.createable && !field.nillable && !field.defaultedOnCreate,
    scale: field.scale,
    searchPrefilterable: false,
    sortable: field.sortable,
    unique: field.unique,
    updateable: field.updateable
  };
}

const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const dateFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric'
});
const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit'
});

/** A field's value and display value as the UI API gives them (display values in the en-US locale, UTC). */
function fieldValue(field: Field | undefined, raw: unknown): FieldValue {
  if (raw === null || raw === undefined) {
    return { value: null, displayValue: null };
  }
  switch (field?.type) {
    case 'picklist': {
      const label = field.picklistValues?.find((value) => value.value === raw)?.label;
      return { value: String(raw), displayValue: label ?? String(raw) };
    }
    case 'currency':
      return { value: Number(raw), displayValue: currency.format(Number(raw)) };
    case 'percent':
      return { value: Number(raw), displayValue: `${Number(raw)}%` };
    case 'date':
      return { value: String(raw), displayValue: dateFormat.format(new Date(`${String(raw)}T00:00:00Z`)) };
    case 'datetime': {
      const date = new Date(String(raw));
      return { value: date.toISOString(), displayValue: dateTimeFormat.format(date) };
    }
    default:
      return {
        value: typeof raw === 'number' || typeof raw === 'boolean' ? raw : String(raw),
        displayValue: null
      };
  }
}

interface SaveError {
  statusCode?: string;
  errorCode?: string;
  message: string;
  fields?: string[];
}

function errorCodeOf(error: unknown): string {
  return (error as { errorCode?: string }).errorCode ?? 'UNKNOWN_EXCEPTION';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failed write as the UI API reports it: page errors and field errors under `output`. */
function dmlError(action: 'create' | 'update' | 'delete', errors: readonly SaveError[]): UiApiError {
  const pageErrors: Record<string, string>[] = [];
  const fieldErrors: Record<string, Record<string, string>[]> = {};
  for (const error of errors) {
    const errorCode = error.statusCode ?? error.errorCode ?? 'UNKNOWN_EXCEPTION';
    const fields = error.fields ?? [];
    if (fields.length === 0) {
      pageErrors.push({ errorCode, message: error.message });
    }
    for (const field of fields) {
      fieldErrors[field] = [...(fieldErrors[field] ?? []), { errorCode, field, message: error.message }];
    }
  }
  return new UiApiError(
    400,
    errors[0]?.statusCode ?? errors[0]?.errorCode ?? 'UNKNOWN_EXCEPTION',
    `An error occurred while trying to ${action} the record. Please try again.`,
    {
      output: { errors: pageErrors, fieldErrors }
    }
  );
}
