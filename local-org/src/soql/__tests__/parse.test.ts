import { SalesforceApiError } from '../../contracts';
import { dateLiteralRange } from '../date-literals';
import { unquote } from '../literals';
import { conditionTree, parseSoql, type ConditionTree } from '../parse';

/** The tree with each comparison written as `field op value`. */
function shape(tree: ConditionTree | undefined): unknown {
  if (tree === undefined) return undefined;
  switch (tree.kind) {
    case 'comparison': {
      const c = tree.comparison;
      const left = 'fn' in c ? c.fn.rawValue : c.field;
      const right = 'valueQuery' in c ? '(subquery)' : String(c.value);
      return `${left} ${c.operator} ${right}`;
    }
    case 'not':
      return { not: shape(tree.operand) };
    case 'and':
    case 'or':
      return { [tree.kind]: tree.operands.map(shape) };
  }
}

function whereOf(soql: string): unknown {
  return shape(conditionTree(parseSoql(soql).where));
}

function errorOf(run: () => unknown): { errorCode: string; message: string } | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof SalesforceApiError) return error.errors[0];
    throw error;
  }
  return undefined;
}

describe('WHERE trees', () => {
  it('nests parenthesized groups and NOT', () => {
    expect(
      whereOf("SELECT Id FROM A WHERE (A = 1 OR B = 2) AND NOT (C = 3 AND D = 'x') AND E IN ('a','b')")
    ).toEqual({
      and: [{ or: ['A = 1', 'B = 2'] }, { not: { and: ['C = 3', "D = 'x'"] } }, "E IN 'a','b'"]
    });
  });

  it('applies NOT to the condition that follows it', () => {
    expect(whereOf('SELECT Id FROM A WHERE NOT A = 1 AND B = 2')).toEqual({
      and: [{ not: 'A = 1' }, 'B = 2']
    });
    expect(whereOf('SELECT Id FROM A WHERE (NOT A = 1) OR ((B = 2))')).toEqual({
      or: [{ not: 'A = 1' }, 'B = 2']
    });
    expect(whereOf('SELECT Id FROM A WHERE A = 1 AND (NOT (B = 2 OR C = 3))')).toEqual({
      and: ['A = 1', { not: { or: ['B = 2', 'C = 3'] } }]
    });
  });

  it('keeps functions and semi-joins as comparisons', () => {
    expect(
      whereOf(
        'SELECT Id FROM A WHERE CALENDAR_YEAR(CloseDate) = 2024 AND Id IN (SELECT AccountId FROM Contact)'
      )
    ).toEqual({ and: ['CALENDAR_YEAR(CloseDate) = 2024', 'Id IN (subquery)'] });
  });

  it('refuses AND and OR mixed without parentheses, as SOQL does', () => {
    expect(errorOf(() => whereOf('SELECT Id FROM A WHERE A = 1 AND B = 2 OR C = 3'))).toEqual({
      errorCode: 'MALFORMED_QUERY',
      message: "unexpected token: 'OR'",
      fields: []
    });
  });
});

describe('syntax errors', () => {
  it.each([
    ['SELECT Id FRM Account', "unexpected token: 'Account'"],
    ['SELECT Id, FROM Account', "unexpected token: 'FROM'"],
    ['SELECT Id FROM', "unexpected token: '<EOF>'"],
    ["SELECT Id FROM Account WHERE Name = 'open", "unexpected token: '''"]
  ])('%s → MALFORMED_QUERY %s', (soql, message) => {
    expect(errorOf(() => parseSoql(soql))).toEqual({ errorCode: 'MALFORMED_QUERY', message, fields: [] });
  });
});

describe('string literals', () => {
  it('unescapes SOQL escapes', () => {
    expect(unquote("'O\\'Brien \\\\ \\n \\u00e9'", false)).toBe("O'Brien \\ \n é");
  });

  it('keeps \\% and \\_ escaped for LIKE patterns, and escapes backslashes', () => {
    expect(unquote("'100\\% \\_x\\\\'", true)).toBe('100\\% \\_x\\\\');
    expect(unquote("'100\\%'", false)).toBe('100%');
  });
});

describe('date literals', () => {
  // Monday 23 November 2026, 10:00 UTC.
  const now = new Date('2026-11-23T10:00:00.000Z');
  const range = (literal: string, n?: number): string => {
    const { start, end } = dateLiteralRange(literal, n, now);
    return `${start}..${end}`;
  };

  it.each([
    ['TODAY', undefined, '2026-11-23..2026-11-24'],
    ['YESTERDAY', undefined, '2026-11-22..2026-11-23'],
    ['TOMORROW', undefined, '2026-11-24..2026-11-25'],
    ['THIS_WEEK', undefined, '2026-11-22..2026-11-29'],
    ['LAST_WEEK', undefined, '2026-11-15..2026-11-22'],
    ['NEXT_WEEK', undefined, '2026-11-29..2026-12-06'],
    ['THIS_MONTH', undefined, '2026-11-01..2026-12-01'],
    ['LAST_MONTH', undefined, '2026-10-01..2026-11-01'],
    ['NEXT_MONTH', undefined, '2026-12-01..2027-01-01'],
    ['THIS_QUARTER', undefined, '2026-10-01..2027-01-01'],
    ['LAST_QUARTER', undefined, '2026-07-01..2026-10-01'],
    ['NEXT_QUARTER', undefined, '2027-01-01..2027-04-01'],
    ['THIS_YEAR', undefined, '2026-01-01..2027-01-01'],
    ['LAST_YEAR', undefined, '2025-01-01..2026-01-01'],
    ['NEXT_YEAR', undefined, '2027-01-01..2028-01-01'],
    ['THIS_FISCAL_QUARTER', undefined, '2026-10-01..2027-01-01'],
    ['LAST_90_DAYS', undefined, '2026-08-25..2026-11-24'],
    ['LAST_N_DAYS', 7, '2026-11-16..2026-11-24'],
    ['NEXT_N_DAYS', 7, '2026-11-24..2026-12-01'],
    ['N_DAYS_AGO', 3, '2026-11-20..2026-11-21'],
    ['LAST_N_MONTHS', 2, '2026-09-01..2026-11-01'],
    ['NEXT_N_MONTHS', 2, '2026-12-01..2027-02-01'],
    ['LAST_N_QUARTERS', 2, '2026-04-01..2026-10-01'],
    ['NEXT_N_QUARTERS', 2, '2027-01-01..2027-07-01'],
    ['LAST_N_WEEKS', 1, '2026-11-15..2026-11-22'],
    ['N_YEARS_AGO', 1, '2025-01-01..2026-01-01']
  ])('%s %s is %s', (literal, n, expected) => {
    expect(range(literal, n)).toBe(expected);
  });

  it('refuses unknown literals', () => {
    expect(errorOf(() => dateLiteralRange('LAST_FORTNIGHT', undefined, now))?.errorCode).toBe(
      'MALFORMED_QUERY'
    );
  });
});
