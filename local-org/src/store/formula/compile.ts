/**
 * Compiling a parsed formula into a SQL expression over the record's columns, so formula fields are computed by the
 * database at read time and can be selected, filtered and sorted like stored fields. Supported: literals, fields,
 * arithmetic, `&`, comparisons, `&&`, `||`, and the functions IF, AND, OR, NOT, ISBLANK, ISPICKVAL and TODAY.
 * Anything else is a FormulaError naming what is unsupported, raised when the store opens.
 *
 * Semantics follow Salesforce's: a percent field is its decimal value (25% is 0.25); a comparison with a blank
 * value is false; division by zero is blank rather than an error.
 */
import type { FormulaNode } from './parse';

export type FormulaType = 'number' | 'text' | 'boolean' | 'date' | 'datetime' | 'picklist' | 'null';

export interface CompiledFormula {
  sql: string;
  type: FormulaType;
}

export interface FormulaScope {
  /** A field of the record the formula belongs to, or undefined when there is none of that name. */
  field(name: string): CompiledFormula | undefined;
  /** A placeholder for a literal value. */
  param(value: string | number): string;
  /** SQL for the current date. */
  today(): string;
}

export class FormulaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormulaError';
  }
}

type Compile = (node: FormulaNode) => CompiledFormula;

function expect(compiled: CompiledFormula, types: readonly FormulaType[], what: string): string {
  if (compiled.type === 'null' || types.includes(compiled.type)) return compiled.sql;
  if (compiled.type === 'picklist') {
    throw new FormulaError(`${what}: picklist fields can only be used in ISPICKVAL and ISBLANK`);
  }
  throw new FormulaError(`${what} needs ${types.join(' or ')}, got ${compiled.type}`);
}

function arity(name: string, args: FormulaNode[], count: number): void {
  if (args.length !== count) throw new FormulaError(`${name} takes ${count} argument(s), got ${args.length}`);
}

function booleans(name: string, args: FormulaNode[], compile: Compile): string[] {
  if (args.length === 0) throw new FormulaError(`${name} needs at least one argument`);
  return args.map((arg) => expect(compile(arg), ['boolean'], name));
}

function compileIf(args: FormulaNode[], compile: Compile): CompiledFormula {
  arity('IF', args, 3);
  const [condition, whenTrue, whenFalse] = args.map(compile) as [
    CompiledFormula,
    CompiledFormula,
    CompiledFormula
  ];
  const type = whenTrue.type === 'null' ? whenFalse.type : whenTrue.type;
  if (whenFalse.type !== 'null' && whenFalse.type !== type) {
    throw new FormulaError(`IF branches differ in type: ${whenTrue.type} and ${whenFalse.type}`);
  }
  const test = expect(condition, ['boolean'], 'IF condition');
  return { sql: `(CASE WHEN ${test} THEN ${whenTrue.sql} ELSE ${whenFalse.sql} END)`, type };
}

function compileIsBlank(args: FormulaNode[], compile: Compile): CompiledFormula {
  arity('ISBLANK', args, 1);
  const value = compile(args[0] as FormulaNode);
  if (value.type === 'boolean') return { sql: 'FALSE', type: 'boolean' };
  const textual = value.type === 'text' || value.type === 'picklist';
  return {
    sql: textual ? `(${value.sql} IS NULL OR ${value.sql} = '')` : `(${value.sql} IS NULL)`,
    type: 'boolean'
  };
}

function compileIsPickval(args: FormulaNode[], compile: Compile): CompiledFormula {
  arity('ISPICKVAL', args, 2);
  const [field, literal] = args.map(compile) as [CompiledFormula, CompiledFormula];
  if (field.type !== 'picklist')
    throw new FormulaError('ISPICKVAL needs a picklist field as its first argument');
  const value = expect(literal, ['text'], 'ISPICKVAL value');
  return { sql: `COALESCE(${field.sql} = ${value}, FALSE)`, type: 'boolean' };
}

function compileCall(
  node: Extract<FormulaNode, { kind: 'call' }>,
  compile: Compile,
  scope: FormulaScope
): CompiledFormula {
  const { name, args } = node;
  switch (name) {
    case 'IF':
      return compileIf(args, compile);
    case 'AND':
    case 'OR':
      return { sql: `(${booleans(name, args, compile).join(` ${name} `)})`, type: 'boolean' };
    case 'NOT':
      arity(name, args, 1);
      return { sql: `(NOT ${booleans(name, args, compile).join('')})`, type: 'boolean' };
    case 'ISBLANK':
      return compileIsBlank(args, compile);
    case 'ISPICKVAL':
      return compileIsPickval(args, compile);
    case 'TODAY':
      arity(name, args, 0);
      return { sql: scope.today(), type: 'date' };
    default:
      throw new FormulaError(`unknown function '${name}'`);
  }
}

const COMPARABLE: readonly FormulaType[] = ['number', 'text', 'date', 'datetime', 'boolean'];
const SQL_COMPARISON: Readonly<Record<string, string>> = {
  '=': '=',
  '<>': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>='
};

function compileComparison(operator: string, left: CompiledFormula, right: CompiledFormula): CompiledFormula {
  const sqlOperator = SQL_COMPARISON[operator] ?? '=';
  if (left.type === 'null' || right.type === 'null') {
    if (operator !== '=' && operator !== '<>')
      throw new FormulaError(`'${operator}' cannot compare with NULL`);
    const value = left.type === 'null' ? right : left;
    return { sql: `(${value.sql} IS ${operator === '=' ? '' : 'NOT '}NULL)`, type: 'boolean' };
  }
  const leftSql = expect(left, COMPARABLE, `'${operator}'`);
  const rightSql = expect(right, [left.type], `'${operator}' right operand`);
  return { sql: `COALESCE(${leftSql} ${sqlOperator} ${rightSql}, FALSE)`, type: 'boolean' };
}

function compileBinary(node: Extract<FormulaNode, { kind: 'binary' }>, compile: Compile): CompiledFormula {
  const left = compile(node.left);
  const right = compile(node.right);
  const operator = node.operator;
  const numbers = (): [string, string] => [
    expect(left, ['number'], `'${operator}'`),
    expect(right, ['number'], `'${operator}'`)
  ];
  switch (operator) {
    case '+':
    case '-':
    case '*': {
      const [a, b] = numbers();
      return { sql: `(${a} ${operator} ${b})`, type: 'number' };
    }
    case '/': {
      const [a, b] = numbers();
      return { sql: `(${a} / NULLIF(${b}, 0))`, type: 'number' };
    }
    case '^': {
      const [a, b] = numbers();
      return { sql: `power(${a}, ${b})`, type: 'number' };
    }
    case '&': {
      const a = expect(left, ['text'], "'&'");
      const b = expect(right, ['text'], "'&'");
      return { sql: `(COALESCE(${a}, '') || COALESCE(${b}, ''))`, type: 'text' };
    }
    case '&&':
    case '||': {
      const keyword = operator === '&&' ? 'AND' : 'OR';
      const a = expect(left, ['boolean'], `'${operator}'`);
      const b = expect(right, ['boolean'], `'${operator}'`);
      return { sql: `(${a} ${keyword} ${b})`, type: 'boolean' };
    }
    default:
      return compileComparison(operator, left, right);
  }
}

export function compileFormula(root: FormulaNode, scope: FormulaScope): CompiledFormula {
  const compile = (node: FormulaNode): CompiledFormula => {
    switch (node.kind) {
      case 'number':
        return { sql: `${scope.param(node.value)}::numeric`, type: 'number' };
      case 'string':
        return { sql: `${scope.param(node.value)}::text`, type: 'text' };
      case 'boolean':
        return { sql: node.value ? 'TRUE' : 'FALSE', type: 'boolean' };
      case 'null':
        return { sql: 'NULL', type: 'null' };
      case 'field': {
        const found = scope.field(node.name);
        if (found === undefined) throw new FormulaError(`unknown field '${node.name}'`);
        return found;
      }
      case 'negate':
        return { sql: `(-${expect(compile(node.operand), ['number'], "unary '-'")})`, type: 'number' };
      case 'call':
        return compileCall(node, compile, scope);
      case 'binary':
        return compileBinary(node, compile);
    }
  };
  return compile(root);
}
