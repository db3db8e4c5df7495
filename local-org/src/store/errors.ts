/** Salesforce's error codes and messages for rows that cannot be saved, in one place. */
import { SalesforceApiError, type SalesforceError } from '../contracts';
import type { FieldDescriptor } from '../../../tools/schema/types';

function error(errorCode: string, message: string, fields: string[] = []): SalesforceError {
  return { errorCode, message, fields };
}

export const saveErrors = {
  requiredMissing: (fields: string[]) =>
    error('REQUIRED_FIELD_MISSING', `Required fields are missing: [${fields.join(', ')}]`, fields),
  tooLong: (field: FieldDescriptor, value: string) =>
    error(
      'STRING_TOO_LONG',
      `${field.label}: data value too large: ${value} (max length=${field.length ?? 0})`,
      [field.name]
    ),
  wrongType: (field: FieldDescriptor, value: unknown) =>
    error(
      'INVALID_TYPE_ON_FIELD_IN_RECORD',
      `${field.label}: value not of required type: ${describeValue(value)}`,
      [field.name]
    ),
  outOfRange: (field: FieldDescriptor, value: number) =>
    error(
      'NUMBER_OUTSIDE_VALID_RANGE',
      `${field.label}: value outside of valid range on numeric field: ${value}`,
      [field.name]
    ),
  badPicklistValue: (field: FieldDescriptor, value: string) =>
    error(
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      `${field.label}: bad value for restricted picklist field: ${value}`,
      [field.name]
    ),
  badEmail: (field: FieldDescriptor, value: string) =>
    error('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${value}`, [field.name]),
  malformedReference: (field: FieldDescriptor, value: string) =>
    error('MALFORMED_ID', `${field.label}: id value of incorrect type: ${value}`, [field.name]),
  referenceOfWrongType: (field: FieldDescriptor, value: string) =>
    error('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${value}`, [field.name]),
  missingReference: (field: FieldDescriptor) =>
    error('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field.name]),
  deletedReference: (field: FieldDescriptor) => error('ENTITY_IS_DELETED', 'entity is deleted', [field.name]),
  unknownField: (objectName: string, fieldName: string) =>
    error('INVALID_FIELD', `No such column '${fieldName}' on sobject of type ${objectName}`, [fieldName]),
  notWritable: (fields: string[]) =>
    error(
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and ` +
        'verify that it is read/write for your profile or permission set.',
      fields
    ),
  idOnInsert: () =>
    error('INVALID_FIELD_FOR_INSERT_UPDATE', 'Record ID: cannot specify Id in an insert call', ['Id']),
  duplicateValue: (field: FieldDescriptor, existingId: string) =>
    error(
      'DUPLICATE_VALUE',
      `duplicate value found: ${field.name} duplicates value on record with id: ${existingId}`,
      [field.name]
    ),
  duplicateExternalIdMatches: (field: FieldDescriptor, ids: string[]) =>
    error(
      'DUPLICATE_EXTERNAL_ID',
      `${field.label}: more than one record found for external id field: [${ids.join(', ')}]`,
      [field.name]
    ),
  duplicateExternalIdInRequest: (field: FieldDescriptor, value: string) =>
    error('DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${value}`, [field.name]),
  foreignKeyNotFound: (objectName: string, field: FieldDescriptor, value: string) =>
    error(
      'INVALID_FIELD',
      `Foreign key external ID: ${value} not found for field ${field.name} in entity ${objectName}`,
      [field.name]
    ),
  missingExternalId: (field: FieldDescriptor) =>
    error('MISSING_ARGUMENT', `${field.name} not specified`, [field.name]),
  malformedId: (value: string) => error('MALFORMED_ID', `malformed id ${value}`, ['Id']),
  duplicateIdInList: (id: string) => error('INVALID_ID_FIELD', `Duplicate id in list: ${id}`, ['Id']),
  missingId: () => error('MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']),
  invalidRecordId: () => error('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []),
  entityDeleted: () => error('ENTITY_IS_DELETED', 'entity is deleted', []),
  unknownType: (typeName: string) =>
    error('INVALID_TYPE', `sObject type '${typeName}' is not supported.`, []),
  missingType: () =>
    error('INVALID_TYPE', 'Must send a concrete entity type: each record needs attributes.type', []),
  operationNotAllowed: (operation: 'inserted' | 'updated' | 'deleted', objectLabel: string) =>
    error('INVALID_TYPE_FOR_OPERATION', `entity type cannot be ${operation}: ${objectLabel}`, []),
  deleteRestricted: (recordName: string, childLabel: string, childNames: string[]) =>
    error(
      'DELETE_FAILED',
      `Your attempt to delete ${recordName} could not be completed because it is associated with the following ` +
        `${childLabel}.: ${childNames.join(', ')}`,
      []
    ),
  rolledBack: () =>
    error(
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'Record rolled back because not all records were valid and the request was using AllOrNone header',
      []
    )
};

function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

export function notFound(message: string): SalesforceApiError {
  return new SalesforceApiError(404, [error('NOT_FOUND', message)]);
}
