/**
 * Balance across stages with the default stage set (eight open stages). Open deals:
 *   Prospecting: 100, 400, 500, 600 · Qualification: 1,000, 2,000 · Negotiation/Review: 1,400 · no amount: 1.
 * Sorted amounts: 100, 400, 500, 600, 1,000, 1,400, 2,000 → median 600: rock from 1,200, pebble below 300.
 */
import { DEFAULT_SETTINGS, stageBalance } from 'c/pipelineMetrics';
import { factsOf, openDeal } from './pipelineTestData';

const deals = [
  ...[100, 400, 500, 600].map((amount) => openDeal({ amount })),
  openDeal({ amount: 1000, stageName: 'Qualification' }),
  openDeal({ amount: 2000, stageName: 'Qualification' }),
  openDeal({ amount: 1400, stageName: 'Negotiation/Review' }),
  openDeal({ amount: null, stageName: 'Negotiation/Review' })
];
const facts = factsOf({ deals });
const balance = stageBalance(facts, { ...DEFAULT_SETTINGS });

describe('stage balance', () => {
  it('gives count, value and share of value per open stage', () => {
    // Open value 6,000: Prospecting 1,600, Qualification 3,000, Negotiation/Review 1,400.
    expect(
      balance.stages.map((stage) => [stage.stageName, stage.count, stage.value, stage.valueShare])
    ).toEqual([
      ['Prospecting', 4, 1600, 1600 / 6000],
      ['Qualification', 2, 3000, 0.5],
      ['Needs Analysis', 0, 0, 0],
      ['Value Proposition', 0, 0, 0],
      ['Id. Decision Makers', 0, 0, 0],
      ['Perception Analysis', 0, 0, 0],
      ['Proposal/Price Quote', 0, 0, 0],
      ['Negotiation/Review', 2, 1400, 1400 / 6000]
    ]);
  });

  it('bands deals around the median: rocks from 2×, pebbles below ½×', () => {
    expect(balance.bands).toMatchObject({ medianAmount: 600, rockFrom: 1200, pebbleBelow: 300 });
    // Rocks: 2,000 and 1,400. Pebbles: 100. Stones: 400, 500, 600, 1,000.
    expect(balance.bands.totals).toEqual({
      rock: { count: 2, value: 3400 },
      stone: { count: 4, value: 2500 },
      pebble: { count: 1, value: 100 }
    });
    expect(balance.stages[0]?.bands).toEqual({
      rock: { count: 0, value: 0 },
      stone: { count: 3, value: 1500 },
      pebble: { count: 1, value: 100 }
    });
  });

  it('uses the band multiples the facts were built with', () => {
    // Rock from 1× the median (600), pebble below 1× (600).
    const flat = stageBalance(
      factsOf({ deals, settings: { rockMedianMultiple: 1, pebbleMedianMultiple: 1 } }),
      {
        ...DEFAULT_SETTINGS
      }
    );
    expect(flat.bands.totals).toMatchObject({
      rock: { count: 4 },
      stone: { count: 0 },
      pebble: { count: 3 }
    });
  });

  it('calls every deal a stone when the median is 0', () => {
    const zero = stageBalance(
      factsOf({ deals: [openDeal({ amount: 0 }), openDeal({ amount: 0 }), openDeal({ amount: 5 })] }),
      {
        ...DEFAULT_SETTINGS
      }
    );
    expect(zero.bands.totals.stone.count).toBe(3);
  });

  it('warns when the largest deal holds more than 15% of open value, flags above 30%', () => {
    // 2,000 of 6,000 = 33%: flag. Limits of 40% / 50%: fine. 30% / 50%: warning.
    expect(balance.concentration).toMatchObject({
      share: 2000 / 6000,
      level: 'flag',
      warnShare: 0.15,
      flagShare: 0.3
    });
    expect(balance.concentration.largest?.amount).toBe(2000);
    const relaxed = (warn: number, flag: number) =>
      stageBalance(facts, { ...DEFAULT_SETTINGS, concentrationWarnShare: warn, concentrationFlagShare: flag })
        .concentration.level;
    expect(relaxed(0.4, 0.5)).toBe('ok');
    expect(relaxed(0.3, 0.5)).toBe('warn');
  });

  it('flags stages with fewer than the minimum of deals as thin', () => {
    // Fewer than 3: every stage but Prospecting.
    expect(balance.thinStages).toHaveLength(7);
    expect(balance.thinStages).not.toContain('Prospecting');
    expect(stageBalance(facts, { ...DEFAULT_SETTINGS, thinStageMinDeals: 2 }).thinStages).toHaveLength(5);
  });

  it('advises no more than six open stages', () => {
    expect(balance).toMatchObject({ openStages: 8, recommendedMaxStages: 6 });
    expect(balance.stageCountAdvice).toBe(
      'The sales process has 8 open stages; no more than 6 is recommended, so that each stage marks real progress and holds enough deals.'
    );
    expect(stageBalance(facts, { ...DEFAULT_SETTINGS, maxOpenStages: 8 }).stageCountAdvice).toBeNull();
  });
});
