/**
 * Single-record REST: `sobjects/X` (create), `sobjects/X/Id` (read, update, delete) and `sobjects/X/Field/value`
 * (read, upsert, delete by external id), with Salesforce's statuses: 201 on create, 204 on update and delete, and on
 * upsert 201 when created, 200 with the result when updated.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OrgStore, SObjectRecord } from '../contracts';
import { dataBasePath, type OrgContext } from './context';
import { basicInfo } from './describe';
import { notFound } from './errors';
import { assertIdOfObject, recordFromBody, rowFailure, soqlString } from './records';
import { param, queryParam, resource } from './resource';

function fieldsParameter(request: FastifyRequest): string[] | undefined {
  const text = queryParam(request, 'fields');
  if (text === undefined) {
    return undefined;
  }
  return text
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field.length > 0);
}

/** The canonical name of an external id (or idLookup) field of the object, or 404 as Salesforce answers. */
function externalIdField(store: OrgStore, objectName: string, fieldName: string): string {
  const descriptor = store.describe(objectName);
  const field = descriptor.fields.find(
    (candidate) => candidate.name.toLowerCase() === fieldName.toLowerCase()
  );
  if (!field || !(field.externalId || field.type === 'id' || field.name === 'Username')) {
    throw notFound(`Provided external ID field does not exist or is not accessible: ${fieldName}`);
  }
  return field.name;
}

/** Records whose external id equals `value`, with the fields asked for (all queryable scalar fields by default). */
async function findByExternalId(
  store: OrgStore,
  objectName: string,
  field: string,
  value: string,
  fields?: string[]
): Promise<SObjectRecord[]> {
  const descriptor = store.describe(objectName);
  const selected =
    fields ??
    descriptor.fields
      .filter((candidate) => candidate.type !== 'address' && candidate.type !== 'location')
      .map((f) => f.name);
  const soql = `SELECT ${selected.join(', ')} FROM ${descriptor.name} WHERE ${field} = ${soqlString(value)}`;
  return (await store.query(soql)).records;
}

function multipleMatches(
  reply: FastifyReply,
  base: string,
  objectName: string,
  records: SObjectRecord[]
): FastifyReply {
  return reply.code(300).send(records.map((record) => `${base}/sobjects/${objectName}/${String(record.Id)}`));
}

export function registerRest(app: FastifyInstance, context: OrgContext): void {
  const { store } = context;

  resource(app, '/services/data/:version/sobjects/:object', {
    GET: async (request) => basicInfo(store, dataBasePath(request), param(request, 'object')),
    POST: async (request, reply) => {
      const objectName = store.describe(param(request, 'object')).name;
      const [result] = await store.create(objectName, [recordFromBody(request.body)], { allOrNone: true });
      if (!result?.success) {
        throw rowFailure(result);
      }
      reply.code(201);
      return { id: result.id, success: true, errors: [] };
    }
  });

  resource(app, '/services/data/:version/sobjects/:object/:id', {
    GET: async (request) => {
      const objectName = store.describe(param(request, 'object')).name;
      return store.retrieve(objectName, param(request, 'id'), fieldsParameter(request));
    },
    PATCH: async (request, reply) => {
      const descriptor = store.describe(param(request, 'object'));
      const id = param(request, 'id');
      assertIdOfObject(id, descriptor.keyPrefix);
      const record = { ...recordFromBody(request.body), Id: id };
      const [result] = await store.update(descriptor.name, [record], { allOrNone: true });
      if (!result?.success) {
        throw rowFailure(result);
      }
      return reply.code(204).send();
    },
    DELETE: async (request, reply) => {
      const descriptor = store.describe(param(request, 'object'));
      const id = param(request, 'id');
      assertIdOfObject(id, descriptor.keyPrefix);
      const [result] = await store.delete([id], { allOrNone: true });
      if (!result?.success) {
        throw rowFailure(result);
      }
      return reply.code(204).send();
    }
  });

  resource(app, '/services/data/:version/sobjects/:object/:field/:value', {
    GET: async (request, reply) => {
      const objectName = store.describe(param(request, 'object')).name;
      const field = externalIdField(store, objectName, param(request, 'field'));
      const records = await findByExternalId(
        store,
        objectName,
        field,
        param(request, 'value'),
        fieldsParameter(request)
      );
      if (records.length > 1) {
        return multipleMatches(reply, dataBasePath(request), objectName, records);
      }
      const [record] = records;
      if (!record) {
        throw notFound();
      }
      return record;
    },
    PATCH: async (request, reply) => {
      const objectName = store.describe(param(request, 'object')).name;
      const field = externalIdField(store, objectName, param(request, 'field'));
      const record = { ...recordFromBody(request.body), [field]: param(request, 'value') };
      const [result] = await store.upsert(objectName, field, [record], { allOrNone: true });
      if (!result?.success) {
        if (result?.errors.some((error) => error.errorCode === 'DUPLICATE_EXTERNAL_ID')) {
          return reply
            .code(300)
            .send(result.errors.map(({ message, errorCode }) => ({ message, errorCode })));
        }
        throw rowFailure(result);
      }
      // Every version served (50.0+) answers an update with 200 and the result; 204 was API 45.0 and earlier.
      const body = { id: result.id, success: true, errors: [], created: result.created === true };
      return reply.code(body.created ? 201 : 200).send(body);
    },
    DELETE: async (request, reply) => {
      const objectName = store.describe(param(request, 'object')).name;
      const field = externalIdField(store, objectName, param(request, 'field'));
      const records = await findByExternalId(store, objectName, field, param(request, 'value'), ['Id']);
      if (records.length > 1) {
        return multipleMatches(reply, dataBasePath(request), objectName, records);
      }
      const [record] = records;
      if (!record) {
        throw notFound();
      }
      const [result] = await store.delete([String(record.Id)], { allOrNone: true });
      if (!result?.success) {
        throw rowFailure(result);
      }
      return reply.code(204).send();
    }
  });
}
