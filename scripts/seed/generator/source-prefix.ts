import { EXTERNAL_ID } from './records';
import type { SeedObject, SeedRecord } from './types';

/**
 * Every key this generator writes to External_Id__c starts with its source, as the data model asks of every
 * loader (`seed:`, `sheet:`, `crm:`…), so seeded keys never match keys loaded from a customer's own data.
 * Users keep their Username, which is theirs alone.
 */
export const SEED_KEY_PREFIX = 'seed:';

export function withSourcePrefix(objects: SeedObject[]): SeedObject[] {
  const prefixed = new Set(objects.filter((o) => o.keyField === EXTERNAL_ID).map((o) => o.object));
  const prefix = (object: string, key: string): string =>
    prefixed.has(object) ? SEED_KEY_PREFIX + key : key;
  const rewrite = (object: string, record: SeedRecord): SeedRecord => {
    const key = prefix(object, record.key);
    const references: SeedRecord['references'] = {};
    for (const [field, reference] of Object.entries(record.references)) {
      references[field] = { object: reference.object, key: prefix(reference.object, reference.key) };
    }
    const fields = EXTERNAL_ID in record.fields ? { ...record.fields, [EXTERNAL_ID]: key } : record.fields;
    return { key, fields, references };
  };
  return objects.map((object) => ({
    ...object,
    records: object.records.map((record) => rewrite(object.object, record))
  }));
}
