/** Auto-number values (`WS-{00000}` → `WS-00042`), counted per field and persisted with the data. */
import { INTERNAL } from './ddl';
import type { ObjectModel } from './model';
import type { SqlClient } from './sql';
import type { FieldDescriptor } from '../../../tools/schema/types';

/** Fills `{000}` with the number (at least that many digits) and `{YYYY}`, `{YY}`, `{MM}`, `{DD}` with the date. */
export function formatAutoNumber(displayFormat: string, value: number, date: Date): string {
  const parts: Readonly<Record<string, string>> = {
    YYYY: String(date.getUTCFullYear()),
    YY: String(date.getUTCFullYear()).slice(-2),
    MM: String(date.getUTCMonth() + 1).padStart(2, '0'),
    DD: String(date.getUTCDate()).padStart(2, '0')
  };
  return displayFormat.replace(/\{(0+|YYYY|YY|MM|DD)\}/g, (_match, token: string) =>
    token.startsWith('0') ? String(value).padStart(token.length, '0') : (parts[token] ?? token)
  );
}

/** The next `count` values of an auto-number field, in order. */
export async function nextAutoNumbers(
  db: SqlClient,
  object: ObjectModel,
  field: FieldDescriptor,
  count: number,
  now: Date
): Promise<string[]> {
  const format = field.autoNumberFormat;
  if (format === undefined) throw new Error(`${object.name}.${field.name} has no auto-number format`);
  const key = `${object.name}.${field.name}`;
  const { rows } = await db.query<{ first: number }>(
    `INSERT INTO ${INTERNAL.autoNumbers} AS a (field, next) VALUES ($1, $2::bigint + $3::bigint)
     ON CONFLICT (field) DO UPDATE SET next = a.next + $3::bigint
     RETURNING next - $3::bigint AS first`,
    [key, format.startingNumber, count]
  );
  const first = rows[0]?.first ?? format.startingNumber;
  return Array.from({ length: count }, (_, index) =>
    formatAutoNumber(format.displayFormat, first + index, now)
  );
}
