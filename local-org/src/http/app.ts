/**
 * The local org's Fastify application: body parsers (JSON, CSV), authentication, call counting and fault injection
 * as hooks, every route module, and Salesforce-shaped errors and 404s.
 */
import fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { isValidToken, tokenFromHeader } from './auth';
import { registerAdmin } from './admin';
import { registerBulkIngest, IngestJobs, type IngestOptions } from './bulk-ingest';
import { registerBulkQuery, QueryJobs } from './bulk-query';
import { registerComposite } from './composite';
import type { OrgContext } from './context';
import { registerDescribe } from './describe';
import { apiError, handleError, notFound, sendApiError } from './errors';
import { registerIdentity } from './identity';
import { registerLimits } from './limits';
import { registerQuery } from './query';
import { registerRest } from './rest';
import { callKind } from './stats';
import { parseVersionSegment } from './versions';

/** Bulk API 2.0 accepts 150 MB per upload; the limit leaves room for the CSV's own overhead. */
export const BODY_LIMIT_BYTES = 160 * 1024 * 1024;

const DATA_PATH = /^\/services\/data\/(v[^/]+)(\/.*)?$/;
const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export interface AppOptions {
  ingest?: IngestOptions;
  /** Fastify's logger (off by default). */
  logger?: boolean;
}

function pathOf(request: FastifyRequest): string {
  const url = request.raw.url ?? request.url;
  const queryStart = url.indexOf('?');
  return queryStart >= 0 ? url.slice(0, queryStart) : url;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Requests whose socket is destroyed once their write has been applied (an injected fault). */
const dropAfterResponse = new WeakSet<FastifyRequest>();

function registerHooks(app: FastifyInstance, context: OrgContext): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = pathOf(request);
    if (!path.startsWith('/services') && !path.startsWith('/id/')) {
      return;
    }
    const queryToken = path.startsWith('/id/')
      ? new URLSearchParams((request.raw.url ?? '').split('?')[1] ?? '').get('oauth_token')
      : null;
    const token = tokenFromHeader(request.headers.authorization) ?? queryToken;
    if (!isValidToken(token, context.credentials.accessToken)) {
      return sendApiError(reply, apiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid'));
    }
    const data = DATA_PATH.exec(path);
    if (data) {
      parseVersionSegment(data[1] ?? '');
      context.calls.count(callKind(data[2] ?? ''));
    }
  });

  // Faults hit API calls only, never /services/admin, and after authentication.
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!DATA_PATH.test(pathOf(request))) {
      return;
    }
    if (context.faults.latencyMs > 0) {
      await sleep(context.faults.latencyMs);
    }
    switch (context.faults.decideCall(WRITE_METHODS.has(request.method))) {
      case 'http503':
        return sendApiError(
          reply,
          apiError(503, 'SERVER_UNAVAILABLE', 'Server temporarily unavailable (injected fault)')
        );
      case 'http429':
        reply.header('Retry-After', '1');
        return sendApiError(
          reply,
          apiError(429, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded (injected fault)')
        );
      case 'dropBefore':
        reply.hijack();
        request.raw.socket.destroy();
        return reply;
      case 'dropAfterWrite':
        dropAfterResponse.add(request);
        return;
      default:
        return;
    }
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (dropAfterResponse.has(request)) {
      request.raw.socket.destroy();
    }
    return payload;
  });
}

function registerParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(text) as unknown);
    } catch (error) {
      done(
        apiError(400, 'JSON_PARSER_ERROR', `The request body is not valid JSON: ${(error as Error).message}`),
        undefined
      );
    }
  });
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => {
    done(null, typeof body === 'string' ? body : body.toString('utf8'));
  });
}

export interface LocalOrgApp {
  app: FastifyInstance;
  ingestJobs: IngestJobs;
  queryJobs: QueryJobs;
}

export function buildApp(context: OrgContext, options: AppOptions = {}): LocalOrgApp {
  const app = fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { ignoreTrailingSlash: true },
    forceCloseConnections: true
  });
  registerParsers(app);
  registerHooks(app, context);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((_request, reply) => sendApiError(reply, notFound()));

  const ingestJobs = new IngestJobs(context, options.ingest);
  const queryJobs = new QueryJobs();
  registerIdentity(app, context);
  registerDescribe(app, context);
  registerRest(app, context);
  registerComposite(app, context);
  registerQuery(app, context);
  registerLimits(app, context, () => ({
    bulkIngestBatches: ingestJobs.batchesUsed,
    bulkQueryJobs: queryJobs.jobsRun
  }));
  registerBulkIngest(app, context, ingestJobs);
  registerBulkQuery(app, context, queryJobs);
  registerAdmin(app, context);
  return { app, ingestJobs, queryJobs };
}
