/**
 * SOQL date literals (TODAY, LAST_N_DAYS:30, THIS_QUARTER, …) as date ranges [start, end), in UTC, with weeks
 * starting on Sunday and a fiscal year equal to the calendar year (the org default).
 */
import { queryErrors } from './errors';

export interface DateRange {
  /** First day in the range, `YYYY-MM-DD`. */
  start: string;
  /** First day after the range. */
  end: string;
}

type Unit = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';

const UNITS: Readonly<Record<string, Unit>> = {
  DAY: 'DAY',
  DAYS: 'DAY',
  WEEK: 'WEEK',
  WEEKS: 'WEEK',
  MONTH: 'MONTH',
  MONTHS: 'MONTH',
  QUARTER: 'QUARTER',
  QUARTERS: 'QUARTER',
  FISCAL_QUARTER: 'QUARTER',
  FISCAL_QUARTERS: 'QUARTER',
  YEAR: 'YEAR',
  YEARS: 'YEAR',
  FISCAL_YEAR: 'YEAR',
  FISCAL_YEARS: 'YEAR'
};

/** Literals that are another literal under a fixed name. */
const ALIASES: Readonly<Record<string, [string, number]>> = {
  LAST_90_DAYS: ['LAST_N_DAYS', 90],
  NEXT_90_DAYS: ['NEXT_N_DAYS', 90]
};

const DAY_MS = 86_400_000;

function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day));
}

function startOf(unit: Unit, date: Date): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (unit) {
    case 'DAY':
      return utcDate(year, month, date.getUTCDate());
    case 'WEEK':
      return utcDate(year, month, date.getUTCDate() - date.getUTCDay());
    case 'MONTH':
      return utcDate(year, month, 1);
    case 'QUARTER':
      return utcDate(year, month - (month % 3), 1);
    case 'YEAR':
      return utcDate(year, 0, 1);
  }
}

function add(unit: Unit, date: Date, count: number): Date {
  switch (unit) {
    case 'DAY':
      return new Date(date.getTime() + count * DAY_MS);
    case 'WEEK':
      return new Date(date.getTime() + 7 * count * DAY_MS);
    case 'MONTH':
      return utcDate(date.getUTCFullYear(), date.getUTCMonth() + count, 1);
    case 'QUARTER':
      return utcDate(date.getUTCFullYear(), date.getUTCMonth() + 3 * count, 1);
    case 'YEAR':
      return utcDate(date.getUTCFullYear() + count, 0, 1);
  }
}

function range(start: Date, end: Date): DateRange {
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/** The unit `count` units away from the current one. */
function relativeUnit(unit: Unit, now: Date, count: number): DateRange {
  const current = startOf(unit, now);
  return range(add(unit, current, count), add(unit, current, count + 1));
}

function unitOf(name: string, literal: string): Unit {
  const unit = UNITS[name];
  if (unit === undefined) throw queryErrors.malformed(`unexpected token: '${literal}'`);
  return unit;
}

/**
 * The range of `literal` (`THIS_MONTH`, or `LAST_N_DAYS` with `n`) at `now`. LAST_N_DAYS:n covers today and the n
 * days before it; NEXT_N_DAYS:n the n days after today; LAST_N_<unit>:n the n whole units before the current one;
 * NEXT_N_<unit>:n the n whole units after it; N_<unit>_AGO:n the one unit n units back.
 */
export function dateLiteralRange(literal: string, n: number | undefined, now: Date): DateRange {
  const [name, count] = ALIASES[literal] ?? [literal, n ?? 0];
  const fixed: Readonly<Record<string, DateRange>> = {
    YESTERDAY: relativeUnit('DAY', now, -1),
    TODAY: relativeUnit('DAY', now, 0),
    TOMORROW: relativeUnit('DAY', now, 1)
  };
  const known = fixed[name];
  if (known !== undefined) return known;
  const relative = /^(LAST|THIS|NEXT)_(.+)$/.exec(name);
  const lastOrNext = /^(LAST|NEXT)_N_(.+)$/.exec(name);
  const ago = /^N_(.+)_AGO$/.exec(name);
  if (lastOrNext !== null) {
    const unit = unitOf(lastOrNext[2] ?? '', literal);
    const today = startOf('DAY', now);
    const current = startOf(unit, now);
    if (lastOrNext[1] === 'LAST') {
      return unit === 'DAY'
        ? range(add('DAY', today, -count), add('DAY', today, 1))
        : range(add(unit, current, -count), current);
    }
    return range(add(unit, current, 1), add(unit, current, 1 + count));
  }
  if (ago !== null) return relativeUnit(unitOf(ago[1] ?? '', literal), now, -count);
  if (relative !== null) {
    const offset = relative[1] === 'LAST' ? -1 : relative[1] === 'NEXT' ? 1 : 0;
    return relativeUnit(unitOf(relative[2] ?? '', literal), now, offset);
  }
  throw queryErrors.malformed(`unexpected token: '${literal}'`);
}
