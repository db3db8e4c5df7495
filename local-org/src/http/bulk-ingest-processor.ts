/**
 * Processes a closed Bulk API 2.0 ingest job: checks every upload's header against the object (a bad column fails
 * the whole job before any row is written, as `InvalidBatch : Field name not found : Foo__c`), then writes the rows
 * in chunks through the store, yielding between chunks. CSV rules are Salesforce's: `#N/A` sets a field to null, an
 * empty cell leaves it unset (null on insert, unchanged on update), `Parent.External_Id__c` columns resolve a lookup
 * by the parent's external id.
 */
import type { OrgStore, SObjectRecord, SaveResult, SalesforceError } from '../contracts';
import type { FieldDescriptor, FieldType, ObjectDescriptor } from '../../../tools/schema/types';
import type { FaultInjector } from '../faults';
import { FINISHED_STATES, setState, yieldToEventLoop, type JobBase } from './bulk-jobs';
import { parseCsv } from './csv';
import { salesforceError } from './errors';
import { soqlString } from './records';

export type IngestOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'hardDelete';

export interface IngestJob extends JobBase {
  operation: IngestOperation;
  externalIdFieldName?: string;
  /** Raw CSV uploads, in order; parsed when the job is processed. */
  uploads: string[];
  uploadedBytes: number;
  /** Union of the uploads' header columns, as written: the original columns of the result files. */
  columns: string[];
  processed: number;
  failed: number;
  successRows: string[][];
  failedRows: string[][];
  unprocessedRows: string[][];
  abortRequested: boolean;
}

interface FieldColumn {
  kind: 'field';
  header: string;
  field: string;
  type: FieldType;
}

interface RelationshipColumn {
  kind: 'relationship';
  header: string;
  /** The lookup field the resolved id goes into (AccountId). */
  field: string;
  parentObject: string;
  parentField: string;
}

type ColumnPlan = FieldColumn | RelationshipColumn;

interface ParsedUpload {
  header: string[];
  columns: ColumnPlan[];
  rows: string[][];
}

/** A problem with the job's data as a whole: the job fails with this message. */
class InvalidBatch extends Error {}

const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set(['int', 'double', 'currency', 'percent']);
const NUMBER_PATTERN = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

function findField(descriptor: ObjectDescriptor, name: string): FieldDescriptor | undefined {
  const lower = name.toLowerCase();
  return descriptor.fields.find((field) => field.name.toLowerCase() === lower);
}

function planColumn(store: OrgStore, descriptor: ObjectDescriptor, header: string): ColumnPlan {
  const field = findField(descriptor, header.trim());
  if (field) {
    return { kind: 'field', header, field: field.name, type: field.type };
  }
  const [relationship, parentFieldName, ...rest] = header.trim().split('.');
  if (relationship && parentFieldName && rest.length === 0) {
    const lookup = descriptor.fields.find(
      (candidate) =>
        candidate.type === 'reference' &&
        candidate.relationshipName?.toLowerCase() === relationship.toLowerCase()
    );
    const parentObject = lookup?.referenceTo[0];
    if (lookup && parentObject) {
      const parentField = findField(store.describe(parentObject), parentFieldName);
      if (
        parentField &&
        (parentField.externalId || parentField.type === 'id' || parentField.name === 'Username')
      ) {
        return {
          kind: 'relationship',
          header,
          field: lookup.name,
          parentObject,
          parentField: parentField.name
        };
      }
    }
  }
  throw new InvalidBatch(`InvalidBatch : Field name not found : ${header}`);
}

function requiredColumn(job: IngestJob): string | undefined {
  switch (job.operation) {
    case 'update':
    case 'delete':
    case 'hardDelete':
      return 'Id';
    case 'upsert':
      return job.externalIdFieldName;
    default:
      return undefined;
  }
}

function parseUpload(
  store: OrgStore,
  descriptor: ObjectDescriptor,
  job: IngestJob,
  text: string
): ParsedUpload {
  let rows: string[][];
  try {
    rows = parseCsv(text, job);
  } catch (error) {
    throw new InvalidBatch(`InvalidBatch : Failed to parse CSV: ${(error as Error).message}`);
  }
  const [header, ...dataRows] = rows;
  if (!header || header.length === 0) {
    throw new InvalidBatch('InvalidBatch : The upload has no header row');
  }
  const columns = header.map((name) => planColumn(store, descriptor, name));
  const seen = new Set<string>();
  for (const column of columns) {
    const key = column.field.toLowerCase();
    if (seen.has(key)) {
      throw new InvalidBatch(`InvalidBatch : Duplicate field name: ${column.header}`);
    }
    seen.add(key);
  }
  const required = requiredColumn(job);
  if (required && !columns.some((column) => column.kind === 'field' && column.field === required)) {
    throw new InvalidBatch(
      `InvalidBatch : Field name not found : ${required} (required for ${job.operation})`
    );
  }
  return { header, columns, rows: dataRows };
}

/** A CSV cell as a record value: undefined leaves the field out. */
function cellValue(text: string, type: FieldType): unknown {
  if (text === '') {
    return undefined;
  }
  if (text === '#N/A') {
    return null;
  }
  if (type === 'boolean') {
    if (/^(?:true|1|yes)$/i.test(text)) {
      return true;
    }
    if (/^(?:false|0|no)$/i.test(text)) {
      return false;
    }
    return text;
  }
  if (NUMERIC_TYPES.has(type) && NUMBER_PATTERN.test(text)) {
    return Number(text);
  }
  return text;
}

/** `ERRORCODE:message:fields --`, the form of Salesforce's `sf__Error` column. */
export function bulkErrorText(errors: SalesforceError[]): string {
  return errors
    .map(
      (error) =>
        `${error.errorCode}:${error.message}:${error.fields.length > 0 ? `${error.fields.join(',')} ` : ''}--`
    )
    .join(' ');
}

const PARENT_LOOKUP_SLICE = 200;

/** Maps each distinct parent external id of a chunk to the parent's Id. */
async function resolveParents(
  store: OrgStore,
  column: RelationshipColumn,
  values: string[]
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const distinct = [...new Set(values)];
  for (let start = 0; start < distinct.length; start += PARENT_LOOKUP_SLICE) {
    const slice = distinct.slice(start, start + PARENT_LOOKUP_SLICE);
    const soql = `SELECT Id, ${column.parentField} FROM ${column.parentObject} WHERE ${column.parentField} IN (${slice
      .map(soqlString)
      .join(', ')})`;
    for (const record of (await store.query(soql)).records) {
      const key = record[column.parentField];
      if (typeof key === 'string' && typeof record.Id === 'string') {
        ids.set(key, record.Id);
      }
    }
  }
  return ids;
}

interface PreparedRow {
  values: string[];
  record: SObjectRecord;
  error?: SalesforceError;
}

async function prepareChunk(
  store: OrgStore,
  job: IngestJob,
  upload: ParsedUpload,
  rows: string[][]
): Promise<PreparedRow[]> {
  const prepared: PreparedRow[] = rows.map((values) => ({ values, record: {} }));
  upload.columns.forEach((column, columnIndex) => {
    if (column.kind !== 'field') {
      return;
    }
    for (const row of prepared) {
      const value = cellValue(row.values[columnIndex] ?? '', column.type);
      if (value !== undefined) {
        row.record[column.field] = value;
      }
    }
  });
  for (const [columnIndex, column] of upload.columns.entries()) {
    if (column.kind !== 'relationship') {
      continue;
    }
    const wanted = prepared
      .map((row) => row.values[columnIndex] ?? '')
      .filter((value) => value !== '' && value !== '#N/A');
    const parents =
      wanted.length > 0 ? await resolveParents(store, column, wanted) : new Map<string, string>();
    for (const row of prepared) {
      const value = row.values[columnIndex] ?? '';
      if (value === '') {
        continue;
      }
      if (value === '#N/A') {
        row.record[column.field] = null;
        continue;
      }
      const parentId = parents.get(value);
      if (parentId) {
        row.record[column.field] = parentId;
      } else {
        row.error ??= salesforceError(
          'INVALID_FIELD',
          `Foreign key external ID: ${value} not found for field ${column.parentField} in entity ${column.parentObject}`
        );
      }
    }
  }
  if (job.operation === 'delete' || job.operation === 'hardDelete') {
    for (const row of prepared) {
      row.record = { Id: row.record.Id ?? null };
    }
  }
  return prepared;
}

async function writeRecords(
  store: OrgStore,
  job: IngestJob,
  records: SObjectRecord[]
): Promise<SaveResult[]> {
  const options = { allOrNone: false };
  switch (job.operation) {
    case 'insert':
      return store.create(job.object, records, options);
    case 'update':
      return store.update(job.object, records, options);
    case 'upsert':
      return store.upsert(job.object, job.externalIdFieldName ?? 'Id', records, options);
    case 'delete':
    case 'hardDelete':
      return store.delete(
        records.map((record) => String(record.Id ?? '')),
        options
      );
  }
}

export interface ProcessOptions {
  store: OrgStore;
  faults: FaultInjector;
  /** Rows per store call. */
  chunkSize: number;
}

/** Where each of the job's result columns sits in an upload's rows (-1 when the upload lacks it). */
function columnPositions(job: IngestJob, upload: ParsedUpload): number[] {
  return job.columns.map((column) => upload.header.indexOf(column));
}

function aligned(positions: number[], values: string[]): string[] {
  return positions.map((index) => (index >= 0 ? (values[index] ?? '') : ''));
}

async function processChunk(
  options: ProcessOptions,
  job: IngestJob,
  upload: ParsedUpload,
  rows: string[][]
): Promise<void> {
  const prepared = await prepareChunk(options.store, job, upload, rows);
  const locked = options.faults.lockedRows(prepared.length);
  const writable: number[] = [];
  prepared.forEach((row, index) => {
    if (!row.error && locked[index]) {
      const id = typeof row.record.Id === 'string' ? row.record.Id : 'new record';
      row.error = salesforceError(
        'UNABLE_TO_LOCK_ROW',
        `unable to obtain exclusive access to this record or 1 records: ${id}`
      );
    }
    if (!row.error) {
      writable.push(index);
    }
  });
  const results =
    writable.length > 0
      ? await writeRecords(
          options.store,
          job,
          writable.map((index) => (prepared[index] as PreparedRow).record)
        )
      : [];
  const resultByRow = new Map<number, SaveResult>();
  writable.forEach((rowIndex, position) => {
    const result = results[position];
    if (result) {
      resultByRow.set(rowIndex, result);
    }
  });
  const positions = columnPositions(job, upload);
  prepared.forEach((row, index) => {
    const values = aligned(positions, row.values);
    const result = resultByRow.get(index);
    job.processed += 1;
    if (result?.success) {
      const created = job.operation === 'insert' || (job.operation === 'upsert' && result.created === true);
      job.successRows.push([result.id ?? '', created ? 'true' : 'false', ...values]);
      return;
    }
    job.failed += 1;
    const errors = row.error
      ? [row.error]
      : (result?.errors ?? [salesforceError('UNKNOWN_EXCEPTION', 'The row was not saved')]);
    const id = typeof row.record.Id === 'string' && job.operation !== 'insert' ? row.record.Id : '';
    job.failedRows.push([result?.id ?? id, bulkErrorText(errors), ...values]);
  });
}

/** Runs a job from UploadComplete to JobComplete (or Failed / Aborted); never throws. */
export async function processIngestJob(options: ProcessOptions, job: IngestJob): Promise<void> {
  const started = Date.now();
  setState(job, 'InProgress');
  try {
    const descriptor = options.store.describe(job.object);
    const uploads = job.uploads.map((text) => parseUpload(options.store, descriptor, job, text));
    for (const upload of uploads) {
      for (const name of upload.header) {
        if (!job.columns.includes(name)) {
          job.columns.push(name);
        }
      }
    }
    for (const [uploadIndex, upload] of uploads.entries()) {
      for (let start = 0; start < upload.rows.length; start += options.chunkSize) {
        await yieldToEventLoop();
        if (job.abortRequested) {
          keepUnprocessed(job, uploads, uploadIndex, start);
          return;
        }
        await processChunk(options, job, upload, upload.rows.slice(start, start + options.chunkSize));
      }
    }
    setState(job, 'JobComplete');
  } catch (error) {
    job.errorMessage =
      error instanceof InvalidBatch
        ? error.message
        : `InternalServerError : ${(error as Error).message ?? String(error)}`;
    if (!(error instanceof InvalidBatch)) {
      console.error('local org: Bulk ingest job failed unexpectedly', error);
    }
    if (job.processed === 0) {
      job.unprocessedRows = job.uploads.flatMap((text) => unparsedRows(text, job));
    }
    setState(job, 'Failed');
  } finally {
    job.uploads = [];
    job.processingMs += Date.now() - started;
  }
}

function keepUnprocessed(job: IngestJob, uploads: ParsedUpload[], uploadIndex: number, start: number): void {
  uploads.forEach((upload, index) => {
    if (index < uploadIndex) {
      return;
    }
    const rows = index === uploadIndex ? upload.rows.slice(start) : upload.rows;
    const positions = columnPositions(job, upload);
    for (const row of rows) {
      job.unprocessedRows.push(aligned(positions, row));
    }
  });
  if (!FINISHED_STATES.has(job.state)) {
    setState(job, 'Aborted');
  }
}

/** An aborted job that never ran: its uploads become its unprocessed records. */
export function abandonUploads(job: IngestJob): void {
  job.unprocessedRows.push(...job.uploads.flatMap((text) => unparsedRows(text, job)));
  job.uploads = [];
}

/** Best effort rows of an upload that failed validation, for `unprocessedrecords`. */
function unparsedRows(text: string, job: IngestJob): string[][] {
  try {
    const [header = [], ...rows] = parseCsv(text, job);
    for (const name of header) {
      if (!job.columns.includes(name)) {
        job.columns.push(name);
      }
    }
    return rows.map((row) => job.columns.map((column) => row[header.indexOf(column)] ?? ''));
  } catch {
    return [];
  }
}
