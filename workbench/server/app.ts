/**
 * The workbench's HTTP routes (Fastify):
 *
 * | route                                                        | what                                          |
 * | ------------------------------------------------------------ | --------------------------------------------- |
 * | `GET /`, `/lightning/page/home`                              | Home                                          |
 * | `GET /lightning/n/Pipeline_Health`                           | the Pipeline Health app page                  |
 * | `GET /lightning/r/<Object>/<id>/view`, `/lightning/r/<id>/view` | record pages                               |
 * | `GET /assets/…`                                              | SLDS styles and icons                         |
 * | `GET /workbench/app.<hash>.js`                               | the components' bundle (cached by the browser) |
 * | `POST /workbench/apex/<Class.method>`                        | an Apex twin; errors shaped like Aura's       |
 * | `/workbench/ui-api/records[/<id>]`                           | getRecord, createRecord, updateRecord, deleteRecord |
 * | `GET /workbench/ui-api/object-info/<Object>[/picklist-values/<recordTypeId>/<field>]` | object info, picklists |
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Connection } from 'jsforce';
import { AuraHandledError, type TwinContext } from '../twins/context';
import { findTwin } from '../twins';
import type { ClientBundle } from './bundle';
import { APP_PAGE_URL, appPage, homePage, notFoundPage, type Page, RECORD_PAGES, recordPage } from './pages';
import { UiApi, UiApiError } from './ui-api';
import type { SignedInUser } from './user';

export interface AppOptions {
  projectRoot: string;
  connection: Connection;
  user: SignedInUser;
  bundle: ClientBundle;
  /** `Date.today()` of the twins, 'YYYY-MM-DD'. */
  today: () => string;
  rowBudget: number;
  /** Where unexpected server errors are reported. */
  log: (message: string) => void;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
};

function sendPage(reply: FastifyReply, page: Page): FastifyReply {
  return reply.code(page.status).type('text/html; charset=utf-8').send(page.html);
}

function fieldsParameter(value: unknown): string[] {
  return typeof value === 'string' && value.trim() !== ''
    ? value
        .split(',')
        .map((field) => field.trim())
        .filter(Boolean)
    : [];
}

export function buildApp(options: AppOptions): FastifyInstance {
  const { connection, user, bundle } = options;
  const uiApi = new UiApi(connection);
  const bundleUrl = `/workbench/app.${bundle.hash}.js`;
  const assets = path.join(options.projectRoot, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
  const app = Fastify({ logger: false });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof UiApiError) {
      return reply.code(error.status).send(error.body);
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) {
      options.log(
        `${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
      );
    }
    return reply.code(status).send({
      errorCode: status >= 500 ? 'UNKNOWN_EXCEPTION' : 'BAD_REQUEST',
      message: String((error as Error).message)
    });
  });

  app.get('/', async (_request, reply) => sendPage(reply, await homePage(connection, user, bundleUrl)));
  app.get('/lightning/page/home', async (_request, reply) => reply.redirect('/'));
  app.get(APP_PAGE_URL, async (_request, reply) => sendPage(reply, appPage(user, bundleUrl)));
  app.get<{ Params: { id: string } }>('/lightning/r/:id/view', async (request, reply) => {
    const object = await uiApi.objectOfId(request.params.id).catch(() => null);
    if (object === null || RECORD_PAGES[object] === undefined) {
      return sendPage(
        reply,
        notFoundPage(user, bundleUrl, `The workbench has no page for ${request.params.id}.`)
      );
    }
    return reply.redirect(`/lightning/r/${object}/${request.params.id}/view`);
  });
  app.get<{ Params: { object: string; id: string } }>(
    '/lightning/r/:object/:id/view',
    async (request, reply) =>
      sendPage(reply, await recordPage(connection, user, bundleUrl, request.params.object, request.params.id))
  );

  app.get<{ Params: { '*': string } }>('/assets/*', async (request, reply) => {
    const file = path.resolve(assets, request.params['*']);
    const type = CONTENT_TYPES[path.extname(file)];
    if (!file.startsWith(assets + path.sep) || type === undefined || !fs.existsSync(file)) {
      return reply.code(404).type('text/plain').send('Not found');
    }
    return reply.type(type).header('cache-control', 'public, max-age=86400').send(fs.createReadStream(file));
  });
  app.get(bundleUrl, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(fs.createReadStream(bundle.file))
  );

  app.post<{ Params: { method: string }; Body: Record<string, unknown> | null }>(
    '/workbench/apex/:method',
    async (request, reply) => {
      const twin = findTwin(request.params.method);
      if (twin === undefined) {
        return reply
          .code(404)
          .send({ message: `No Apex method ${request.params.method} has a twin in the workbench.` });
      }
      const body = request.body ?? {};
      const params = Object.fromEntries(twin.params.map((name) => [name, body[name] ?? null]));
      const context: TwinContext = {
        connection,
        userId: user.id,
        today: options.today(),
        rowBudget: options.rowBudget
      };
      try {
        return await twin.run(context, params);
      } catch (error) {
        const handled = error instanceof AuraHandledError;
        if (!handled) {
          options.log(
            `${request.params.method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
          );
        }
        return reply.code(500).send({
          message: error instanceof Error ? error.message : String(error),
          exceptionType: handled ? 'System.AuraHandledException' : 'System.Exception',
          isUserDefinedException: false,
          stackTrace: ''
        });
      }
    }
  );

  app.get<{ Params: { id: string }; Querystring: { fields?: string; optionalFields?: string } }>(
    '/workbench/ui-api/records/:id',
    async (request) =>
      uiApi.record(
        request.params.id,
        fieldsParameter(request.query.fields),
        fieldsParameter(request.query.optionalFields)
      )
  );
  app.patch<{ Params: { id: string }; Body: { fields?: Record<string, unknown> } }>(
    '/workbench/ui-api/records/:id',
    async (request) => uiApi.updateRecord(request.params.id, request.body?.fields ?? {})
  );
  app.post<{ Body: { apiName?: string; fields?: Record<string, unknown> } }>(
    '/workbench/ui-api/records',
    async (request, reply) => {
      const record = await uiApi.createRecord(request.body?.apiName ?? '', request.body?.fields ?? {});
      return reply.code(201).send(record);
    }
  );
  app.delete<{ Params: { id: string } }>('/workbench/ui-api/records/:id', async (request, reply) => {
    await uiApi.deleteRecord(request.params.id);
    return reply.code(204).send();
  });
  app.get<{ Params: { object: string } }>('/workbench/ui-api/object-info/:object', async (request) =>
    uiApi.objectInfo(request.params.object)
  );
  app.get<{ Params: { object: string; recordTypeId: string; field: string } }>(
    '/workbench/ui-api/object-info/:object/picklist-values/:recordTypeId/:field',
    async (request) =>
      uiApi.picklistValues(request.params.object, request.params.recordTypeId, request.params.field)
  );

  return app;
}
