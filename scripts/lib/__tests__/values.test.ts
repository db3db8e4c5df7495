import { canonical } from '../loader/values';

const type = (name: string, scale?: number) => ({ type: name, scale });
const sameValue = (a: unknown, b: unknown, field: { type: string; scale: number | undefined }): boolean =>
  canonical(a, field) === canonical(b, field);

describe('canonical values', () => {
  it('treats an empty text as no value, as Salesforce stores it', () => {
    expect(canonical('', type('string'))).toBeNull();
    expect(canonical(undefined, type('string'))).toBeNull();
    expect(sameValue('', null, type('textarea'))).toBe(true);
  });

  it('compares date-times to the second whatever their form', () => {
    expect(sameValue('2026-11-23T15:04:05Z', '2026-11-23T15:04:05.000+0000', type('datetime'))).toBe(true);
    expect(sameValue('2026-11-23T16:04:05+01:00', '2026-11-23T15:04:05.000Z', type('datetime'))).toBe(true);
    expect(sameValue('2026-11-23T15:04:06Z', '2026-11-23T15:04:05.000+0000', type('datetime'))).toBe(false);
  });

  it('compares numbers at the field scale, from JSON or CSV text', () => {
    expect(sameValue(1234.567, 1234.57, type('currency', 2))).toBe(true);
    expect(sameValue(12.5, '12.50', type('double', 2))).toBe(true);
    expect(sameValue(12.5, 12.25, type('percent', 1))).toBe(false);
    expect(sameValue(3, '3', type('int', 0))).toBe(true);
    expect(sameValue(0.1, 0.1000001, type('double'))).toBe(false);
  });

  it('compares booleans from JSON or CSV', () => {
    expect(sameValue(true, 'true', type('boolean'))).toBe(true);
    expect(sameValue(false, 'false', type('boolean'))).toBe(true);
    expect(sameValue(false, true, type('boolean'))).toBe(false);
  });

  it('compares Ids by their 15-character form', () => {
    expect(sameValue('001000000000001AAA', '001000000000001', type('reference'))).toBe(true);
    expect(sameValue('001000000000001AAA', '001000000000002AAA', type('reference'))).toBe(false);
  });

  it('compares multi-select picklists as sets and text areas across line endings', () => {
    expect(sameValue('B;A', 'A;B', type('multipicklist'))).toBe(true);
    expect(sameValue('one\r\ntwo', 'one\ntwo', type('textarea'))).toBe(true);
    expect(canonical('2026-11-23', type('date'))).toBe('2026-11-23');
  });
});
