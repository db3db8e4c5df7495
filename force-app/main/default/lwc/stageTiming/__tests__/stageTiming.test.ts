import { daysSince, exitCriteriaItems, stagePace } from 'c/stageTiming';

const TODAY = new Date('2026-11-23T15:00:00Z');

describe('daysSince', () => {
  it('counts whole calendar days from a date or a date-time', () => {
    expect(daysSince('2026-11-13', TODAY)).toBe(10);
    expect(daysSince('2026-11-22T23:59:00Z', TODAY)).toBe(1);
    expect(daysSince('2026-11-23T01:00:00.000Z', TODAY)).toBe(0);
  });

  it('is null for a missing or unreadable date and never negative', () => {
    expect(daysSince(null, TODAY)).toBeNull();
    expect(daysSince('', TODAY)).toBeNull();
    expect(daysSince('not a date', TODAY)).toBeNull();
    expect(daysSince('2026-12-01', TODAY)).toBe(0);
  });
});

describe('stagePace', () => {
  it('is on pace below 80% of the expected days', () => {
    expect(stagePace(7, 10)).toBe('on-pace');
  });

  it('is due soon from 80% up to the expected days', () => {
    expect(stagePace(8, 10)).toBe('due-soon');
    expect(stagePace(10, 10)).toBe('due-soon');
  });

  it('is overdue after the expected days', () => {
    expect(stagePace(11, 10)).toBe('overdue');
  });

  it('is unknown without days or without a positive expectation', () => {
    expect(stagePace(null, 10)).toBe('unknown');
    expect(stagePace(3, null)).toBe('unknown');
    expect(stagePace(3, undefined)).toBe('unknown');
    expect(stagePace(3, 0)).toBe('unknown');
  });
});

describe('exitCriteriaItems', () => {
  it('splits lines, bullets and numbered items', () => {
    expect(exitCriteriaItems('- Budget confirmed\n* Champion named\n3) Pain quantified')).toEqual([
      'Budget confirmed',
      'Champion named',
      'Pain quantified'
    ]);
  });

  it('splits semicolons and sentences, dropping the final stops', () => {
    expect(exitCriteriaItems('Proposal delivered. Terms agreed in principle; close plan shared.')).toEqual([
      'Proposal delivered',
      'Terms agreed in principle',
      'close plan shared'
    ]);
  });

  it('keeps abbreviations followed by lower case together and drops blanks', () => {
    expect(exitCriteriaItems('Meet the VP, e.g. the CFO.\n\n')).toEqual(['Meet the VP, e.g. the CFO']);
    expect(exitCriteriaItems(undefined)).toEqual([]);
    expect(exitCriteriaItems(null)).toEqual([]);
  });
});
