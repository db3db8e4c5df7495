import { formatDay, formatMonth, monthIndex, parseDay, parseTimestamp, requireDay } from '../dates';

describe('parseTimestamp', () => {
  it('reads dates and the date-times Salesforce and JavaScript write, in UTC', () => {
    expect(parseTimestamp('2026-11-23')).toBe(Date.UTC(2026, 10, 23));
    expect(parseTimestamp('2026-11-23T10:15:30.250+0000')).toBe(Date.UTC(2026, 10, 23, 10, 15, 30, 250));
    expect(parseTimestamp('2026-11-23T10:15:30.250Z')).toBe(Date.UTC(2026, 10, 23, 10, 15, 30, 250));
    expect(parseTimestamp('2026-11-23T10:15:30Z')).toBe(Date.UTC(2026, 10, 23, 10, 15, 30));
    expect(parseTimestamp('2026-11-23 10:15')).toBe(Date.UTC(2026, 10, 23, 10, 15));
  });

  it('applies zone offsets, and reads a date-time without a zone as UTC', () => {
    expect(parseTimestamp('2026-11-23T23:30:00-05:00')).toBe(Date.UTC(2026, 10, 24, 4, 30));
    expect(parseTimestamp('2026-11-23T01:00:00+0200')).toBe(Date.UTC(2026, 10, 22, 23, 0));
    expect(parseTimestamp('2026-11-23T10:00:00')).toBe(Date.UTC(2026, 10, 23, 10));
  });

  it('reads leap days and dates before 1970', () => {
    expect(parseTimestamp('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseTimestamp('2000-02-29')).toBe(Date.UTC(2000, 1, 29));
    expect(parseTimestamp('1969-12-31T12:00:00Z')).toBe(Date.UTC(1969, 11, 31, 12));
  });

  it('is NaN for anything else', () => {
    for (const text of [
      '',
      'x',
      '2026-02-30',
      '2023-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-1-01',
      '2026-11-23T10',
      '2026-11-23T10:00:00X',
      '2026-11-23T10:00:00+05',
      '2026-11-23X10:00',
      '2026-11-23T1a:00'
    ]) {
      expect(parseTimestamp(text)).toBeNaN();
    }
  });
});

describe('days and months', () => {
  it('counts whole UTC days', () => {
    expect(parseDay('1970-01-02T23:59:59Z')).toBe(1);
    expect(parseDay('1969-12-31T23:00:00Z')).toBe(-1);
    expect(formatDay(parseDay('2026-11-23'))).toBe('2026-11-23');
  });

  it('numbers months so that a later month is larger', () => {
    expect(monthIndex(parseDay('2026-11-30'))).toBe(2026 * 12 + 10);
    expect(monthIndex(parseDay('2026-12-01')) - monthIndex(parseDay('2026-11-30'))).toBe(1);
    expect(monthIndex(parseDay('2027-01-01')) - monthIndex(parseDay('2026-12-31'))).toBe(1);
    expect(monthIndex(parseDay('1969-12-31'))).toBe(1969 * 12 + 11);
    expect(formatMonth(monthIndex(parseDay('2026-03-15')))).toBe('2026-03');
  });

  it('names what it could not read', () => {
    expect(requireDay('2026-11-23', 'today')).toBe(parseDay('2026-11-23'));
    expect(() => requireDay('23/11/2026', 'today')).toThrow("today is not an ISO date: '23/11/2026'");
  });
});
