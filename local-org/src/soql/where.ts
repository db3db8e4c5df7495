/**
 * WHERE and HAVING conditions as SQL. Values are parameters, never SQL text. Comparisons follow SOQL rather than
 * SQL: text compares without regard to case; `= null` and `!= null` test for blank; `!=`, NOT IN and EXCLUDES are
 * true for blank values; every comparison is true or false (never SQL's unknown), so NOT behaves.
 */
import type { FunctionExp, LiteralType, Query } from '@jetstreamapp/soql-parser-js';
import type { DbValue, SqlParams } from '../store/sql';
import type { DateRange } from './date-literals';
import { queryErrors } from './errors';
import { literalValue, unquote, type LiteralValue, type Operand } from './literals';
import { asList, type Comparison, type ConditionTree } from './parse';

export interface FilterScope {
  readonly params: SqlParams;
  readonly now: Date;
  operandOfField(path: string): Operand;
  operandOfFunction(fn: FunctionExp): Operand;
  /** SQL selecting the one column of a semi-join subquery (`Id IN (SELECT AccountId FROM Opportunity)`). */
  semiJoin(query: Query, outer: Operand): string;
}

function literals(comparison: Comparison, operand: Operand, now: Date): LiteralValue[] {
  if (!('value' in comparison)) return [];
  const values = asList(comparison.value);
  const types = asList<LiteralType>(comparison.literalType);
  const dateNs = 'dateLiteralVariable' in comparison ? asList(comparison.dateLiteralVariable) : [];
  return values.map((raw, index) => literalValue(operand, types[index] ?? types[0], raw, dateNs[index], now));
}

function within(sql: string, range: DateRange, params: SqlParams): string {
  return `(${sql} >= ${params.add(range.start)} AND ${sql} < ${params.add(range.end)})`;
}

/** The operand as compared: lower-cased for text, so comparisons ignore case. */
function compared(operand: Operand): string {
  return operand.kind === 'text' || operand.kind === 'multipicklist' ? `lower(${operand.sql})` : operand.sql;
}

function equality(operand: Operand, literal: LiteralValue, params: SqlParams): string {
  if (literal.kind === 'null') return `(${operand.sql} IS NULL)`;
  if (literal.kind === 'range') return within(operand.sql, literal.range, params);
  return `(${compared(operand)} = ${params.add(literal.value)})`;
}

function ordering(operator: string, operand: Operand, literal: LiteralValue, params: SqlParams): string {
  if (operand.kind === 'boolean' || operand.kind === 'multipicklist') {
    throw queryErrors.filterOperator(
      `invalid operator on ${operand.kind} field: ${operand.name} ${operator}`
    );
  }
  if (literal.kind === 'null') return 'FALSE';
  if (literal.kind === 'value') return `(${compared(operand)} ${operator} ${params.add(literal.value)})`;
  const { start, end } = literal.range;
  const bound = operator === '<' || operator === '>=' ? start : end;
  const sqlOperator = operator === '<' || operator === '<=' ? '<' : '>=';
  return `(${operand.sql} ${sqlOperator} ${params.add(bound)})`;
}

function membership(operand: Operand, values: LiteralValue[], params: SqlParams): string {
  const plain: DbValue[] = [];
  const parts: string[] = [];
  for (const literal of values) {
    if (literal.kind === 'value') plain.push(literal.value);
    else parts.push(equality(operand, literal, params));
  }
  if (plain.length > 0) parts.push(`(${compared(operand)} = ANY(${params.add(plain)}))`);
  return parts.length === 0 ? 'FALSE' : `(${parts.join(' OR ')})`;
}

function includes(operand: Operand, values: LiteralValue[], params: SqlParams): string {
  if (operand.kind !== 'multipicklist') {
    throw queryErrors.filterOperator(
      `includes or excludes operator only valid on multipicklist field: ${operand.name}`
    );
  }
  const sets = values.map((literal) => {
    if (literal.kind !== 'value' || typeof literal.value !== 'string') return 'FALSE';
    return `(string_to_array(lower(${operand.sql}), ';') @> ${params.add(literal.value.split(';'))}::text[])`;
  });
  return `(${sets.join(' OR ')})`;
}

function like(operand: Operand, comparison: Comparison, params: SqlParams): string {
  const raw = 'value' in comparison ? comparison.value : undefined;
  if (operand.kind !== 'text' || typeof raw !== 'string' || comparison.literalType !== 'STRING') {
    throw queryErrors.filterOperator(
      `invalid operator on field '${operand.name}': LIKE needs a text field and a string`
    );
  }
  return `(${operand.sql} ILIKE ${params.add(unquote(raw, true))})`;
}

function comparisonSql(comparison: Comparison, scope: FilterScope): string {
  const operand =
    'fn' in comparison ? scope.operandOfFunction(comparison.fn) : scope.operandOfField(comparison.field);
  const operator = comparison.operator;
  if ('valueQuery' in comparison) {
    if (operator !== 'IN' && operator !== 'NOT IN') {
      throw queryErrors.malformed(
        `semi join sub-selects are only allowed with IN and NOT IN, not ${operator}`
      );
    }
    const test = `(${operand.sql} IN (${scope.semiJoin(comparison.valueQuery, operand)}))`;
    return operator === 'IN' ? `${test} IS TRUE` : `${test} IS NOT TRUE`;
  }
  const { params } = scope;
  if (operator === 'LIKE') return `${like(operand, comparison, params)} IS TRUE`;
  const values = literals(comparison, operand, scope.now);
  const [first] = values;
  switch (operator) {
    case '=':
    case '!=': {
      if (first === undefined || values.length !== 1)
        throw queryErrors.malformed(`${operator} needs one value`);
      const test = equality(operand, first, params);
      if (first.kind === 'null') return operator === '=' ? test : `(NOT ${test})`;
      return operator === '=' ? `${test} IS TRUE` : `${test} IS NOT TRUE`;
    }
    case '<':
    case '<=':
    case '>':
    case '>=':
      if (first === undefined || values.length !== 1)
        throw queryErrors.malformed(`${operator} needs one value`);
      return `${ordering(operator, operand, first, params)} IS TRUE`;
    case 'IN':
      return `${membership(operand, values, params)} IS TRUE`;
    case 'NOT IN':
      return `${membership(operand, values, params)} IS NOT TRUE`;
    case 'INCLUDES':
      return `${includes(operand, values, params)} IS TRUE`;
    case 'EXCLUDES':
      return `${includes(operand, values, params)} IS NOT TRUE`;
  }
}

export function conditionSql(tree: ConditionTree, scope: FilterScope): string {
  switch (tree.kind) {
    case 'comparison':
      return comparisonSql(tree.comparison, scope);
    case 'not':
      return `(NOT ${conditionSql(tree.operand, scope)})`;
    case 'and':
    case 'or':
      return `(${tree.operands.map((operand) => conditionSql(operand, scope)).join(tree.kind === 'and' ? ' AND ' : ' OR ')})`;
  }
}
