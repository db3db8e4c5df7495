/**
 * A small in-memory OrgStore for the HTTP layer's unit tests: two objects, Salesforce's error codes for the cases the
 * routes map, and a SOQL subset (`SELECT a, b FROM X [WHERE f = 'v' | f IN ('v', …)]`). The contract tests run
 * against the real store.
 */
import {
  SalesforceApiError,
  type DescribeGlobalEntry,
  type OrgStore,
  type QueryResult,
  type SObjectRecord,
  type SaveOptions,
  type SaveResult,
  type SalesforceError
} from '../../contracts';
import { composeId } from '../../ids';
import { withoutAttributes } from '../records';
import type { FieldDescriptor, FieldType, ObjectDescriptor } from '../../../../tools/schema/types';

function field(name: string, type: FieldType, extra: Partial<FieldDescriptor> = {}): FieldDescriptor {
  return {
    name,
    label: name,
    type,
    nillable: true,
    createable: type !== 'id',
    updateable: type !== 'id',
    defaultedOnCreate: false,
    calculated: false,
    autoNumber: false,
    externalId: false,
    unique: false,
    caseSensitive: false,
    nameField: false,
    referenceTo: [],
    relationshipName: null,
    cascadeDelete: false,
    restrictedDelete: false,
    restrictedPicklist: false,
    picklistValues: [],
    custom: name.endsWith('__c'),
    ...extra
  };
}

const OBJECTS: ObjectDescriptor[] = [
  {
    name: 'Account',
    label: 'Account',
    labelPlural: 'Accounts',
    keyPrefix: '001',
    custom: false,
    customSetting: false,
    isCustomMetadata: false,
    fields: [
      field('Id', 'id', { nillable: false }),
      field('Name', 'string', { nillable: false, length: 255, nameField: true }),
      field('External_Id__c', 'string', { length: 80, externalId: true, unique: true }),
      field('AnnualRevenue', 'currency', { precision: 18, scale: 0 }),
      field('IsKey__c', 'boolean', { nillable: false, defaultValue: false }),
      field('BillingAddress', 'address', { createable: false, updateable: false })
    ],
    childRelationships: [
      { childSObject: 'Contact', field: 'AccountId', relationshipName: 'Contacts', cascadeDelete: false }
    ]
  },
  {
    name: 'Contact',
    label: 'Contact',
    labelPlural: 'Contacts',
    keyPrefix: '003',
    custom: false,
    customSetting: false,
    isCustomMetadata: false,
    fields: [
      field('Id', 'id', { nillable: false }),
      field('LastName', 'string', { nillable: false, length: 80 }),
      field('AccountId', 'reference', { referenceTo: ['Account'], relationshipName: 'Account' }),
      field('External_Id__c', 'string', { length: 80, externalId: true, unique: true })
    ],
    childRelationships: []
  }
];

function error(errorCode: string, message: string, fields: string[] = []): SalesforceError {
  return { errorCode, message, fields };
}

export class FakeStore implements OrgStore {
  readonly currentUserId = '005Lo0000000001AAA';
  readonly tables = new Map<string, Map<string, SObjectRecord>>(
    OBJECTS.map((object) => [object.name, new Map()])
  );
  private counter = 0;
  closed = false;
  queries: string[] = [];

  describeGlobal(): DescribeGlobalEntry[] {
    return OBJECTS.map((object) => ({
      name: object.name,
      label: object.label,
      labelPlural: object.labelPlural,
      keyPrefix: object.keyPrefix,
      custom: object.custom,
      createable: true,
      updateable: true,
      deletable: true,
      queryable: true
    }));
  }

  describe(objectName: string): ObjectDescriptor {
    const object = OBJECTS.find((candidate) => candidate.name.toLowerCase() === objectName.toLowerCase());
    if (!object) {
      throw new SalesforceApiError(404, [error('NOT_FOUND', `The requested resource does not exist`)]);
    }
    return object;
  }

  private validate(
    object: ObjectDescriptor,
    record: SObjectRecord,
    isInsert: boolean
  ): SalesforceError | null {
    for (const key of Object.keys(record)) {
      if (key !== 'attributes' && !object.fields.some((candidate) => candidate.name === key)) {
        return error('INVALID_FIELD', `No such column '${key}' on sobject of type ${object.name}`, [key]);
      }
    }
    const required = object.fields.filter(
      (candidate) => !candidate.nillable && candidate.type !== 'id' && candidate.type !== 'boolean'
    );
    for (const candidate of required) {
      const value = record[candidate.name];
      if ((isInsert && (value === undefined || value === null)) || (!isInsert && value === null)) {
        return error('REQUIRED_FIELD_MISSING', `Required fields are missing: [${candidate.name}]`, [
          candidate.name
        ]);
      }
    }
    const name = record.Name;
    if (typeof name === 'string' && name.length > 255) {
      return error('STRING_TOO_LONG', 'Account Name: data value too large', ['Name']);
    }
    return null;
  }

  private save(
    records: SObjectRecord[],
    options: SaveOptions,
    saveOne: (record: SObjectRecord) => SaveResult
  ): SaveResult[] {
    const snapshot = new Map(
      [...this.tables].map(([name, rows]) => [name, new Map([...rows].map(([id, row]) => [id, { ...row }]))])
    );
    const results = records.map(saveOne);
    if (options.allOrNone && results.some((result) => !result.success)) {
      for (const [name, rows] of snapshot) {
        this.tables.set(name, rows);
      }
      return results.map((result) =>
        result.success
          ? {
              id: null,
              success: false,
              errors: [error('ALL_OR_NONE_OPERATION_ROLLED_BACK', 'Record rolled back')]
            }
          : result
      );
    }
    return results;
  }

  private typeOf(objectName: string | null, record: SObjectRecord): ObjectDescriptor | null {
    const attributes = record.attributes as { type?: unknown } | undefined;
    const name = objectName ?? (typeof attributes?.type === 'string' ? attributes.type : null);
    if (name) {
      return this.describe(name);
    }
    const id = typeof record.Id === 'string' ? record.Id : '';
    return OBJECTS.find((object) => object.keyPrefix === id.slice(0, 3)) ?? null;
  }

  async create(
    objectName: string | null,
    records: SObjectRecord[],
    options: SaveOptions
  ): Promise<SaveResult[]> {
    return this.save(records, options, (input) => {
      const object = this.typeOf(objectName, input);
      if (!object) {
        return { id: null, success: false, errors: [error('INVALID_TYPE', 'sObject type is required')] };
      }
      const record = withoutAttributes(input);
      const problem = this.validate(object, record, true);
      if (problem) {
        return { id: null, success: false, errors: [problem] };
      }
      this.counter += 1;
      const id = composeId(object.keyPrefix, this.counter);
      this.tables.get(object.name)?.set(id, { ...record, Id: id });
      return { id, success: true, errors: [] };
    });
  }

  async update(
    objectName: string | null,
    records: SObjectRecord[],
    options: SaveOptions
  ): Promise<SaveResult[]> {
    return this.save(records, options, (input) => {
      const object = this.typeOf(objectName, input);
      const record = withoutAttributes(input);
      const id = typeof record.Id === 'string' ? record.Id : '';
      const existing = object ? this.tables.get(object.name)?.get(id) : undefined;
      if (!object || !existing) {
        return {
          id: null,
          success: false,
          errors: [error('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`)]
        };
      }
      const problem = this.validate(object, record, false);
      if (problem) {
        return { id, success: false, errors: [problem] };
      }
      Object.assign(existing, record);
      return { id, success: true, errors: [] };
    });
  }

  async upsert(
    objectName: string,
    externalIdField: string,
    records: SObjectRecord[],
    options: SaveOptions
  ): Promise<SaveResult[]> {
    const object = this.describe(objectName);
    return this.save(records, options, (input) => {
      const record = withoutAttributes(input);
      const rows = [...(this.tables.get(object.name)?.values() ?? [])];
      const matches = rows.filter((row) => row[externalIdField] === record[externalIdField]);
      if (matches.length > 1) {
        return {
          id: null,
          success: false,
          errors: [error('DUPLICATE_EXTERNAL_ID', 'more than one record found')]
        };
      }
      const [match] = matches;
      if (match) {
        const problem = this.validate(object, record, false);
        if (problem) {
          return { id: null, success: false, errors: [problem] };
        }
        Object.assign(match, record);
        return { id: String(match.Id), success: true, errors: [], created: false };
      }
      const problem = this.validate(object, record, true);
      if (problem) {
        return { id: null, success: false, errors: [problem] };
      }
      this.counter += 1;
      const id = composeId(object.keyPrefix, this.counter);
      this.tables.get(object.name)?.set(id, { ...record, Id: id });
      return { id, success: true, errors: [], created: true };
    });
  }

  async delete(ids: string[], options: SaveOptions): Promise<SaveResult[]> {
    return this.save(
      ids.map((id) => ({ Id: id })),
      options,
      (record) => {
        const id = String(record.Id);
        for (const rows of this.tables.values()) {
          if (rows.delete(id)) {
            return { id, success: true, errors: [] };
          }
        }
        return { id, success: false, errors: [error('ENTITY_IS_DELETED', 'entity is deleted')] };
      }
    );
  }

  async retrieve(objectName: string, id: string, fields?: string[]): Promise<SObjectRecord> {
    const object = this.describe(objectName);
    const record = this.tables.get(object.name)?.get(id);
    if (!record) {
      throw new SalesforceApiError(404, [error('NOT_FOUND', 'The requested resource does not exist')]);
    }
    const selected = fields ?? Object.keys(record);
    return {
      attributes: { type: object.name, url: `/services/data/v66.0/sobjects/${object.name}/${id}` },
      ...Object.fromEntries(selected.map((name) => [name, record[name] ?? null]))
    };
  }

  async query(soql: string): Promise<QueryResult> {
    this.queries.push(soql);
    const match = /^SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(\w+)\s*(=|IN)\s*(.+))?$/i.exec(soql.trim());
    if (!match) {
      throw new SalesforceApiError(400, [
        error('MALFORMED_QUERY', `unexpected token: '${soql.split(/\s+/)[0] ?? ''}'`)
      ]);
    }
    const [, fieldList = '', objectName = '', whereField, , whereValues] = match;
    const object = this.describe(objectName);
    const wanted = whereValues
      ? new Set(
          [...whereValues.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((value) =>
            (value[1] ?? '').replace(/\\(.)/g, '$1')
          )
        )
      : null;
    const fields = fieldList
      .split(',')
      .map((name) => name.trim())
      .map(
        (name) =>
          object.fields.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase())?.name ?? name
      );
    const records = [...(this.tables.get(object.name)?.values() ?? [])]
      .filter((row) => !wanted || !whereField || wanted.has(String(row[whereField])))
      .map((row) => ({
        attributes: {
          type: object.name,
          url: `/services/data/v66.0/sobjects/${object.name}/${String(row.Id)}`
        },
        ...Object.fromEntries(fields.map((name) => [name, row[name] ?? null]))
      }));
    return { totalSize: records.length, records };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
