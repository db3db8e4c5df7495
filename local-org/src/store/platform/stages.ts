/**
 * The org's opportunity stages: Salesforce's default set, written to OpportunityStage when the org is created, and
 * read back from there, so stage names, probabilities and forecast categories come from the org's own records.
 */
import {
  DEFAULT_OPPORTUNITY_STAGES,
  type OpportunityStageRecord
} from '../../../../tools/schema/standard-objects';
import type { SqlClient } from '../sql';

export interface StageCatalog {
  /** The active stage of that API name (exact, else case-insensitive), or undefined. */
  find(apiName: string): OpportunityStageRecord | undefined;
}

/** The default stages as OpportunityStage field values. */
export function defaultStageRecords(): Record<string, string | number | boolean>[] {
  return DEFAULT_OPPORTUNITY_STAGES.map((stage) => ({ ...stage }));
}

export async function loadStageCatalog(db: SqlClient): Promise<StageCatalog> {
  const { rows } = await db.query<OpportunityStageRecord>(
    `SELECT "MasterLabel", "ApiName", "SortOrder", "DefaultProbability", "IsActive", "IsClosed", "IsWon",
            "ForecastCategory", "ForecastCategoryName"
       FROM "OpportunityStage" WHERE "IsActive" ORDER BY "SortOrder"`
  );
  const exact = new Map(rows.map((stage) => [stage.ApiName, stage]));
  const folded = new Map(rows.map((stage) => [stage.ApiName.toLowerCase(), stage]));
  return { find: (apiName) => exact.get(apiName) ?? folded.get(apiName.toLowerCase()) };
}
