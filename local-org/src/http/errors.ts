/**
 * Salesforce's error bodies. Request-level failures are `[{ message, errorCode, fields? }]` with an HTTP status;
 * per-row failures inside sObject Collections results use `statusCode` for the code, as Salesforce's do.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { SalesforceApiError, type SalesforceError } from '../contracts';

export function salesforceError(errorCode: string, message: string, fields: string[] = []): SalesforceError {
  return { message, errorCode, fields };
}

/** A request-level failure with one error, ready to throw from a handler. */
export function apiError(
  status: number,
  errorCode: string,
  message: string,
  fields?: string[]
): SalesforceApiError {
  return new SalesforceApiError(status, [salesforceError(errorCode, message, fields)]);
}

export function notFound(message = 'The requested resource does not exist'): SalesforceApiError {
  return apiError(404, 'NOT_FOUND', message);
}

export function badRequest(errorCode: string, message: string): SalesforceApiError {
  return apiError(400, errorCode, message);
}

/** The wire form of a request-level error: `fields` only when there are some, as Salesforce prints it. */
export function errorBody(
  errors: SalesforceError[]
): Array<{ message: string; errorCode: string; fields?: string[] }> {
  return errors.map((error) =>
    error.fields.length > 0
      ? { message: error.message, errorCode: error.errorCode, fields: error.fields }
      : { message: error.message, errorCode: error.errorCode }
  );
}

/** The wire form of a row error inside a collection's results. */
export function rowErrorBody(error: SalesforceError): {
  statusCode: string;
  message: string;
  fields: string[];
} {
  return { statusCode: error.errorCode, message: error.message, fields: error.fields };
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as Partial<FastifyError>).code === 'string';
}

/** Maps Fastify's own failures (parsing, size, media type) and our thrown errors to Salesforce's shape. */
export function toSalesforceApiError(error: unknown): SalesforceApiError {
  if (error instanceof SalesforceApiError) {
    return error;
  }
  if (isFastifyError(error)) {
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return apiError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Content-Type header specified in HTTP request is not supported: use application/json (REST) or text/csv (Bulk API 2.0 uploads)'
      );
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return apiError(413, 'REQUEST_ENTITY_TOO_LARGE', 'The request body exceeds the size limit');
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return apiError(error.statusCode, 'INVALID_REQUEST', error.message);
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return apiError(
    500,
    'UNKNOWN_EXCEPTION',
    `The local org hit a bug while handling this request: ${message}`
  );
}

export function sendApiError(reply: FastifyReply, error: SalesforceApiError): FastifyReply {
  return reply.code(error.status).type('application/json;charset=UTF-8').send(errorBody(error.errors));
}

/** Fastify's error handler: every failure leaves in Salesforce's shape; unexpected ones are logged. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const apiFailure = toSalesforceApiError(error);
  if (apiFailure.status >= 500) {
    console.error(`local org: ${request.method} ${request.url} failed unexpectedly`, error);
  }
  return sendApiError(reply, apiFailure);
}
