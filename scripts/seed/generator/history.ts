/**
 * Backfilled history (Opportunity_Change__c, Source Backfill): the platform's own history cannot be backdated, so
 * each opportunity gets dated records of its creation, every stage change, amount changes and close-date pushes.
 *
 * The history always ends in the opportunity's current state: the last record holds the current stage, amount and
 * close date, and each record's "previous" values are the values of the record before it. Close dates are chained
 * back from the current one: a deal slips when its close date comes near, so each push happens within a few weeks
 * of the close date it abandons and moves it at least two weeks out, into a later month. A closed deal's last record
 * is its close, on its close date. Every change is dated before the anchor date.
 */
import { formatDateTime, formatDay, monthStart, type Day } from './dates';
import type { OpportunityModel } from './model';
import { externalIdObject, externalIdRecord, pad, ref, roundTo } from './records';
import type { Random } from './random';
import type { OrgStage, SeedObject, SeedRecord } from './types';

interface State {
  stage: OrgStage;
  amount: number | null;
  closeDay: Day;
}

type ChangeKind = 'stage' | 'amount' | 'push';

interface Change {
  kind: ChangeKind;
  /** Minutes since 1970-01-01 (UTC). */
  at: number;
}

const BUSINESS_HOURS: [number, number] = [8 * 60, 18 * 60];
const MINUTES_PER_DAY = 1440;
/** The close date a deal is created with lies at least this many days after its creation. */
const FIRST_CLOSE_AFTER_CREATION = 21;

function pushCount(random: Random, opportunity: OpportunityModel): number {
  if (!random.chance(opportunity.outcome === 'open' ? 0.35 : 0.25)) return 0;
  return random.chance(0.25) ? random.int(2, 4) : 1;
}

function amountChangeCount(random: Random, opportunity: OpportunityModel): number {
  if (opportunity.amount === null) return 0;
  return random.weighted([
    { value: 0, weight: 62 },
    { value: 1, weight: 30 },
    { value: 2, weight: 8 }
  ]);
}

function moment(random: Random, day: Day): number {
  return day * MINUTES_PER_DAY + random.int(...BUSINESS_HOURS);
}

/** Close dates from the one the deal was created with to the current one (one more than the pushes). */
function closeDates(random: Random, opportunity: OpportunityModel, lastDay: Day): Day[] {
  const closes = [opportunity.closeDay];
  for (let push = pushCount(random, opportunity); push > 0; push--) {
    const later = closes[0] as Day;
    const earlier = Math.min(
      later - random.int(14, 60),
      monthStart(later) - 1 - random.int(0, 10),
      lastDay + random.int(0, 15)
    );
    if (earlier < opportunity.createdDay + FIRST_CLOSE_AFTER_CREATION) break;
    closes.unshift(earlier);
  }
  return closes;
}

/** Each push happens between three weeks before and five days after the close date it abandons. */
function pushMoments(random: Random, closes: readonly Day[], createdDay: Day, lastDay: Day): number[] {
  const moments: number[] = [];
  let earliest = createdDay + 1;
  for (const abandoned of closes.slice(0, -1)) {
    const day = random.int(Math.max(earliest, abandoned - 20), Math.min(abandoned + 5, lastDay));
    moments.push(moment(random, day));
    earliest = day;
  }
  return moments;
}

/** Amounts from the first to the current one (one more than the amount changes). */
function amounts(random: Random, opportunity: OpportunityModel): (number | null)[] {
  const result: (number | null)[] = [opportunity.amount];
  for (let change = amountChangeCount(random, opportunity); change > 0; change--) {
    const later = result[0] as number;
    const step = later < 100_000 ? 500 : 5_000;
    const earlier = roundTo(later * random.between(0.6, 1.35), step);
    result.unshift(earlier === later || earlier <= 0 ? later + 5 * step : earlier);
  }
  return result;
}

function changeRecord(
  opportunity: OpportunityModel,
  number: number,
  at: number,
  after: State,
  before: State | null
): SeedRecord {
  return externalIdRecord(
    `chg-${opportunity.key.slice('opp-'.length)}-${pad(number, 2)}`,
    {
      Change_Date__c: formatDateTime(Math.floor(at / MINUTES_PER_DAY), at % MINUTES_PER_DAY),
      Stage_Name__c: after.stage.apiName,
      Previous_Stage_Name__c: before?.stage.apiName,
      Amount__c: after.amount,
      Previous_Amount__c: before?.amount,
      Close_Date__c: formatDay(after.closeDay),
      Previous_Close_Date__c: before === null ? undefined : formatDay(before.closeDay),
      Probability__c: after.stage.probability,
      Source__c: 'Backfill'
    },
    { Opportunity__c: ref('Opportunity', opportunity.key) }
  );
}

function historyOf(random: Random, opportunity: OpportunityModel, records: SeedRecord[]): void {
  const isClosed = opportunity.outcome !== 'open';
  const lastDay = isClosed ? opportunity.closeDay - 1 : opportunity.lastTouchedDay;
  const closes = closeDates(random, opportunity, lastDay);
  const amountSteps = amounts(random, opportunity);
  const openStageChanges = opportunity.path.length - 1 - (isClosed ? 1 : 0);
  const anyDay = (): number => moment(random, random.int(opportunity.createdDay + 1, lastDay));
  const changes: Change[] = [
    ...pushMoments(random, closes, opportunity.createdDay, lastDay).map((at) => ({
      kind: 'push' as const,
      at
    })),
    ...Array.from({ length: openStageChanges }, () => ({ kind: 'stage' as const, at: anyDay() })),
    ...Array.from({ length: amountSteps.length - 1 }, () => ({ kind: 'amount' as const, at: anyDay() }))
  ].sort((a, b) => a.at - b.at);
  if (isClosed) changes.push({ kind: 'stage', at: moment(random, opportunity.closeDay) });
  for (let i = 1; i < changes.length; i++) {
    const previous = (changes[i - 1] as Change).at;
    if ((changes[i] as Change).at <= previous) (changes[i] as Change).at = previous + 1;
  }

  const position: Record<ChangeKind, number> = { stage: 0, amount: 0, push: 0 };
  let state: State = {
    stage: opportunity.path[0] as OrgStage,
    amount: amountSteps[0] ?? null,
    closeDay: closes[0] as Day
  };
  const createdAt = moment(random, opportunity.createdDay);
  records.push(changeRecord(opportunity, 1, createdAt, state, null));
  changes.forEach((change, index) => {
    const step = ++position[change.kind];
    const after: State =
      change.kind === 'stage'
        ? { ...state, stage: opportunity.path[step] as OrgStage }
        : change.kind === 'amount'
          ? { ...state, amount: amountSteps[step] ?? null }
          : { ...state, closeDay: closes[step] as Day };
    records.push(changeRecord(opportunity, index + 2, change.at, after, state));
    state = after;
  });
}

export function generateHistory(random: Random, opportunities: readonly OpportunityModel[]): SeedObject {
  const records: SeedRecord[] = [];
  for (const opportunity of opportunities) historyOf(random, opportunity, records);
  return externalIdObject('Opportunity_Change__c', records);
}
