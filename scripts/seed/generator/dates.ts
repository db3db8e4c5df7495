/**
 * Calendar arithmetic on whole days (UTC), relative to the dataset's anchor date; nothing here reads the clock.
 * Quarters and years are calendar quarters and years, the fiscal calendar of a new org.
 */

/** Days since 1970-01-01 (UTC). */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDay(iso: string): Day {
  const match = ISO_DATE.exec(iso);
  if (match === null) throw new RangeError(`anchorDate must be YYYY-MM-DD, got '${iso}'`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new RangeError(`anchorDate '${iso}' is not a calendar date`);
  }
  return ms / MS_PER_DAY;
}

/** Datasets use a few thousand distinct days at most, formatted hundreds of thousands of times. */
const formattedDays = new Map<Day, string>();

/** `YYYY-MM-DD`. */
export function formatDay(day: Day): string {
  let text = formattedDays.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    formattedDays.set(day, text);
  }
  return text;
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** ISO 8601 date-time in UTC, `minuteOfDay` (0-1439) minutes after midnight. */
export function formatDateTime(day: Day, minuteOfDay: number): string {
  return `${formatDay(day)}T${twoDigits(Math.floor(minuteOfDay / 60))}:${twoDigits(minuteOfDay % 60)}:00.000Z`;
}

export interface Quarter {
  year: number;
  /** 1-4. */
  quarter: number;
  start: Day;
  /** Last day of the quarter (inclusive). */
  end: Day;
}

function quarterAt(year: number, quarter: number): Quarter {
  const start = Date.UTC(year, (quarter - 1) * 3, 1) / MS_PER_DAY;
  const end = Date.UTC(year, quarter * 3, 1) / MS_PER_DAY - 1;
  return { year, quarter, start, end };
}

export function quarterOf(day: Day): Quarter {
  const date = new Date(day * MS_PER_DAY);
  return quarterAt(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) + 1);
}

/** The quarter `offset` quarters after (or before, when negative) `quarter`. */
export function shiftQuarter(quarter: Quarter, offset: number): Quarter {
  const index = quarter.year * 4 + (quarter.quarter - 1) + offset;
  return quarterAt(Math.floor(index / 4), (index % 4) + 1);
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function yearStart(year: number): Day {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

export function yearEnd(year: number): Day {
  return Date.UTC(year + 1, 0, 1) / MS_PER_DAY - 1;
}

/** `Q3 2025`. */
export function quarterLabel(day: Day): string {
  const { quarter, year } = quarterOf(day);
  return `Q${quarter} ${year}`;
}

/** The first day of the month `day` is in. */
export function monthStart(day: Day): Day {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / MS_PER_DAY;
}
