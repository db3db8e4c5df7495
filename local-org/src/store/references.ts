/**
 * Relationship checks, batched: one query per referenced object, whatever the number of rows. A reference must be
 * an id of an object the field points to (FIELD_INTEGRITY_EXCEPTION otherwise) of a record that exists
 * (INVALID_CROSS_REFERENCE_KEY, or ENTITY_IS_DELETED when it was deleted). Parents named by external id are looked
 * up first and become ids.
 */
import { normalizeId } from '../ids';
import { uniqueKeySql } from './ddl';
import { saveErrors } from './errors';
import { quoteIdentifier, type ObjectModel, type OrgModel } from './model';
import { appendTo } from './maps';
import { deletedIds } from './records';
import { groupByObject, isValid, type ParentByExternalId, type PendingRow } from './rows';
import type { SqlClient } from './sql';
import type { FieldDescriptor } from '../../../tools/schema/types';

/** The form a key is compared in: lower-cased unless the field is case-sensitive (ids are compared exactly). */
export function lookupKey(field: FieldDescriptor, value: string): string {
  if (field.type === 'id') return normalizeId(value) ?? value;
  return field.caseSensitive ? value : value.toLowerCase();
}

/** SQL of `keyField` of the record aliased `t`, in the form `lookupKey` gives the values it is compared with. */
export function keySql(keyField: FieldDescriptor): string {
  const column = `t.${quoteIdentifier(keyField.name)}`;
  return keyField.type === 'id' ? column : uniqueKeySql(keyField, column);
}

/** Ids of `target` records by lookup key of `keyField`, for the keys asked. */
export async function idsByKey(
  db: SqlClient,
  target: ObjectModel,
  keyField: FieldDescriptor,
  keys: readonly string[]
): Promise<Map<string, string[]>> {
  const key = keySql(keyField);
  const { rows } = await db.query<{ id: string; key: string }>(
    `SELECT t."Id" AS id, ${key} AS key FROM ${target.table} t WHERE ${key} = ANY($1::text[]) ORDER BY t."Id"`,
    [keys]
  );
  const found = new Map<string, string[]>();
  for (const row of rows) appendTo(found, row.key, row.id);
  return found;
}

/** Replaces each `Account: { External_Id__c: … }` with the parent's id, or records why it cannot. */
export async function resolveParents(db: SqlClient, rows: readonly PendingRow[]): Promise<void> {
  const requests = new Map<string, { target: ObjectModel; keyField: FieldDescriptor; keys: Set<string> }>();
  for (const row of rows.filter(isValid)) {
    for (const parent of row.parents) {
      const name = `${parent.target.name}.${parent.keyField.name}`;
      const request = requests.get(name) ?? {
        target: parent.target,
        keyField: parent.keyField,
        keys: new Set()
      };
      request.keys.add(lookupKey(parent.keyField, parent.value));
      requests.set(name, request);
    }
  }
  const found = new Map<string, Map<string, string[]>>();
  for (const [name, request] of requests) {
    found.set(name, await idsByKey(db, request.target, request.keyField, [...request.keys]));
  }
  for (const row of rows.filter(isValid)) {
    for (const parent of row.parents)
      applyParent(row, parent, found.get(`${parent.target.name}.${parent.keyField.name}`));
  }
}

function applyParent(
  row: PendingRow,
  parent: ParentByExternalId,
  found: Map<string, string[]> | undefined
): void {
  const ids = found?.get(lookupKey(parent.keyField, parent.value)) ?? [];
  if (ids.length === 1) {
    row.values[parent.field.name] = ids[0] ?? null;
  } else if (ids.length === 0) {
    row.errors.push(saveErrors.foreignKeyNotFound(parent.target.name, parent.keyField, parent.value));
  } else {
    row.errors.push(saveErrors.duplicateExternalIdMatches(parent.keyField, ids));
  }
}

interface ReferenceToCheck {
  row: PendingRow;
  field: FieldDescriptor;
  id: string;
}

/** Ids among `ids` that exist in `object`'s table, and those deleted from the org. */
async function existence(
  db: SqlClient,
  object: ObjectModel,
  ids: readonly string[]
): Promise<{ existing: Set<string>; deleted: Set<string> }> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT "Id" AS id FROM ${object.table} WHERE "Id" = ANY($1::text[])`,
    [ids]
  );
  const existing = new Set(rows.map((r) => r.id));
  return {
    existing,
    deleted: await deletedIds(
      db,
      ids.filter((id) => !existing.has(id))
    )
  };
}

/**
 * Checks every reference the call sets. Targets outside the org's model (Profile, Group, …) cannot be checked and
 * are accepted as given.
 */
export async function checkReferences(
  db: SqlClient,
  model: OrgModel,
  rows: readonly PendingRow[]
): Promise<void> {
  const byTarget = new Map<ObjectModel, ReferenceToCheck[]>();
  for (const [object, group] of groupByObject(rows.filter(isValid))) {
    const references = object.columns.filter((f) => f.type === 'reference');
    for (const row of group) checkRow(model, row, references, byTarget);
  }
  for (const [target, references] of byTarget) {
    const { existing, deleted } = await existence(db, target, [...new Set(references.map((r) => r.id))]);
    for (const { row, field, id } of references) {
      if (existing.has(id)) continue;
      row.errors.push(
        deleted.has(id) ? saveErrors.deletedReference(field) : saveErrors.missingReference(field)
      );
    }
  }
}

/** Records the row's new references to check, or its errors for ids of the wrong object. */
function checkRow(
  model: OrgModel,
  row: PendingRow,
  references: readonly FieldDescriptor[],
  byTarget: Map<ObjectModel, ReferenceToCheck[]>
): void {
  for (const field of references) {
    const id = row.values[field.name];
    if (typeof id !== 'string' || id === row.previous?.[field.name]) continue;
    if (!row.given.has(field.name) && !row.parents.some((p) => p.field === field)) continue;
    const target = model.objectOfId(id);
    if (target === undefined || !field.referenceTo.includes(target.name)) {
      const unverifiable =
        target === undefined && field.referenceTo.some((name) => model.object(name) === undefined);
      if (!unverifiable) row.errors.push(saveErrors.referenceOfWrongType(field, id));
      continue;
    }
    appendTo(byTarget, target, { row, field, id });
  }
}
