/**
 * Facts from pipeline snapshots: open tallies by stage, the period split and close months by each row's close
 * quarter, and nothing that needs single deals or history — in the exact shape `buildFacts` returns.
 */
import { computePipelineHealth, snapshotFacts } from 'c/pipelineMetrics';
import type { SnapshotFactsInput, SnapshotRow } from 'c/pipelineMetrics';
import { DEFAULT_STAGES, factsOf, PERIOD, TODAY } from './pipelineTestData';

function factsFrom(rows: SnapshotRow[], overrides: Partial<SnapshotFactsInput> = {}) {
  return snapshotFacts({
    stages: DEFAULT_STAGES,
    rows,
    today: TODAY,
    period: PERIOD,
    lookbackDays: 365,
    ...overrides
  });
}

function row(
  stageName: string,
  closeQuarterStart: string,
  deals: number,
  amount: number | null
): SnapshotRow {
  return { stageName, closeQuarterStart, deals, amount };
}

/** Every key path of a value, with the type of what is there (arrays by their first element). */
function shapeOf(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) {
    return [`${path}: array`, ...(value.length > 0 ? shapeOf(value[0], `${path}[]`) : [])];
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => shapeOf(inner, path ? `${path}.${key}` : key));
  }
  return [`${path}: ${value === null ? 'null' : typeof value}`];
}

const ROWS = [
  row('Prospecting', '2026-10-01', 4, 40_000),
  row('Prospecting', '2027-01-01', 2, 10_000),
  row('Qualification', '2026-10-01', 3, 90_000),
  row('Qualification', '2026-07-01', 1, 5_000),
  row('Negotiation/Review', '2026-10-01', 2, 300_000)
];

describe('snapshotFacts', () => {
  it('sums open deals and value per stage and in all', () => {
    const facts = factsFrom(ROWS);
    const byStage = Object.fromEntries(facts.stages.map((stage) => [stage.apiName, stage.open]));
    expect(byStage.Prospecting).toEqual({ count: 6, value: 50_000, missingAmount: 0 });
    expect(byStage.Qualification).toEqual({ count: 4, value: 95_000, missingAmount: 0 });
    expect(byStage['Negotiation/Review']).toEqual({ count: 2, value: 300_000, missingAmount: 0 });
    expect(byStage['Closed Won']).toEqual({ count: 0, value: 0, missingAmount: 0 });
    expect(facts.open.count).toBe(12);
    expect(facts.open.value).toBe(445_000);
  });

  it('places each row before, in or after the period by the first day of its close quarter', () => {
    const facts = factsFrom(ROWS);
    expect(facts.open.beforePeriod).toEqual({ count: 1, value: 5_000 });
    expect(facts.open.inPeriod).toEqual({ count: 9, value: 430_000 });
    expect(facts.open.afterPeriod).toEqual({ count: 2, value: 10_000 });
    const inPeriod = Object.fromEntries(facts.stages.map((stage) => [stage.apiName, stage.openInPeriod]));
    expect(inPeriod.Prospecting).toEqual({ count: 4, value: 40_000 });
    expect(inPeriod.Qualification).toEqual({ count: 3, value: 90_000 });
  });

  it('puts each quarter at its first month, months ascending', () => {
    expect(factsFrom(ROWS).open.byCloseMonth).toEqual([
      { month: '2026-07', count: 1, value: 5_000 },
      { month: '2026-10', count: 9, value: 430_000 },
      { month: '2027-01', count: 2, value: 10_000 }
    ]);
  });

  it('keeps a period that starts inside a quarter: the quarter is before it', () => {
    const facts = factsFrom(ROWS, { period: { start: '2026-11-01', end: '2027-03-31' } });
    expect(facts.open.beforePeriod).toEqual({ count: 10, value: 435_000 });
    expect(facts.open.inPeriod).toEqual({ count: 2, value: 10_000 });
    expect(facts.periodDays).toBe(151);
  });

  it('counts a stage the org no longer lists in the totals and as unknown', () => {
    const facts = factsFrom([
      row('Evaluation', '2026-10-01', 3, 30_000),
      row('Prospecting', '2026-10-01', 1, 1)
    ]);
    expect(facts.open.unknownStage).toEqual({ count: 3, value: 30_000 });
    expect(facts.open.count).toBe(4);
    expect(facts.stages.map((stage) => stage.apiName)).not.toContain('Evaluation');
  });

  it('counts rows without an amount as deals worth nothing', () => {
    const facts = factsFrom([row('Prospecting', '2026-10-01', 5, null)]);
    expect(facts.open).toMatchObject({ count: 5, value: 0, missingAmount: 0 });
  });

  it('knows no median, size band, largest deal, closed deal, history, hygiene, gate or waterfall', () => {
    const facts = factsFrom(ROWS);
    expect(facts.open.medianAmount).toBeNull();
    expect(facts.open.largest).toEqual([]);
    for (const stage of facts.stages) {
      expect(stage.bands).toEqual({
        rock: { count: 0, value: 0 },
        stone: { count: 0, value: 0 },
        pebble: { count: 0, value: 0 }
      });
      expect(stage.exits).toEqual({ count: 0, days: 0, value: 0, valueDays: 0 });
      expect(stage.reached).toEqual({ won: { count: 0, value: 0 }, lost: { count: 0, value: 0 } });
      expect(stage.cohorts).toEqual([]);
    }
    expect(facts.closed).toEqual({
      won: { count: 0, value: 0 },
      lost: { count: 0, value: 0 },
      wonWithAmount: 0,
      wonInPeriod: { count: 0, value: 0 },
      cycleDays: []
    });
    expect(facts.history).toEqual({ changes: 0, dealsWithChanges: 0, unmatchedChanges: 0 });
    expect(facts.integrity.pastCloseDate).toEqual({ count: 0, value: 0, deals: [] });
    expect(facts.integrity.idleDays).toEqual({ levels: [], deals: [] });
    expect(facts.relationships).toBeNull();
    expect(facts.waterfall).toBeNull();
  });

  it('has exactly the shape of the facts built from deals', () => {
    const fromDeals = factsOf({});
    const fromSnapshots = factsFrom(ROWS);
    expect(shapeOf({ ...fromSnapshots, open: { ...fromSnapshots.open, byCloseMonth: [] } })).toEqual(
      shapeOf(fromDeals)
    );
    expect(fromSnapshots.rules).toEqual(fromDeals.rules);
    expect(fromSnapshots.windowStart).toBe('2025-11-24');
  });

  it('leaves history-based metrics unavailable while stage balance still reads the open pipeline', () => {
    const health = computePipelineHealth(factsFrom(ROWS), {
      target: { amount: 200_000, source: 'SalesTarget' }
    });
    expect(health.winRate.byValue.status).toBe('insufficient-history');
    expect(health.cycleLength.status).toBe('insufficient-history');
    const prospecting = health.balance.stages.find((stage) => stage.stageName === 'Prospecting');
    expect(prospecting).toMatchObject({ count: 6, value: 50_000 });
  });

  it('rejects a row that does not count whole deals or has no readable quarter', () => {
    expect(() => factsFrom([row('Prospecting', '2026-10-01', 1.5, 10)])).toThrow(
      "a snapshot row of 'Prospecting' counts 1.5 deals"
    );
    expect(() => factsFrom([row('Prospecting', 'Q4', 1, 10)])).toThrow(
      "closeQuarterStart of 'Prospecting' is not an ISO date: 'Q4'"
    );
  });
});
