/**
 * The contract between the local org's data layer (`store/`, `soql/`) and its HTTP layer (`http/`). The data layer
 * speaks Salesforce's semantics (records, save results, error codes); the HTTP layer speaks Salesforce's wire
 * protocol (REST, composite collections, Bulk API 2.0, auth, paging, faults).
 */
import type { ObjectDescriptor } from '../../tools/schema/types';

/** An error as Salesforce returns it in REST bodies: `[{ message, errorCode, fields }]`. */
export interface SalesforceError {
  message: string;
  errorCode: string;
  fields: string[];
}

/** A request-level failure: the HTTP layer answers `status` with `errors` as the JSON body. */
export class SalesforceApiError extends Error {
  readonly status: number;
  readonly errors: SalesforceError[];

  constructor(status: number, errors: SalesforceError[]) {
    super(errors.map((error) => `${error.errorCode}: ${error.message}`).join('; '));
    this.name = 'SalesforceApiError';
    this.status = status;
    this.errors = errors;
  }
}

/**
 * A record as Salesforce's JSON has it: field API names to values (string, number, boolean or null; dates as
 * `YYYY-MM-DD`, date-times as `2026-11-23T15:04:05.000+0000`), `attributes: { type, url }` on reads, parent
 * relationships as nested records and child relationships as `{ totalSize, done, records }` in query results.
 */
export type SObjectRecord = Record<string, unknown>;

/** One row's outcome of a save, in request order. `created` is set by upsert. */
export interface SaveResult {
  id: string | null;
  success: boolean;
  errors: SalesforceError[];
  created?: boolean;
}

export interface SaveOptions {
  /** Roll back every row when one fails (each failed row keeps its own error; the others get ALL_OR_NONE_OPERATION_ROLLED_BACK). */
  allOrNone: boolean;
}

/** Every row of a query, shaped as Salesforce returns records; the HTTP layer pages them 2,000 at a time. */
export interface QueryResult {
  totalSize: number;
  records: SObjectRecord[];
}

export interface DescribeGlobalEntry {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
}

export interface LimitsSnapshot {
  apiRequestsUsed: number;
}

/**
 * The org's data: what REST and Bulk calls read and write. Every method validates as Salesforce does and reports
 * bad input with Salesforce's error codes; nothing is half-written (a call is one transaction).
 */
export interface OrgStore {
  /** The user the access token acts as (a System Administrator created with the org). */
  readonly currentUserId: string;
  describeGlobal(): DescribeGlobalEntry[];
  /** Throws SalesforceApiError(404, NOT_FOUND) for an unknown object. Names are case-insensitive, as in Salesforce. */
  describe(objectName: string): ObjectDescriptor;
  /** Records carry their type in `attributes.type`, or `objectName` gives it for all of them. */
  create(objectName: string | null, records: SObjectRecord[], options: SaveOptions): Promise<SaveResult[]>;
  /** Each record has `Id`; the type comes from the Id's key prefix when `objectName` is null. */
  update(objectName: string | null, records: SObjectRecord[], options: SaveOptions): Promise<SaveResult[]>;
  /** Matches on `externalIdField` (an external id or idLookup field); more than one match is DUPLICATE_EXTERNAL_ID. */
  upsert(
    objectName: string,
    externalIdField: string,
    records: SObjectRecord[],
    options: SaveOptions
  ): Promise<SaveResult[]>;
  delete(ids: string[], options: SaveOptions): Promise<SaveResult[]>;
  /** Throws SalesforceApiError(404, NOT_FOUND) when there is no such record. */
  retrieve(objectName: string, id: string, fields?: string[]): Promise<SObjectRecord>;
  /** Throws SalesforceApiError(400, MALFORMED_QUERY | INVALID_FIELD | INVALID_TYPE | …) on bad SOQL. */
  query(soql: string): Promise<QueryResult>;
  close(): Promise<void>;
}
