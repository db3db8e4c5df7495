/**
 * What the pipeline metrics read: the org's stages, the deals in scope, their dated changes and the political-map
 * facts. Field names follow the Salesforce fields they come from (in camelCase); dates are ISO strings.
 */

/** One of the org's opportunity stages (`OpportunityStage`) merged with the package's `Stage_Setting__mdt`. */
export interface StageDefinition {
  /** StageName value (`OpportunityStage.ApiName`). */
  apiName: string;
  label: string;
  /** Position in the sales process; stages are ordered by it, never by name. */
  sortOrder: number;
  isClosed: boolean;
  isWon: boolean;
  /** `OpportunityStage.DefaultProbability`, a whole percentage. */
  defaultProbability: number;
  /** Days a deal is expected to spend in the stage (`Expected_Days__c`), when the admin set it. */
  expectedDays?: number | null;
  /** Whether deals at this stage or later must have an identified decision maker (the relationship gate). */
  requiresDecisionMaker?: boolean;
}

/** An opportunity, with the standard fields the metrics read. */
export interface Deal {
  id: string;
  name: string;
  accountId: string;
  ownerId: string;
  stageName: string;
  amount: number | null;
  /** Probability (%) as a whole percentage. */
  probability: number | null;
  closeDate: string;
  /**
   * ISO date-time, as the platform stamped it: on a seeded or migrated deal, usually the day it was loaded (backdating
   * it needs "Set Audit Fields upon Record Creation"). A deal existed at least since its first recorded change, so the
   * metrics take its creation as the earlier of this and its oldest change (`DealChange`, from either source).
   */
  createdDate: string;
  isClosed: boolean;
  isWon: boolean;
  nextStep: string | null;
  lastActivityDate: string | null;
  /** `Opportunity.PushCount`: times the close date moved to a later month, kept by the platform. */
  pushCount: number | null;
  /** ISO date-time of the last stage change, kept by the platform. */
  lastStageChangeDate: string | null;
}

/**
 * One dated change of a deal's stage, amount or close date, with the values before and after: a row of the
 * package's `Opportunity_Change__c`, or a row made from the platform's `OpportunityHistory` by
 * `changesFromHistorySnapshots`.
 *
 * A field changed in this row when its value differs from its previous value. A field the row did not change is
 * left null on both sides or repeats the same value on both sides. `stageName` null means the stage did not change;
 * a stage with no `previousStageName` marks the deal's creation, which sets its first stage and records (does not
 * change) its amount and close date. The close date is required, so it changes only from one date to another.
 * Rows may arrive in any order, and the same change reported by two sources counts once: each row is applied to the
 * deal's state replayed so far.
 */
export interface DealChange {
  dealId: string;
  /** ISO date-time of the change. */
  changedAt: string;
  stageName: string | null;
  previousStageName: string | null;
  amount: number | null;
  previousAmount: number | null;
  closeDate: string | null;
  previousCloseDate: string | null;
}

/** A person on a political map (`Stakeholder__c`), reduced to what the relationship gate reads. */
export interface StakeholderFact {
  accountId: string;
  /** The opportunity the person is mapped on; null for the account's map, which applies to every deal of it. */
  dealId: string | null;
  /** `Decision_Role__c`: Decision Maker, Economic Buyer, Technical Evaluator, Influencer, User, Gatekeeper, Coach. */
  decisionRole: string | null;
  /** `Stance__c`: Champion, Supporter, Neutral, Non-Supporter, Blocker. */
  stance: string | null;
  /** `Influence__c`: High, Medium, Low. */
  influence: string | null;
  /** `Covered_By__c`: the user on our side who owns the relationship; null when nobody does. */
  coveredBy: string | null;
  /** Record id and name, when the caller has them, so the panel can name the person. */
  id?: string | null;
  name?: string | null;
}

/** A span of days, both ends included. */
export interface Period {
  start: string;
  end: string;
}

/** Where a target came from: Collaborative Forecasts quotas, the package's `Sales_Target__c`, or nowhere. */
export type TargetSource = 'ForecastingQuota' | 'SalesTarget' | 'None';

/** The amount to close in the period. */
export interface Target {
  amount: number;
  source: TargetSource;
  /** Closed won in the period as the target's source counts it; when absent, the closed won deals in scope. */
  closedWon?: number;
}
