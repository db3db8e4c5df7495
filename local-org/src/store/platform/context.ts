/**
 * What the platform's own behaviour (derived fields, history rows, activity dates) sees of a save: the database
 * inside the call's transaction, the model, the clock and user, and the org's opportunity stages.
 */
import type { CreateDefaults, WriteClock } from '../defaults';
import type { ObjectModel, OrgModel } from '../model';
import { insertRows, newIds } from '../persist';
import type { PendingRow } from '../rows';
import type { Row, SqlClient } from '../sql';
import type { StageCatalog } from './stages';

export interface PlatformContext {
  readonly db: SqlClient;
  readonly model: OrgModel;
  readonly clock: WriteClock;
  readonly stages: StageCatalog;
  readonly defaults: CreateDefaults;
}

/** A deleted record: its object and its last stored values. */
export interface DeletedRecord {
  object: ObjectModel;
  values: Row;
}

/** Behaviour the platform adds to saves of one kind of object. */
export interface PlatformRules {
  /** Validates platform-owned rules and derives fields, before required fields and references are checked. */
  prepare?(rows: PendingRow[], context: PlatformContext): Promise<void> | void;
  /** Runs after the rows are written, in the same transaction. */
  afterSave?(rows: PendingRow[], context: PlatformContext): Promise<void>;
  afterDelete?(records: DeletedRecord[], context: PlatformContext): Promise<void>;
}

/** Writes records the platform creates itself (history rows): ids, defaults and audit fields as for any insert. */
export async function insertPlatformRecords(
  context: PlatformContext,
  objectName: string,
  records: Row[]
): Promise<void> {
  if (records.length === 0) return;
  const object = context.model.requireObject(objectName);
  const ids = await newIds(context.db, object.descriptor.keyPrefix, records.length);
  const rows = records.map((record, index) =>
    context.defaults.newRow(object, { ...record, Id: ids[index] ?? null }, context.clock)
  );
  await insertRows(context.db, object, rows);
}
