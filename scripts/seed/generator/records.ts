/** Building blocks for the contract's records: absent values are left out, never written as null. */
import type { SeedObject, SeedRecord, SeedReference, SeedValue } from './types';

export type FieldValues = Record<string, SeedValue | undefined>;
export type ReferenceValues = Record<string, SeedReference | undefined>;

export const EXTERNAL_ID = 'External_Id__c';

export function ref(object: string, key: string): SeedReference {
  return { object, key };
}

/** A reference when `key` is set, otherwise nothing. */
export function optionalRef(object: string, key: string | null | undefined): SeedReference | undefined {
  return key === null || key === undefined ? undefined : ref(object, key);
}

/** Copies the present values of `values` into `into`: absent values are left out, never written as null. */
function copyPresent<T>(
  into: Record<string, T>,
  values: Record<string, T | null | undefined>
): Record<string, T> {
  for (const name in values) {
    const value = values[name];
    if (value !== undefined && value !== null) into[name] = value;
  }
  return into;
}

/** A record keyed on External_Id__c: the key is also written to the field the loader upserts on. */
export function externalIdRecord(
  key: string,
  fields: FieldValues,
  references: ReferenceValues = {}
): SeedRecord {
  return {
    key,
    fields: copyPresent<SeedValue>({ [EXTERNAL_ID]: key }, fields),
    references: copyPresent({}, references)
  };
}

/** A record with no external id field (OpportunityContactRole): the key only identifies it inside the dataset. */
export function plainRecord(key: string, fields: FieldValues, references: ReferenceValues = {}): SeedRecord {
  return { key, fields: copyPresent({}, fields), references: copyPresent({}, references) };
}

export function externalIdObject(
  object: string,
  records: SeedRecord[],
  selfReferences: string[] = []
): SeedObject {
  return { object, keyField: EXTERNAL_ID, selfReferences, records };
}

/** `text` cut to at most `max` characters, at a word boundary when there is one. */
export function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '');
}

/** `7` → `'007'` for `width` 3: fixed-width numbers keep keys readable and sortable. */
export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Rounds to a multiple of `step`. */
export function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/** Lower-case ASCII letters and digits only: for e-mail local parts, domains and keys. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** A whole amount with thousands separators: `1250000` → `1,250,000`. */
export function formatAmount(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
