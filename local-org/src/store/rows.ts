/** A record on its way into the database: its values, what the request set, and the errors found so far. */
import type { SalesforceError } from '../contracts';
import { appendTo } from './maps';
import type { ObjectModel } from './model';
import type { Row } from './sql';
import type { FieldDescriptor } from '../../../tools/schema/types';

/** A parent named by one of its external ids (`"Account": { "External_Id__c": "A-1" }`), resolved before saving. */
export interface ParentByExternalId {
  field: FieldDescriptor;
  target: ObjectModel;
  keyField: FieldDescriptor;
  value: string;
}

export interface PendingRow {
  /** Position in the request. */
  readonly index: number;
  readonly object: ObjectModel;
  readonly id: string;
  /** The stored row before this call; null for a new record. */
  readonly previous: Row | null;
  /** Every column's value after this call. */
  readonly values: Row;
  /** Fields the request set explicitly. */
  readonly given: Set<string>;
  readonly parents: ParentByExternalId[];
  readonly errors: SalesforceError[];
}

export function isValid(row: PendingRow): boolean {
  return row.errors.length === 0;
}

export function validRows(rows: readonly PendingRow[]): PendingRow[] {
  return rows.filter(isValid);
}

/** True when the call changed `field` (always, for a new record with a value). */
export function changed(row: PendingRow, field: string): boolean {
  const value = row.values[field] ?? null;
  return row.previous === null ? value !== null : value !== (row.previous[field] ?? null);
}

/** Rows grouped by object, in first-seen order. */
export function groupByObject<T extends { object: ObjectModel }>(rows: readonly T[]): Map<ObjectModel, T[]> {
  const groups = new Map<ObjectModel, T[]>();
  for (const row of rows) appendTo(groups, row.object, row);
  return groups;
}
