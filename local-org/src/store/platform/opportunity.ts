/**
 * What Salesforce does on every opportunity save: the stage decides probability (unless given), forecast category,
 * IsClosed and IsWon; ExpectedRevenue is Amount × Probability / 100; the fiscal period follows CloseDate (the
 * calendar fiscal year); LastStageChangeDate moves with the stage; PushCount grows when CloseDate moves to a later
 * month; and an OpportunityHistory row records the tracked values on create and whenever one of them changes.
 */
import { saveErrors } from '../errors';
import { changed, isValid, type PendingRow } from '../rows';
import type { Row } from '../sql';
import { roundHalfUp } from '../values';
import { insertPlatformRecords, type PlatformContext, type PlatformRules } from './context';
import type { OpportunityStageRecord } from '../../../../tools/schema/standard-objects';

/** ForecastCategoryName (label) → ForecastCategory (API name). */
const FORECAST_CATEGORY: Readonly<Record<string, string>> = {
  Omitted: 'Omitted',
  Pipeline: 'Pipeline',
  'Best Case': 'BestCase',
  Commit: 'Forecast',
  Closed: 'Closed'
};

const HISTORY_FIELDS = [
  'StageName',
  'Amount',
  'CloseDate',
  'Probability',
  'ExpectedRevenue',
  'ForecastCategory'
];

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

function deriveFromStage(row: PendingRow, stage: OpportunityStageRecord, stageChanged: boolean): void {
  const values = row.values;
  const isNew = row.previous === null;
  values['StageName'] = stage.ApiName;
  const probabilityGiven = row.given.has('Probability') && (!isNew || values['Probability'] !== null);
  if (!probabilityGiven && stageChanged) values['Probability'] = stage.DefaultProbability;
  const categoryGiven = row.given.has('ForecastCategoryName') && values['ForecastCategoryName'] !== null;
  if (stage.IsClosed || (!categoryGiven && stageChanged))
    values['ForecastCategoryName'] = stage.ForecastCategoryName;
  values['ForecastCategory'] = FORECAST_CATEGORY[String(values['ForecastCategoryName'])] ?? null;
  values['IsClosed'] = stage.IsClosed;
  values['IsWon'] = stage.IsWon;
}

function deriveAmounts(values: Row): void {
  const amount = numberOrNull(values['Amount']);
  const probability = numberOrNull(values['Probability']);
  values['ExpectedRevenue'] =
    amount === null || probability === null ? null : roundHalfUp((amount * probability) / 100, 2);
}

function deriveCloseDate(row: PendingRow): void {
  const values = row.values;
  const closeDate = values['CloseDate'];
  if (typeof closeDate !== 'string') return;
  const year = Number(closeDate.slice(0, 4));
  const quarter = Math.ceil(Number(closeDate.slice(5, 7)) / 3);
  Object.assign(values, { FiscalYear: year, FiscalQuarter: quarter, Fiscal: `${year} ${quarter}` });
  const previousDate = row.previous?.['CloseDate'];
  const pushes = numberOrNull(row.previous?.['PushCount']) ?? 0;
  const pushed = typeof previousDate === 'string' && monthIndex(closeDate) > monthIndex(previousDate);
  values['PushCount'] = pushes + (pushed ? 1 : 0);
}

function prepare(rows: PendingRow[], context: PlatformContext): void {
  for (const row of rows.filter(isValid)) {
    const stageName = row.values['StageName'];
    if (typeof stageName === 'string') {
      const stage = context.stages.find(stageName);
      const field = row.object.field('StageName');
      if (stage === undefined) {
        if (field !== undefined) row.errors.push(saveErrors.badPicklistValue(field, stageName));
        continue;
      }
      const stageChanged = row.previous === null || row.previous['StageName'] !== stage.ApiName;
      deriveFromStage(row, stage, stageChanged);
      if (row.previous !== null && stageChanged) row.values['LastStageChangeDate'] = context.clock.timestamp;
    }
    deriveAmounts(row.values);
    deriveCloseDate(row);
  }
}

async function afterSave(rows: PendingRow[], context: PlatformContext): Promise<void> {
  const history = rows
    .filter((row) => row.previous === null || HISTORY_FIELDS.some((field) => changed(row, field)))
    .map((row): Row => ({
      OpportunityId: row.id,
      StageName: row.values['StageName'] ?? null,
      Amount: row.values['Amount'] ?? null,
      ExpectedRevenue: row.values['ExpectedRevenue'] ?? null,
      CloseDate: row.values['CloseDate'] ?? null,
      Probability: row.values['Probability'] ?? null,
      ForecastCategory: row.values['ForecastCategory'] ?? null,
      PrevAmount: row.previous?.['Amount'] ?? null,
      PrevCloseDate: row.previous?.['CloseDate'] ?? null
    }));
  await insertPlatformRecords(context, 'OpportunityHistory', history);
}

export const opportunityRules: PlatformRules = { prepare, afterSave };
