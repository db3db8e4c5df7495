import { CallMeter } from '../../lib/api';
import type { ObjectSummary } from '../../lib/loader';
import { buildSummary, formatPlan, formatSummary, planObjects, type RunDescription } from '../report';
import { roundRobin } from '../users';

const run: RunDescription = {
  target: 'the local org at http://127.0.0.1:6260',
  namespace: null,
  scale: 'demo',
  seed: 1,
  anchorDate: '2026-11-23',
  users: '9 users created in the local org'
};

function summary(object: string, counts: Partial<ObjectSummary>): ObjectSummary {
  return {
    object,
    apiName: object,
    records: 0,
    method: 'REST',
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    resumed: false,
    ...counts
  };
}

describe('formatPlan', () => {
  it('shows the target, namespace, data and per-object counts and methods', () => {
    const objects = planObjects(
      [
        { apiName: 'User', records: 9, mapped: true },
        { apiName: 'atlas__Account_Plan__c', records: 140, mapped: false },
        { apiName: 'Task', records: 30_326, mapped: false }
      ],
      2_000
    );
    const text = formatPlan({ ...run, namespace: 'atlas' }, objects, null);
    expect(text.split('\n')).toEqual([
      'Seed plan (dry run: nothing is written)',
      '  Target:     the local org at http://127.0.0.1:6260',
      '  Namespace:  atlas (installed package)',
      '  Data:       scale demo, seed 1, anchor date 2026-11-23: 30,475 records',
      '  Users:      9 users created in the local org',
      '',
      'Object                  Records  Method',
      '----------------------  -------  -------------------',
      'User                          9  mapped to org users',
      'atlas__Account_Plan__c      140  REST',
      'Task                     30,326  Bulk'
    ]);
  });
});

describe('buildSummary and formatSummary', () => {
  it('sums the objects, counts API calls per object, and says what to do about failed rows', () => {
    const meter = new CallMeter();
    for (const label of ['setup', 'setup', 'Account', 'Account', 'Account', 'Contact'])
      meter.countRequest(label);
    meter.countRetry('Account');
    const result = buildSummary(
      run,
      'local',
      [
        summary('Account', { records: 12, created: 10, unchanged: 1, failed: 1 }),
        summary('Contact', { records: 5, updated: 5, resumed: true })
      ],
      meter,
      { wallTimeMs: 12_345, maxRssKb: 204_800, resultsDir: '/r', resumed: null }
    );
    expect(result.totals).toEqual({ created: 10, updated: 5, unchanged: 1, failed: 1 });
    expect(result.apiCalls).toEqual({ total: 6, setup: 2, retries: 1 });
    expect(result.objects.map((object) => [object.object, object.apiCalls, object.retries])).toEqual([
      ['Account', 3, 1],
      ['Contact', 1, 0]
    ]);
    expect(result.maxRssMb).toBe(200);
    const text = formatSummary(result);
    expect(text).toMatch(/^Account +10 +0 +1 +1 +3$/m);
    expect(text).toMatch(/^Total +10 +5 +1 +1 +6$/m);
    expect(text).toContain('Contact (done earlier)');
    expect(text).toContain('API calls:  6 (2 to read the org, 1 retries)');
    expect(text).toContain('1 rows failed: see the *-failed.csv files');
  });
});

describe('roundRobin', () => {
  it('hands the dataset users to the org users in turn, starting over when they run out', () => {
    const users = [
      { id: '005A', username: 'a@x' },
      { id: '005B', username: 'b@x' }
    ];
    expect([...roundRobin(['u1', 'u2', 'u3', 'u4', 'u5'], users)]).toEqual([
      ['u1', '005A'],
      ['u2', '005B'],
      ['u3', '005A'],
      ['u4', '005B'],
      ['u5', '005A']
    ]);
  });
});
