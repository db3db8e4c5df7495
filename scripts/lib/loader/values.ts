/**
 * Comparing the data's values with the org's. Both sides are reduced to one canonical text per field type, so that
 * `2026-11-23T15:04:05Z` equals the org's `2026-11-23T15:04:05.000+0000`, 12.5 equals "12.50" from a CSV, an
 * 18-character Id equals its 15-character form, and an empty text equals null (Salesforce stores it as null).
 */
import type { FieldInfo } from '../target';

const NUMBER_TYPES: ReadonlySet<string> = new Set(['int', 'double', 'currency', 'percent', 'long']);

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function canonicalNumber(value: unknown, scale: number | undefined): string {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) {
    return text(value);
  }
  return String(scale === undefined ? number : Number(number.toFixed(scale)));
}

function canonicalDateTime(value: unknown): string {
  const time = Date.parse(text(value));
  // Salesforce keeps date-times to the second.
  return Number.isNaN(time) ? text(value) : String(Math.floor(time / 1000));
}

/** The canonical text of `value` in a field of this type; null for no value. */
export function canonical(value: unknown, field: Pick<FieldInfo, 'type' | 'scale'>): string | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  if (NUMBER_TYPES.has(field.type)) {
    return canonicalNumber(value, field.scale);
  }
  switch (field.type) {
    case 'boolean':
      return String(value === true || value === 'true');
    case 'date':
      return text(value).slice(0, 10);
    case 'datetime':
      return canonicalDateTime(value);
    case 'id':
    case 'reference':
      return text(value).slice(0, 15);
    case 'multipicklist':
      return text(value)
        .split(';')
        .map((item) => item.trim())
        .filter((item) => item.length > 0)
        .sort()
        .join(';');
    case 'textarea':
      return text(value).replace(/\r\n/g, '\n');
    default:
      return text(value);
  }
}
