/**
 * Bulk API 2.0 query jobs under `jobs/query`: create with a SOQL `query`, poll, read CSV results page by page
 * (`results?maxRecords=N&locator=X`, with `Sforce-Locator` — the string `null` on the last page — and
 * `Sforce-NumberOfRecords`), abort, delete, list. Columns follow the SELECT list (`Account.Name` for parent fields);
 * as on Salesforce, subqueries, aggregates, GROUP BY, OFFSET and TYPEOF are refused.
 */
import { parseQuery, type FieldType as SoqlFieldType, type Query } from '@jetstreamapp/soql-parser-js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OrgStore, SObjectRecord } from '../contracts';
import { FINISHED_STATES, jobInfoBase, setState, yieldToEventLoop, type JobBase } from './bulk-jobs';
import { apiVersionOf, type OrgContext } from './context';
import { isColumnDelimiter, stringifyCsv, type ColumnDelimiter, type LineEnding } from './csv';
import { apiError, badRequest, notFound } from './errors';
import { IdSequence } from './ids';
import { isPlainObject } from './records';
import { param, queryParam, resource } from './resource';

interface QueryJob extends JobBase {
  operation: 'query' | 'queryAll';
  query: string;
  /** Column paths from the SELECT list, e.g. ['Account', 'Name']. */
  paths: string[][];
  header: string[];
  rows: string[][];
  abortRequested: boolean;
}

function invalidQuery(message: string): never {
  throw badRequest('INVALIDJOB', `InvalidJob : ${message}`);
}

function selectPaths(soql: string): { object: string; paths: string[][] } {
  let query: Query;
  try {
    query = parseQuery(soql);
  } catch (error) {
    throw badRequest('MALFORMED_QUERY', (error as Error).message);
  }
  if (!query.sObject) {
    invalidQuery('The query has no FROM object');
  }
  if (query.groupBy || query.having || query.offset !== undefined) {
    invalidQuery('GROUP BY, HAVING and OFFSET are not supported by Bulk API 2.0 queries');
  }
  const paths = (query.fields ?? []).map((field: SoqlFieldType): string[] => {
    switch (field.type) {
      case 'Field':
        return [field.field];
      case 'FieldRelationship':
        return [...field.relationships, field.field];
      case 'FieldSubquery':
        return invalidQuery(
          'Nested subqueries (child relationships) are not supported by Bulk API 2.0 queries'
        );
      default:
        return invalidQuery('Aggregate functions and TYPEOF are not supported by Bulk API 2.0 queries');
    }
  });
  return { object: query.sObject, paths };
}

/** Canonical column names by walking the describe: `account.name` on Contact → `Account.Name`. */
function canonicalHeader(store: OrgStore, objectName: string, path: string[]): string {
  const names: string[] = [];
  let current = objectName;
  for (const [index, segment] of path.entries()) {
    const fields = store.describe(current).fields;
    const last = index === path.length - 1;
    const field = last
      ? fields.find((candidate) => candidate.name.toLowerCase() === segment.toLowerCase())
      : fields.find((candidate) => candidate.relationshipName?.toLowerCase() === segment.toLowerCase());
    if (!field) {
      return path.join('.');
    }
    names.push(last ? field.name : (field.relationshipName ?? segment));
    current = field.referenceTo[0] ?? current;
  }
  return names.join('.');
}

function valueAt(record: SObjectRecord, path: string[]): unknown {
  let current: unknown = record;
  for (const segment of path) {
    if (!isPlainObject(current)) {
      return null;
    }
    const key = Object.keys(current).find((candidate) => candidate.toLowerCase() === segment.toLowerCase());
    current = key === undefined ? null : current[key];
  }
  return current;
}

function csvValue(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

const ROW_CHUNK = 5000;

async function runQueryJob(store: OrgStore, job: QueryJob): Promise<void> {
  const started = Date.now();
  setState(job, 'InProgress');
  try {
    const result = await store.query(job.query);
    for (let start = 0; start < result.records.length; start += ROW_CHUNK) {
      if (job.abortRequested) {
        return;
      }
      for (const record of result.records.slice(start, start + ROW_CHUNK)) {
        job.rows.push(job.paths.map((path) => csvValue(valueAt(record, path))));
      }
      await yieldToEventLoop();
    }
    setState(job, 'JobComplete');
  } catch (error) {
    job.errorMessage = (error as Error).message;
    setState(job, 'Failed');
  } finally {
    job.processingMs += Date.now() - started;
  }
}

function queryJobInfo(job: QueryJob, detailed: boolean): Record<string, unknown> {
  const info = jobInfoBase(job, job.operation);
  if (!detailed) {
    return info;
  }
  return {
    ...info,
    jobType: 'V2Query',
    numberRecordsProcessed: job.state === 'JobComplete' ? job.rows.length : 0,
    retries: 0,
    totalProcessingTime: job.processingMs,
    isPkChunkingSupported: false,
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {})
  };
}

export class QueryJobs {
  readonly jobs = new Map<string, QueryJob>();
  private readonly ids = new IdSequence('750');
  private running = new Set<Promise<void>>();
  jobsRun = 0;

  newId(): string {
    return this.ids.nextId();
  }

  get(id: string): QueryJob {
    const job = this.jobs.get(id);
    if (!job) {
      throw notFound('Job not found');
    }
    return job;
  }

  start(store: OrgStore, job: QueryJob): void {
    this.jobsRun += 1;
    const run = (async () => {
      await yieldToEventLoop();
      if (!job.abortRequested) {
        await runQueryJob(store, job);
      }
    })();
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  async drain(): Promise<void> {
    for (const job of this.jobs.values()) {
      job.abortRequested = true;
    }
    await Promise.all([...this.running]);
  }
}

function createQueryJob(context: OrgContext, jobs: QueryJobs, request: FastifyRequest): QueryJob {
  const body = request.body;
  if (!isPlainObject(body) || typeof body.query !== 'string') {
    throw badRequest(
      'JSON_PARSER_ERROR',
      'The request body must be { "operation": "query", "query": "SELECT …" }'
    );
  }
  const operation = body.operation ?? 'query';
  if (operation !== 'query' && operation !== 'queryAll') {
    throw badRequest('INVALIDJOB', 'InvalidJob : operation must be query or queryAll');
  }
  const lineEnding = body.lineEnding ?? 'LF';
  if (lineEnding !== 'LF' && lineEnding !== 'CRLF') {
    throw badRequest('INVALIDJOB', 'InvalidJob : lineEnding must be LF or CRLF');
  }
  const columnDelimiter = body.columnDelimiter ?? 'COMMA';
  if (!isColumnDelimiter(columnDelimiter)) {
    throw badRequest('INVALIDJOB', 'InvalidJob : columnDelimiter is not supported');
  }
  const { object, paths } = selectPaths(body.query);
  const descriptor = context.store.describe(object);
  const now = new Date();
  return {
    id: jobs.newId(),
    object: descriptor.name,
    operation,
    query: body.query,
    paths,
    header: paths.map((path) => canonicalHeader(context.store, descriptor.name, path)),
    rows: [],
    createdById: context.store.currentUserId,
    createdDate: now,
    systemModstamp: now,
    state: 'UploadComplete',
    apiVersion: apiVersionOf(request),
    lineEnding: lineEnding as LineEnding,
    columnDelimiter: columnDelimiter as ColumnDelimiter,
    processingMs: 0,
    abortRequested: false
  };
}

function locatorOffset(locator: string | undefined): number {
  if (locator === undefined || locator === '') {
    return 0;
  }
  const offset = Number.parseInt(Buffer.from(locator, 'base64url').toString('utf8'), 10);
  if (!Number.isInteger(offset) || offset < 0) {
    throw badRequest('INVALID_LOCATOR', `Invalid locator: ${locator}`);
  }
  return offset;
}

export function registerBulkQuery(app: FastifyInstance, context: OrgContext, jobs: QueryJobs): void {
  context.disposers.push(() => jobs.drain());
  const base = '/services/data/:version/jobs/query';
  const jobOf = (request: FastifyRequest): QueryJob => jobs.get(param(request, 'jobId'));

  resource(app, base, {
    POST: async (request) => {
      const job = createQueryJob(context, jobs, request);
      jobs.jobs.set(job.id, job);
      jobs.start(context.store, job);
      return queryJobInfo(job, false);
    },
    GET: async () => ({
      done: true,
      records: [...jobs.jobs.values()].map((job) => queryJobInfo(job, false)),
      nextRecordsUrl: null
    })
  });

  resource(app, `${base}/:jobId`, {
    GET: async (request) => queryJobInfo(jobOf(request), true),
    PATCH: async (request) => {
      const job = jobOf(request);
      if (!isPlainObject(request.body) || request.body.state !== 'Aborted') {
        throw badRequest('INVALIDJOBSTATE', 'state must be Aborted');
      }
      if (FINISHED_STATES.has(job.state)) {
        throw apiError(409, 'INVALIDJOBSTATE', `Job ${job.id} cannot be aborted: its state is ${job.state}`);
      }
      job.abortRequested = true;
      setState(job, 'Aborted');
      return queryJobInfo(job, false);
    },
    DELETE: async (request, reply) => {
      const job = jobOf(request);
      job.abortRequested = true;
      jobs.jobs.delete(job.id);
      return reply.code(204).send();
    }
  });

  resource(app, `${base}/:jobId/results`, {
    GET: async (request, reply) => {
      const job = jobOf(request);
      if (job.state !== 'JobComplete') {
        throw apiError(409, 'INVALIDJOBSTATE', `Job ${job.id} has no results yet: its state is ${job.state}`);
      }
      const offset = locatorOffset(queryParam(request, 'locator'));
      const maxText = queryParam(request, 'maxRecords');
      const maxRecords = maxText === undefined ? Math.max(1, job.rows.length) : Number(maxText);
      if (!Number.isInteger(maxRecords) || maxRecords < 1) {
        throw badRequest('INVALIDJOB', 'maxRecords must be a positive integer');
      }
      const rows = job.rows.slice(offset, offset + maxRecords);
      const next = offset + rows.length;
      const locator = next < job.rows.length ? Buffer.from(String(next)).toString('base64url') : 'null';
      return reply
        .header('Sforce-Locator', locator)
        .header('Sforce-NumberOfRecords', String(rows.length))
        .type('text/csv')
        .send(stringifyCsv([job.header, ...rows], job));
    }
  });
}
