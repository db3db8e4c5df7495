/**
 * Reading the fields of one request record: each key must name a field of the object (case-insensitively) that the
 * operation may write, or a parent relationship given by external id (`"Account": { "External_Id__c": "A-1" }`,
 * or `Account.External_Id__c` as Bulk API CSV headers write it). Values are converted to column values.
 */
import type { SalesforceError, SObjectRecord } from '../contracts';
import { saveErrors } from './errors';
import type { ObjectModel, OrgModel } from './model';
import type { ParentByExternalId } from './rows';
import type { Row } from './sql';
import { convertFieldValue } from './values';
import type { FieldDescriptor } from '../../../tools/schema/types';

export type WriteMode = 'create' | 'update';

export interface ParsedRecord {
  values: Row;
  given: Set<string>;
  parents: ParentByExternalId[];
  errors: SalesforceError[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function writable(field: FieldDescriptor, mode: WriteMode): boolean {
  return mode === 'create' ? field.createable : field.updateable;
}

/** The object a relationship points to: the only one in the org, or the one `attributes.type` names. */
function relationshipTarget(
  model: OrgModel,
  field: FieldDescriptor,
  typeName: unknown
): ObjectModel | undefined {
  if (typeof typeName === 'string') {
    const named = model.object(typeName);
    return named !== undefined && field.referenceTo.includes(named.name) ? named : undefined;
  }
  const targets = field.referenceTo.map((name) => model.object(name)).filter((o) => o !== undefined);
  return targets.length === 1 ? targets[0] : undefined;
}

function parentByExternalId(
  model: OrgModel,
  object: ObjectModel,
  relationshipName: string,
  reference: Record<string, unknown>
): ParentByExternalId | SalesforceError {
  const field = object.parentRelationship(relationshipName);
  if (field === undefined) return saveErrors.unknownField(object.name, relationshipName);
  const { attributes, ...keys } = reference;
  const target = relationshipTarget(model, field, isPlainObject(attributes) ? attributes['type'] : undefined);
  const entries = Object.entries(keys);
  const [entry] = entries;
  if (target === undefined || entry === undefined || entries.length !== 1) {
    return saveErrors.unknownField(object.name, relationshipName);
  }
  const [keyName, value] = entry;
  const keyField = target.field(keyName);
  if (keyField === undefined || !(keyField.externalId || keyField.type === 'id')) {
    return saveErrors.unknownField(target.name, keyName);
  }
  if (typeof value !== 'string' && typeof value !== 'number') return saveErrors.wrongType(keyField, value);
  return { field, target, keyField, value: String(value) };
}

export function parseRecord(
  model: OrgModel,
  object: ObjectModel,
  record: SObjectRecord,
  mode: WriteMode
): ParsedRecord {
  const parsed: ParsedRecord = { values: {}, given: new Set(), parents: [], errors: [] };
  const notWritable: string[] = [];
  for (const [key, raw] of Object.entries(record)) {
    if (key === 'attributes') continue;
    const dot = key.indexOf('.');
    if (isPlainObject(raw) || dot > 0) {
      const reference = dot > 0 ? { [key.slice(dot + 1)]: raw } : (raw as Record<string, unknown>);
      const parent = parentByExternalId(model, object, dot > 0 ? key.slice(0, dot) : key, reference);
      if ('errorCode' in parent) parsed.errors.push(parent);
      else parsed.parents.push(parent);
      continue;
    }
    const field = object.field(key);
    if (field === undefined) {
      parsed.errors.push(saveErrors.unknownField(object.name, key));
      continue;
    }
    if (field.type === 'id') {
      if (mode === 'create' && raw !== null && raw !== undefined) parsed.errors.push(saveErrors.idOnInsert());
      continue;
    }
    if (!writable(field, mode)) {
      notWritable.push(field.name);
      continue;
    }
    const conversion = convertFieldValue(field, raw);
    if (conversion.ok) {
      parsed.values[field.name] = conversion.value;
      parsed.given.add(field.name);
    } else {
      parsed.errors.push(conversion.error);
    }
  }
  if (notWritable.length > 0) parsed.errors.push(saveErrors.notWritable(notWritable));
  return parsed;
}
