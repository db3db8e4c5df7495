/**
 * A fingerprint of what an org holds for a dataset: every record of every dataset object, by key, with its fields
 * and its references written as the keys they point at (Ids differ from org to org). Two orgs seeded with the same
 * data have the same digest however the loads went (faults, kills, resumes). Also reports keys held twice.
 */
import { createHash } from 'node:crypto';
import { Connection } from 'jsforce';
import { OrgApi } from '../../lib/api';
import { objectShape } from '../../lib/loader/shape';
import { canonical } from '../../lib/loader/values';
import type { OrgNames } from '../../lib/names';
import { queryAll, type OrgRecord } from '../../lib/query';
import { fieldInfo, objectInfo, type ObjectInfo } from '../../lib/target';
import type { SeedDataset, SeedObject } from '../generator/types';

export interface OrgDigest {
  digest: string;
  /** Records per dataset object found in the org. */
  counts: Record<string, number>;
  /** `Object key` of every key the org holds more than once. */
  duplicates: string[];
  /** `Object key` of dataset records the org does not hold. */
  missing: string[];
}

function apiField(info: ObjectInfo, names: OrgNames, name: string): string {
  return fieldInfo(info, names.apiName(name))?.name ?? names.apiName(name);
}

async function objectLines(
  api: OrgApi,
  names: OrgNames,
  seedObject: SeedObject,
  keysById: Map<string, string>
): Promise<{ lines: string[]; keys: string[]; wanted: Set<string> }> {
  const shape = objectShape(seedObject);
  const info = objectInfo(
    await api.call('digest', () => api.connection.describe(names.apiName(seedObject.object)))
  );
  const references = new Map([
    ...shape.references,
    ...shape.selfReferences.map((f): [string, string] => [f, shape.object])
  ]);
  const fields = [...new Set([...shape.fields, ...references.keys(), ...shape.naturalKey])].map((name) =>
    apiField(info, names, name)
  );
  const where = shape.keyField === null ? '' : ` WHERE ${apiField(info, names, shape.keyField)} != null`;
  const records = await queryAll(
    api,
    'digest',
    `SELECT Id, ${fields.filter((f) => f !== 'Id').join(', ')} FROM ${info.apiName}${where}`
  );
  const keyOf = (record: OrgRecord): string =>
    shape.keyField !== null
      ? String(record[apiField(info, names, shape.keyField)])
      : shape.naturalKey
          .map((name) => keysById.get(String(record[apiField(info, names, name)]).slice(0, 15)) ?? '?')
          .join('|');
  const wanted = new Set(
    shape.keyField !== null
      ? seedObject.records.map((record) => record.key)
      : seedObject.records.map((record) =>
          shape.naturalKey
            .map((name) => record.references[name]?.key ?? String(record.fields[name]))
            .join('|')
        )
  );
  for (const record of records) {
    keysById.set(String(record.Id).slice(0, 15), keyOf(record));
  }
  const lines: string[] = [];
  const keys: string[] = [];
  for (const record of records) {
    const key = keyOf(record);
    if (!wanted.has(key)) {
      continue;
    }
    keys.push(key);
    const values = fields.map((name) => {
      const field = fieldInfo(info, name);
      const value = record[name];
      if (field?.type === 'reference' && typeof value === 'string') {
        return [name, keysById.get(value.slice(0, 15)) ?? value];
      }
      return [name, field === undefined ? value : canonical(value, field)];
    });
    lines.push(JSON.stringify([key, values]));
  }
  return { lines: lines.sort(), keys, wanted };
}

export async function orgDigest(
  credentials: { instanceUrl: string; accessToken: string; apiVersion: string },
  names: OrgNames,
  dataset: SeedDataset
): Promise<OrgDigest> {
  const api = new OrgApi(
    new Connection({
      instanceUrl: credentials.instanceUrl,
      accessToken: credentials.accessToken,
      version: credentials.apiVersion
    })
  );
  const hash = createHash('sha256');
  const keysById = new Map<string, string>();
  const counts: Record<string, number> = {};
  const duplicates: string[] = [];
  const missing: string[] = [];
  for (const seedObject of dataset.objects) {
    const { lines, keys, wanted } = await objectLines(api, names, seedObject, keysById);
    counts[seedObject.object] = keys.length;
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) duplicates.push(`${seedObject.object} ${key}`);
      seen.add(key);
    }
    missing.push(...[...wanted].filter((key) => !seen.has(key)).map((key) => `${seedObject.object} ${key}`));
    hash.update(`${seedObject.object}\n${lines.join('\n')}\n`);
  }
  return { digest: hash.digest('hex'), counts, duplicates, missing };
}
