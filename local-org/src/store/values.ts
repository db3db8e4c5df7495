/**
 * Converting a field value from an API request (JSON, or CSV text from Bulk API) into the value its column holds,
 * with Salesforce's checks: type, length, number range, email shape, restricted picklist values, id shape. Empty
 * strings are null, as Salesforce never stores an empty string.
 */
import type { SalesforceError } from '../contracts';
import { normalizeId } from '../ids';
import { saveErrors } from './errors';
import type { DbValue } from './sql';
import type { FieldDescriptor } from '../../../tools/schema/types';

export type Conversion = { ok: true; value: DbValue } | { ok: false; error: SalesforceError };

const TEXT_TYPES = new Set(['string', 'textarea', 'email', 'phone', 'url', 'combobox', 'anyType']);
const NUMBER_TYPES = new Set(['int', 'double', 'currency', 'percent']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?$/;

const ok = (value: DbValue): Conversion => ({ ok: true, value });
const fail = (error: SalesforceError): Conversion => ({ ok: false, error });

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** Text of at most `length` characters (as Salesforce counts them: code points). */
function checkLength(field: FieldDescriptor, text: string): Conversion {
  const length = field.length;
  if (length !== undefined && [...text].length > length) return fail(saveErrors.tooLong(field, text));
  return ok(text);
}

function convertText(field: FieldDescriptor, raw: unknown): Conversion {
  const text = asText(raw);
  if (text === null) return fail(saveErrors.wrongType(field, raw));
  if (field.type === 'email' && !EMAIL.test(text)) return fail(saveErrors.badEmail(field, text));
  return checkLength(field, text);
}

function activeValues(field: FieldDescriptor): string[] {
  return field.picklistValues.filter((v) => v.active).map((v) => v.value);
}

function convertPicklist(field: FieldDescriptor, raw: unknown): Conversion {
  const text = asText(raw);
  if (text === null) return fail(saveErrors.wrongType(field, raw));
  if (field.restrictedPicklist && !activeValues(field).includes(text)) {
    return fail(saveErrors.badPicklistValue(field, text));
  }
  return checkLength(field, text);
}

/** `a;b;a` → `a;b`, in the picklist's own order when it has values. */
function convertMultiPicklist(field: FieldDescriptor, raw: unknown): Conversion {
  const text = asText(raw);
  if (text === null) return fail(saveErrors.wrongType(field, raw));
  const chosen = [
    ...new Set(
      text
        .split(';')
        .map((v) => v.trim())
        .filter((v) => v !== '')
    )
  ];
  if (chosen.length === 0) return ok(null);
  const known = activeValues(field);
  if (field.restrictedPicklist) {
    const bad = chosen.find((v) => !known.includes(v));
    if (bad !== undefined) return fail(saveErrors.badPicklistValue(field, bad));
  }
  const rank = (v: string): number => (known.includes(v) ? known.indexOf(v) : known.length);
  return checkLength(field, normalizeMultiPicklist(chosen, rank));
}

export function normalizeMultiPicklist(values: string[], rank: (value: string) => number): string {
  return [...values].sort((a, b) => rank(a) - rank(b)).join(';');
}

function parseNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/** Round half up (away from zero), as Salesforce rounds numbers to a field's scale. */
export function roundHalfUp(value: number, scale: number): number {
  const factor = 10 ** scale;
  const shifted = Math.abs(value) * factor;
  const rounded = Math.round(Number(shifted.toPrecision(15))) / factor;
  return value < 0 ? -rounded : rounded;
}

function convertNumber(field: FieldDescriptor, raw: unknown): Conversion {
  const parsed = parseNumber(raw);
  if (parsed === null) return fail(saveErrors.wrongType(field, raw));
  if (field.type === 'int') {
    if (!Number.isInteger(parsed)) return fail(saveErrors.wrongType(field, raw));
    const digits = field.digits ?? 9;
    return Math.abs(parsed) >= 10 ** digits ? fail(saveErrors.outOfRange(field, parsed)) : ok(parsed);
  }
  const scale = field.scale ?? 0;
  const value = roundHalfUp(parsed, scale);
  const integerDigits = (field.precision ?? 18) - scale;
  return Math.abs(value) >= 10 ** integerDigits ? fail(saveErrors.outOfRange(field, parsed)) : ok(value);
}

function convertBoolean(field: FieldDescriptor, raw: unknown): Conversion {
  if (raw === null || raw === undefined || raw === '') return ok(false);
  if (typeof raw === 'boolean') return ok(raw);
  const text = asText(raw)?.toLowerCase();
  if (text === 'true' || text === '1') return ok(true);
  if (text === 'false' || text === '0') return ok(false);
  return fail(saveErrors.wrongType(field, raw));
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function validDatePart(text: string): boolean {
  const match = DATE.exec(text);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function convertDate(field: FieldDescriptor, raw: unknown): Conversion {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const match = DATE_TIME.exec(text);
  const datePart = match?.[1];
  if (datePart === undefined || !validDatePart(datePart)) return fail(saveErrors.wrongType(field, raw));
  return ok(datePart);
}

/** An ISO 8601 instant, normalized to UTC; a bare date is midnight UTC. */
export function parseDateTime(text: string): string | null {
  const match = DATE_TIME.exec(text.trim());
  const datePart = match?.[1];
  if (match === null || datePart === undefined || !validDatePart(datePart)) return null;
  const [, , hours = '00', minutes = '00', seconds = '00', fraction = '', zone = 'Z'] = match;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const instant = new Date(`${datePart}T${hours}:${minutes}:${seconds}.${millis}${offset}`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

function convertDateTime(field: FieldDescriptor, raw: unknown): Conversion {
  const instant = typeof raw === 'string' ? parseDateTime(raw) : null;
  return instant === null ? fail(saveErrors.wrongType(field, raw)) : ok(instant);
}

function convertTime(field: FieldDescriptor, raw: unknown): Conversion {
  const match = typeof raw === 'string' ? TIME.exec(raw.trim()) : null;
  if (match === null) return fail(saveErrors.wrongType(field, raw));
  const [, hours = '', minutes = '', seconds = '00', millis = '0'] = match;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59)
    return fail(saveErrors.wrongType(field, raw));
  return ok(`${hours}:${minutes}:${seconds}.${millis.padEnd(3, '0')}`);
}

function convertReference(field: FieldDescriptor, raw: unknown): Conversion {
  const text = asText(raw);
  const id = text === null ? null : normalizeId(text.trim());
  return id === null ? fail(saveErrors.malformedReference(field, text ?? String(raw))) : ok(id);
}

/** The column value for `raw` written to `field`. */
export function convertFieldValue(field: FieldDescriptor, raw: unknown): Conversion {
  if (field.type === 'boolean') return convertBoolean(field, raw);
  if (isBlank(raw)) return ok(null);
  if (TEXT_TYPES.has(field.type)) return convertText(field, raw);
  if (NUMBER_TYPES.has(field.type)) return convertNumber(field, raw);
  switch (field.type) {
    case 'picklist':
      return convertPicklist(field, raw);
    case 'multipicklist':
      return convertMultiPicklist(field, raw);
    case 'date':
      return convertDate(field, raw);
    case 'datetime':
      return convertDateTime(field, raw);
    case 'time':
      return convertTime(field, raw);
    case 'id':
    case 'reference':
      return convertReference(field, raw);
    default:
      return fail(saveErrors.wrongType(field, raw));
  }
}
