/**
 * The drill-down of the pipeline-health twin (`PipelineHealthService.getDeals`): one page of the deals behind a
 * number, with the total, from a COUNT() query and a page query with the same filter.
 *
 * | bucket          | deals                                                                             |
 * | --------------- | --------------------------------------------------------------------------------- |
 * | `open`          | open; at `stageName` when given; close date within `fromDate`–`toDate` when given |
 * | `won` / `lost`  | closed won / lost with a close date within `fromDate`–`toDate`                    |
 * | `pastCloseDate` | open with a close date before today                                               |
 * | `noNextStep`    | open with no next step                                                            |
 * | `missingAmount` | open with no amount                                                               |
 * | `idle`          | open whose last activity (or creation, when none) is before `fromDate`            |
 *
 * Ordered by amount (largest first, no amount last), then name and id; up to 200 deals a page, offset up to
 * 2,000. The request is checked as the Apex checks it, with the same messages.
 */
import { AuraHandledError, type TwinContext } from '../context';
import { dateLiteral, queryAll, startOfDayLiteral, stringLiteral } from '../soql';
import { type Scope, whereClause } from './scope';

export const BUCKETS = [
  'open',
  'won',
  'lost',
  'pastCloseDate',
  'noNextStep',
  'missingAmount',
  'idle'
] as const;

export type Bucket = (typeof BUCKETS)[number];

export const MAX_PAGE_SIZE = 200;
/** SOQL's largest OFFSET. */
export const MAX_PAGE_OFFSET = 2000;

/** `PipelineHealthService.DealQuery`. */
export interface DealQuery {
  scope: Scope;
  bucket: string | null;
  stageName: string | null;
  fromDate: string | null;
  toDate: string | null;
  pageSize: number | null;
  pageOffset: number | null;
}

/** `PipelineHealthService.DealRow` as Aura serializes it: null properties are left out. */
export interface DealRow {
  id: string;
  name: string;
  accountId?: string;
  accountName?: string;
  ownerId: string;
  ownerName?: string;
  stageName: string;
  amount?: number;
  probability?: number;
  closeDate: string;
  nextStep?: string;
  lastActivityDate?: string;
  pushCount?: number;
}

/** `PipelineHealthService.DealPage`. */
export interface DealPage {
  total: number;
  deals: DealRow[];
}

interface OpportunityRow {
  Id: string;
  Name: string;
  AccountId: string | null;
  Account: { Name: string } | null;
  OwnerId: string;
  Owner: { Name: string } | null;
  StageName: string;
  Amount: number | null;
  Probability: number | null;
  CloseDate: string;
  NextStep: string | null;
  LastActivityDate: string | null;
  PushCount: number | null;
}

function isBucket(bucket: string | null): bucket is Bucket {
  return BUCKETS.some((known) => known === bucket);
}

function closingBetween(request: DealQuery): string[] {
  return [
    ...(request.fromDate === null ? [] : [`CloseDate >= ${dateLiteral(request.fromDate)}`]),
    ...(request.toDate === null ? [] : [`CloseDate <= ${dateLiteral(request.toDate)}`])
  ];
}

/** The bucket's conditions, ANDed with the scope's filter and the stage. */
function bucketConditions(bucket: Bucket, request: DealQuery, today: string): string[] {
  switch (bucket) {
    case 'open':
      return ['IsClosed = false', ...closingBetween(request)];
    case 'won':
      return ['IsWon = true', ...closingBetween(request)];
    case 'lost':
      return ['IsClosed = true', 'IsWon = false', ...closingBetween(request)];
    case 'pastCloseDate':
      return ['IsClosed = false', `CloseDate < ${dateLiteral(today)}`];
    case 'noNextStep':
      return ['IsClosed = false', 'NextStep = null'];
    case 'missingAmount':
      return ['IsClosed = false', 'Amount = null'];
    case 'idle': {
      const since = request.fromDate ?? '';
      return [
        'IsClosed = false',
        `((LastActivityDate != null AND LastActivityDate < ${dateLiteral(since)}) OR ` +
          `(LastActivityDate = null AND CreatedDate < ${startOfDayLiteral(since)}))`
      ];
    }
  }
}

function isWithin(value: number | null, min: number, max: number): value is number {
  return value !== null && value >= min && value <= max;
}

/** `DealQuery.validate`: the bucket, the paging limits and the dates, with the Apex's messages. */
function validate(request: DealQuery): Bucket {
  const { bucket, pageSize, pageOffset, fromDate, toDate } = request;
  if (!isBucket(bucket)) {
    throw new AuraHandledError(
      `Unknown bucket '${bucket}': use open, won, lost, pastCloseDate, noNextStep, missingAmount or idle.`
    );
  }
  if (!isWithin(pageSize, 1, MAX_PAGE_SIZE)) {
    throw new AuraHandledError(`pageSize must be between 1 and ${MAX_PAGE_SIZE}, not ${pageSize}.`);
  }
  if (!isWithin(pageOffset, 0, MAX_PAGE_OFFSET)) {
    throw new AuraHandledError(`pageOffset must be between 0 and ${MAX_PAGE_OFFSET}, not ${pageOffset}.`);
  }
  if ((bucket === 'won' || bucket === 'lost') && (fromDate === null || toDate === null)) {
    throw new AuraHandledError(`The ${bucket} bucket needs fromDate and toDate.`);
  }
  if (bucket === 'idle' && fromDate === null) {
    throw new AuraHandledError('The idle bucket needs fromDate.');
  }
  if (fromDate !== null && toDate !== null && fromDate > toDate) {
    throw new AuraHandledError(`fromDate (${fromDate}) is after toDate (${toDate}).`);
  }
  return bucket;
}

function rowOf(row: OpportunityRow): DealRow {
  const deal: DealRow = {
    id: row.Id,
    name: row.Name,
    ownerId: row.OwnerId,
    stageName: row.StageName,
    closeDate: row.CloseDate
  };
  const optional: [keyof DealRow, string | number | null | undefined][] = [
    ['accountId', row.AccountId],
    ['accountName', row.Account?.Name],
    ['ownerName', row.Owner?.Name],
    ['amount', row.Amount],
    ['probability', row.Probability],
    ['nextStep', row.NextStep],
    ['lastActivityDate', row.LastActivityDate],
    ['pushCount', row.PushCount]
  ];
  for (const [key, value] of optional) {
    if (value !== null && value !== undefined) {
      Object.assign(deal, { [key]: value });
    }
  }
  return deal;
}

export async function readDealPage(context: TwinContext, request: DealQuery): Promise<DealPage> {
  const bucket = validate(request);
  const stage =
    request.stageName === null || request.stageName.trim() === ''
      ? []
      : [`StageName = ${stringLiteral(request.stageName)}`];
  const where = whereClause(request.scope, ...bucketConditions(bucket, request, context.today), ...stage);
  const counted = await context.connection.query(`SELECT COUNT() FROM Opportunity${where} WITH USER_MODE`);
  const deals = await queryAll<OpportunityRow>(
    context.connection,
    'SELECT Id, Name, AccountId, Account.Name, OwnerId, Owner.Name, StageName, Amount, Probability, CloseDate, ' +
      `NextStep, LastActivityDate, PushCount FROM Opportunity${where} WITH USER_MODE ` +
      `ORDER BY Amount DESC NULLS LAST, Name, Id LIMIT ${request.pageSize} OFFSET ${request.pageOffset}`
  );
  return { total: counted.totalSize, deals: deals.map(rowOf) };
}
