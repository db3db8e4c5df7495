/**
 * What the generator knows about the records it has made, so that later families can build on them (an opportunity
 * needs its account's contacts, a plan its account's open opportunities). Records themselves are SeedRecords.
 */
import type { Day } from './dates';
import type { Place } from './geography';
import type { OrgStage } from './types';

export type Region = 'Americas' | 'EMEA' | 'APAC';

export type UserRole = 'Sales Rep' | 'Account Manager' | 'Sales Manager' | 'Sales Operations' | 'Marketing';

export interface UserModel {
  /** The username. */
  key: string;
  role: UserRole;
  region: Region;
}

export interface ProductModel {
  key: string;
  name: string;
  /** How often deals are about this product, relative to the others. */
  dealWeight: number;
  /** Typical deal size relative to the catalog's average. */
  priceFactor: number;
  /** A column of the white space map. */
  inWhiteSpace: boolean;
}

export interface CompetitorModel {
  key: string;
  name: string;
  primaryProducts: string;
}

/** Key accounts get plans and political maps; the others are sized large, mid or small. */
export type Segment = 'key' | 'large' | 'mid' | 'small';

export interface AccountModel {
  key: string;
  /** 1-based, the number in the key (`acct-0042`). */
  number: number;
  name: string;
  industry: string;
  segment: Segment;
  /** A customer has won business with us; a prospect has not. */
  isCustomer: boolean;
  parentKey: string | null;
  ownerKey: string;
  region: Region;
  place: Place;
  /** E-mail and web domain. */
  domain: string;
}

/** Levels of an org chart, from the top: C-level, VP, Director, Manager, Individual contributor. */
export const LEVELS = ['C-level', 'VP', 'Director', 'Manager', 'Individual contributor'] as const;
export type Level = 0 | 1 | 2 | 3 | 4;

export interface ContactModel {
  key: string;
  account: AccountModel;
  firstName: string;
  lastName: string;
  level: Level;
  department: string;
  title: string;
  /** Null at the top of the chart, and for the deliberately flawed contacts whose manager is missing. */
  reportsToKey: string | null;
}

export type Outcome = 'open' | 'won' | 'lost';

/** Deal sizes: many pebbles, some stones, few rocks. */
export type Band = 'pebble' | 'stone' | 'rock';

export interface OpportunityModel {
  key: string;
  name: string;
  account: AccountModel;
  ownerKey: string;
  product: ProductModel;
  band: Band;
  /** Null for the few deals entered without an amount. */
  amount: number | null;
  outcome: Outcome;
  /** The current stage; `path` ends with it. */
  stage: OrgStage;
  /** Stages in the order the deal went through them, from the one it was created in. */
  path: OrgStage[];
  createdDay: Day;
  closeDay: Day;
  /** The last day anyone worked on the deal: its close for a closed deal, weeks ago for a stale one. */
  lastTouchedDay: Day;
  /** An open deal nobody has worked on for weeks: no recent activity, no recent change. */
  stale: boolean;
  /** Contacts with a role on the deal, the primary first (filled by the contact-role family). */
  contacts: ContactModel[];
}

export interface BuyingCenterModel {
  key: string;
  name: string;
  /** The account's department this buying center is, when it is a group function. */
  department: string | null;
  /** Relationship_Status__c: how the buying center sees us. */
  relationship: string;
  wallet: number;
  /** Always below the wallet. */
  ourRevenue: number;
  /** Between our revenue and the wallet. */
  salesGoal: number;
  /** Competitors of the plan whose Where Entrenched is this buying center. */
  entrenched: CompetitorModel[];
}

export interface PlanModel {
  key: string;
  account: AccountModel;
  /** The plan for the anchor date's year; otherwise the previous year's, archived. */
  isCurrent: boolean;
  year: number;
  ownerKey: string;
  sponsorKey: string;
  /** Status__c: Draft, Active, Under Review or Archived. */
  status: string;
  /** Null for a draft nobody has reviewed yet. */
  lastReviewedDay: Day | null;
  nextReviewDay: Day | null;
  buyingCenters: BuyingCenterModel[];
  competitors: CompetitorModel[];
}
