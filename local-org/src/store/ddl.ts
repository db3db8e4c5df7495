/**
 * Tables for the org's objects: one per object, one column per stored field, typed after the describe type, with
 * indexes on references (relationship queries, roll-ups, cascades) and on unique and external-id fields (upserts,
 * duplicate checks). Opening an existing database adds the tables and columns of objects and fields added to the
 * project since; nothing is ever dropped.
 */
import { createHash } from 'node:crypto';
import { quoteIdentifier, type ObjectModel, type OrgModel } from './model';
import type { SqlClient } from './sql';
import type { FieldDescriptor } from '../../../tools/schema/types';

/** The store's own bookkeeping; Salesforce names never start with an underscore. */
export const INTERNAL = {
  settings: '"_atlas_settings"',
  tombstones: '"_atlas_tombstones"',
  autoNumbers: '"_atlas_auto_numbers"',
  idSequence: '"_atlas_id_sequence"'
};

const INTERNAL_DDL = [
  `CREATE TABLE IF NOT EXISTS ${INTERNAL.settings} (key text PRIMARY KEY, value text NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ${INTERNAL.tombstones} (id text PRIMARY KEY)`,
  `CREATE TABLE IF NOT EXISTS ${INTERNAL.autoNumbers} (field text PRIMARY KEY, next bigint NOT NULL)`,
  `CREATE SEQUENCE IF NOT EXISTS ${INTERNAL.idSequence}`
];

/** The PostgreSQL type of a field's column. */
function sqlType(field: FieldDescriptor): string {
  switch (field.type) {
    case 'boolean':
      return 'boolean';
    case 'int':
      return 'integer';
    case 'double':
    case 'currency':
    case 'percent':
      return 'numeric';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamptz';
    case 'time':
      return 'time';
    default:
      return 'text';
  }
}

/** Checkboxes are never null: existing rows of a new checkbox column take its default, as in Salesforce. */
function columnDefinition(field: FieldDescriptor): string {
  let type = sqlType(field);
  if (field.type === 'id') type += ' PRIMARY KEY';
  if (field.type === 'boolean') type += ` NOT NULL DEFAULT ${field.defaultValue === true ? 'TRUE' : 'FALSE'}`;
  return `${quoteIdentifier(field.name)} ${type}`;
}

/** Index names must fit PostgreSQL's 63 characters: a hash of object and field keeps them short and stable. */
function indexName(object: ObjectModel, field: FieldDescriptor): string {
  const digest = createHash('sha1').update(`${object.name}.${field.name}`).digest('hex').slice(0, 16);
  return quoteIdentifier(`ix_${digest}`);
}

/** Case-insensitive uniqueness compares lower-cased values; the index serves those lookups. */
export function uniqueKeySql(field: FieldDescriptor, expression: string): string {
  return field.caseSensitive ? expression : `lower(${expression})`;
}

/** Audit references are never followed from the user's side (users cannot be deleted): no index to maintain. */
const UNINDEXED_REFERENCES = new Set(['CreatedById', 'LastModifiedById']);

function indexStatements(object: ObjectModel): string[] {
  return object.columns.flatMap((field) => {
    const column = quoteIdentifier(field.name);
    if (field.type === 'reference' && !UNINDEXED_REFERENCES.has(field.name)) {
      return [`CREATE INDEX IF NOT EXISTS ${indexName(object, field)} ON ${object.table} (${column})`];
    }
    if (field.unique || field.externalId) {
      const key = uniqueKeySql(field, column);
      return [`CREATE INDEX IF NOT EXISTS ${indexName(object, field)} ON ${object.table} (${key})`];
    }
    return [];
  });
}

async function existingColumns(db: SqlClient): Promise<Map<string, Set<string>>> {
  const { rows } = await db.query<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"
  );
  const tables = new Map<string, Set<string>>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? new Set<string>();
    columns.add(row.column_name);
    tables.set(row.table_name, columns);
  }
  return tables;
}

/** Brings the database up to the model: creates missing tables, adds missing columns and indexes. */
export async function syncSchema(db: SqlClient, model: OrgModel): Promise<void> {
  for (const statement of INTERNAL_DDL) await db.query(statement);
  const existing = await existingColumns(db);
  for (const object of model.objects) {
    const columns = existing.get(object.name);
    if (columns === undefined) {
      await db.query(`CREATE TABLE ${object.table} (${object.columns.map(columnDefinition).join(', ')})`);
    } else {
      for (const field of object.columns.filter((f) => !columns.has(f.name))) {
        await db.query(`ALTER TABLE ${object.table} ADD COLUMN ${columnDefinition(field)}`);
      }
    }
    for (const statement of indexStatements(object)) await db.query(statement);
  }
}
