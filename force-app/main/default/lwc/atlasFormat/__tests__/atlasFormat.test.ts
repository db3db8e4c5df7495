/**
 * Tests of the formatting helpers: amounts, shares, multiples, counts, days and calendar days, in the signed-in
 * user's locale and currency or in the ones a caller gives.
 */
import {
  DEFAULT_CURRENCY,
  DEFAULT_LOCALE,
  NO_VALUE,
  currencyCodeOf,
  formatCompactCurrency,
  formatCount,
  formatCurrency,
  formatDate,
  formatDateRange,
  formatDays,
  formatMonth,
  formatMultiple,
  formatNumber,
  formatPercent,
  formatSignedCompactCurrency
} from 'c/atlasFormat';

type AtlasFormat = typeof import('c/atlasFormat');

// The signed-in user of these tests writes en-US and is shown US dollars; the expectations are written for them.
jest.mock('@salesforce/i18n/locale', () => ({ default: 'en-US' }), { virtual: true });
jest.mock('@salesforce/i18n/currency', () => ({ default: 'USD' }), { virtual: true });

/**
 * The module as it loads for a user with other Salesforce settings: a fresh module registry, so the module and the
 * i18n modules load again (the helpers imported above keep the settings they loaded with).
 */
function formatForUser(locale: string, currency: string): AtlasFormat {
  jest.resetModules();
  jest.doMock('@salesforce/i18n/locale', () => ({ default: locale }), { virtual: true });
  jest.doMock('@salesforce/i18n/currency', () => ({ default: currency }), { virtual: true });
  return jest.requireActual<AtlasFormat>('c/atlasFormat');
}

describe('amounts', () => {
  it('are compact to one decimal of their unit, without a trailing zero', () => {
    expect(formatCompactCurrency(1234567)).toBe('$1.2M');
    expect(formatCompactCurrency(1000000)).toBe('$1M');
    expect(formatCompactCurrency(950000)).toBe('$950K');
    expect(formatCompactCurrency(80)).toBe('$80');
    expect(formatCompactCurrency(0)).toBe('$0');
  });

  it("are in the user's currency unless another currency is given", () => {
    expect(DEFAULT_CURRENCY).toBe('USD');
    expect(formatCompactCurrency(1500, 'EUR')).toBe('€1.5K');
    expect(formatCompactCurrency(1500, 'eur')).toBe('€1.5K');
    expect(formatCompactCurrency(1500, null)).toBe('$1.5K');
    expect(formatCompactCurrency(1500, '')).toBe('$1.5K');
    expect(formatCompactCurrency(1500, 'not a code')).toBe('$1.5K');
  });

  it("name the currency they are shown in: the one given when it is a code, else the user's", () => {
    expect(currencyCodeOf('eur')).toBe('EUR');
    expect(currencyCodeOf('GBP')).toBe('GBP');
    expect(currencyCodeOf('')).toBe('USD');
    expect(currencyCodeOf(undefined)).toBe('USD');
    expect(currencyCodeOf('euro')).toBe('USD');
  });

  it('show a change with its sign', () => {
    expect(formatSignedCompactCurrency(20000)).toBe('+$20K');
    expect(formatSignedCompactCurrency(-300000)).toBe('-$300K');
    expect(formatSignedCompactCurrency(0)).toBe('$0');
  });

  it('are whole units in full', () => {
    expect(formatCurrency(1234567.89)).toBe('$1,234,568');
    expect(formatCurrency(-40000, 'GBP')).toBe('-£40,000');
  });
});

describe('numbers', () => {
  it('show shares as percentages', () => {
    expect(formatPercent(0.4251)).toBe('43%');
    expect(formatPercent(0.4251, 1)).toBe('42.5%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('show ratios as multiples with one decimal', () => {
    expect(formatMultiple(1.56)).toBe('1.6×');
    expect(formatMultiple(3)).toBe('3.0×');
  });

  it('group thousands and keep the decimals asked for', () => {
    expect(formatNumber(1204)).toBe('1,204');
    expect(formatNumber(0.32740401, 2)).toBe('0.33');
    expect(formatNumber(2, 2)).toBe('2');
  });

  it('name what they count, in the singular for one', () => {
    expect(formatCount(1, 'deal')).toBe('1 deal');
    expect(formatCount(1204, 'deal')).toBe('1,204 deals');
    expect(formatCount(0, 'person', 'people')).toBe('0 people');
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(82.875)).toBe('83 days');
  });

  it('have one sign for a number that does not exist', () => {
    expect(NO_VALUE).toBe('—');
  });
});

describe('dates', () => {
  it('format calendar days without moving them across time zones', () => {
    expect(formatDate('2026-11-23')).toBe('Nov 23, 2026');
    expect(formatDate('2026-01-01')).toBe('Jan 1, 2026');
    expect(formatDate('2026-11-23T23:30:00.000Z')).toBe('Nov 23, 2026');
  });

  it('return what they cannot read as it came', () => {
    expect(formatDate('soon')).toBe('soon');
    expect(formatDate('2026-02-30')).toBe('2026-02-30');
  });

  it('format a range compactly, and a reversed or unreadable one end by end', () => {
    expect(formatDateRange('2026-10-01', '2026-12-31')).toBe('Oct 1\u2009–\u2009Dec 31, 2026');
    expect(formatDateRange('2026-12-31', '2026-10-01')).toBe('Dec 31, 2026\u2009–\u2009Oct 1, 2026');
    expect(formatDateRange('2026-10-01', 'later')).toBe('Oct 1, 2026\u2009–\u2009later');
  });

  it('format months', () => {
    expect(formatMonth('2026-10')).toBe('Oct 2026');
    expect(formatMonth('October')).toBe('October');
  });
});

describe('the locale', () => {
  it("is the user's Salesforce locale unless another is given", () => {
    expect(DEFAULT_LOCALE).toBe('en-US');
    expect(formatCompactCurrency(1234567, 'EUR', 'de-DE')).toBe('1,2\u00a0Mio.\u00a0€');
    expect(formatSignedCompactCurrency(-300000, 'EUR', 'de-DE')).toBe('-300.000\u00a0€');
    expect(formatCurrency(-40000, 'EUR', 'de-DE')).toBe('-40.000\u00a0€');
    expect(formatPercent(0.4251, 1, 'de-DE')).toBe('42,5\u00a0%');
    expect(formatNumber(1204, 0, 'de-DE')).toBe('1.204');
    expect(formatMultiple(2.44, 'de-DE')).toBe('2,4×');
    expect(formatCount(1204, 'deal', 'deals', 'de-DE')).toBe('1.204 deals');
    expect(formatDays(1204, 'de-DE')).toBe('1.204 days');
    expect(formatDate('2026-11-23', 'de-DE')).toBe('23.11.2026');
    expect(formatDateRange('2026-10-01', '2026-12-31', 'de-DE')).toBe('01.10.\u2009–\u200931.12.2026');
    expect(formatMonth('2026-10', 'de-DE')).toBe('Okt. 2026');
  });

  it("falls back to the user's locale when the one given is not a language tag", () => {
    expect(formatNumber(1204, 0, 'de_DE_EURO')).toBe('1,204');
    expect(formatDate('2026-11-23', '')).toBe('Nov 23, 2026');
    expect(formatCompactCurrency(1500, 'EUR', null)).toBe('€1.5K');
  });
});

describe('a user with other Salesforce settings (de-DE, euros)', () => {
  it('sees every amount, number and date in their locale and currency', () => {
    const format = formatForUser('de-DE', 'EUR');
    expect(format.DEFAULT_LOCALE).toBe('de-DE');
    expect(format.DEFAULT_CURRENCY).toBe('EUR');
    expect(format.currencyCodeOf('')).toBe('EUR');
    expect(format.formatCompactCurrency(1234567)).toBe('1,2\u00a0Mio.\u00a0€');
    expect(format.formatCurrency(-40000)).toBe('-40.000\u00a0€');
    expect(format.formatCompactCurrency(1234567, 'USD')).toBe('1,2\u00a0Mio.\u00a0$');
    expect(format.formatPercent(0.4251, 1)).toBe('42,5\u00a0%');
    expect(format.formatCount(1204, 'deal')).toBe('1.204 deals');
    expect(format.formatDate('2026-11-23')).toBe('23.11.2026');
    expect(format.formatMonth('2026-10')).toBe('Okt. 2026');
  });

  it("keeps the runtime's locale when the platform gives one Intl cannot read", () => {
    const format = formatForUser('not a locale', 'EUR');
    expect(format.DEFAULT_LOCALE).toBeUndefined();
    expect(format.formatNumber(1204)).toBe(new Intl.NumberFormat().format(1204));
  });
});
