/**
 * SOQL for the twins: action parameters read as Aura reads them (an Id, a Date, an Integer or a String, else the
 * error Aura gives), values written into SOQL as literals only after they are checked (the Apex binds them), and
 * queries read page by page, as a SOQL `for` loop reads them.
 */
import type { Connection, QueryResult, Record as SObjectRecord } from 'jsforce';
import { AuraHandledError } from './context';

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function invalidParameter(name: string, type: string): AuraHandledError {
  return new AuraHandledError(`Value provided is invalid for action parameter '${name}' of type '${type}'`);
}

/** An `Id` parameter: null when absent or blank. */
export function idParameter(value: unknown, name: string): string | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  if (typeof value !== 'string' || !ID.test(value)) {
    throw invalidParameter(name, 'Id');
  }
  return value;
}

/** A `Date` parameter ('YYYY-MM-DD', or the date of an ISO date-time): null when absent. */
export function dateParameter(value: unknown, name: string): string | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  const day = typeof value === 'string' ? value.slice(0, 10) : '';
  const parsed = new Date(`${day}T00:00:00Z`);
  if (!DAY.test(day) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
    throw invalidParameter(name, 'Date');
  }
  return day;
}

/** An `Integer` parameter: null when absent. */
export function integerParameter(value: unknown, name: string): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || Math.abs(number) > 2_147_483_647) {
    throw invalidParameter(name, 'Integer');
  }
  return number;
}

/** A `String` parameter: null when absent. */
export function stringParameter(value: unknown, name: string): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value !== 'string') {
    throw invalidParameter(name, 'String');
  }
  return value;
}

/** A checked Id as a SOQL literal. */
export function idLiteral(id: string): string {
  if (!ID.test(id)) {
    throw new RangeError(`not a record id: '${id}'`);
  }
  return `'${id}'`;
}

/** A list of checked Ids, for `IN (…)`. */
export function idListLiteral(ids: readonly string[]): string {
  return `(${ids.map(idLiteral).join(', ')})`;
}

/** A checked 'YYYY-MM-DD' as a SOQL date literal. */
export function dateLiteral(day: string): string {
  if (!DAY.test(day)) {
    throw new RangeError(`not a date: '${day}'`);
  }
  return day;
}

/** The start of a day (UTC) as a SOQL date-time literal, for comparing a date-time field with a date. */
export function startOfDayLiteral(day: string): string {
  return `${dateLiteral(day)}T00:00:00Z`;
}

/** Any text as a SOQL string literal. */
export function stringLiteral(text: string): string {
  const escaped = text.replace(/[\\'"\n\r\t\b\f]/g, (character) => {
    const names: Record<string, string> = { '\n': 'n', '\r': 'r', '\t': 't', '\b': 'b', '\f': 'f' };
    return `\\${names[character] ?? character}`;
  });
  return `'${escaped}'`;
}

/** A parent record's child rows of one relationship (a subquery): every page of them. */
export async function childRecords<T extends SObjectRecord>(
  connection: Connection,
  parent: SObjectRecord,
  relationship: string
): Promise<T[]> {
  let page = parent[relationship] as QueryResult<T> | null | undefined;
  const records: T[] = [];
  while (page) {
    records.push(...page.records);
    page = page.done || !page.nextRecordsUrl ? null : await connection.queryMore<T>(page.nextRecordsUrl);
  }
  return records;
}

/**
 * Reads a query page by page, handing each page to `read`, which answers whether to go on: like a SOQL `for`
 * loop, it never holds more than one page of records.
 */
export async function forEachPage<T extends SObjectRecord>(
  connection: Connection,
  soql: string,
  read: (records: T[]) => Promise<boolean> | boolean
): Promise<void> {
  let page: QueryResult<T> = await connection.query<T>(soql, { autoFetch: false });
  while ((await read(page.records)) && !page.done && page.nextRecordsUrl) {
    page = await connection.queryMore<T>(page.nextRecordsUrl);
  }
}

/** Every record of a query (for queries whose size the Apex bounds with LIMIT or by their nature). */
export async function queryAll<T extends SObjectRecord>(connection: Connection, soql: string): Promise<T[]> {
  const records: T[] = [];
  await forEachPage<T>(connection, soql, (page) => {
    records.push(...page);
    return true;
  });
  return records;
}
