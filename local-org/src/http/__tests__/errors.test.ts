import { SalesforceApiError } from '../../contracts';
import { errorBody, toSalesforceApiError } from '../errors';

function fastifyError(code: string, statusCode: number, message = 'boom'): Error {
  return Object.assign(new Error(message), { code, statusCode });
}

describe('toSalesforceApiError', () => {
  it('keeps Salesforce errors as they are', () => {
    const error = new SalesforceApiError(400, [{ errorCode: 'INVALID_FIELD', message: 'm', fields: ['A'] }]);
    expect(toSalesforceApiError(error)).toBe(error);
    expect(errorBody(error.errors)).toEqual([{ errorCode: 'INVALID_FIELD', message: 'm', fields: ['A'] }]);
  });

  it('maps Fastify’s media type, size and other client errors', () => {
    expect(
      toSalesforceApiError(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415)).errors[0]?.errorCode
    ).toBe('UNSUPPORTED_MEDIA_TYPE');
    const tooLarge = toSalesforceApiError(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413));
    expect([tooLarge.status, tooLarge.errors[0]?.errorCode]).toEqual([413, 'REQUEST_ENTITY_TOO_LARGE']);
    const other = toSalesforceApiError(fastifyError('FST_ERR_SOMETHING', 400, 'bad'));
    expect([other.status, other.errors[0]?.message]).toEqual([400, 'bad']);
  });

  it('answers anything else as a 500 that says it is the local org’s bug', () => {
    const bug = toSalesforceApiError(new TypeError('x is undefined'));
    expect(bug.status).toBe(500);
    expect(bug.errors[0]).toMatchObject({
      errorCode: 'UNKNOWN_EXCEPTION',
      message: 'The local org hit a bug while handling this request: x is undefined'
    });
    expect(toSalesforceApiError('text').errors[0]?.message).toContain('text');
  });
});
