/**
 * Bulk API 2.0 ingest jobs under `jobs/ingest`: create, upload CSV (`PUT {id}/batches`, several uploads append),
 * close (`PATCH {state: UploadComplete}`) or abort, poll, read `successfulResults/`, `failedResults/` and
 * `unprocessedrecords/`, delete, list. Closed jobs are processed in the background, one at a time, in chunks.
 * Jobs live in memory: a restarted server has none.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SalesforceApiError } from '../contracts';
import { FINISHED_STATES, jobInfoBase, setState } from './bulk-jobs';
import {
  abandonUploads,
  processIngestJob,
  type IngestJob,
  type IngestOperation
} from './bulk-ingest-processor';
import { apiVersionOf, type OrgContext } from './context';
import { isColumnDelimiter, stringifyCsv, type ColumnDelimiter, type LineEnding } from './csv';
import { apiError, badRequest, notFound } from './errors';
import { IdSequence } from './ids';
import { isPlainObject } from './records';
import { param, resource } from './resource';

const OPERATIONS: ReadonlySet<string> = new Set(['insert', 'update', 'upsert', 'delete', 'hardDelete']);
const RECORDS_PER_BATCH = 10_000;

export interface IngestOptions {
  /** Rows per store call while processing (default 500). */
  chunkSize?: number;
}

export class IngestJobs {
  readonly jobs = new Map<string, IngestJob>();
  private readonly ids = new IdSequence('750');
  private queue: Promise<void> = Promise.resolve();
  private readonly context: OrgContext;
  private readonly chunkSize: number;
  /** Ingest "batches" consumed, as DailyBulkApiBatches counts them (one per 10,000 records). */
  batchesUsed = 0;

  constructor(context: OrgContext, options: IngestOptions = {}) {
    this.context = context;
    this.chunkSize = options.chunkSize ?? 500;
  }

  newId(): string {
    return this.ids.nextId();
  }

  get(id: string): IngestJob {
    const job = this.jobs.get(id);
    if (!job) {
      throw notFound('Job not found');
    }
    return job;
  }

  /** Queues a closed job for processing; the promise settles when every queued job is done. */
  enqueue(job: IngestJob): void {
    this.queue = this.queue.then(async () => {
      if (job.abortRequested || job.state !== 'UploadComplete') {
        return;
      }
      await processIngestJob(
        { store: this.context.store, faults: this.context.faults, chunkSize: this.chunkSize },
        job
      );
      this.batchesUsed += Math.max(1, Math.ceil(job.processed / RECORDS_PER_BATCH));
    });
  }

  /** Stops taking work and waits for the job in progress to stop at its next chunk. */
  async drain(): Promise<void> {
    for (const job of this.jobs.values()) {
      job.abortRequested = true;
    }
    await this.queue;
  }
}

function ingestJobInfo(job: IngestJob, detailed: boolean): Record<string, unknown> {
  const info: Record<string, unknown> = {
    ...jobInfoBase(job, job.operation),
    contentUrl: `services/data/v${job.apiVersion}/jobs/ingest/${job.id}/batches`
  };
  if (job.externalIdFieldName) {
    info.externalIdFieldName = job.externalIdFieldName;
  }
  if (detailed) {
    Object.assign(info, {
      jobType: 'V2Ingest',
      retries: 0,
      numberRecordsProcessed: job.processed,
      numberRecordsFailed: job.failed,
      totalProcessingTime: job.processingMs,
      apiActiveProcessingTime: job.processingMs,
      apexProcessingTime: 0
    });
    if (job.errorMessage) {
      info.errorMessage = job.errorMessage;
    }
  }
  return info;
}

function invalidJob(message: string): SalesforceApiError {
  return badRequest('INVALIDJOB', `InvalidJob : ${message}`);
}

function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw invalidJob(`${key} must be a string`);
  }
  return value;
}

function createJob(context: OrgContext, jobs: IngestJobs, request: FastifyRequest): IngestJob {
  const body = request.body;
  if (!isPlainObject(body)) {
    throw badRequest('JSON_PARSER_ERROR', 'The request body must be a JSON object describing the job');
  }
  const operation = optionalString(body, 'operation');
  if (!operation || !OPERATIONS.has(operation)) {
    throw invalidJob(`operation must be one of ${[...OPERATIONS].join(', ')}`);
  }
  const objectName = optionalString(body, 'object');
  if (!objectName) {
    throw invalidJob('object is required');
  }
  let object: string;
  let externalIdFieldName: string | undefined;
  try {
    const descriptor = context.store.describe(objectName);
    object = descriptor.name;
    const externalId = optionalString(body, 'externalIdFieldName');
    if (operation === 'upsert') {
      const field = descriptor.fields.find(
        (candidate) => candidate.name.toLowerCase() === externalId?.toLowerCase()
      );
      if (!field || !(field.externalId || field.type === 'id' || field.name === 'Username')) {
        throw invalidJob(
          externalId
            ? `External ID field ${externalId} is not an external id or idLookup field of ${object}`
            : 'externalIdFieldName is required for upsert'
        );
      }
      externalIdFieldName = field.name;
    }
  } catch (error) {
    if (error instanceof SalesforceApiError && error.status === 404) {
      throw invalidJob(`Unable to find object: ${objectName}`);
    }
    throw error;
  }
  const contentType = optionalString(body, 'contentType') ?? 'CSV';
  if (contentType !== 'CSV') {
    throw invalidJob(`contentType ${contentType} is not supported: use CSV`);
  }
  const lineEnding = optionalString(body, 'lineEnding') ?? 'LF';
  if (lineEnding !== 'LF' && lineEnding !== 'CRLF') {
    throw invalidJob('lineEnding must be LF or CRLF');
  }
  const columnDelimiter = optionalString(body, 'columnDelimiter') ?? 'COMMA';
  if (!isColumnDelimiter(columnDelimiter)) {
    throw invalidJob(`columnDelimiter ${columnDelimiter} is not supported`);
  }
  const now = new Date();
  return {
    id: jobs.newId(),
    object,
    operation: operation as IngestOperation,
    externalIdFieldName,
    createdById: context.store.currentUserId,
    createdDate: now,
    systemModstamp: now,
    state: 'Open',
    apiVersion: apiVersionOf(request),
    lineEnding: lineEnding as LineEnding,
    columnDelimiter: columnDelimiter as ColumnDelimiter,
    processingMs: 0,
    uploads: [],
    uploadedBytes: 0,
    columns: [],
    processed: 0,
    failed: 0,
    successRows: [],
    failedRows: [],
    unprocessedRows: [],
    abortRequested: false
  };
}

const UPLOAD_LIMIT_BYTES = 150 * 1024 * 1024;

function upload(job: IngestJob, request: FastifyRequest): void {
  if (job.state !== 'Open') {
    throw apiError(
      409,
      'INVALIDJOBSTATE',
      `Job ${job.id} is not open for uploads: its state is ${job.state}`
    );
  }
  const contentType = request.headers['content-type'] ?? '';
  if (!/^text\/csv\b/i.test(contentType) || typeof request.body !== 'string') {
    throw apiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Bulk API 2.0 uploads must be Content-Type: text/csv');
  }
  const bytes = Buffer.byteLength(request.body);
  if (job.uploadedBytes + bytes > UPLOAD_LIMIT_BYTES) {
    throw apiError(400, 'INVALIDBATCH', 'InvalidBatch : The job’s uploads exceed 150 MB');
  }
  job.uploads.push(request.body);
  job.uploadedBytes += bytes;
}

function changeState(jobs: IngestJobs, job: IngestJob, request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  const state = isPlainObject(body) ? body.state : undefined;
  if (state === 'UploadComplete') {
    if (job.state !== 'Open') {
      throw apiError(409, 'INVALIDJOBSTATE', `Job ${job.id} cannot be closed: its state is ${job.state}`);
    }
    setState(job, 'UploadComplete');
    jobs.enqueue(job);
  } else if (state === 'Aborted') {
    if (FINISHED_STATES.has(job.state)) {
      throw apiError(409, 'INVALIDJOBSTATE', `Job ${job.id} cannot be aborted: its state is ${job.state}`);
    }
    job.abortRequested = true;
    if (job.state === 'Open' || job.state === 'UploadComplete') {
      abandonUploads(job);
    }
    setState(job, 'Aborted');
  } else {
    throw badRequest('INVALIDJOBSTATE', 'state must be UploadComplete or Aborted');
  }
  return ingestJobInfo(job, false);
}

function sendCsv(reply: FastifyReply, job: IngestJob, header: string[], rows: string[][]): FastifyReply {
  return reply.type('text/csv').send(stringifyCsv([[...header, ...job.columns], ...rows], job));
}

export function registerBulkIngest(app: FastifyInstance, context: OrgContext, jobs: IngestJobs): void {
  context.disposers.push(() => jobs.drain());
  const base = '/services/data/:version/jobs/ingest';
  const jobOf = (request: FastifyRequest): IngestJob => jobs.get(param(request, 'jobId'));

  resource(app, base, {
    POST: async (request) => {
      const job = createJob(context, jobs, request);
      jobs.jobs.set(job.id, job);
      return ingestJobInfo(job, false);
    },
    GET: async () => ({
      done: true,
      records: [...jobs.jobs.values()].map((job) => ingestJobInfo(job, false)),
      nextRecordsUrl: null
    })
  });

  resource(app, `${base}/:jobId`, {
    GET: async (request) => ingestJobInfo(jobOf(request), true),
    PATCH: async (request) => changeState(jobs, jobOf(request), request),
    DELETE: async (request, reply) => {
      const job = jobOf(request);
      job.abortRequested = true;
      jobs.jobs.delete(job.id);
      return reply.code(204).send();
    }
  });

  resource(app, `${base}/:jobId/batches`, {
    PUT: async (request, reply) => {
      upload(jobOf(request), request);
      return reply.code(201).send();
    }
  });

  resource(app, `${base}/:jobId/successfulResults`, {
    GET: async (request, reply) => {
      const job = jobOf(request);
      return sendCsv(reply, job, ['sf__Id', 'sf__Created'], job.successRows);
    }
  });

  resource(app, `${base}/:jobId/failedResults`, {
    GET: async (request, reply) => {
      const job = jobOf(request);
      return sendCsv(reply, job, ['sf__Id', 'sf__Error'], job.failedRows);
    }
  });

  resource(app, `${base}/:jobId/unprocessedrecords`, {
    GET: async (request, reply) => {
      const job = jobOf(request);
      return sendCsv(reply, job, [], job.unprocessedRows);
    }
  });
}
