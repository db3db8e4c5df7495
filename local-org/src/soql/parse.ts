/**
 * Parsing SOQL with @jetstreamapp/soql-parser-js, reporting syntax errors as Salesforce's MALFORMED_QUERY, and
 * turning the parser's WHERE/HAVING representation (a chain of conditions with parenthesis counts) into a tree.
 */
import {
  parseQuery,
  type Condition,
  type HavingClause,
  type Query,
  type ValueQueryCondition,
  type WhereClause
} from '@jetstreamapp/soql-parser-js';
import { queryErrors } from './errors';

/** A comparison: a field or function, an operator, and literal values or a subquery. */
export type Comparison =
  Exclude<Condition, { openParen: number; field?: never; fn?: never }> | ValueQueryCondition;

export type ConditionTree =
  | { kind: 'comparison'; comparison: Comparison }
  | { kind: 'not'; operand: ConditionTree }
  | { kind: 'and' | 'or'; operands: ConditionTree[] };

/** The token the parser stopped at, from its message (`… but found --> 'x' <--` or `… but found: 'x'`). */
function unexpectedToken(message: string): string | undefined {
  return (
    /but found(?: -->|:) '([^']*)'/.exec(message)?.[1] ?? /unexpected character: ->(.)<-/.exec(message)?.[1]
  );
}

export function parseSoql(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const token = unexpectedToken(message);
    throw queryErrors.malformed(
      token === undefined
        ? (message.split('\n')[0] ?? message)
        : `unexpected token: '${token === '' ? '<EOF>' : token}'`
    );
  }
}

type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | Comparison;

function isComparison(node: unknown): node is Comparison {
  return typeof node === 'object' && node !== null && ('field' in node || 'fn' in node);
}

function tokensOf(clause: WhereClause | HavingClause | undefined, tokens: Token[] = []): Token[] {
  if (clause === undefined) return tokens;
  const { left } = clause;
  const opens = left === null ? 0 : (left.openParen ?? 0);
  for (let i = 0; i < opens; i += 1) tokens.push('(');
  if (isComparison(left)) {
    tokens.push(left);
    for (let i = 0; i < (left.closeParen ?? 0); i += 1) tokens.push(')');
  }
  if ('operator' in clause && clause.operator !== undefined) {
    tokens.push(clause.operator);
    tokensOf(clause.right, tokens);
  }
  return tokens;
}

class TreeBuilder {
  private readonly tokens: Token[];
  private position = 0;

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  build(): ConditionTree {
    const tree = this.expression();
    if (this.position < this.tokens.length) throw this.unexpected();
    return tree;
  }

  private unexpected(): Error {
    const token = this.tokens[this.position];
    const text = token === undefined ? '<EOF>' : typeof token === 'string' ? token : 'condition';
    return queryErrors.malformed(`unexpected token: '${text}'`);
  }

  /** A chain of one logical operator: SOQL needs parentheses to mix AND and OR. */
  private expression(): ConditionTree {
    const operands = [this.unary()];
    let operator: 'AND' | 'OR' | undefined;
    for (;;) {
      const token = this.tokens[this.position];
      if (token !== 'AND' && token !== 'OR') break;
      if (operator !== undefined && token !== operator) throw this.unexpected();
      operator = token;
      this.position += 1;
      operands.push(this.unary());
    }
    if (operator === undefined) return operands[0] as ConditionTree;
    return { kind: operator === 'AND' ? 'and' : 'or', operands };
  }

  private unary(): ConditionTree {
    const token = this.tokens[this.position];
    this.position += 1;
    if (token === 'NOT') return { kind: 'not', operand: this.unary() };
    if (token === '(') {
      const inner = this.expression();
      if (this.tokens[this.position] !== ')') throw this.unexpected();
      this.position += 1;
      return inner;
    }
    if (token !== undefined && typeof token !== 'string') return { kind: 'comparison', comparison: token };
    this.position -= 1;
    throw this.unexpected();
  }
}

export function conditionTree(clause: WhereClause | HavingClause | undefined): ConditionTree | undefined {
  if (clause === undefined) return undefined;
  return new TreeBuilder(tokensOf(clause)).build();
}

/** The parser gives one item or a list for clauses that may repeat (GROUP BY, ORDER BY, IN values). */
export function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
