/**
 * Turning a create, update or upsert request into a save batch: which object each record is, which stored record an
 * update or upsert row changes, and which rows fail before their fields are even read.
 */
import { SalesforceApiError, type SObjectRecord } from '../contracts';
import { normalizeId } from '../ids';
import { saveErrors } from './errors';
import type { ObjectModel, OrgModel } from './model';
import { loadRows, missingRecordErrors, rowsByKey } from './records';
import { keySql, lookupKey } from './references';
import { groupByObject } from './rows';
import type { EarlyFailure, SaveBatch, UpdateRequest } from './save';
import type { SqlClient } from './sql';
import { isBlank } from './values';
import type { FieldDescriptor } from '../../../tools/schema/types';

function emptyBatch(size: number, reportCreated = false): SaveBatch {
  return { inserts: [], updates: [], failures: [], size, reportCreated };
}

/** The value of `fieldName` in `record`, matching the key without regard to case. */
function valueOf(record: SObjectRecord, fieldName: string): unknown {
  const lower = fieldName.toLowerCase();
  const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

function typeOf(record: SObjectRecord): unknown {
  const attributes = record['attributes'];
  return typeof attributes === 'object' && attributes !== null
    ? (attributes as Record<string, unknown>)['type']
    : undefined;
}

export function planCreate(model: OrgModel, objectName: string | null, records: SObjectRecord[]): SaveBatch {
  const batch = emptyBatch(records.length);
  const named = objectName === null ? undefined : model.requireObject(objectName);
  records.forEach((record, index) => {
    const typeName = typeOf(record);
    const object = named ?? (typeof typeName === 'string' ? model.object(typeName) : undefined);
    if (object !== undefined) batch.inserts.push({ index, object, record });
    else {
      const error =
        typeof typeName === 'string' ? saveErrors.unknownType(typeName) : saveErrors.missingType();
      batch.failures.push({ index, id: null, error });
    }
  });
  return batch;
}

/** Loads the records the rows change; rows whose record is missing fail (deleted or never existed). */
async function attachStoredRecords(
  db: SqlClient,
  candidates: Omit<UpdateRequest, 'previous'>[],
  batch: SaveBatch
): Promise<void> {
  for (const [object, group] of groupByObject(candidates)) {
    const stored = await loadRows(
      db,
      object,
      group.map((c) => c.id)
    );
    const missing = await missingRecordErrors(
      db,
      group.filter((c) => !stored.has(c.id)).map((c) => c.id)
    );
    for (const candidate of group) {
      const previous = stored.get(candidate.id);
      if (previous !== undefined) batch.updates.push({ ...candidate, previous });
      else
        batch.failures.push({
          index: candidate.index,
          id: candidate.id,
          error: missing.get(candidate.id) ?? saveErrors.invalidRecordId()
        });
    }
  }
}

export async function planUpdate(
  db: SqlClient,
  model: OrgModel,
  objectName: string | null,
  records: SObjectRecord[]
): Promise<SaveBatch> {
  const batch = emptyBatch(records.length);
  const named = objectName === null ? undefined : model.requireObject(objectName);
  const candidates: Omit<UpdateRequest, 'previous'>[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const raw = valueOf(record, 'Id');
    const fail = (failure: Omit<EarlyFailure, 'index'>): void =>
      void batch.failures.push({ index, ...failure });
    if (isBlank(raw)) return fail({ id: null, error: saveErrors.missingId() });
    const id = normalizeId(String(raw));
    const object = id === null ? undefined : model.objectOfId(id);
    if (id === null || object === undefined || (named !== undefined && named !== object)) {
      return fail({ id: null, error: saveErrors.malformedId(String(raw)) });
    }
    if (seen.has(id)) return fail({ id, error: saveErrors.duplicateIdInList(id) });
    seen.add(id);
    candidates.push({ index, object, id, record });
  });
  await attachStoredRecords(db, candidates, batch);
  return batch;
}

/** The upsert key: an external id field, or Id. Anything else is Salesforce's 404 for the upsert URL. */
function upsertKeyField(object: ObjectModel, externalIdField: string): FieldDescriptor {
  const field = object.field(externalIdField);
  if (field === undefined || !(field.externalId || field.idLookup === true || field.type === 'id')) {
    throw new SalesforceApiError(404, [
      {
        errorCode: 'NOT_FOUND',
        message: `Provided external ID field does not exist or is not accessible: ${externalIdField}`,
        fields: []
      }
    ]);
  }
  return field;
}

interface KeyedRecord {
  index: number;
  record: SObjectRecord;
  key: string;
  raw: string;
}

export async function planUpsert(
  db: SqlClient,
  model: OrgModel,
  objectName: string,
  externalIdField: string,
  records: SObjectRecord[]
): Promise<SaveBatch> {
  const object = model.requireObject(objectName);
  const keyField = upsertKeyField(object, externalIdField);
  const batch = emptyBatch(records.length, true);
  const keyed: KeyedRecord[] = [];
  records.forEach((record, index) => {
    const raw = valueOf(record, keyField.name);
    if (isBlank(raw)) {
      if (keyField.type === 'id') batch.inserts.push({ index, object, record: withoutKey(record, keyField) });
      else batch.failures.push({ index, id: null, error: saveErrors.missingExternalId(keyField) });
      return;
    }
    keyed.push({ index, record, key: lookupKey(keyField, String(raw)), raw: String(raw) });
  });
  const counts = new Map<string, number>();
  for (const { key } of keyed) counts.set(key, (counts.get(key) ?? 0) + 1);
  const unique = keyed.filter(({ index, key, raw }) => {
    if ((counts.get(key) ?? 0) === 1) return true;
    batch.failures.push({ index, id: null, error: saveErrors.duplicateExternalIdInRequest(keyField, raw) });
    return false;
  });
  const matches = await rowsByKey(
    db,
    object,
    keySql(keyField),
    unique.map((k) => k.key)
  );
  for (const { index, record, key } of unique) {
    const [previous, ...others] = matches.get(key) ?? [];
    const id = previous?.['Id'];
    if (others.length > 0) {
      const ids = [previous, ...others].map((row) => String(row?.['Id']));
      batch.failures.push({ index, id: null, error: saveErrors.duplicateExternalIdMatches(keyField, ids) });
    } else if (previous !== undefined && typeof id === 'string') {
      batch.updates.push({ index, object, id, previous, record: withoutKey(record, keyField) });
    } else if (keyField.type === 'id') {
      batch.failures.push({ index, id: null, error: saveErrors.invalidRecordId() });
    } else {
      batch.inserts.push({ index, object, record });
    }
  }
  return batch;
}

/** Id is the key of an Id upsert, not a field to write. */
function withoutKey(record: SObjectRecord, keyField: FieldDescriptor): SObjectRecord {
  if (keyField.type !== 'id') return record;
  return Object.fromEntries(Object.entries(record).filter(([key]) => key.toLowerCase() !== 'id'));
}
