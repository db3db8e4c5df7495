/**
 * The pipeline change waterfall between 2026-10-01 and 2026-11-23 for the deals closing in 2026-10-01 …
 * 2026-12-31 (data/waterfall.json), one deal per category:
 *
 *   deal  at 10-01 (end of day)               at 11-23                      category
 *   WS1   open, 1,000, closes 11-30           the same                      start and end
 *   WS2   open, 2,000.10 (raised on 10-10)    open, 2,500.35                increased by 500.25
 *   WS3   open, 1,000 (cut on 10-20)          open, 700                     decreased by 300
 *   WS4   Negotiation/Review, 4,000           Closed Won on 11-05           won 4,000
 *   WS5   Proposal/Price Quote, 1,500         Closed Lost on 11-10          lost 1,500
 *   WS6   open, closes 12-01                  closes 2027-01-20 (10-15)     pushed out 800
 *   WN1   not created yet (10-05)             open, 600                     new 600
 *   WP1   open, closes 2027-02-01             closes 12-20 (moved 11-01)    pulled in 900
 *   WX1   won on 09-15                        won                           none
 *   WX2   closes 2027-03-01                   the same                      none
 *   WX3   not created yet (10-10)             won on 11-01                  none
 *
 *   start = 1,000 + 2,000.10 + 1,000 + 4,000 + 1,500 + 800 = 10,300.10
 *   end   = 1,000 + 2,500.35 + 700 + 600 + 900             =  5,700.35
 *   10,300.10 + 600 + 900 + 500.25 − 4,000 − 300 − 800 − 1,500 = 5,700.35
 */
import { computePipelineHealth, pipelineWaterfall } from 'c/pipelineMetrics';
import type { Deal, DealChange } from 'c/pipelineMetrics';
import data from './data/waterfall.json';
import { change, factsOf, move, openDeal } from './pipelineTestData';

const deals = data.deals as Deal[];
const changes = data.changes as DealChange[];
const facts = factsOf({ deals, changes, waterfall: { from: '2026-10-01', to: '2026-11-23' } });

describe('pipeline change waterfall', () => {
  it('puts each deal in one category, every category non-zero', () => {
    expect(facts.waterfall).toEqual({
      from: '2026-10-01',
      to: '2026-11-23',
      start: { count: 6, value: 10_300.1 },
      new: { count: 1, value: 600 },
      pulledIn: { count: 1, value: 900 },
      increased: { count: 1, value: 500.25 },
      won: { count: 1, value: 4000 },
      decreased: { count: 1, value: 300 },
      pushedOut: { count: 1, value: 800 },
      lost: { count: 1, value: 1500 },
      end: { count: 5, value: 5700.35 }
    });
  });

  it('reconciles exactly: start + new + pulled in + increased − won − decreased − pushed out − lost = end', () => {
    const result = pipelineWaterfall(facts);
    expect(result.value?.difference).toBe(0);
    const steps = result.value?.steps ?? [];
    expect(steps.map((step) => [step.label, step.sign])).toEqual([
      ['Start', 0],
      ['New', 1],
      ['Pulled in', 1],
      ['Increased', 1],
      ['Won', -1],
      ['Decreased', -1],
      ['Pushed out', -1],
      ['Lost', -1],
      ['End', 0]
    ]);
    const cents = (value: number): number => Math.round(value * 100);
    const start = cents(steps[0]?.value ?? 0);
    const flow = steps.reduce((sum, step) => sum + step.sign * cents(step.value), 0);
    expect(start + flow).toBe(cents(steps[8]?.value ?? 0));
  });

  it('ends with the open pipeline of the period when it ends today', () => {
    expect(facts.waterfall?.end).toEqual(facts.open.inPeriod);
  });

  it('reads history in any order', () => {
    const shuffled = factsOf({
      deals: [...deals].reverse(),
      changes: [...changes].reverse(),
      waterfall: { from: '2026-10-01', to: '2026-11-23' }
    });
    expect(shuffled.waterfall).toEqual(facts.waterfall);
  });

  it('is absent unless asked for', () => {
    const health = computePipelineHealth(factsOf({ deals, changes }));
    expect(health.waterfall).toMatchObject({
      status: 'no-data',
      reason: 'No waterfall days were asked for.'
    });
  });

  it('counts a deal reopened after it closed as pulled in', () => {
    // Lost on 09-20, reopened on 10-20: outside the pipeline on 10-01, in it (1,000, closes 11-30) on 11-23.
    const reopened = openDeal({ stageName: 'Qualification' });
    const result = factsOf({
      deals: [reopened],
      changes: [
        move(reopened.id, '2026-09-20T10:00:00Z', 'Qualification', 'Closed Lost'),
        move(reopened.id, '2026-10-20T10:00:00Z', 'Closed Lost', 'Qualification')
      ],
      waterfall: { from: '2026-10-01', to: '2026-11-23' }
    }).waterfall;
    expect(result?.pulledIn).toEqual({ count: 1, value: 1000 });
    expect(result?.start.count).toBe(0);
  });

  it('leaves out deals created after its last day, and can end before today', () => {
    // To 10-31: WN1 (created 10-05) is new, WX3 (created 10-10, won 11-01) is in the pipeline with 300;
    // WS4 and WS5 were still open; WP1 had not moved in yet. A deal created 11-10 does not exist yet.
    const later = openDeal({ createdDate: '2026-11-10T09:00:00Z', closeDate: '2026-12-01' });
    const october = factsOf({
      deals: [...deals, later],
      changes,
      waterfall: { from: '2026-10-01', to: '2026-10-31' }
    }).waterfall;
    // End: 1,000 + 2,500.35 + 700 + 4,000 + 1,500 + 600 + 300 = 10,600.35.
    expect(october?.end).toEqual({ count: 7, value: 10_600.35 });
    expect(october?.new).toEqual({ count: 2, value: 900 });
    expect(october?.pulledIn.count).toBe(0);
  });

  it('reads an amount recorded by a creation row as no change', () => {
    // Created 09-01 (backdated); its creation row, written on 11-01, records 2,000 without a previous amount.
    const deal = openDeal({ amount: 2000, createdDate: '2026-09-01T09:00:00Z' });
    const result = factsOf({
      deals: [deal],
      changes: [change(deal.id, '2026-11-01T10:00:00Z', { stageName: 'Prospecting', amount: 2000 })],
      waterfall: { from: '2026-10-01', to: '2026-11-23' }
    }).waterfall;
    expect(result?.start).toEqual({ count: 1, value: 2000 });
    expect(result?.increased.count).toBe(0);
  });
});
