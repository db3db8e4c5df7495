/**
 * From the platform's `OpportunityHistory` to `DealChange` rows.
 *
 * `OpportunityHistory` is not a list of changes: the platform writes a snapshot of the opportunity (StageName,
 * Amount, CloseDate, Probability, ForecastCategory) when it is created and whenever one of those fields changes,
 * stamped with the time of the write. A caller queries
 *
 *   SELECT OpportunityId, CreatedDate, StageName, Amount, CloseDate FROM OpportunityHistory
 *   WHERE OpportunityId IN :dealIds
 *
 * maps each row to an `OpportunityHistorySnapshot` (same fields, camelCase) and passes the result here. Each
 * opportunity's first snapshot becomes its creation row (stage set, amount and close date recorded as they were);
 * each later snapshot becomes a row carrying only the fields that differ from the snapshot before it, and a
 * snapshot that changed none of them (only Probability or ForecastCategory) gives no row.
 *
 * The package's `Opportunity_Change__c` rows (backfilled, migrated or captured history) are passed alongside,
 * unchanged: `buildFacts` applies each row to the deal's replayed state, so a change both sources report counts
 * once, and a seeded deal's creation snapshot (stamped when the seed ran, after its backfilled history) changes
 * nothing.
 */
import { parseTimestamp } from './dates';
import type { DealChange } from './types';

export interface OpportunityHistorySnapshot {
  opportunityId: string;
  /** When the platform wrote the snapshot (ISO date-time). */
  createdDate: string;
  stageName: string;
  amount: number | null;
  closeDate: string | null;
}

export function changesFromHistorySnapshots(snapshots: readonly OpportunityHistorySnapshot[]): DealChange[] {
  const byDeal = new Map<string, { at: number; snapshot: OpportunityHistorySnapshot }[]>();
  for (const snapshot of snapshots) {
    const at = parseTimestamp(snapshot.createdDate);
    if (Number.isNaN(at)) {
      throw new RangeError(
        `history of ${snapshot.opportunityId} has an unreadable CreatedDate: '${snapshot.createdDate}'`
      );
    }
    const rows = byDeal.get(snapshot.opportunityId);
    if (rows) {
      rows.push({ at, snapshot });
    } else {
      byDeal.set(snapshot.opportunityId, [{ at, snapshot }]);
    }
  }
  const changes: DealChange[] = [];
  for (const rows of byDeal.values()) {
    let before: OpportunityHistorySnapshot | null = null;
    for (const { snapshot } of rows.sort((a, b) => a.at - b.at)) {
      const change = before ? changeBetween(before, snapshot) : creation(snapshot);
      if (change) {
        changes.push(change);
      }
      before = snapshot;
    }
  }
  return changes;
}

function creation(snapshot: OpportunityHistorySnapshot): DealChange {
  return {
    dealId: snapshot.opportunityId,
    changedAt: snapshot.createdDate,
    stageName: snapshot.stageName,
    previousStageName: null,
    amount: snapshot.amount,
    previousAmount: snapshot.amount,
    closeDate: snapshot.closeDate,
    previousCloseDate: snapshot.closeDate
  };
}

function changeBetween(
  before: OpportunityHistorySnapshot,
  after: OpportunityHistorySnapshot
): DealChange | null {
  const stage = before.stageName !== after.stageName;
  const amount = before.amount !== after.amount;
  const closeDate = before.closeDate !== after.closeDate;
  if (!stage && !amount && !closeDate) {
    return null;
  }
  return {
    dealId: after.opportunityId,
    changedAt: after.createdDate,
    stageName: stage ? after.stageName : null,
    previousStageName: stage ? before.stageName : null,
    amount: amount ? after.amount : null,
    previousAmount: amount ? before.amount : null,
    closeDate: closeDate ? after.closeDate : null,
    previousCloseDate: closeDate ? before.closeDate : null
  };
}
