/** Reading stored rows by id, and telling a deleted record from one that never existed. */
import { INTERNAL } from './ddl';
import { saveErrors } from './errors';
import { appendTo } from './maps';
import { quoteIdentifier, type ObjectModel } from './model';
import type { SalesforceError } from '../contracts';
import type { Row, SqlClient } from './sql';

/** The stored columns of the records of `object` with the given ids, by id. */
export async function loadRows(
  db: SqlClient,
  object: ObjectModel,
  ids: readonly string[]
): Promise<Map<string, Row>> {
  if (ids.length === 0) return new Map();
  const columns = object.columns.map((f) => quoteIdentifier(f.name)).join(', ');
  const { rows } = await db.query<Row>(
    `SELECT ${columns} FROM ${object.table} WHERE "Id" = ANY($1::text[])`,
    [ids]
  );
  return new Map(rows.map((row) => [String(row['Id']), row]));
}

/** The stored columns of the records of `object` whose key (SQL over alias `t`) is one of `keys`, by key. */
export async function rowsByKey(
  db: SqlClient,
  object: ObjectModel,
  keySql: string,
  keys: readonly string[]
): Promise<Map<string, Row[]>> {
  const columns = object.columns.map((f) => `t.${quoteIdentifier(f.name)}`).join(', ');
  const { rows } = await db.query<Row & { _atlas_key: string }>(
    `SELECT ${columns}, ${keySql} AS _atlas_key FROM ${object.table} t WHERE ${keySql} = ANY($1::text[]) ORDER BY t."Id"`,
    [keys]
  );
  const found = new Map<string, Row[]>();
  for (const { _atlas_key: key, ...row } of rows) appendTo(found, key, row);
  return found;
}

/** Those of `ids` that belonged to records deleted from the org. */
export async function deletedIds(db: SqlClient, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM ${INTERNAL.tombstones} WHERE id = ANY($1::text[])`,
    [ids]
  );
  return new Set(rows.map((row) => row.id));
}

/** Why each of `ids` was not found: ENTITY_IS_DELETED for deleted records, INVALID_CROSS_REFERENCE_KEY otherwise. */
export async function missingRecordErrors(
  db: SqlClient,
  ids: readonly string[]
): Promise<Map<string, SalesforceError>> {
  const deleted = await deletedIds(db, ids);
  return new Map(
    ids.map((id) => [id, deleted.has(id) ? saveErrors.entityDeleted() : saveErrors.invalidRecordId()])
  );
}
