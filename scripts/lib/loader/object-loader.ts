/**
 * Loads one object of a dataset:
 * 1. reads what the org holds for it, page by page (2,000 rows a call; one call when it is empty), comparing each
 *    org row with the data's record of the same key as it arrives: changed rows are updated with their changed
 *    fields only, equal rows left alone, and records the org lacks are created;
 * 2. writes through REST or Bulk (`writer.ts`), upserting on the key field, or, for objects without an external id,
 *    inserting the rows whose natural key the org does not hold and updating the others by Id;
 * 3. sets references to the same object (ParentId, ReportsToId) in a second pass, now that every row has an Id;
 * 4. writes the results files and marks the object done in the checkpoint.
 */
import type { SeedObject, SeedRecord, SeedValue } from '../../seed/generator/types';
import type { OrgApi } from '../api';
import type { RowFailure } from '../checkpoint';
import { releaseMemory } from '../memory';
import type { OrgNames } from '../names';
import type { ObjectProgress, Progress } from '../progress';
import { queryAll, queryPages, soqlLiteral, type OrgRecord } from '../query';
import type { Action, ResultsFolder, SuccessRow } from '../results';
import { fieldInfo, type FieldInfo, type ObjectInfo } from '../target';
import { BulkWriter, type JobTracker } from './bulk';
import type { RunState } from './run-state';
import { writtenFields, type ObjectShape } from './shape';
import type { RowResult, WriteRow } from './types';
import { canonical } from './values';
import { chooseMethod, writeRows, type WriteMethod, type WriterSettings, type WriteTarget } from './writer';

export interface ObjectSummary {
  /** The object's name in the dataset (and the label its API calls are counted under). */
  object: string;
  /** Its API name in the org. */
  apiName: string;
  records: number;
  /** How its rows were written: none when nothing had to be; `mapped` for users matched to the org's own. */
  method: WriteMethod | 'mapped' | 'none';
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Finished by an earlier, interrupted run: the counts are that run's. */
  resumed: boolean;
}

export interface LoadContext {
  api: OrgApi;
  names: OrgNames;
  state: RunState;
  results: ResultsFolder;
  progress: Progress;
  settings: WriterSettings;
  /** Whether other records point at this object, so that its key → Id map must be kept. */
  isReferenced(object: string): boolean;
}

type Outcome =
  { ok: true; action: Action; id: string } | { ok: false; failure: RowFailure; id: string | null };

/** What the comparison with the org leaves to write. */
interface Plan {
  creates: WriteRow[];
  updates: WriteRow[];
  /** The org's current values of the self-reference fields, for rows it already holds. */
  currentSelf: Map<string, OrgRecord>;
}

const RESULTS_CHUNK = 1_000;
/** Query pages (2,000 rows each) read between two full garbage collections. */
const PAGES_BETWEEN_COLLECTIONS = 5;

/** The org's spelling of a field the dataset names (preflight made sure it exists). */
function field(info: ObjectInfo, names: OrgNames, sourceName: string): FieldInfo {
  const found = fieldInfo(info, names.apiName(sourceName));
  if (found === undefined) {
    throw new Error(
      `${info.apiName} has no field ${names.apiName(sourceName)}: the preflight should have said so`
    );
  }
  return found;
}

/** The record's values as written in the results files: fields, and references by the key they point at. */
function sourceValues(record: SeedRecord): Record<string, SeedValue> {
  const values: Record<string, SeedValue> = { ...record.fields };
  for (const [name, reference] of Object.entries(record.references)) {
    values[name] = reference.key;
  }
  return values;
}

function parentMissing(field: string, object: string, key: string): RowFailure {
  return {
    errorCode: 'PARENT_NOT_WRITTEN',
    message: `${field} points to ${object} ${key}, which was not written (see its failed rows)`
  };
}

class ObjectLoad {
  private readonly shape: ObjectShape;
  private readonly info: ObjectInfo;
  private readonly context: LoadContext;
  private readonly label: string;
  private readonly outcomes = new Map<string, Outcome>();
  private readonly records = new Map<string, SeedRecord>();
  private readonly columns: string[];
  /** The external id upserts match on; null for objects matched on a natural key. */
  private readonly keyField: FieldInfo | null;
  private readonly naturalKey: FieldInfo[];
  private readonly keepIds: boolean;

  constructor(seedObject: SeedObject, shape: ObjectShape, info: ObjectInfo, context: LoadContext) {
    this.shape = shape;
    this.info = info;
    this.context = context;
    this.label = seedObject.object;
    this.columns = writtenFields(shape);
    this.keepIds = context.isReferenced(seedObject.object);
    // Upserts go through true external ids only; a key that is merely idLookup (User.Username) is matched like a
    // natural key: queried, then inserted when missing, updated by Id otherwise.
    const key = shape.keyField === null ? null : field(info, context.names, shape.keyField);
    this.keyField = key?.externalId ? key : null;
    this.naturalKey =
      key !== null && !key.externalId
        ? [key]
        : shape.naturalKey.map((name) => field(info, context.names, name));
    for (const record of seedObject.records) {
      this.records.set(record.key, record);
    }
  }

  private field(sourceName: string): FieldInfo {
    return field(this.info, this.context.names, sourceName);
  }

  /** What identifies a row in the org: its key (case-insensitive, as external ids are) or its natural key. */
  private identity(values: Record<string, unknown>): string {
    if (this.keyField !== null) {
      return String(values[this.keyField.name] ?? '').toLowerCase();
    }
    return this.naturalKey.map((key) => canonical(values[key.name], key) ?? '').join('|');
  }

  /** The record's first-pass values in API names, references resolved; or why it cannot be written. */
  private resolve(record: SeedRecord): { values: Record<string, SeedValue> } | { failure: RowFailure } {
    const values: Record<string, SeedValue> = {};
    for (const [name, value] of Object.entries(record.fields)) {
      values[this.field(name).name] = value;
    }
    if (this.keyField !== null) {
      values[this.keyField.name] = record.key;
    }
    for (const [name, reference] of Object.entries(record.references)) {
      if (this.shape.selfReferences.includes(name)) {
        continue;
      }
      const id = this.context.state.ids.get(reference.object, reference.key);
      if (id === undefined) {
        return { failure: parentMissing(name, reference.object, reference.key) };
      }
      values[this.field(name).name] = id;
    }
    return { values };
  }

  private fail(key: string, failure: RowFailure, id: string | null): void {
    this.outcomes.set(key, { ok: false, failure, id });
    this.context.state.object(this.label).failed[key] = failure;
    const record = this.records.get(key);
    this.context.results.writeFailed(this.info.apiName, this.columns, [
      { key, id, ...failure, values: record ? sourceValues(record) : {} }
    ]);
  }

  private succeed(key: string, action: Action, id: string): void {
    this.outcomes.set(key, { ok: true, action, id });
    if (this.keepIds) {
      this.context.state.ids.set(this.label, key, id);
    }
    delete this.context.state.object(this.label).failed[key];
  }

  /** Lists the Bulk jobs in flight in the checkpoint, so that a resumed run can wait for them. */
  private get tracker(): JobTracker {
    const state = this.context.state;
    const checkpoint = state.object(this.label);
    return {
      opened: (jobId) => {
        checkpoint.pendingJobs.push(jobId);
        state.save(true);
      },
      settled: (jobId) => {
        checkpoint.pendingJobs = checkpoint.pendingJobs.filter((id) => id !== jobId);
        state.save(true);
      }
    };
  }

  private writeTarget(identity: string[], onResult: (result: RowResult) => void): WriteTarget {
    return {
      api: this.context.api,
      label: this.label,
      object: this.info.apiName,
      identity,
      tracker: this.tracker,
      findInserted: (rows: WriteRow[]) => this.findInserted(rows),
      onResults: (results: RowResult[]) => {
        results.forEach(onResult);
        this.context.state.save();
      }
    };
  }

  /** For new rows whose write lost its answer: those the org now holds, found by key or natural key. */
  private async findInserted(rows: WriteRow[]): Promise<Map<string, string>> {
    const keys = this.keyField === null ? this.naturalKey : [this.keyField];
    const [first] = keys;
    if (first === undefined || rows.length === 0) {
      return new Map();
    }
    const byIdentity = new Map(rows.map((row) => [this.identity(row.values), row.key]));
    const values = [...new Set(rows.map((row) => String(row.values[first.name])))];
    const soql =
      `SELECT Id, ${keys.map((key) => key.name).join(', ')} FROM ${this.info.apiName} ` +
      `WHERE ${first.name} IN (${values.map(soqlLiteral).join(', ')})`;
    const found = new Map<string, string>();
    for (const record of await queryAll(this.context.api, this.label, soql)) {
      const key = byIdentity.get(this.identity(record));
      if (key !== undefined && typeof record.Id === 'string') {
        found.set(key, record.Id);
      }
    }
    return found;
  }

  /** The fields whose value differs from the org's; a change to a field that cannot be updated fails the row. */
  private changes(
    values: Record<string, SeedValue>,
    current: OrgRecord
  ): { values: Record<string, SeedValue> } | { failure: RowFailure } {
    const changed: Record<string, SeedValue> = {};
    for (const [name, value] of Object.entries(values)) {
      const info = fieldInfo(this.info, name);
      if (info === undefined || canonical(value, info) === canonical(current[name], info)) {
        continue;
      }
      if (!info.updateable) {
        return {
          failure: {
            errorCode: 'FIELD_NOT_UPDATEABLE',
            message:
              `${name} cannot be changed on an existing record: the org holds ${JSON.stringify(current[name])}, ` +
              `the data says ${JSON.stringify(value)}`
          }
        };
      }
      changed[name] = value;
    }
    return { values: changed };
  }

  /** Compares the data with the org's rows as they are read, keeping only what must be written. */
  private async compare(bar: ObjectProgress): Promise<Plan> {
    const unmatched = new Map<string, WriteRow>();
    for (const record of this.records.values()) {
      const resolved = this.resolve(record);
      if ('failure' in resolved) {
        this.fail(record.key, resolved.failure, null);
        bar.advance(1);
        continue;
      }
      const identity = this.identity(resolved.values);
      if (unmatched.has(identity)) {
        const failure = {
          errorCode: 'DUPLICATE_KEY',
          message: `Another record of the data has the key ${identity}`
        };
        this.fail(record.key, failure, null);
        bar.advance(1);
        continue;
      }
      unmatched.set(identity, { key: record.key, values: resolved.values, isNew: true });
    }
    const plan: Plan = { creates: [], updates: [], currentSelf: new Map() };
    const selfFields = this.shape.selfReferences.map((name) => this.field(name).name);
    const queried = new Set(this.columns.map((name) => this.field(name).name));
    queried.delete('Id');
    const where = this.keyField === null ? '' : ` WHERE ${this.keyField.name} != null`;
    const soql = `SELECT Id, ${[...queried].join(', ')} FROM ${this.info.apiName}${where}`;
    let pages = 0;
    for await (const page of queryPages(this.context.api, this.label, soql)) {
      pages += 1;
      if (pages % PAGES_BETWEEN_COLLECTIONS === 0) {
        releaseMemory();
      }
      for (const current of page.records) {
        const identity = this.identity(current);
        const row = unmatched.get(identity);
        if (row === undefined || typeof current.Id !== 'string') {
          continue;
        }
        unmatched.delete(identity);
        if (selfFields.length > 0) {
          plan.currentSelf.set(row.key, Object.fromEntries(selfFields.map((name) => [name, current[name]])));
        }
        const change = this.changes(row.values, current);
        if ('failure' in change) {
          this.fail(row.key, change.failure, current.Id);
          bar.advance(1);
        } else if (Object.keys(change.values).length === 0) {
          this.succeed(row.key, 'unchanged', current.Id);
          bar.advance(1);
        } else if (this.keyField !== null) {
          plan.updates.push({ key: row.key, values: { [this.keyField.name]: row.key, ...change.values } });
        } else {
          plan.updates.push({ key: row.key, values: { Id: current.Id, ...change.values } });
        }
      }
    }
    plan.creates = [...unmatched.values()];
    releaseMemory();
    return plan;
  }

  async run(progress: Progress): Promise<ObjectSummary> {
    const checkpoint = this.context.state.startObject(this.label);
    if (checkpoint.pendingJobs.length > 0) {
      progress.note(`${this.info.apiName}: waiting for the Bulk jobs an interrupted run left running`);
      const writer = new BulkWriter(this.context.api, this.label, this.context.settings.bulk, this.tracker);
      await writer.settle([...checkpoint.pendingJobs]);
    }
    const settings = this.context.settings;
    const bar = progress.start(
      this.info.apiName,
      this.records.size,
      chooseMethod(this.records.size, settings.bulkThreshold)
    );
    const plan = await this.compare(bar);
    const onResult = (result: RowResult): void => {
      bar.advance(1);
      if (result.ok) {
        this.succeed(result.key, result.created ? 'created' : 'updated', result.id);
      } else {
        this.fail(result.key, { errorCode: result.errorCode, message: result.message }, result.id);
      }
    };
    let method: WriteMethod | null;
    if (this.keyField !== null) {
      const upsert = { kind: 'upsert' as const, keyField: this.keyField.name };
      method = await writeRows(this.writeTarget([this.keyField.name], onResult), settings, upsert, [
        ...plan.creates,
        ...plan.updates
      ]);
    } else {
      const identity = this.naturalKey.map((key) => key.name);
      const inserted = await writeRows(
        this.writeTarget(identity, onResult),
        settings,
        { kind: 'insert' },
        plan.creates
      );
      const updated = await writeRows(
        this.writeTarget(['Id'], onResult),
        settings,
        { kind: 'update' },
        plan.updates
      );
      method = inserted ?? updated;
    }
    await this.setSelfReferences(plan.currentSelf);
    return this.finish(method, bar);
  }

  /** Second pass: references to rows of the same object, by Id, where they differ from the org's. */
  private async setSelfReferences(currentSelf: Map<string, OrgRecord>): Promise<void> {
    if (this.shape.selfReferences.length === 0) {
      return;
    }
    const rows: WriteRow[] = [];
    for (const record of this.records.values()) {
      const outcome = this.outcomes.get(record.key);
      if (outcome === undefined || !outcome.ok) {
        continue;
      }
      const current = currentSelf.get(record.key);
      const values: Record<string, SeedValue> = {};
      let missing: RowFailure | null = null;
      for (const name of this.shape.selfReferences) {
        const reference = record.references[name];
        if (reference === undefined) {
          continue;
        }
        const target = this.context.state.ids.get(reference.object, reference.key);
        if (target === undefined) {
          missing = parentMissing(name, reference.object, reference.key);
          break;
        }
        const info = this.field(name);
        if (canonical(target, info) !== canonical(current?.[info.name], info)) {
          values[info.name] = target;
        }
      }
      if (missing !== null) {
        this.fail(record.key, missing, outcome.id);
      } else if (Object.keys(values).length > 0) {
        rows.push({ key: record.key, values: { Id: outcome.id, ...values } });
      }
    }
    const onResult = (result: RowResult): void => {
      const outcome = this.outcomes.get(result.key);
      if (!result.ok) {
        this.fail(result.key, { errorCode: result.errorCode, message: result.message }, outcome?.id ?? null);
      } else if (outcome?.ok && outcome.action === 'unchanged') {
        this.outcomes.set(result.key, { ...outcome, action: 'updated' });
      }
    };
    await writeRows(this.writeTarget(['Id'], onResult), this.context.settings, { kind: 'update' }, rows);
  }

  private finish(method: WriteMethod | null, bar: ObjectProgress): ObjectSummary {
    const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
    let chunk: SuccessRow[] = [];
    for (const [key, outcome] of this.outcomes) {
      if (!outcome.ok) {
        counts.failed += 1;
        continue;
      }
      counts[outcome.action] += 1;
      const record = this.records.get(key);
      chunk.push({ key, id: outcome.id, action: outcome.action, values: record ? sourceValues(record) : {} });
      if (chunk.length === RESULTS_CHUNK) {
        this.context.results.writeSuccess(this.info.apiName, this.columns, chunk);
        chunk = [];
      }
    }
    this.context.results.writeSuccess(this.info.apiName, this.columns, chunk);
    const checkpoint = this.context.state.object(this.label);
    checkpoint.counts = counts;
    checkpoint.done = true;
    this.context.state.save(true);
    bar.done(
      `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed`
    );
    return {
      object: this.label,
      apiName: this.info.apiName,
      records: this.records.size,
      method: method ?? 'none',
      ...counts,
      resumed: false
    };
  }
}

export function loadObject(
  seedObject: SeedObject,
  shape: ObjectShape,
  info: ObjectInfo,
  context: LoadContext
): Promise<ObjectSummary> {
  return new ObjectLoad(seedObject, shape, info, context).run(context.progress);
}
