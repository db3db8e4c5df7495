import { countRecords, datasetDigest, generateDataset, MAX_RECORDS, MIN_RECORDS } from '../index';
import type { SeedDataset } from '../types';
import { recordsOf } from './checks';
import { CUSTOM_STAGES, DEFAULT_STAGES, dataset, options } from './fixtures';

function countsByObject(data: SeedDataset): Record<string, number> {
  return Object.fromEntries(data.objects.map((o) => [o.object, o.records.length]));
}

describe('determinism', () => {
  it('gives byte-identical JSON and the same digest for the same options', () => {
    const first = generateDataset(options());
    const second = generateDataset(options());
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(datasetDigest(second)).toBe(datasetDigest(first));
  });

  it('changes with the seed, the anchor date and the stages', () => {
    const digest = datasetDigest(dataset());
    expect(datasetDigest(dataset({ seed: 43 }))).not.toBe(digest);
    expect(datasetDigest(dataset({ anchorDate: '2026-05-16' }))).not.toBe(digest);
    expect(datasetDigest(dataset({ stages: CUSTOM_STAGES }))).not.toBe(digest);
  });

  it('does not read the clock', () => {
    const now = jest.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('the generator read the clock');
    });
    try {
      expect(datasetDigest(generateDataset(options()))).toBe(datasetDigest(dataset()));
    } finally {
      now.mockRestore();
    }
  });

  it('digests records independently of their order, and any change of a value', () => {
    const data = dataset();
    const reversed: SeedDataset = {
      ...data,
      objects: data.objects.map((o) => ({ ...o, records: [...o.records].reverse() }))
    };
    expect(datasetDigest(reversed)).toBe(datasetDigest(data));
    const [first, ...rest] = data.objects;
    if (first === undefined) throw new Error('empty dataset');
    const [user, ...others] = first.records;
    if (user === undefined) throw new Error('no users');
    const renamed = { ...user, fields: { ...user.fields, Title: 'Chief Revenue Officer' } };
    const changed: SeedDataset = { ...data, objects: [{ ...first, records: [renamed, ...others] }, ...rest] };
    expect(datasetDigest(changed)).not.toBe(datasetDigest(data));
  });
});

describe('options', () => {
  it.each([
    ['an anchor date that is not YYYY-MM-DD', { anchorDate: '15/05/2026' }],
    ['an anchor date that does not exist', { anchorDate: '2026-02-30' }],
    ['a seed that is not a whole number', { seed: 1.5 }],
    ['a record count below the minimum', { scale: MIN_RECORDS - 1 }],
    ['a record count above the maximum', { scale: MAX_RECORDS + 1 }],
    ['a record count that is not whole', { scale: 5_000.5 }],
    ['stages without an open stage', { stages: DEFAULT_STAGES.filter((s) => s.isClosed) }],
    [
      'a stage listed twice',
      { stages: [...DEFAULT_STAGES, DEFAULT_STAGES[0] as (typeof DEFAULT_STAGES)[number]] }
    ]
  ])('rejects %s', (_, overrides) => {
    expect(() => generateDataset(options(overrides))).toThrow(RangeError);
  });

  it('works with an org that has no lost stage: every deal is open or won', () => {
    const data = generateDataset(
      options({ stages: DEFAULT_STAGES.filter((s) => s.apiName !== 'Closed Lost') })
    );
    const stages = new Set(recordsOf(data, 'Opportunity').map((r) => r.fields['StageName']));
    expect(stages.has('Closed Lost')).toBe(false);
    expect(stages.has('Closed Won')).toBe(true);
  });
});

describe('scales', () => {
  it('demo: a dozen accounts, 3-4 key accounts with plans, up to about 2,000 records', () => {
    const data = dataset();
    const counts = countsByObject(data);
    expect(counts['Account']).toBe(12);
    const planned = new Set(recordsOf(data, 'Account_Plan__c').map((r) => r.references['Account__c']?.key));
    expect(planned.size).toBeGreaterThanOrEqual(3);
    expect(planned.size).toBeLessThanOrEqual(4);
    expect(countRecords(data)).toBeGreaterThanOrEqual(300);
    expect(countRecords(data)).toBeLessThanOrEqual(2_200);
    for (const [object, count] of Object.entries(counts)) expect([object, count > 0]).toEqual([object, true]);
  });

  it.each([1_000, 2_500, 12_345, 40_000])('a number N gives N records within 10%%: %d', (scale) => {
    const total = countRecords(generateDataset(options({ scale })));
    expect(Math.abs(total - scale) / scale).toBeLessThanOrEqual(0.1);
  });

  it('medium: about 20,000 records', () => {
    const total = countRecords(generateDataset(options({ scale: 'medium' })));
    expect(Math.abs(total - 20_000) / 20_000).toBeLessThanOrEqual(0.1);
  });

  it('large: at least 100,000 records, thousands of accounts, contacts and deals', () => {
    const data = generateDataset(options({ scale: 'large' }));
    const counts = countsByObject(data);
    expect(countRecords(data)).toBeGreaterThanOrEqual(100_000);
    expect(counts['Account']).toBeGreaterThanOrEqual(1_000);
    expect(counts['Contact']).toBeGreaterThanOrEqual(5_000);
    expect(counts['Opportunity']).toBeGreaterThanOrEqual(5_000);
    expect(counts['Opportunity_Change__c']).toBeGreaterThanOrEqual(20_000);
    expect((counts['Task'] ?? 0) + (counts['Event'] ?? 0)).toBeGreaterThanOrEqual(20_000);
  });
});

describe('keys', () => {
  it('start with the seed: source prefix on every External_Id__c object and reference, users excepted', () => {
    const data = generateDataset(options({ scale: 'demo' }));
    for (const object of data.objects) {
      for (const record of object.records) {
        if (object.keyField === 'External_Id__c') {
          expect(record.key.startsWith('seed:')).toBe(true);
          expect(record.fields['External_Id__c']).toBe(record.key);
        }
        for (const reference of Object.values(record.references)) {
          expect(reference.key.startsWith('seed:')).toBe(reference.object !== 'User');
        }
      }
    }
  });
});
