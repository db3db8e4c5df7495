/**
 * Twin of PipelineHealthController (with PipelineHealthService): the facts of a pipeline in a scope and period
 * with the period's target, and the deals behind any number, from the queries of docs/pipeline-health.md
 * ("Where the facts come from in Salesforce"). The facts are built by the package's own pipelineMetrics module:
 * `buildFacts` from the deals and their history (`Opportunity_Change__c` rows and `OpportunityHistory` snapshots)
 * while the rows read stay within the budget, `snapshotFacts` from the nightly snapshots above it.
 */
import {
  buildFacts,
  changesFromHistorySnapshots,
  type Period,
  type PipelineFacts,
  snapshotFacts,
  type StageDefinition
} from '../../force-app/main/default/lwc/pipelineMetrics/pipelineMetrics';
import { AuraHandledError, type TwinContext } from './context';
import { type DealPage, readDealPage } from './pipelineHealth/drillDown';
import { countDeals, readDeals, readStakeholders } from './pipelineHealth/records';
import { resolveScope, type Scope, scopeSellers } from './pipelineHealth/scope';
import { readSnapshots } from './pipelineHealth/snapshots';
import { readTarget } from './pipelineHealth/target';
import { dateParameter, idParameter, integerParameter, stringParameter } from './soql';
import { readStages, type Stage } from './StageSettingsController';

/** Days of history the facts read: a year, ending today. */
export const LOOKBACK_DAYS = 365;

/** `PipelineHealthService.PipelineHealthData` as Aura serializes it: null properties are left out. */
export interface PipelineHealthData {
  scope: string;
  scopeLabel: string;
  accountId?: string;
  /** `records` (read deal by deal) or `snapshots` (the scope passed the row budget). */
  dataSource: 'records' | 'snapshots';
  snapshotDate?: string;
  rowsRead: number;
  facts: PipelineFacts;
  targetAmount?: number;
  targetSource: 'ForecastingQuota' | 'SalesTarget' | 'None';
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function stageDefinition(stage: Stage): StageDefinition {
  return {
    apiName: stage.apiName,
    label: stage.label,
    sortOrder: stage.sortOrder,
    isClosed: stage.isClosed,
    isWon: stage.isWon,
    defaultProbability: stage.probability,
    expectedDays: stage.expectedDays ?? null,
    requiresDecisionMaker: stage.requiresDecisionMaker
  };
}

interface HealthRequest {
  scope: Scope;
  periodStart: string | null;
  periodEnd: string | null;
  compareFrom: string | null;
}

/** The days of a panel load, checked as the Apex's `Frame` checks them. */
function frameOf(context: TwinContext, request: HealthRequest): { period: Period; windowStart: string } {
  const { periodStart, periodEnd, compareFrom } = request;
  const windowStart = addDays(context.today, 1 - LOOKBACK_DAYS);
  if (periodStart === null || periodEnd === null) {
    throw new AuraHandledError('periodStart and periodEnd are required.');
  }
  if (periodStart > periodEnd) {
    throw new AuraHandledError(`periodStart (${periodStart}) is after periodEnd (${periodEnd}).`);
  }
  if (compareFrom !== null && (compareFrom < windowStart || compareFrom > context.today)) {
    throw new AuraHandledError(
      `compareFrom must be between ${windowStart} and today (${context.today}), not ${compareFrom}.`
    );
  }
  return { period: { start: periodStart, end: periodEnd }, windowStart };
}

/**
 * `PipelineHealthService.getPipelineHealth`: a COUNT() over the budget goes straight to the snapshots; otherwise
 * the political maps, then the deals streamed until done or past the budget; then the target.
 */
async function pipelineHealth(context: TwinContext, request: HealthRequest): Promise<PipelineHealthData> {
  const { scope, compareFrom } = request;
  const { period, windowStart } = frameOf(context, request);
  const stages = (await readStages(context.connection)).map(stageDefinition);
  const common = { stages, today: context.today, period, lookbackDays: LOOKBACK_DAYS };
  let facts: PipelineFacts | null = null;
  let rowsRead = 0;
  if ((await countDeals(context, scope, windowStart)) <= context.rowBudget) {
    const stakeholders = await readStakeholders(context, scope);
    const read = await readDeals(context, scope, windowStart);
    rowsRead = read.rowsRead;
    if (!read.overBudget) {
      facts = buildFacts({
        ...common,
        deals: read.deals,
        changes: [...read.changes, ...changesFromHistorySnapshots(read.snapshots)],
        stakeholders,
        ...(compareFrom === null ? {} : { waterfall: { from: compareFrom, to: context.today } })
      });
    }
  }
  const sellers = await scopeSellers(context, scope);
  let snapshotDate: string | null = null;
  if (facts === null) {
    const snapshots = await readSnapshots(context, scope, sellers);
    snapshotDate = snapshots.snapshotDate;
    facts = snapshotFacts({ ...common, rows: snapshots.rows });
  }
  const target = await readTarget(context, scope, sellers, period);
  const data: PipelineHealthData = {
    scope: scope.kind,
    scopeLabel: scope.label,
    dataSource: snapshotDate === null ? 'records' : 'snapshots',
    rowsRead,
    facts,
    targetSource: target.source
  };
  if (scope.accountId !== null) {
    data.accountId = scope.accountId;
  }
  if (snapshotDate !== null) {
    data.snapshotDate = snapshotDate;
  }
  if (target.amount !== null) {
    data.targetAmount = target.amount;
  }
  return data;
}

/** `PipelineHealthController.getPipelineHealth(scope, recordId, periodStart, periodEnd, compareFrom)`. */
export async function getPipelineHealth(
  context: TwinContext,
  params: Record<string, unknown>
): Promise<PipelineHealthData> {
  const recordId = idParameter(params.recordId, 'recordId');
  const periodStart = dateParameter(params.periodStart, 'periodStart');
  const periodEnd = dateParameter(params.periodEnd, 'periodEnd');
  const compareFrom = dateParameter(params.compareFrom, 'compareFrom');
  const scope = await resolveScope(context, stringParameter(params.scope, 'scope'), recordId);
  return pipelineHealth(context, { scope, periodStart, periodEnd, compareFrom });
}

/**
 * `PipelineHealthController.getDeals(scope, recordId, bucket, stageName, fromDate, toDate, pageSize,
 * pageOffset)`.
 */
export async function getDeals(context: TwinContext, params: Record<string, unknown>): Promise<DealPage> {
  const recordId = idParameter(params.recordId, 'recordId');
  const request = {
    bucket: stringParameter(params.bucket, 'bucket'),
    stageName: stringParameter(params.stageName, 'stageName'),
    fromDate: dateParameter(params.fromDate, 'fromDate'),
    toDate: dateParameter(params.toDate, 'toDate'),
    pageSize: integerParameter(params.pageSize, 'pageSize'),
    pageOffset: integerParameter(params.pageOffset, 'pageOffset')
  };
  const scope = await resolveScope(context, stringParameter(params.scope, 'scope'), recordId);
  return readDealPage(context, { scope, ...request });
}
