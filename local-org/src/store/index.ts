/**
 * The local org's data: an OrgStore over an embedded PostgreSQL (PGlite), with one table per object of the project's
 * schema. A data folder keeps the data across restarts (tables and columns for objects and fields added to the
 * project since are added on open; nothing is dropped); without one the org lives in memory.
 *
 *   const store = await openOrgStore({ projectRoot: '/work/main', dataDir: '.atlas/db' });
 *   await store.create('Account', [{ Name: 'Acme' }], { allOrNone: true });
 *   await store.query('SELECT Id, Name FROM Account');
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Query } from '@jetstreamapp/soql-parser-js';
import type {
  DescribeGlobalEntry,
  OrgStore,
  QueryResult,
  SaveOptions,
  SaveResult,
  SObjectRecord
} from '../contracts';
import { normalizeId } from '../ids';
import { runParsedQuery, runQuery } from '../soql/execute';
import type { QueryEnvironment } from '../soql/context';
import { readProjectSchema } from '../../../tools/schema/read-project';
import type { ObjectDescriptor } from '../../../tools/schema/types';
import { checkComputedFields } from './computed';
import { openDatabase, SerialQueue } from './database';
import { syncSchema } from './ddl';
import { buildCreateDefaults, writeClock, type CreateDefaults } from './defaults';
import { deleteRecords } from './delete';
import { notFound } from './errors';
import { buildOrgModel, type OrgModel } from './model';
import { planCreate, planUpdate, planUpsert } from './operations';
import { syncCustomMetadata } from './platform/custom-metadata';
import { setUpOrg } from './platform/setup';
import { loadStageCatalog, type StageCatalog } from './platform/stages';
import { saveBatch, type SaveBatch, type SaveEnvironment } from './save';
import type { SqlClient } from './sql';

export interface OrgStoreOptions {
  /** The SFDX project whose objects the org has. */
  projectRoot: string;
  /** PGlite's data folder; omitted, the org is in memory. */
  dataDir?: string;
  /** The clock (tests pin it). */
  now?: () => Date;
  /** The API version in record URLs (`attributes.url`); default: the project's sourceApiVersion. */
  apiVersion?: string;
}

const DEFAULT_API_VERSION = '66.0';

function projectApiVersion(projectRoot: string): string {
  const project: unknown = JSON.parse(readFileSync(join(projectRoot, 'sfdx-project.json'), 'utf8'));
  const version =
    typeof project === 'object' && project !== null
      ? (project as Record<string, unknown>)['sourceApiVersion']
      : undefined;
  return typeof version === 'string' && /^\d+\.0$/.test(version) ? version : DEFAULT_API_VERSION;
}

interface StoreParts {
  db: PGlite;
  model: OrgModel;
  defaults: CreateDefaults;
  stages: StageCatalog;
  currentUserId: string;
  now: () => Date;
  apiVersion: string;
}

class PgliteOrgStore implements OrgStore {
  readonly currentUserId: string;
  private readonly parts: StoreParts;
  private readonly queue = new SerialQueue();

  constructor(parts: StoreParts) {
    this.parts = parts;
    this.currentUserId = parts.currentUserId;
  }

  describeGlobal(): DescribeGlobalEntry[] {
    return this.parts.model.objects.map(({ descriptor, access }) => ({
      name: descriptor.name,
      label: descriptor.label,
      labelPlural: descriptor.labelPlural,
      keyPrefix: descriptor.keyPrefix,
      custom: descriptor.custom,
      ...access,
      queryable: true
    }));
  }

  describe(objectName: string): ObjectDescriptor {
    const object = this.parts.model.object(objectName);
    if (object === undefined) throw notFound('The requested resource does not exist');
    return object.descriptor;
  }

  create(objectName: string | null, records: SObjectRecord[], options: SaveOptions): Promise<SaveResult[]> {
    return this.save(options, () => planCreate(this.parts.model, objectName, records));
  }

  update(objectName: string | null, records: SObjectRecord[], options: SaveOptions): Promise<SaveResult[]> {
    return this.save(options, (db) => planUpdate(db, this.parts.model, objectName, records));
  }

  upsert(
    objectName: string,
    externalIdField: string,
    records: SObjectRecord[],
    options: SaveOptions
  ): Promise<SaveResult[]> {
    return this.save(options, (db) => planUpsert(db, this.parts.model, objectName, externalIdField, records));
  }

  delete(ids: string[], options: SaveOptions): Promise<SaveResult[]> {
    return this.inTransaction((db) => deleteRecords(this.environment(db), ids, options.allOrNone));
  }

  async retrieve(objectName: string, id: string, fields?: string[]): Promise<SObjectRecord> {
    const object = this.parts.model.object(objectName);
    const normalized = normalizeId(id);
    if (object === undefined || normalized === null || this.parts.model.objectOfId(normalized) !== object) {
      throw notFound('The requested resource does not exist');
    }
    const names = fields ?? object.descriptor.fields.map((f) => f.name);
    const query: Query = {
      fields: names.map((field) => ({ type: 'Field', field })),
      sObject: object.name,
      where: { left: { field: 'Id', operator: '=', value: `'${normalized}'`, literalType: 'STRING' } }
    };
    const run = (): Promise<QueryResult> => runParsedQuery(this.parts.db, this.queryEnvironment(), query);
    const [record] = (await this.queue.run(run)).records;
    if (record === undefined) throw notFound('The requested resource does not exist');
    return record;
  }

  query(soql: string): Promise<QueryResult> {
    return this.queue.run(() => runQuery(this.parts.db, this.queryEnvironment(), soql));
  }

  async close(): Promise<void> {
    await this.queue.run(() => this.parts.db.close());
  }

  private queryEnvironment(): QueryEnvironment {
    return { model: this.parts.model, now: this.parts.now(), apiVersion: this.parts.apiVersion };
  }

  private environment(db: SqlClient): SaveEnvironment {
    const { model, stages, defaults } = this.parts;
    return { db, model, stages, defaults, clock: writeClock(this.parts.now(), this.currentUserId) };
  }

  private inTransaction<T>(work: (db: Transaction) => Promise<T>): Promise<T> {
    return this.queue.run(() => this.parts.db.transaction(work));
  }

  private save(
    options: SaveOptions,
    plan: (db: SqlClient) => SaveBatch | Promise<SaveBatch>
  ): Promise<SaveResult[]> {
    return this.inTransaction(async (db) =>
      saveBatch(this.environment(db), await plan(db), options.allOrNone)
    );
  }
}

export async function openOrgStore(options: OrgStoreOptions): Promise<OrgStore> {
  const schema = readProjectSchema(options.projectRoot);
  const model = buildOrgModel(schema);
  checkComputedFields(model);
  const defaults = buildCreateDefaults(model);
  const now = options.now ?? (() => new Date());
  const apiVersion = options.apiVersion ?? projectApiVersion(schema.projectRoot);
  const db = await openDatabase(options.dataDir);
  try {
    const currentUserId = await db.transaction(async (tx) => {
      await syncSchema(tx, model);
      const userId = await setUpOrg(tx, model, defaults, now());
      await syncCustomMetadata(tx, model, schema, now());
      return userId;
    });
    const stages = await loadStageCatalog(db);
    return new PgliteOrgStore({ db, model, defaults, stages, currentUserId, now, apiVersion });
  } catch (error) {
    await db.close();
    throw error;
  }
}
