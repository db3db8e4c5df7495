/**
 * sObject Collections (`composite/sobjects`): create, update, upsert, delete and retrieve up to 200 records in one
 * call, with `allOrNone`. Results are in request order; row errors use `statusCode`, as Salesforce's do. Injected
 * lock faults fail their rows with UNABLE_TO_LOCK_ROW without writing them (with allOrNone, the whole call).
 */
import type { FastifyInstance } from 'fastify';
import {
  SalesforceApiError,
  type SObjectRecord,
  type SaveOptions,
  type SaveResult,
  type SalesforceError
} from '../contracts';
import type { OrgContext } from './context';
import { badRequest, rowErrorBody, salesforceError } from './errors';
import {
  assertWithinCollectionLimit,
  idsParameter,
  isPlainObject,
  looksLikeId,
  withoutAttributes
} from './records';
import { param, queryParam, resource } from './resource';

interface CollectionRequest {
  allOrNone: boolean;
  records: SObjectRecord[];
}

function collectionFromBody(body: unknown): CollectionRequest {
  if (!isPlainObject(body) || !Array.isArray(body.records)) {
    throw badRequest(
      'JSON_PARSER_ERROR',
      'The request body must be { "allOrNone": boolean, "records": [ … ] }'
    );
  }
  const records = body.records;
  assertWithinCollectionLimit(records.length);
  if (!records.every(isPlainObject)) {
    throw badRequest('JSON_PARSER_ERROR', 'Every element of "records" must be a JSON object');
  }
  return { allOrNone: body.allOrNone === true, records: records as SObjectRecord[] };
}

/** Collections accept `id` for the record id (jsforce sends it so); the store reads `Id`. */
function withIdField(record: SObjectRecord): SObjectRecord {
  if (record.Id === undefined && record.id !== undefined) {
    const { id, ...rest } = record;
    return { ...rest, Id: id };
  }
  return record;
}

const ROLLED_BACK = salesforceError(
  'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  'Record rolled back because not all records were valid and the request was using AllOrNone header'
);

function lockError(id: string | null): SalesforceError {
  return salesforceError(
    'UNABLE_TO_LOCK_ROW',
    `unable to obtain exclusive access to this record or 1 records: ${id ?? 'new record'}`
  );
}

/**
 * Runs a write with lock faults applied: locked rows fail and are not passed to the store; the others are written
 * (or, with allOrNone and any lock, nothing is written).
 */
export async function writeWithLockFaults(
  context: OrgContext,
  rows: number,
  idOf: (index: number) => string | null,
  options: SaveOptions,
  write: (indexes: number[]) => Promise<SaveResult[]>
): Promise<SaveResult[]> {
  const locked = context.faults.lockedRows(rows);
  const free = locked.flatMap((isLocked, index) => (isLocked ? [] : [index]));
  if (free.length === rows) {
    return write(free);
  }
  if (options.allOrNone) {
    return locked.map((isLocked, index) => ({
      id: null,
      success: false,
      errors: [isLocked ? lockError(idOf(index)) : ROLLED_BACK]
    }));
  }
  const written = free.length > 0 ? await write(free) : [];
  const results: SaveResult[] = locked.map((_, index) => ({
    id: null,
    success: false,
    errors: [lockError(idOf(index))]
  }));
  free.forEach((rowIndex, position) => {
    const result = written[position];
    if (result) {
      results[rowIndex] = result;
    }
  });
  return results;
}

function resultBody(result: SaveResult, withCreated: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: result.id,
    success: result.success,
    errors: result.errors.map(rowErrorBody)
  };
  if (withCreated && result.success) {
    body.created = result.created === true;
  }
  return body;
}

async function retrieveMany(
  context: OrgContext,
  objectName: string,
  ids: string[],
  fields: string[] | undefined
): Promise<Array<SObjectRecord | null>> {
  const name = context.store.describe(objectName).name;
  const records: Array<SObjectRecord | null> = [];
  for (const id of ids) {
    if (!looksLikeId(id)) {
      records.push(null);
      continue;
    }
    try {
      records.push(await context.store.retrieve(name, id, fields));
    } catch (error) {
      if (error instanceof SalesforceApiError && error.status === 404) {
        records.push(null);
      } else {
        throw error;
      }
    }
  }
  return records;
}

function fieldList(value: unknown): string[] | undefined {
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((field) => field.trim())
      .filter((field) => field.length > 0);
  }
  if (Array.isArray(value) && value.every((field) => typeof field === 'string')) {
    return value as string[];
  }
  return undefined;
}

export function registerComposite(app: FastifyInstance, context: OrgContext): void {
  const { store } = context;

  resource(app, '/services/data/:version/composite/sobjects', {
    POST: async (request) => {
      const { allOrNone, records } = collectionFromBody(request.body);
      const results = await writeWithLockFaults(
        context,
        records.length,
        () => null,
        { allOrNone },
        (indexes) =>
          store.create(
            null,
            indexes.map((index) => records[index] as SObjectRecord),
            { allOrNone }
          )
      );
      return results.map((result) => resultBody(result, false));
    },
    PATCH: async (request) => {
      const collection = collectionFromBody(request.body);
      const records = collection.records.map(withIdField);
      const { allOrNone } = collection;
      const idOf = (index: number): string | null => {
        const id = records[index]?.Id;
        return typeof id === 'string' ? id : null;
      };
      const results = await writeWithLockFaults(context, records.length, idOf, { allOrNone }, (indexes) =>
        store.update(
          null,
          indexes.map((index) => records[index] as SObjectRecord),
          { allOrNone }
        )
      );
      return results.map((result, index) => resultBody({ ...result, id: result.id ?? idOf(index) }, false));
    },
    DELETE: async (request) => {
      const ids = idsParameter(queryParam(request, 'ids'));
      const allOrNone = queryParam(request, 'allOrNone') === 'true';
      const results = await writeWithLockFaults(
        context,
        ids.length,
        (index) => ids[index] ?? null,
        { allOrNone },
        (indexes) =>
          store.delete(
            indexes.map((index) => ids[index] as string),
            { allOrNone }
          )
      );
      return results.map((result, index) =>
        resultBody({ ...result, id: result.id ?? ids[index] ?? null }, false)
      );
    }
  });

  resource(app, '/services/data/:version/composite/sobjects/:object', {
    GET: async (request) =>
      retrieveMany(
        context,
        param(request, 'object'),
        idsParameter(queryParam(request, 'ids')),
        fieldList(queryParam(request, 'fields'))
      ),
    POST: async (request) => {
      const body = request.body;
      if (
        !isPlainObject(body) ||
        !Array.isArray(body.ids) ||
        !body.ids.every((id) => typeof id === 'string')
      ) {
        throw badRequest('JSON_PARSER_ERROR', 'The request body must be { "ids": [ … ], "fields": [ … ] }');
      }
      assertWithinCollectionLimit(body.ids.length);
      return retrieveMany(context, param(request, 'object'), body.ids as string[], fieldList(body.fields));
    }
  });

  resource(app, '/services/data/:version/composite/sobjects/:object/:field', {
    PATCH: async (request) => {
      const objectName = store.describe(param(request, 'object')).name;
      const field = param(request, 'field');
      const { allOrNone, records } = collectionFromBody(request.body);
      const results = await writeWithLockFaults(
        context,
        records.length,
        () => null,
        { allOrNone },
        (indexes) =>
          store.upsert(
            objectName,
            field,
            indexes.map((index) => withoutAttributes(records[index] as SObjectRecord)),
            { allOrNone }
          )
      );
      return results.map((result) => resultBody(result, true));
    }
  });
}
