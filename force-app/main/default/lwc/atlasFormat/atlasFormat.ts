/**
 * Formatting helpers shared by the Account Atlas panels — service module, no UI. Amounts (compact, like "$1.2M",
 * or in full), signed changes, percentages, multiples, days, counts and dates, with `Intl` in the signed-in user's
 * Salesforce locale and currency (`@salesforce/i18n/locale` and `/currency`); every helper also takes a locale, and
 * the amount helpers a currency, to use instead. Dates are calendar days ('YYYY-MM-DD'): they are formatted as
 * such, never shifted by a time zone.
 */
import USER_LOCALE from '@salesforce/i18n/locale';
import USER_CURRENCY from '@salesforce/i18n/currency';

/** Whether `Intl` reads `tag` as a locale (a BCP 47 language tag such as 'en-US'). */
function isLocale(tag: string | null | undefined): tag is string {
  if (typeof tag !== 'string' || tag === '') {
    return false;
  }
  try {
    Intl.getCanonicalLocales(tag);
    return true;
  } catch {
    return false;
  }
}

/** Whether `code` has the shape of an ISO 4217 currency code. */
function isCurrencyCode(code: string | null | undefined): code is string {
  return typeof code === 'string' && /^[A-Za-z]{3}$/.test(code);
}

/**
 * The locale numbers and dates are written in when a helper is given none: the signed-in user's Salesforce locale,
 * or the browser's when the platform gives none that `Intl` can read.
 */
export const DEFAULT_LOCALE: string | undefined = isLocale(USER_LOCALE) ? USER_LOCALE : undefined;

/**
 * The currency amounts are shown in when a panel is given none: the signed-in user's currency, which is the org's
 * currency in a single-currency org and the user's own currency in a multi-currency org.
 */
export const DEFAULT_CURRENCY = USER_CURRENCY;

/** What a panel shows in place of a number that does not exist (the reason is always said beside it). */
export const NO_VALUE = '—';

/** An en dash between thin spaces, as Intl writes ranges. */
const RANGE_DASH = '\u2009–\u2009';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `locale` when `Intl` can read it, otherwise the user's. */
function localeOf(locale: string | null | undefined): string | undefined {
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

function numberFormat(
  options: Intl.NumberFormatOptions,
  locale: string | null | undefined
): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(locale), options);
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(
  options: Intl.DateTimeFormatOptions,
  locale: string | null | undefined
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(locale), { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * The ISO 4217 code amounts are shown in: `currencyCode` (in upper case) when it has the shape of one, otherwise
 * the user's currency. A container passes this to its panels, so they all show amounts in one currency.
 */
export function currencyCodeOf(currencyCode: string | null | undefined): string {
  return isCurrencyCode(currencyCode) ? currencyCode.toUpperCase() : DEFAULT_CURRENCY;
}

/** Compact currency: one decimal of its unit at most. */
function compactCurrency(currencyCode: string | null | undefined): Intl.NumberFormatOptions {
  return {
    style: 'currency',
    currency: currencyCodeOf(currencyCode),
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1
  };
}

/** An amount rounded to one decimal of its unit: "$1.2M", "$950K", "$80". */
export function formatCompactCurrency(
  value: number,
  currencyCode?: string | null,
  locale?: string | null
): string {
  return numberFormat(compactCurrency(currencyCode), locale).format(value);
}

/** A change of an amount with its sign: "+$1.2M", "-$300K", "$0". */
export function formatSignedCompactCurrency(
  value: number,
  currencyCode?: string | null,
  locale?: string | null
): string {
  return numberFormat({ ...compactCurrency(currencyCode), signDisplay: 'exceptZero' }, locale).format(value);
}

/** An amount in whole units: "$1,234,568". */
export function formatCurrency(value: number, currencyCode?: string | null, locale?: string | null): string {
  return numberFormat(
    {
      style: 'currency',
      currency: currencyCodeOf(currencyCode),
      minimumFractionDigits: 0,
      maximumFractionDigits: 0
    },
    locale
  ).format(value);
}

/** A share (0.42) as a percentage: "42%". */
export function formatPercent(share: number, fractionDigits = 0, locale?: string | null): string {
  return numberFormat(
    { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: fractionDigits },
    locale
  ).format(share);
}

/** A number with grouping: "1,234", or "1.42" with fraction digits. */
export function formatNumber(value: number, fractionDigits = 0, locale?: string | null): string {
  return numberFormat({ minimumFractionDigits: 0, maximumFractionDigits: fractionDigits }, locale).format(
    value
  );
}

/** A ratio such as coverage: "2.4×". */
export function formatMultiple(value: number, locale?: string | null): string {
  return `${numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1 }, locale).format(value)}×`;
}

/** A count with its noun: "1 deal", "1,204 deals". */
export function formatCount(
  count: number,
  singular: string,
  plural = `${singular}s`,
  locale?: string | null
): string {
  return `${formatNumber(count, 0, locale)} ${count === 1 ? singular : plural}`;
}

/** Whole days: "1 day", "63 days". */
export function formatDays(days: number, locale?: string | null): string {
  return formatCount(Math.round(days), 'day', 'days', locale);
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
export function formatDate(isoDate: string, locale?: string | null): string {
  const day = utcDay(isoDate);
  return day ? dateFormat({ dateStyle: 'medium' }, locale).format(day) : isoDate;
}

/** Two calendar days as a range: "Oct 1 – Dec 31, 2026" (with thin spaces around the dash). */
export function formatDateRange(startIsoDate: string, endIsoDate: string, locale?: string | null): string {
  const start = utcDay(startIsoDate);
  const end = utcDay(endIsoDate);
  if (!start || !end || start > end) {
    return `${formatDate(startIsoDate, locale)}${RANGE_DASH}${formatDate(endIsoDate, locale)}`;
  }
  return dateFormat({ dateStyle: 'medium' }, locale).formatRange(start, end);
}

/** A calendar month ('2026-10') as "Oct 2026". */
export function formatMonth(isoMonth: string, locale?: string | null): string {
  const day = utcDay(`${isoMonth}-01`);
  return day ? dateFormat({ month: 'short', year: 'numeric' }, locale).format(day) : isoMonth;
}
