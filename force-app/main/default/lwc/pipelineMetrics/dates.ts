/**
 * Dates as the metrics use them: every date is a string ('YYYY-MM-DD', or an ISO 8601 date-time), every
 * computation is in whole UTC days. A date-time without a zone is read as UTC, so results never depend on the
 * time zone of the machine that computes them.
 */

export const MS_PER_DAY = 86_400_000;

const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const SPACE = 32;
const TIME = 84;
const ZULU = 90;

/** The two-digit number at `start`; NaN unless both characters are digits. */
function twoDigits(text: string, start: number): number {
  const tens = text.charCodeAt(start) - 48;
  const units = text.charCodeAt(start + 1) - 48;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : Number.NaN;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil); NaN if invalid. */
function civilDays(year: number, month: number, day: number): number {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) {
    return Number.NaN;
  }
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Minutes east of UTC of the zone designator starting at `start` (end of text, Z, ±hh:mm or ±hhmm); NaN if bad. */
function zoneOffsetMinutes(text: string, start: number): number {
  if (start === text.length) {
    return 0;
  }
  if (text.charCodeAt(start) === ZULU) {
    return start + 1 === text.length ? 0 : Number.NaN;
  }
  const sign = text.charCodeAt(start) === PLUS ? 1 : text.charCodeAt(start) === DASH ? -1 : 0;
  const minutesAt = text.charCodeAt(start + 3) === COLON ? start + 4 : start + 3;
  if (sign === 0 || minutesAt + 2 !== text.length) {
    return Number.NaN;
  }
  return sign * (twoDigits(text, start + 1) * 60 + twoDigits(text, minutesAt));
}

/** Milliseconds within the day of 'Thh:mm[:ss[.fff…]]' plus its zone, starting at `start`; NaN if malformed. */
function timeOfDayMs(text: string, start: number): number {
  const separator = text.charCodeAt(start);
  if ((separator !== TIME && separator !== SPACE) || text.charCodeAt(start + 3) !== COLON) {
    return Number.NaN;
  }
  let ms = (twoDigits(text, start + 1) * 60 + twoDigits(text, start + 4)) * 60_000;
  let i = start + 6;
  if (text.charCodeAt(i) === COLON) {
    ms += twoDigits(text, i + 1) * 1000;
    i += 3;
    if (text.charCodeAt(i) === DOT) {
      let scale = 100;
      i++;
      for (let digit = text.charCodeAt(i) - 48; digit >= 0 && digit <= 9; digit = text.charCodeAt(i) - 48) {
        ms += digit * scale;
        scale /= 10;
        i++;
      }
    }
  }
  return ms - zoneOffsetMinutes(text, i) * 60_000;
}

/**
 * Milliseconds since the epoch of an ISO date ('YYYY-MM-DD') or date-time ('YYYY-MM-DDThh:mm[:ss[.sss]]' with Z,
 * ±hh:mm, ±hhmm or no zone, read as UTC); NaN when the text is not one. Read character by character, without a
 * regular expression or `Date.parse`, because a benchmark run reads 300,000 of them.
 */
export function parseTimestamp(text: string): number {
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) {
    return Number.NaN;
  }
  const days = civilDays(
    twoDigits(text, 0) * 100 + twoDigits(text, 2),
    twoDigits(text, 5),
    twoDigits(text, 8)
  );
  return text.length === 10 ? days * MS_PER_DAY : days * MS_PER_DAY + timeOfDayMs(text, 10);
}

/** Whole UTC days since 1970-01-01 of an ISO date or date-time; NaN when the text is not one. */
export function parseDay(text: string): number {
  return Math.floor(parseTimestamp(text) / MS_PER_DAY);
}

/** Whole UTC days since 1970-01-01 of an optional date; null when it is missing or unreadable. */
export function parseOptionalDay(text: string | null): number | null {
  const day = text === null ? Number.NaN : parseDay(text);
  return Number.isNaN(day) ? null : day;
}

/** The day number of a date the caller must supply; throws a RangeError naming `what` when it is unreadable. */
export function requireDay(text: string, what: string): number {
  const day = parseDay(text);
  if (Number.isNaN(day)) {
    throw new RangeError(`${what} is not an ISO date: '${text}'`);
  }
  return day;
}

/** 'YYYY-MM-DD' of a day number. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Months since year 0 of a day number (year × 12 + month − 1): a later month is a larger number. Hinnant's
 * civil_from_days, without allocating a Date.
 */
export function monthIndex(day: number): number {
  const shifted = day + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchBased = Math.floor((5 * dayOfYear + 2) / 153);
  const month = marchBased < 10 ? marchBased + 2 : marchBased - 10;
  return (yearOfEra + era * 400 + (month < 2 ? 1 : 0)) * 12 + month;
}

/** 'YYYY-MM' of a month index. */
export function formatMonth(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
