/** Small helpers on request bodies and records shared by the REST and collections routes. */
import { SalesforceApiError, type SObjectRecord, type SaveResult, type SalesforceError } from '../contracts';
import { apiError, badRequest, notFound } from './errors';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON body that must be one record: an object, `attributes` removed. */
export function recordFromBody(body: unknown): SObjectRecord {
  if (!isPlainObject(body)) {
    throw badRequest('JSON_PARSER_ERROR', 'The request body must be a JSON object with the record’s fields');
  }
  return withoutAttributes(body);
}

/** The record's fields, without the `attributes` Salesforce adds on reads and accepts on writes. */
export function withoutAttributes(record: Record<string, unknown>): SObjectRecord {
  return Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'attributes'));
}

/** 15 or 18 alphanumeric characters. */
export function looksLikeId(value: string): boolean {
  return /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value);
}

/** The status a single-record call answers when its one row failed: 404 for a missing record, else 400. */
export function rowFailure(result: SaveResult | undefined): SalesforceApiError {
  const errors: SalesforceError[] = result?.errors.length
    ? result.errors
    : [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'The save failed without an error', fields: [] }];
  const missing = errors.some(
    (error) => error.errorCode === 'NOT_FOUND' || error.errorCode === 'ENTITY_IS_DELETED'
  );
  return new SalesforceApiError(missing ? 404 : 400, errors);
}

/** A record whose id's key prefix is not the object's does not exist at that URL. */
export function assertIdOfObject(id: string, keyPrefix: string): void {
  if (!looksLikeId(id) || id.slice(0, 3) !== keyPrefix) {
    throw notFound(`Provided external ID field does not exist or is not accessible: ${id}`);
  }
}

/** Quotes a value for a SOQL string literal. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Splits `ids=a,b,c`, rejecting more than 200 as Salesforce does. */
export function idsParameter(text: string | undefined): string[] {
  const ids = (text ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  if (ids.length === 0) {
    throw apiError(400, 'MISSING_ARGUMENT', 'The ids parameter is required: ids=<id>,<id>,…');
  }
  assertWithinCollectionLimit(ids.length);
  return ids;
}

export const COLLECTION_LIMIT = 200;

export function assertWithinCollectionLimit(count: number): void {
  if (count > COLLECTION_LIMIT) {
    throw apiError(
      400,
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${COLLECTION_LIMIT} records into this call`
    );
  }
}
