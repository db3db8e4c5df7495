/**
 * Formatting helpers shared by the Account Atlas panels — service module, no UI. Amounts (compact, like "$1.2M",
 * or in full), signed changes, percentages, multiples, days, counts and dates, with `Intl` in the language of the
 * browser. Dates are calendar days ('YYYY-MM-DD'): they are formatted as such, never shifted by a time zone.
 */

/** The currency amounts are shown in when a panel is given none. */
export const DEFAULT_CURRENCY = 'USD';

/** What a panel shows in place of a number that does not exist (the reason is always said beside it). */
export const NO_VALUE = '—';

/** An en dash between thin spaces, as Intl writes ranges. */
const RANGE_DASH = '\u2009–\u2009';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, options);
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

function currencyOf(currencyCode: string | null | undefined): string {
  return currencyCode && /^[A-Za-z]{3}$/.test(currencyCode) ? currencyCode.toUpperCase() : DEFAULT_CURRENCY;
}

/** An amount rounded to one decimal of its unit: "$1.2M", "$950K", "$80". */
export function formatCompactCurrency(value: number, currencyCode?: string | null): string {
  return numberFormat({
    style: 'currency',
    currency: currencyOf(currencyCode),
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1
  }).format(value);
}

/** A change of an amount with its sign: "+$1.2M", "-$300K", "$0". */
export function formatSignedCompactCurrency(value: number, currencyCode?: string | null): string {
  return numberFormat({
    style: 'currency',
    currency: currencyOf(currencyCode),
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero'
  }).format(value);
}

/** An amount in whole units: "$1,234,568". */
export function formatCurrency(value: number, currencyCode?: string | null): string {
  return numberFormat({
    style: 'currency',
    currency: currencyOf(currencyCode),
    minimumFractionDigits: 0,
    maximumFractionDigits: 0
  }).format(value);
}

/** A share (0.42) as a percentage: "42%". */
export function formatPercent(share: number, fractionDigits = 0): string {
  return numberFormat({
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits
  }).format(share);
}

/** A number with grouping: "1,234", or "1.42" with fraction digits. */
export function formatNumber(value: number, fractionDigits = 0): string {
  return numberFormat({ minimumFractionDigits: 0, maximumFractionDigits: fractionDigits }).format(value);
}

/** A ratio such as coverage: "2.4×". */
export function formatMultiple(value: number): string {
  return `${numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)}×`;
}

/** A count with its noun: "1 deal", "1,204 deals". */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

/** Whole days: "1 day", "63 days". */
export function formatDays(days: number): string {
  return formatCount(Math.round(days), 'day');
}

/** Midnight UTC of a calendar day ('YYYY-MM-DD', or the date part of a date-time); null for anything else. */
function utcDay(isoDate: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) {
    return null;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** A calendar day ('2026-11-23') as "Nov 23, 2026"; anything unreadable is returned as it came. */
export function formatDate(isoDate: string): string {
  const day = utcDay(isoDate);
  return day ? dateFormat({ dateStyle: 'medium' }).format(day) : isoDate;
}

/** Two calendar days as a range: "Oct 1 – Dec 31, 2026" (with thin spaces around the dash). */
export function formatDateRange(startIsoDate: string, endIsoDate: string): string {
  const start = utcDay(startIsoDate);
  const end = utcDay(endIsoDate);
  if (!start || !end || start > end) {
    return `${formatDate(startIsoDate)}${RANGE_DASH}${formatDate(endIsoDate)}`;
  }
  return dateFormat({ dateStyle: 'medium' }).formatRange(start, end);
}

/** A calendar month ('2026-10') as "Oct 2026". */
export function formatMonth(isoMonth: string): string {
  const day = utcDay(`${isoMonth}-01`);
  return day ? dateFormat({ month: 'short', year: 'numeric' }).format(day) : isoMonth;
}
