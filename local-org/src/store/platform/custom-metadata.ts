/**
 * Custom metadata records come from the project (customMetadata/*.md-meta.xml), not from the API: every open makes
 * each type's table hold exactly the project's records, keeping the ids of records that were already there.
 */
import { readCustomMetadataRecords } from '../../../../tools/schema/read-project';
import type { CustomMetadataRecord, ProjectSchema } from '../../../../tools/schema/types';
import { formatDateTime } from '../database';
import type { ObjectModel, OrgModel } from '../model';
import { insertRows, newIds, updateRows } from '../persist';
import type { Row, SqlClient } from '../sql';
import { convertFieldValue } from '../values';

function rowOf(object: ObjectModel, record: CustomMetadataRecord, now: Date): Row {
  const values: Row = {};
  for (const field of object.columns) values[field.name] = field.type === 'boolean' ? false : null;
  for (const [name, raw] of Object.entries(record.values)) {
    const field = object.field(name);
    if (field === undefined) continue;
    const conversion = convertFieldValue(field, raw);
    if (!conversion.ok) throw new Error(`${record.file}: ${conversion.error.message}`);
    values[field.name] = conversion.value;
  }
  return Object.assign(values, {
    DeveloperName: record.developerName,
    MasterLabel: record.label,
    Label: record.label,
    QualifiedApiName: record.developerName,
    Language: 'en_US',
    SystemModstamp: formatDateTime(now)
  });
}

export async function syncCustomMetadata(
  db: SqlClient,
  model: OrgModel,
  schema: ProjectSchema,
  now: Date
): Promise<void> {
  const records = readCustomMetadataRecords(schema.projectRoot, schema);
  for (const object of model.objects.filter((o) => o.descriptor.isCustomMetadata)) {
    const { rows } = await db.query<{ id: string; name: string }>(
      `SELECT "Id" AS id, "DeveloperName" AS name FROM ${object.table}`
    );
    const existing = new Map(rows.map((row) => [row.name, row.id]));
    const wanted = records
      .filter((record) => record.type === object.name)
      .map((record) => rowOf(object, record, now));
    const fresh = wanted.filter((row) => !existing.has(String(row['DeveloperName'])));
    const ids = await newIds(db, object.descriptor.keyPrefix, fresh.length);
    fresh.forEach((row, index) => (row['Id'] = ids[index] ?? null));
    const kept = wanted.filter((row) => existing.has(String(row['DeveloperName'])));
    for (const row of kept) row['Id'] = existing.get(String(row['DeveloperName'])) ?? null;
    const keptIds = kept.map((row) => String(row['Id']));
    await db.query(`DELETE FROM ${object.table} WHERE NOT ("Id" = ANY($1::text[]))`, [keptIds]);
    await updateRows(db, object, kept, object.columns);
    await insertRows(db, object, fresh);
  }
}
