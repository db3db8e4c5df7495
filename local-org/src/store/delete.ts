/**
 * Deleting records as Salesforce does: master-detail children (and the standard children the platform removes with
 * their parent) go with the record; a child on a restricting or required lookup stops the delete (DELETE_FAILED);
 * other lookups to the record are cleared. Deletion is hard, but the ids are remembered so that later calls
 * referring to them get ENTITY_IS_DELETED.
 */
import type { SaveResult, SalesforceError } from '../contracts';
import { normalizeId } from '../ids';
import { INTERNAL } from './ddl';
import { saveErrors } from './errors';
import { childSide, quoteIdentifier, type ObjectModel } from './model';
import type { DeletedRecord, PlatformContext } from './platform/context';
import { PLATFORM_CASCADES, platformRulesFor } from './platform';
import { appendTo } from './maps';
import { loadRows, missingRecordErrors } from './records';
import type { Row } from './sql';
import type { ChildRelationship, FieldDescriptor } from '../../../tools/schema/types';

interface Link {
  child: ObjectModel;
  field: FieldDescriptor;
  kind: 'cascade' | 'restrict' | 'clear';
}

/** How deleting a parent affects the children on one relationship. */
function linkOf(context: PlatformContext, relationship: ChildRelationship): Link {
  const { child, field } = childSide(context.model, relationship);
  if (field.cascadeDelete || PLATFORM_CASCADES.has(`${child.name}.${field.name}`))
    return { child, field, kind: 'cascade' };
  if (field.restrictedDelete || !field.nillable) return { child, field, kind: 'restrict' };
  return { child, field, kind: 'clear' };
}

function linksOf(context: PlatformContext, parent: ObjectModel): Link[] {
  return parent.descriptor.childRelationships.map((relationship) => linkOf(context, relationship));
}

/** The records to delete: by object, each with the index of the requested record it is deleted for. */
type Deletion = Map<ObjectModel, Map<string, number>>;

function add(deletion: Deletion, object: ObjectModel, id: string, root: number): boolean {
  const ids = deletion.get(object) ?? new Map<string, number>();
  deletion.set(object, ids);
  if (ids.has(id)) return false;
  ids.set(id, root);
  return true;
}

async function children(
  context: PlatformContext,
  link: Link,
  parentIds: string[]
): Promise<{ id: string; parent: string; name: string }[]> {
  const column = quoteIdentifier(link.field.name);
  const nameField = link.child.descriptor.fields.find((f) => f.nameField);
  const name =
    nameField === undefined || nameField.formula !== undefined
      ? 'c."Id"'
      : `c.${quoteIdentifier(nameField.name)}`;
  const { rows } = await context.db.query<{ id: string; parent: string; name: string | null }>(
    `SELECT c."Id" AS id, c.${column} AS parent, ${name} AS name FROM ${link.child.table} c WHERE c.${column} = ANY($1::text[])`,
    [parentIds]
  );
  return rows.map((row) => ({ ...row, name: row.name ?? row.id }));
}

/** Adds every cascaded descendant of the deletion's records. */
async function addCascades(context: PlatformContext, deletion: Deletion): Promise<void> {
  let frontier = new Map([...deletion].map(([object, ids]) => [object, [...ids.keys()]]));
  while (frontier.size > 0) {
    const next = new Map<ObjectModel, string[]>();
    for (const [object, ids] of frontier) {
      const roots = deletion.get(object);
      for (const link of linksOf(context, object).filter((l) => l.kind === 'cascade')) {
        for (const child of await children(context, link, ids)) {
          if (add(deletion, link.child, child.id, roots?.get(child.parent) ?? -1)) {
            appendTo(next, link.child, child.id);
          }
        }
      }
    }
    frontier = next;
  }
}

/** DELETE_FAILED for each requested record that a surviving child on a restricting lookup still needs. */
async function restrictedRoots(
  context: PlatformContext,
  deletion: Deletion,
  names: Map<number, string>
): Promise<Map<number, SalesforceError>> {
  const failures = new Map<number, SalesforceError>();
  for (const [object, ids] of deletion) {
    for (const link of linksOf(context, object).filter((l) => l.kind === 'restrict')) {
      const blocking = (await children(context, link, [...ids.keys()])).filter(
        (c) => !deletion.get(link.child)?.has(c.id)
      );
      for (const child of blocking) {
        const root = ids.get(child.parent) ?? -1;
        if (failures.has(root)) continue;
        const label = link.child.descriptor.labelPlural;
        failures.set(root, saveErrors.deleteRestricted(names.get(root) ?? child.parent, label, [child.name]));
      }
    }
  }
  return failures;
}

async function performDeletion(context: PlatformContext, deletion: Deletion): Promise<void> {
  const deleted: DeletedRecord[] = [];
  for (const [object, ids] of deletion) {
    const idList = [...ids.keys()];
    if (platformRulesFor(object.name)?.afterDelete !== undefined) {
      for (const values of (await loadRows(context.db, object, idList)).values())
        deleted.push({ object, values });
    }
    for (const link of linksOf(context, object).filter((l) => l.kind === 'clear')) {
      const column = quoteIdentifier(link.field.name);
      await context.db.query(
        `UPDATE ${link.child.table} SET ${column} = NULL WHERE ${column} = ANY($1::text[])`,
        [idList]
      );
    }
  }
  for (const [object, ids] of deletion) {
    const idList = [...ids.keys()];
    await context.db.query(`DELETE FROM ${object.table} WHERE "Id" = ANY($1::text[])`, [idList]);
    await context.db.query(
      `INSERT INTO ${INTERNAL.tombstones} (id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [idList]
    );
  }
  const byObject = new Map<ObjectModel, DeletedRecord[]>();
  for (const record of deleted) appendTo(byObject, record.object, record);
  for (const [object, records] of byObject)
    await platformRulesFor(object.name)?.afterDelete?.(records, context);
}

interface Requested {
  index: number;
  object: ObjectModel;
  id: string;
}

/** Validates the ids: well-formed, of a deletable object, of an existing record, not repeated. */
async function requestedRecords(
  context: PlatformContext,
  ids: string[],
  failures: Map<number, { id: string | null; error: SalesforceError }>
): Promise<{ requested: Requested[]; names: Map<number, string> }> {
  const requested: Requested[] = [];
  const seen = new Set<string>();
  ids.forEach((raw, index) => {
    const id = normalizeId(raw);
    const object = id === null ? undefined : context.model.objectOfId(id);
    if (id === null || object === undefined)
      failures.set(index, { id: null, error: saveErrors.malformedId(raw) });
    else if (!object.access.deletable) {
      failures.set(index, { id, error: saveErrors.operationNotAllowed('deleted', object.descriptor.label) });
    } else if (seen.has(id)) failures.set(index, { id, error: saveErrors.duplicateIdInList(id) });
    else {
      seen.add(id);
      requested.push({ index, object, id });
    }
  });
  const found: Requested[] = [];
  const names = new Map<number, string>();
  const byObject = new Map<ObjectModel, Requested[]>();
  for (const entry of requested) appendTo(byObject, entry.object, entry);
  for (const [object, entries] of byObject) {
    const stored = await loadRows(
      context.db,
      object,
      entries.map((e) => e.id)
    );
    const missing = await missingRecordErrors(
      context.db,
      entries.filter((e) => !stored.has(e.id)).map((e) => e.id)
    );
    const nameField = object.descriptor.fields.find((f) => f.nameField && f.formula === undefined);
    for (const entry of entries) {
      const row: Row | undefined = stored.get(entry.id);
      if (row === undefined) {
        failures.set(entry.index, {
          id: entry.id,
          error: missing.get(entry.id) ?? saveErrors.invalidRecordId()
        });
      } else {
        found.push(entry);
        names.set(entry.index, String((nameField === undefined ? null : row[nameField.name]) ?? entry.id));
      }
    }
  }
  return { requested: found, names };
}

export async function deleteRecords(
  context: PlatformContext,
  ids: string[],
  allOrNone: boolean
): Promise<SaveResult[]> {
  const failures = new Map<number, { id: string | null; error: SalesforceError }>();
  const { requested, names } = await requestedRecords(context, ids, failures);
  const deletion: Deletion = new Map();
  for (const entry of requested) add(deletion, entry.object, entry.id, entry.index);
  await addCascades(context, deletion);
  for (const [root, error] of await restrictedRoots(context, deletion, names)) {
    failures.set(root, { id: requested.find((r) => r.index === root)?.id ?? null, error });
  }
  const failed = failures.size > 0;
  if (!(allOrNone && failed)) {
    for (const ids of deletion.values()) for (const [id, root] of ids) if (failures.has(root)) ids.delete(id);
    await performDeletion(context, deletion);
  }
  return ids.map((raw, index): SaveResult => {
    const failure = failures.get(index);
    if (failure !== undefined) return { id: failure.id, success: false, errors: [failure.error] };
    const id = normalizeId(raw);
    if (allOrNone && failed) return { id, success: false, errors: [saveErrors.rolledBack()] };
    return { id, success: true, errors: [] };
  });
}
