/**
 * The snapshot path of the pipeline-health twin, for a scope whose deals and history pass the row budget: the
 * latest `Pipeline_Snapshot__c` date up to today, and that day's rows of the scope's sellers summed by stage and
 * close quarter (one aggregate query), ready for `snapshotFacts`. Snapshots are kept per seller, so the account
 * scope cannot use them.
 */
import type { SnapshotRow } from '../../../force-app/main/default/lwc/pipelineMetrics/pipelineMetrics';
import { AuraHandledError, type TwinContext } from '../context';
import { dateLiteral, idListLiteral, queryAll } from '../soql';
import type { Scope } from './scope';

/** The class the Apex names in its message (the nightly Batch Apex that writes the snapshots). */
const SNAPSHOT_JOB = 'PipelineSnapshotJob';

export interface SnapshotRows {
  snapshotDate: string;
  rows: SnapshotRow[];
}

interface SumRow {
  stageName: string;
  quarterStart: string;
  dealCount: number | null;
  amountTotal: number | null;
}

export async function readSnapshots(
  context: TwinContext,
  scope: Scope,
  sellers: string[] | null
): Promise<SnapshotRows> {
  if (scope.kind === 'account') {
    throw new AuraHandledError(
      `This account has more deals and history than one page load reads (${context.rowBudget} rows), and ` +
        'pipeline snapshots are kept per seller, not per account.'
    );
  }
  const [latest] = await queryAll<{ Snapshot_Date__c: string }>(
    context.connection,
    `SELECT Snapshot_Date__c FROM Pipeline_Snapshot__c WHERE Snapshot_Date__c <= ${dateLiteral(context.today)} ` +
      'WITH USER_MODE ORDER BY Snapshot_Date__c DESC LIMIT 1'
  );
  if (latest === undefined) {
    throw new AuraHandledError(
      `This pipeline is too large to read deal by deal (more than ${context.rowBudget} rows) and no pipeline ` +
        `snapshot exists yet: ask your Salesforce admin to schedule ${SNAPSHOT_JOB}.`
    );
  }
  const sellerFilter = sellers === null ? '' : ` AND Seller__c IN ${idListLiteral(sellers)}`;
  const sums = await queryAll<SumRow>(
    context.connection,
    'SELECT Stage_Name__c stageName, Close_Quarter_Start__c quarterStart, SUM(Deal_Count__c) dealCount, ' +
      'SUM(Amount__c) amountTotal FROM Pipeline_Snapshot__c ' +
      `WHERE Snapshot_Date__c = ${dateLiteral(latest.Snapshot_Date__c)}${sellerFilter} ` +
      'WITH USER_MODE GROUP BY Stage_Name__c, Close_Quarter_Start__c'
  );
  return {
    snapshotDate: latest.Snapshot_Date__c,
    rows: sums.map((sum) => ({
      stageName: sum.stageName,
      closeQuarterStart: sum.quarterStart,
      deals: Math.trunc(sum.dealCount ?? 0),
      amount: sum.amountTotal ?? 0
    }))
  };
}
