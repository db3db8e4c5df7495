/**
 * Periods of the pipeline-health panel — service module, no UI and no platform imports: this quarter and next
 * quarter from a given today, the earlier day the pipeline change waterfall compares with, the checks of a custom
 * period, and calendar-day ('YYYY-MM-DD') helpers. Quarters are calendar quarters; fiscal years are not applied.
 * Nothing here reads the clock except `todayIso`, which reads it only when given no date.
 */
import type { Period } from 'c/pipelineMetrics';

export type PeriodChoice = 'thisQuarter' | 'nextQuarter' | 'custom';

/** The panel's help on periods. */
export const CALENDAR_QUARTERS_NOTE =
  'Quarters are calendar quarters: January to March, April to June, July to September and October to ' +
  'December. Fiscal years are not applied yet.';

/** Days before today the waterfall starts from when the period has not started yet. */
export const COMPARE_LOOKBACK_DAYS = 30;

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of midnight UTC of a calendar day, or NaN when it is not a real 'YYYY-MM-DD' day. */
function dayValue(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (!match) {
    return Number.NaN;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? date.getTime()
    : Number.NaN;
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0');
}

function isoOfUtc(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** Whether a value is a real calendar day written 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(dayValue(value));
}

/** The calendar day of a moment where the user is (the browser's time zone), as 'YYYY-MM-DD'. */
export function todayIso(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}

/** The day `days` after (or, when negative, before) a calendar day. */
export function addDays(isoDate: string, days: number): string {
  const value = dayValue(isoDate);
  if (Number.isNaN(value)) {
    throw new RangeError(`not a calendar day: '${isoDate}'`);
  }
  return isoOfUtc(new Date(value + days * MS_PER_DAY));
}

/** The calendar quarter holding a day, or the one `offset` quarters after it. */
export function calendarQuarter(isoDate: string, offset = 0): Period {
  const value = dayValue(isoDate);
  if (Number.isNaN(value)) {
    throw new RangeError(`not a calendar day: '${isoDate}'`);
  }
  const date = new Date(value);
  const firstMonth = Math.floor(date.getUTCMonth() / 3) * 3 + offset * 3;
  const start = new Date(Date.UTC(date.getUTCFullYear(), firstMonth, 1));
  const end = new Date(Date.UTC(date.getUTCFullYear(), firstMonth + 3, 0));
  return { start: isoOfUtc(start), end: isoOfUtc(end) };
}

export function thisQuarter(today: string): Period {
  return calendarQuarter(today, 0);
}

export function nextQuarter(today: string): Period {
  return calendarQuarter(today, 1);
}

/**
 * The earlier day of the pipeline change waterfall (the later one is today): the first day of the period when it
 * is not after today, else today − 30 days, so that a future period still shows how its pipeline moved recently.
 */
export function compareFrom(period: Period, today: string): string {
  return period.start <= today ? period.start : addDays(today, -COMPARE_LOOKBACK_DAYS);
}

/** What is wrong with each end of a custom period; an empty string when that end is fine. */
export interface CustomPeriodErrors {
  start: string;
  end: string;
}

/** The checks of a custom period: both days given and real, and the first not after the last. */
export function customPeriodErrors(
  start: string | null | undefined,
  end: string | null | undefined
): CustomPeriodErrors {
  const errors: CustomPeriodErrors = { start: '', end: '' };
  if (!start) {
    errors.start = 'Enter the first day of the period.';
  } else if (!isIsoDate(start)) {
    errors.start = 'Enter a date such as 2026-10-01.';
  }
  if (!end) {
    errors.end = 'Enter the last day of the period.';
  } else if (!isIsoDate(end)) {
    errors.end = 'Enter a date such as 2026-12-31.';
  }
  if (start && end && !errors.start && !errors.end && start > end) {
    errors.end = 'The last day must be on or after the first day.';
  }
  return errors;
}

/** The period a choice stands for on a given today; a custom choice needs its period. */
export function periodOf(choice: PeriodChoice, today: string, custom?: Period): Period {
  if (choice === 'nextQuarter') {
    return nextQuarter(today);
  }
  if (choice === 'custom' && custom) {
    return custom;
  }
  return thisQuarter(today);
}
