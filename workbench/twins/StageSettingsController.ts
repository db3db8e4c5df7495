/**
 * Twin of StageSettingsController (with StageSettingsService and StageSettingsSelector): the org's active
 * opportunity stages in order, each merged with its Stage Setting, from the same two queries.
 */
import type { Connection } from 'jsforce';
import type { TwinContext } from './context';
import { queryAll } from './soql';

/** `StageSettingsService.Stage` as Aura serializes it: null properties are left out. */
export interface Stage {
  apiName: string;
  label: string;
  sortOrder: number;
  probability: number;
  isClosed: boolean;
  isWon: boolean;
  forecastCategory?: string;
  expectedDays?: number;
  exitCriteria?: string;
  requiresDecisionMaker: boolean;
}

interface OpportunityStageRow {
  ApiName: string;
  MasterLabel: string;
  SortOrder: number;
  DefaultProbability: number;
  IsClosed: boolean;
  IsWon: boolean;
  ForecastCategoryName: string | null;
}

interface StageSettingRow {
  DeveloperName: string;
  Stage_Name__c: string;
  Expected_Days__c: number | null;
  Exit_Criteria__c: string | null;
  Requires_Decision_Maker__c: boolean | null;
}

/** `StageSettingsSelector.selectActiveStages`. */
export function selectActiveStages(connection: Connection): Promise<OpportunityStageRow[]> {
  return queryAll<OpportunityStageRow>(
    connection,
    'SELECT ApiName, MasterLabel, SortOrder, DefaultProbability, IsClosed, IsWon, ForecastCategoryName ' +
      'FROM OpportunityStage WHERE IsActive = TRUE WITH USER_MODE ORDER BY SortOrder'
  );
}

/** `StageSettingsSelector.selectStageSettings`. */
export function selectStageSettings(connection: Connection): Promise<StageSettingRow[]> {
  return queryAll<StageSettingRow>(
    connection,
    'SELECT DeveloperName, Stage_Name__c, Expected_Days__c, Exit_Criteria__c, Requires_Decision_Maker__c ' +
      'FROM Stage_Setting__mdt WHERE Stage_Name__c != NULL WITH USER_MODE'
  );
}

function stageOf(orgStage: OpportunityStageRow, setting: StageSettingRow | undefined): Stage {
  const stage: Stage = {
    apiName: orgStage.ApiName,
    label: orgStage.MasterLabel,
    sortOrder: orgStage.SortOrder,
    probability: orgStage.DefaultProbability,
    isClosed: orgStage.IsClosed,
    isWon: orgStage.IsWon,
    requiresDecisionMaker: setting?.Requires_Decision_Maker__c === true
  };
  if (orgStage.ForecastCategoryName !== null) {
    stage.forecastCategory = orgStage.ForecastCategoryName;
  }
  if (setting?.Expected_Days__c !== null && setting?.Expected_Days__c !== undefined) {
    stage.expectedDays = Math.trunc(setting.Expected_Days__c);
  }
  if (setting?.Exit_Criteria__c) {
    stage.exitCriteria = setting.Exit_Criteria__c;
  }
  return stage;
}

/** `StageSettingsService.getStages`: settings are read first, then merged into the stages in order. */
export async function readStages(connection: Connection): Promise<Stage[]> {
  const settings = new Map(
    (await selectStageSettings(connection)).map((setting) => [setting.Stage_Name__c, setting])
  );
  return (await selectActiveStages(connection)).map((orgStage) =>
    stageOf(orgStage, settings.get(orgStage.ApiName))
  );
}

/** `StageSettingsController.getStages()`. */
export function getStages(context: TwinContext): Promise<Stage[]> {
  return readStages(context.connection);
}
