/**
 * Writing rows in bulk: each call's rows of one object go to the database as one CSV stream (COPY), the fastest
 * way into PostgreSQL, so ten thousand rows are one statement and no value is ever part of the SQL text. Updates
 * copy into a staging table and update from it.
 */
import { composeId } from '../ids';
import { INTERNAL } from './ddl';
import { quoteIdentifier, type ObjectModel } from './model';
import type { DbValue, Row, SqlClient } from './sql';
import type { FieldDescriptor } from '../../../tools/schema/types';

const STAGED = '"_atlas_staged"';

/** CSV as COPY reads it: an empty field is null, a quoted one is text (Salesforce stores no empty strings). */
function csvValue(value: DbValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return `"${value.replace(/"/g, '""')}"`;
  return String(value);
}

async function copyRows(
  db: SqlClient,
  table: string,
  columns: readonly FieldDescriptor[],
  rows: readonly Row[]
): Promise<void> {
  const names = columns.map((f) => quoteIdentifier(f.name)).join(', ');
  const lines = rows.map((row) => columns.map((f) => csvValue(row[f.name] ?? null)).join(','));
  await db.query(`COPY ${table} (${names}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
    blob: new Blob([lines.join('\n')])
  });
}

/** Inserts new records; columns that are null in every row are left to their default (null). */
export async function insertRows(db: SqlClient, object: ObjectModel, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = object.columns.filter((f) => rows.some((row) => (row[f.name] ?? null) !== null));
  await copyRows(db, object.table, columns, rows);
}

/** Writes `columns` of the given rows (matched on Id). */
export async function updateRows(
  db: SqlClient,
  object: ObjectModel,
  rows: readonly Row[],
  columns: readonly FieldDescriptor[]
): Promise<void> {
  const assigned = columns.filter((f) => f.type !== 'id');
  if (rows.length === 0 || assigned.length === 0) return;
  const staged = [...object.columns.filter((f) => f.type === 'id'), ...assigned];
  const names = staged.map((f) => quoteIdentifier(f.name)).join(', ');
  await db.query(`CREATE TEMP TABLE ${STAGED} AS SELECT ${names} FROM ${object.table} WITH NO DATA`);
  await copyRows(db, STAGED, staged, rows);
  const assignments = assigned
    .map((f) => `${quoteIdentifier(f.name)} = s.${quoteIdentifier(f.name)}`)
    .join(', ');
  await db.query(`UPDATE ${object.table} AS t SET ${assignments} FROM ${STAGED} s WHERE t."Id" = s."Id"`);
  await db.query(`DROP TABLE ${STAGED}`);
}

/** `count` new ids with `keyPrefix`, from the org-wide counter so that no two records ever share one. */
export async function newIds(db: SqlClient, keyPrefix: string, count: number): Promise<string[]> {
  if (count === 0) return [];
  const { rows } = await db.query<{ last: number }>(
    `SELECT setval('${INTERNAL.idSequence}', nextval('${INTERNAL.idSequence}') + $1::bigint - 1) AS last`,
    [count]
  );
  const last = rows[0]?.last ?? 0;
  return Array.from({ length: count }, (_, index) => composeId(keyPrefix, last - count + 1 + index));
}
