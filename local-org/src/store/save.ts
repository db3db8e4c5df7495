/**
 * The save pipeline shared by create, update and upsert. Every row is read and checked in memory and with batched
 * queries (parents by external id, platform rules, required fields, references, unique values); then, unless
 * allOrNone stops the call, the valid rows are written with one statement per object and the platform's follow-ups
 * (history rows, activity dates) run in the same transaction.
 */
import type { SaveResult, SalesforceError, SObjectRecord } from '../contracts';
import { nextAutoNumbers } from './auto-number';
import { stampAuditFields, type CreateDefaults, type WriteClock } from './defaults';
import { saveErrors } from './errors';
import type { ObjectModel, OrgModel } from './model';
import { parseRecord } from './parse-record';
import { insertRows, newIds, updateRows } from './persist';
import type { PlatformContext } from './platform/context';
import { platformRulesFor } from './platform';
import type { StageCatalog } from './platform/stages';
import { checkReferences, resolveParents } from './references';
import { changed, groupByObject, isValid, validRows, type PendingRow } from './rows';
import type { Row, SqlClient } from './sql';
import { checkUniqueFields } from './uniqueness';

export interface SaveEnvironment {
  readonly db: SqlClient;
  readonly model: OrgModel;
  readonly clock: WriteClock;
  readonly stages: StageCatalog;
  readonly defaults: CreateDefaults;
}

export interface InsertRequest {
  index: number;
  object: ObjectModel;
  record: SObjectRecord;
}

export interface UpdateRequest {
  index: number;
  object: ObjectModel;
  id: string;
  previous: Row;
  record: SObjectRecord;
}

/** A row that failed before it could be read (bad type, bad id, missing record, …). */
export interface EarlyFailure {
  index: number;
  id: string | null;
  error: SalesforceError;
}

export interface SaveBatch {
  inserts: InsertRequest[];
  updates: UpdateRequest[];
  failures: EarlyFailure[];
  /** Number of rows in the request. */
  size: number;
  /** Set `created` on results (upsert). */
  reportCreated: boolean;
}

async function pendingInserts(env: SaveEnvironment, requests: InsertRequest[]): Promise<PendingRow[]> {
  const rows: PendingRow[] = [];
  for (const [object, group] of groupByObject(requests)) {
    const ids = await newIds(env.db, object.descriptor.keyPrefix, group.length);
    group.forEach((request, position) => {
      const id = ids[position] ?? '';
      const parsed = parseRecord(env.model, object, request.record, 'create');
      const values = env.defaults.newRow(object, { ...parsed.values, Id: id }, env.clock);
      const row: PendingRow = { ...parsed, index: request.index, object, id, previous: null, values };
      if (!object.access.createable)
        row.errors.unshift(saveErrors.operationNotAllowed('inserted', object.descriptor.label));
      rows.push(row);
    });
  }
  return rows;
}

function pendingUpdates(env: SaveEnvironment, requests: UpdateRequest[]): PendingRow[] {
  return requests.map((request) => {
    const { object, previous } = request;
    const parsed = parseRecord(env.model, object, request.record, 'update');
    const values: Row = {};
    for (const { name } of object.columns)
      values[name] = name in parsed.values ? (parsed.values[name] ?? null) : (previous[name] ?? null);
    stampAuditFields(object, values, env.clock, false);
    const row: PendingRow = { ...parsed, index: request.index, object, id: request.id, previous, values };
    if (!object.access.updateable)
      row.errors.unshift(saveErrors.operationNotAllowed('updated', object.descriptor.label));
    return row;
  });
}

/**
 * Non-nillable fields the caller must fill (no default, not set by the platform, not a checkbox) on insert, and
 * must not clear on update.
 */
function checkRequiredFields(rows: readonly PendingRow[]): void {
  for (const [object, group] of groupByObject(validRows(rows))) {
    const required = object.columns.filter((f) => !f.nillable && f.type !== 'boolean');
    const onInsert = required.filter((f) => f.createable && !f.defaultedOnCreate).map((f) => f.name);
    const onUpdate = required.map((f) => f.name);
    for (const row of group) {
      const isNew = row.previous === null;
      const missing = (isNew ? onInsert : onUpdate).filter(
        (name) => row.values[name] === null && (isNew || row.given.has(name))
      );
      if (missing.length > 0) row.errors.push(saveErrors.requiredMissing(missing));
    }
  }
}

async function runPlatform(
  rows: readonly PendingRow[],
  context: PlatformContext,
  step: 'prepare' | 'afterSave'
): Promise<void> {
  for (const [object, group] of groupByObject(rows)) {
    await platformRulesFor(object.name)?.[step]?.(group, context);
  }
}

async function assignAutoNumbers(env: SaveEnvironment, rows: readonly PendingRow[]): Promise<void> {
  for (const [object, group] of groupByObject(rows.filter((row) => row.previous === null))) {
    for (const field of object.columns.filter((f) => f.autoNumber)) {
      const numbers = await nextAutoNumbers(env.db, object, field, group.length, env.clock.now);
      group.forEach((row, position) => (row.values[field.name] = numbers[position] ?? null));
    }
  }
}

async function write(
  env: SaveEnvironment,
  rows: readonly PendingRow[],
  context: PlatformContext
): Promise<void> {
  await assignAutoNumbers(env, rows);
  for (const [object, group] of groupByObject(rows)) {
    await insertRows(
      env.db,
      object,
      group.filter((row) => row.previous === null).map((row) => row.values)
    );
    const updated = group.filter((row) => row.previous !== null);
    const changedColumns = object.columns.filter((f) => updated.some((row) => changed(row, f.name)));
    await updateRows(
      env.db,
      object,
      updated.map((row) => row.values),
      changedColumns
    );
  }
  await runPlatform(rows, context, 'afterSave');
}

function results(batch: SaveBatch, rows: readonly PendingRow[], rolledBack: boolean): SaveResult[] {
  const byIndex: SaveResult[] = new Array<SaveResult>(batch.size);
  const result = (id: string | null, errors: SalesforceError[], created: boolean): SaveResult => {
    const saved: SaveResult = { id, success: errors.length === 0, errors };
    if (batch.reportCreated) saved.created = created && errors.length === 0;
    return saved;
  };
  for (const failure of batch.failures) byIndex[failure.index] = result(failure.id, [failure.error], false);
  for (const row of rows) {
    const isNew = row.previous === null;
    const errors = row.errors.length > 0 ? row.errors : rolledBack ? [saveErrors.rolledBack()] : [];
    byIndex[row.index] = result(isNew && errors.length > 0 ? null : row.id, errors, isNew);
  }
  return byIndex;
}

/** Checks and writes one call's rows; with allOrNone, nothing is written unless every row is valid. */
export async function saveBatch(
  env: SaveEnvironment,
  batch: SaveBatch,
  allOrNone: boolean
): Promise<SaveResult[]> {
  const rows = [...(await pendingInserts(env, batch.inserts)), ...pendingUpdates(env, batch.updates)];
  const context: PlatformContext = { ...env };
  await resolveParents(env.db, rows);
  await runPlatform(rows, context, 'prepare');
  checkRequiredFields(rows);
  await checkReferences(env.db, env.model, rows);
  await checkUniqueFields(env.db, rows);
  const failed = batch.failures.length > 0 || rows.some((row) => !isValid(row));
  if (allOrNone && failed) return results(batch, rows, true);
  await write(env, validRows(rows), context);
  return results(batch, rows, false);
}
