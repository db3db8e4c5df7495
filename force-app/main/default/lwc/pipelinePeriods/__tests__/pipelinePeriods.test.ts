/** Tests of the period rules: calendar quarters, the waterfall comparison day, custom period checks, day helpers. */
import {
  CALENDAR_QUARTERS_NOTE,
  COMPARE_LOOKBACK_DAYS,
  addDays,
  calendarQuarter,
  compareFrom,
  customPeriodErrors,
  isIsoDate,
  nextQuarter,
  periodOf,
  thisQuarter,
  todayIso
} from 'c/pipelinePeriods';

describe('calendar quarters', () => {
  it('finds the quarter holding a day, whatever day of it', () => {
    expect(thisQuarter('2026-11-23')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(thisQuarter('2026-01-01')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(thisQuarter('2026-06-30')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(thisQuarter('2026-08-15')).toEqual({ start: '2026-07-01', end: '2026-09-30' });
  });

  it('rolls the next quarter into the next year and ends February on its real last day', () => {
    expect(nextQuarter('2026-11-23')).toEqual({ start: '2027-01-01', end: '2027-03-31' });
    expect(nextQuarter('2026-02-10')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(calendarQuarter('2027-11-02', 1)).toEqual({ start: '2028-01-01', end: '2028-03-31' });
    expect(calendarQuarter('2028-05-01', -1)).toEqual({ start: '2028-01-01', end: '2028-03-31' });
  });

  it('says in the help that quarters are calendar quarters', () => {
    expect(CALENDAR_QUARTERS_NOTE).toContain('calendar quarters');
    expect(CALENDAR_QUARTERS_NOTE).toContain('Fiscal years');
  });

  it('refuses a day that is not a calendar day', () => {
    expect(() => calendarQuarter('2026-02-30')).toThrow(RangeError);
    expect(() => addDays('tomorrow', 1)).toThrow("not a calendar day: 'tomorrow'");
  });
});

describe('the day the waterfall compares with', () => {
  it('is the first day of a period that has started', () => {
    expect(compareFrom({ start: '2026-10-01', end: '2026-12-31' }, '2026-11-23')).toBe('2026-10-01');
    expect(compareFrom({ start: '2026-11-23', end: '2026-12-31' }, '2026-11-23')).toBe('2026-11-23');
  });

  it('is 30 days before today for a period that has not started', () => {
    expect(COMPARE_LOOKBACK_DAYS).toBe(30);
    expect(compareFrom({ start: '2027-01-01', end: '2027-03-31' }, '2026-11-23')).toBe('2026-10-24');
    expect(compareFrom({ start: '2026-04-01', end: '2026-06-30' }, '2026-03-15')).toBe('2026-02-13');
  });
});

describe('calendar days', () => {
  it('adds and takes away days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-11-23', -364)).toBe('2025-11-24');
  });

  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-5')).toBe(false);
    expect(isIsoDate('2026-11-23T10:00:00Z')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(20261123)).toBe(false);
  });

  it('reads today in the local calendar, not in UTC', () => {
    expect(todayIso(new Date(2026, 10, 23, 23, 59))).toBe('2026-11-23');
    expect(todayIso(new Date(2027, 0, 1, 0, 1))).toBe('2027-01-01');
    expect(isIsoDate(todayIso())).toBe(true);
  });
});

describe('a custom period', () => {
  it('is fine with both days given and the first not after the last', () => {
    expect(customPeriodErrors('2026-10-01', '2026-12-31')).toEqual({ start: '', end: '' });
    expect(customPeriodErrors('2026-10-01', '2026-10-01')).toEqual({ start: '', end: '' });
  });

  it('asks for each missing day on its own field', () => {
    expect(customPeriodErrors(null, '2026-12-31')).toEqual({
      start: 'Enter the first day of the period.',
      end: ''
    });
    expect(customPeriodErrors('2026-10-01', '')).toEqual({
      start: '',
      end: 'Enter the last day of the period.'
    });
  });

  it('rejects unreadable days', () => {
    expect(customPeriodErrors('2026-02-30', '2026-13-01')).toEqual({
      start: 'Enter a date such as 2026-10-01.',
      end: 'Enter a date such as 2026-12-31.'
    });
  });

  it('puts a reversed period on the last day', () => {
    expect(customPeriodErrors('2026-12-31', '2026-10-01')).toEqual({
      start: '',
      end: 'The last day must be on or after the first day.'
    });
  });
});

describe('the period of a choice', () => {
  const custom = { start: '2026-09-15', end: '2026-12-15' };

  it('is this quarter, next quarter or the custom period', () => {
    expect(periodOf('thisQuarter', '2026-11-23')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodOf('nextQuarter', '2026-11-23')).toEqual({ start: '2027-01-01', end: '2027-03-31' });
    expect(periodOf('custom', '2026-11-23', custom)).toBe(custom);
  });

  it('falls back to this quarter for a custom choice without its days', () => {
    expect(periodOf('custom', '2026-11-23')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
  });
});
