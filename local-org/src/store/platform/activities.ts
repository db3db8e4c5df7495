/**
 * Tasks and events as the platform maintains them: a task is closed when its status is Completed (and gets its
 * completion time), high-priority when its priority is High; an event's dates follow its start and duration; both
 * get AccountId from what they relate to (an account, an opportunity's account, or the contact's account). And the
 * records they relate to keep LastActivityDate: the latest due date of their closed tasks and past events.
 */
import { formatDate, formatDateTime } from '../database';
import { quoteIdentifier, type ObjectModel } from '../model';
import { isValid, type PendingRow } from '../rows';
import type { DbValue, Row } from '../sql';
import type { DeletedRecord, PlatformContext, PlatformRules } from './context';

const ACTIVITY_OBJECTS = ['Task', 'Event'];
const RELATED_FIELDS = ['WhatId', 'WhoId', 'AccountId'];

function text(value: DbValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

async function accountsOf(
  context: PlatformContext,
  objectName: string,
  ids: string[]
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await context.db.query<{ id: string; account: string | null }>(
    `SELECT "Id" AS id, "AccountId" AS account FROM ${quoteIdentifier(objectName)} WHERE "Id" = ANY($1::text[])`,
    [ids]
  );
  return new Map(rows.flatMap((row) => (row.account === null ? [] : [[row.id, row.account]])));
}

/** AccountId of each activity: its What when that is an account, else the What's or the Who's account. */
async function deriveAccounts(rows: PendingRow[], context: PlatformContext): Promise<void> {
  const typeOf = (id: string | null): string | undefined =>
    id === null ? undefined : context.model.objectOfId(id)?.name;
  const whats = rows.map((row) => text(row.values['WhatId']));
  const whos = rows.map((row) => text(row.values['WhoId']));
  const opportunityAccounts = await accountsOf(
    context,
    'Opportunity',
    whats.filter((id): id is string => typeOf(id) === 'Opportunity')
  );
  const contactAccounts = await accountsOf(
    context,
    'Contact',
    whos.filter((id): id is string => typeOf(id) === 'Contact')
  );
  rows.forEach((row, index) => {
    const what = whats[index] ?? null;
    const who = whos[index] ?? null;
    const fromWhat = typeOf(what) === 'Account' ? what : opportunityAccounts.get(what ?? '');
    row.values['AccountId'] = fromWhat ?? contactAccounts.get(who ?? '') ?? null;
  });
}

function deriveTask(row: PendingRow, timestamp: string): void {
  const values = row.values;
  const closed = values['Status'] === 'Completed';
  values['IsClosed'] = closed;
  values['IsHighPriority'] = values['Priority'] === 'High';
  const wasClosed = row.previous?.['IsClosed'] === true;
  if (!closed) values['CompletedDateTime'] = null;
  else if (!wasClosed) values['CompletedDateTime'] = timestamp;
}

function addMinutes(dateTime: string, minutes: number): string {
  return formatDateTime(new Date(new Date(dateTime).getTime() + minutes * 60_000));
}

/** Start (ActivityDateTime), end and duration complete each other; ActivityDate and EndDate are their dates. */
function deriveEvent(row: PendingRow): void {
  const values = row.values;
  const start = text(values['ActivityDateTime']) ?? text(values['StartDateTime']);
  const duration = typeof values['DurationInMinutes'] === 'number' ? values['DurationInMinutes'] : null;
  let end = text(values['EndDateTime']);
  if (start !== null) {
    values['ActivityDateTime'] = start;
    values['StartDateTime'] = start;
    if (!row.given.has('ActivityDate')) values['ActivityDate'] = formatDate(new Date(start));
    if (duration !== null && (end === null || row.given.has('DurationInMinutes')))
      end = addMinutes(start, duration);
    if (end !== null && duration === null) {
      values['DurationInMinutes'] = Math.round(
        (new Date(end).getTime() - new Date(start).getTime()) / 60_000
      );
    }
  }
  values['EndDateTime'] = end;
  values['EndDate'] = end === null ? (values['ActivityDate'] ?? null) : formatDate(new Date(end));
}

/** Records the activities relate to, before and after the change, by object. */
function relatedRecords(context: PlatformContext, rows: readonly Row[]): Map<ObjectModel, Set<string>> {
  const related = new Map<ObjectModel, Set<string>>();
  for (const row of rows) {
    for (const field of RELATED_FIELDS) {
      const id = text(row[field]);
      const object = id === null ? undefined : context.model.objectOfId(id);
      if (id === null || object?.field('LastActivityDate') === undefined) continue;
      const ids = related.get(object) ?? new Set<string>();
      ids.add(id);
      related.set(object, ids);
    }
  }
  return related;
}

/** Due dates of the closed tasks and past events linked to any of `$1` (ids of `parent`), by linked id. */
function activityDatesSql(context: PlatformContext, parent: ObjectModel): string {
  return ACTIVITY_OBJECTS.flatMap((name) => {
    const activity = context.model.requireObject(name);
    const done = name === 'Task' ? 'a."IsClosed"' : 'a."ActivityDate" <= $2::date';
    return activity.columns
      .filter(
        (f) =>
          f.type === 'reference' && RELATED_FIELDS.includes(f.name) && f.referenceTo.includes(parent.name)
      )
      .map((f) => {
        const column = `a.${quoteIdentifier(f.name)}`;
        return `SELECT ${column} AS id, a."ActivityDate" AS d FROM ${activity.table} a WHERE ${done} AND ${column} = ANY($1::text[])`;
      });
  }).join(' UNION ALL ');
}

async function refreshLastActivityDates(context: PlatformContext, rows: readonly Row[]): Promise<void> {
  for (const [parent, ids] of relatedRecords(context, rows)) {
    await context.db.query(
      `WITH activity AS (${activityDatesSql(context, parent)}),
            latest AS (SELECT target.id, max(activity.d) AS d
                         FROM unnest($1::text[]) AS target(id) LEFT JOIN activity ON activity.id = target.id
                        GROUP BY target.id)
       UPDATE ${parent.table} p SET "LastActivityDate" = latest.d FROM latest WHERE p."Id" = latest.id`,
      [[...ids], context.clock.today]
    );
  }
}

async function prepare(rows: PendingRow[], context: PlatformContext): Promise<void> {
  const valid = rows.filter(isValid);
  for (const row of valid) {
    if (row.object.name === 'Task') deriveTask(row, context.clock.timestamp);
    else deriveEvent(row);
  }
  await deriveAccounts(valid, context);
}

async function afterSave(rows: PendingRow[], context: PlatformContext): Promise<void> {
  const states = rows.flatMap((row) => (row.previous === null ? [row.values] : [row.values, row.previous]));
  await refreshLastActivityDates(context, states);
}

async function afterDelete(records: DeletedRecord[], context: PlatformContext): Promise<void> {
  await refreshLastActivityDates(
    context,
    records.map((record) => record.values)
  );
}

export const activityRules: PlatformRules = { prepare, afterSave, afterDelete };
