/**
 * The contract between the seed data generator (pure: same options, same data) and the loader that writes a
 * dataset into an org. Object and field names are API names without any namespace prefix; the loader adds
 * `atlas__` to the package's own objects and fields when the target org has the package installed.
 */

/** A lookup to another seeded record by its key, resolved to a Salesforce Id by the loader. */
export interface SeedReference {
  object: string;
  key: string;
}

export type SeedValue = string | number | boolean | null;

export interface SeedRecord {
  /** The record's key: its External_Id__c value, or its Username for users. Unique within its object. */
  key: string;
  /** Field values: dates `YYYY-MM-DD`, date-times ISO 8601 with zone, numbers plain, picklists by API value. */
  fields: Record<string, SeedValue>;
  /** Lookup and master-detail fields → the seeded record they point at. */
  references: Record<string, SeedReference>;
}

export interface SeedObject {
  object: string;
  /**
   * The field the loader upserts on: `External_Id__c` for the package's objects and the standard objects that
   * carry it, `Username` for User; null for objects with no external id (OpportunityContactRole), which are
   * matched on `naturalKey` instead and only ever inserted when no match exists.
   */
  keyField: string | null;
  naturalKey?: string[];
  /** Reference fields that point to the same object (ParentId, ReportsToId, Reports_To__c): a second pass sets them. */
  selfReferences: string[];
  records: SeedRecord[];
}

/** One opportunity stage of the target org, as OpportunityStage describes it. */
export interface OrgStage {
  apiName: string;
  sortOrder: number;
  probability: number;
  isClosed: boolean;
  isWon: boolean;
  forecastCategory: string;
}

export type ScaleName = 'demo' | 'medium' | 'large';

export interface GenerateOptions {
  seed: number;
  /** A named scale, or an approximate total number of records. */
  scale: ScaleName | number;
  /** The day the data is generated for (`YYYY-MM-DD`): close dates, history and activities are placed around it. */
  anchorDate: string;
  /** The target org's active stages, in order; the generator never assumes stage names. */
  stages: OrgStage[];
}

export interface SeedDataset {
  seed: number;
  scale: ScaleName | number;
  anchorDate: string;
  /** In load order: every object after the objects it references (self references excepted). */
  objects: SeedObject[];
}
