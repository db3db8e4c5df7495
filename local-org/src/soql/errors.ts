/** The errors a bad query gets, with Salesforce's codes and wording (HTTP 400). */
import { SalesforceApiError } from '../contracts';

function queryError(errorCode: string, message: string): SalesforceApiError {
  return new SalesforceApiError(400, [{ errorCode, message, fields: [] }]);
}

const NAMES_HINT = 'Please reference your WSDL or the describe call for the appropriate names.';

export const queryErrors = {
  malformed: (message: string) => queryError('MALFORMED_QUERY', message),
  noSuchColumn: (fieldName: string, objectName: string) =>
    queryError(
      'INVALID_FIELD',
      `No such column '${fieldName}' on entity '${objectName}'. If you are attempting to use a custom field, be sure ` +
        `to append the '__c' after the custom field name. ${NAMES_HINT}`
    ),
  noSuchRelationship: (name: string) =>
    queryError(
      'INVALID_FIELD',
      `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, ` +
        `be sure to append the '__r' after the custom relationship name. ${NAMES_HINT}`
    ),
  noSuchChildRelationship: (name: string) =>
    queryError(
      'INVALID_TYPE',
      `Didn't understand relationship '${name}' in FROM part of query call. If you are attempting to use a custom ` +
        `relationship, be sure to append the '__r' after the custom relationship name. ${NAMES_HINT}`
    ),
  unsupportedType: (objectName: string) =>
    queryError(
      'INVALID_TYPE',
      `sObject type '${objectName}' is not supported. If you are attempting to use a custom object, be sure to ` +
        `append the '__c' after the entity name. ${NAMES_HINT}`
    ),
  invalidField: (message: string) => queryError('INVALID_FIELD', message),
  filterOperator: (message: string) => queryError('INVALID_QUERY_FILTER_OPERATOR', message)
};
