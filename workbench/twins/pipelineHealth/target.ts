/**
 * The period's target, as PipelineHealthService reads it: Collaborative Forecasts quotas starting in the period
 * when the org has them and the user may read them (the object exists only where forecasting is enabled, so the
 * Apex queries it dynamically), else the package's Sales_Target__c whose period lies within the period, else none.
 * The account scope has no target.
 */
import type {
  Period,
  TargetSource
} from '../../../force-app/main/default/lwc/pipelineMetrics/pipelineMetrics';
import type { TwinContext } from '../context';
import { dateLiteral, idListLiteral, queryAll } from '../soql';
import type { Scope } from './scope';

export interface TargetAnswer {
  amount: number | null;
  source: TargetSource;
}

async function sum(context: TwinContext, soql: string): Promise<number | null> {
  const [row] = await queryAll<{ total: number | null }>(context.connection, soql);
  return row?.total ?? null;
}

/** `canReadForecastingQuotas`: the object exists in the org and the user can query it. */
async function canReadForecastingQuotas(context: TwinContext): Promise<boolean> {
  const global = await context.connection.describeGlobal$();
  return global.sobjects.some((sobject) => sobject.name === 'ForecastingQuota' && sobject.queryable);
}

function sellerCondition(field: string, sellers: string[] | null): string {
  return sellers === null ? '' : ` AND ${field} IN ${idListLiteral(sellers)}`;
}

export async function readTarget(
  context: TwinContext,
  scope: Scope,
  sellers: string[] | null,
  period: Period
): Promise<TargetAnswer> {
  if (scope.kind === 'account') {
    return { amount: null, source: 'None' };
  }
  const start = dateLiteral(period.start);
  const end = dateLiteral(period.end);
  if (await canReadForecastingQuotas(context)) {
    const quota = await sum(
      context,
      `SELECT SUM(QuotaAmount) total FROM ForecastingQuota WHERE StartDate >= ${start} AND StartDate <= ${end}` +
        `${sellerCondition('QuotaOwnerId', sellers)} WITH USER_MODE`
    );
    if (quota !== null) {
      return { amount: quota, source: 'ForecastingQuota' };
    }
  }
  const target = await sum(
    context,
    'SELECT SUM(Target_Amount__c) total FROM Sales_Target__c ' +
      `WHERE Period_Start__c >= ${start} AND Period_End__c <= ${end}${sellerCondition('Seller__c', sellers)} ` +
      'WITH USER_MODE'
  );
  return target === null ? { amount: null, source: 'None' } : { amount: target, source: 'SalesTarget' };
}
