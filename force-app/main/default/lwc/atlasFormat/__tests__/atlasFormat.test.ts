/** Tests of the formatting helpers: amounts, shares, multiples, counts, days and calendar days. */
import {
  DEFAULT_CURRENCY,
  NO_VALUE,
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

// The expectations are written for the en-US language the test runs in.
describe('amounts', () => {
  it('are compact to one decimal of their unit, without a trailing zero', () => {
    expect(formatCompactCurrency(1234567)).toBe('$1.2M');
    expect(formatCompactCurrency(1000000)).toBe('$1M');
    expect(formatCompactCurrency(950000)).toBe('$950K');
    expect(formatCompactCurrency(80)).toBe('$80');
    expect(formatCompactCurrency(0)).toBe('$0');
  });

  it('are in US dollars unless another currency is given', () => {
    expect(DEFAULT_CURRENCY).toBe('USD');
    expect(formatCompactCurrency(1500, 'EUR')).toBe('€1.5K');
    expect(formatCompactCurrency(1500, 'eur')).toBe('€1.5K');
    expect(formatCompactCurrency(1500, null)).toBe('$1.5K');
    expect(formatCompactCurrency(1500, 'not a code')).toBe('$1.5K');
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
