/**
 * The records path of the pipeline-health twin: a COUNT() of the deals in scope (a scope already over the row
 * budget goes straight to the snapshots), the political maps of the open deals' accounts, and the deals with their
 * history as child rows, read in one query page by page (the Apex streams them in a SOQL `for` loop). The stream
 * counts the rows it reads, deals and child rows (`Limits.getQueryRows()` since it started); once past the budget
 * it stops and the answer comes from snapshots instead.
 */
import type {
  Deal,
  DealChange,
  OpportunityHistorySnapshot,
  StakeholderFact
} from '../../../force-app/main/default/lwc/pipelineMetrics/pipelineMetrics';
import type { TwinContext } from '../context';
import { childRecords, dateLiteral, forEachPage, queryAll } from '../soql';
import { type Scope, whereClause } from './scope';

interface ChangeRow {
  Change_Date__c: string;
  Stage_Name__c: string | null;
  Previous_Stage_Name__c: string | null;
  Amount__c: number | null;
  Previous_Amount__c: number | null;
  Close_Date__c: string | null;
  Previous_Close_Date__c: string | null;
}

interface HistoryRow {
  CreatedDate: string;
  StageName: string;
  Amount: number | null;
  CloseDate: string | null;
}

interface OpportunityRow {
  Id: string;
  Name: string;
  AccountId: string | null;
  OwnerId: string;
  StageName: string;
  Amount: number | null;
  Probability: number | null;
  CloseDate: string;
  CreatedDate: string;
  IsClosed: boolean;
  IsWon: boolean;
  NextStep: string | null;
  LastActivityDate: string | null;
  PushCount: number | null;
  LastStageChangeDate: string | null;
  [relationship: string]: unknown;
}

interface StakeholderRow {
  Id: string;
  Name: string;
  Account__c: string;
  Opportunity__c: string | null;
  Decision_Role__c: string | null;
  Stance__c: string | null;
  Influence__c: string | null;
  Covered_By__c: string | null;
}

/** What the deal query read; `overBudget` when it stopped at the row budget (the rest is not read). */
export interface DealRows {
  deals: Deal[];
  changes: DealChange[];
  snapshots: OpportunityHistorySnapshot[];
  rowsRead: number;
  overBudget: boolean;
}

function dealOf(row: OpportunityRow): Deal {
  return {
    id: row.Id,
    name: row.Name,
    accountId: row.AccountId ?? '',
    ownerId: row.OwnerId,
    stageName: row.StageName,
    amount: row.Amount,
    probability: row.Probability,
    closeDate: row.CloseDate,
    createdDate: row.CreatedDate,
    isClosed: row.IsClosed,
    isWon: row.IsWon,
    nextStep: row.NextStep,
    lastActivityDate: row.LastActivityDate,
    pushCount: row.PushCount,
    lastStageChangeDate: row.LastStageChangeDate
  };
}

function changeOf(dealId: string, row: ChangeRow): DealChange {
  return {
    dealId,
    changedAt: row.Change_Date__c,
    stageName: row.Stage_Name__c,
    previousStageName: row.Previous_Stage_Name__c,
    amount: row.Amount__c,
    previousAmount: row.Previous_Amount__c,
    closeDate: row.Close_Date__c,
    previousCloseDate: row.Previous_Close_Date__c
  };
}

function snapshotOf(dealId: string, row: HistoryRow): OpportunityHistorySnapshot {
  return {
    opportunityId: dealId,
    createdDate: row.CreatedDate,
    stageName: row.StageName,
    amount: row.Amount,
    closeDate: row.CloseDate
  };
}

const IN_WINDOW = (windowStart: string): string =>
  `(IsClosed = false OR CloseDate >= ${dateLiteral(windowStart)})`;

/** How many deals the deal query would read (one query row, whatever the number of deals). */
export async function countDeals(context: TwinContext, scope: Scope, windowStart: string): Promise<number> {
  const result = await context.connection.query(
    `SELECT COUNT() FROM Opportunity${whereClause(scope, IN_WINDOW(windowStart))} WITH USER_MODE`
  );
  return result.totalSize;
}

/** The deal query of docs/pipeline-health.md: open deals, and deals closed since the window's first day. */
export function dealQuery(scope: Scope, windowStart: string): string {
  return (
    'SELECT Id, Name, AccountId, OwnerId, StageName, Amount, Probability, CloseDate, CreatedDate, IsClosed, ' +
    'IsWon, NextStep, LastActivityDate, PushCount, LastStageChangeDate, ' +
    '(SELECT Change_Date__c, Stage_Name__c, Previous_Stage_Name__c, Amount__c, Previous_Amount__c, ' +
    'Close_Date__c, Previous_Close_Date__c FROM Atlas_Changes__r ORDER BY Change_Date__c), ' +
    '(SELECT CreatedDate, StageName, Amount, CloseDate FROM OpportunityHistories ORDER BY CreatedDate) ' +
    `FROM Opportunity${whereClause(scope, IN_WINDOW(windowStart))} WITH USER_MODE ORDER BY Id`
  );
}

/** Streams the deals in scope with their history until done, or until the rows read pass the budget. */
export async function readDeals(context: TwinContext, scope: Scope, windowStart: string): Promise<DealRows> {
  const read: DealRows = { deals: [], changes: [], snapshots: [], rowsRead: 0, overBudget: false };
  await forEachPage<OpportunityRow>(context.connection, dealQuery(scope, windowStart), async (page) => {
    for (const row of page) {
      const changes = await childRecords<ChangeRow>(context.connection, row, 'Atlas_Changes__r');
      const history = await childRecords<HistoryRow>(context.connection, row, 'OpportunityHistories');
      read.rowsRead += 1 + changes.length + history.length;
      if (read.rowsRead > context.rowBudget) {
        read.overBudget = true;
        return false;
      }
      read.deals.push(dealOf(row));
      read.changes.push(...changes.map((change) => changeOf(row.Id, change)));
      read.snapshots.push(...history.map((snapshot) => snapshotOf(row.Id, snapshot)));
    }
    return true;
  });
  return read;
}

/** The political maps of the accounts of the scope's open deals (at most 5,000 people, as the Apex). */
export async function readStakeholders(context: TwinContext, scope: Scope): Promise<StakeholderFact[]> {
  const openDeals = `SELECT AccountId FROM Opportunity${whereClause(scope, 'IsClosed = false')}`;
  const rows = await queryAll<StakeholderRow>(
    context.connection,
    'SELECT Id, Name, Account__c, Opportunity__c, Decision_Role__c, Stance__c, Influence__c, Covered_By__c ' +
      `FROM Stakeholder__c WHERE Account__c IN (${openDeals}) WITH USER_MODE ORDER BY Id LIMIT 5000`
  );
  return rows.map((row) => ({
    id: row.Id,
    name: row.Name,
    accountId: row.Account__c,
    dealId: row.Opportunity__c,
    decisionRole: row.Decision_Role__c,
    stance: row.Stance__c,
    influence: row.Influence__c,
    coveredBy: row.Covered_By__c
  }));
}
