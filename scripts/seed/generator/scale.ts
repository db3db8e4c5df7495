/**
 * How big a dataset is. A scale fixes the number of accounts and key accounts, from which every other count
 * follows; activities (tasks and events, which nothing references) then fill the dataset up to its record total,
 * so a numeric scale N yields N records in all: about N × 0.6 / 52 accounts, 6% of them key accounts (N from
 * 1,000 to 2,000,000).
 *
 * Counts measured with seed 1, anchor date 2026-05-15 and Salesforce's default stages (other seeds differ by a few
 * percent per object; the totals are exact):
 *
 * | Object                 |  demo | medium |   large |
 * | ---------------------- | ----: | -----: | ------: |
 * | User                   |     9 |     27 |     152 |
 * | Product2               |    12 |     12 |      12 |
 * | Competitor__c          |     8 |      8 |       8 |
 * | Account                |    12 |    231 |   1,454 |
 * | Contact                |   177 |  1,703 |  11,485 |
 * | Opportunity            |   105 |    946 |   6,180 |
 * | Opportunity_Change__c  |   629 |  5,304 |  34,043 |
 * | OpportunityContactRole |   232 |  1,783 |  11,551 |
 * | Account_Plan__c        |     7 |     23 |     140 |
 * | Buying_Center__c       |    30 |    105 |     632 |
 * | Account_Competitor__c  |    23 |     72 |     424 |
 * | White_Space_Cell__c    |   170 |    577 |   3,400 |
 * | Account_Objective__c   |    20 |     61 |     387 |
 * | Account_Strategy__c    |    25 |     76 |     475 |
 * | Account_Action__c      |    58 |    180 |   1,153 |
 * | Stakeholder__c         |    96 |    333 |   2,172 |
 * | Influence_Line__c      |    53 |    194 |   1,273 |
 * | Task                   |   206 |  4,880 |  30,275 |
 * | Event                  |   113 |  3,419 |  20,385 |
 * | Sales_Target__c        |    15 |     66 |     399 |
 * | **Total**              | 2,000 | 20,000 | 126,000 |
 */
import type { ScaleName } from './types';

export interface ScaleProfile {
  accounts: number;
  keyAccounts: number;
  /** Records in all; activities fill what the other objects leave. */
  records: number;
}

/** Records other than activities per account, on average, when about 6% of accounts are key accounts. */
const RECORDS_PER_ACCOUNT_BEFORE_ACTIVITIES = 52;
/** Share of the records that are activities. */
const ACTIVITY_SHARE = 0.4;
const KEY_ACCOUNT_SHARE = 0.06;

/** Below this a dataset cannot hold one key account with its plan, map and deals. */
export const MIN_RECORDS = 1_000;
/** A guard against typos such as 1e9: the generator holds the whole dataset in memory. */
export const MAX_RECORDS = 2_000_000;

function profileForRecords(records: number): ScaleProfile {
  const accounts = Math.max(
    3,
    Math.round((records * (1 - ACTIVITY_SHARE)) / RECORDS_PER_ACCOUNT_BEFORE_ACTIVITIES)
  );
  return { accounts, keyAccounts: Math.max(1, Math.round(accounts * KEY_ACCOUNT_SHARE)), records };
}

const NAMED_SCALES: Record<ScaleName, ScaleProfile> = {
  demo: { accounts: 12, keyAccounts: 4, records: 2_000 },
  medium: profileForRecords(20_000),
  large: profileForRecords(126_000)
};

export function resolveScale(scale: ScaleName | number): ScaleProfile {
  if (typeof scale === 'string') {
    const named = NAMED_SCALES[scale];
    if (named === undefined) throw new RangeError(`unknown scale '${String(scale)}'`);
    return named;
  }
  if (!Number.isInteger(scale) || scale < MIN_RECORDS || scale > MAX_RECORDS) {
    throw new RangeError(
      `scale must be demo, medium, large or a whole number from ${MIN_RECORDS} to ${MAX_RECORDS}`
    );
  }
  return profileForRecords(scale);
}
