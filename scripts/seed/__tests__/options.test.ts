import { InputError } from '../../lib/errors';
import { parseAnchorDate, parseScale, parseSeed, parseSeedOptions } from '../options';

describe('parseSeedOptions', () => {
  it('defaults to the local org, demo scale and seed 1', () => {
    expect(parseSeedOptions({})).toEqual({
      target: 'local',
      scale: 'demo',
      seed: 1,
      anchorDate: undefined,
      dryRun: false,
      json: false,
      fresh: false,
      resultsDir: undefined,
      bulkThreshold: undefined
    });
  });

  it('takes every option', () => {
    expect(
      parseSeedOptions({
        targetOrg: ' my-sandbox ',
        scale: 'LARGE',
        seed: '42',
        anchorDate: '2026-11-23',
        dryRun: true,
        json: true,
        fresh: true,
        resultsDir: 'out',
        bulkThreshold: '500'
      })
    ).toEqual({
      target: 'my-sandbox',
      scale: 'large',
      seed: 42,
      anchorDate: '2026-11-23',
      dryRun: true,
      json: true,
      fresh: true,
      resultsDir: 'out',
      bulkThreshold: 500
    });
  });

  it('refuses an empty target', () => {
    expect(() => parseSeedOptions({ targetOrg: '  ' })).toThrow(
      "--target-org needs 'local' or an org alias or username."
    );
  });
});

describe('parseScale', () => {
  it('takes the named scales and record counts', () => {
    expect(parseScale('demo')).toBe('demo');
    expect(parseScale('medium')).toBe('medium');
    expect(parseScale('1500')).toBe(1500);
  });

  it.each(['huge', '-5', '1.5', '1e5', '', '999', '2000001'])(
    'refuses --scale %p with the accepted forms',
    (text) => {
      expect(() => parseScale(text)).toThrow(InputError);
      expect(() => parseScale(text)).toThrow(
        `--scale must be demo, medium, large or a whole number of records from 1000 to 2000000, not '${text}'.`
      );
    }
  );
});

describe('parseSeed and parseAnchorDate', () => {
  it('takes whole numbers and real dates', () => {
    expect(parseSeed('0')).toBe(0);
    expect(parseAnchorDate('2028-02-29')).toBe('2028-02-29');
  });

  it.each(['-1', 'abc', '1.5'])('refuses --seed %p', (text) => {
    expect(() => parseSeed(text)).toThrow(`--seed must be a whole number (0 or more), not '${text}'.`);
  });

  it.each(['-1', 'many'])('refuses --bulk-threshold %p', (text) => {
    expect(() => parseSeedOptions({ bulkThreshold: text })).toThrow(
      `--bulk-threshold must be a whole number of rows, not '${text}'.`
    );
  });

  it.each(['2026-02-30', '23/11/2026', 'today'])('refuses --anchor-date %p', (text) => {
    expect(() => parseAnchorDate(text)).toThrow(
      `--anchor-date must be a date written YYYY-MM-DD, not '${text}'.`
    );
  });
});
