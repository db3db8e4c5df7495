/**
 * Unique fields (external ids among them): a value may be held by one record only, compared without regard to case
 * unless the field is case-sensitive. Checked against the stored records with one query per field, and between the
 * rows of the same call (the first row keeps the value).
 */
import { saveErrors } from './errors';
import { groupByObject, isValid, type PendingRow } from './rows';
import { idsByKey, lookupKey } from './references';
import type { SqlClient } from './sql';

export async function checkUniqueFields(db: SqlClient, rows: readonly PendingRow[]): Promise<void> {
  for (const [object, group] of groupByObject(rows.filter(isValid))) {
    for (const field of object.columns.filter((f) => f.unique)) {
      const keyed = group.flatMap((row) => {
        const value = row.values[field.name];
        if (typeof value !== 'string' || value === row.previous?.[field.name]) return [];
        return [{ row, key: lookupKey(field, value) }];
      });
      if (keyed.length === 0) continue;
      const stored = await idsByKey(db, object, field, [...new Set(keyed.map((k) => k.key))]);
      const claimed = new Map<string, string>();
      for (const { row, key } of keyed) {
        const holder = (stored.get(key) ?? []).find((id) => id !== row.id) ?? claimed.get(key);
        if (holder !== undefined) {
          row.errors.push(saveErrors.duplicateValue(field, holder));
        } else {
          claimed.set(key, row.id);
        }
      }
    }
  }
}
