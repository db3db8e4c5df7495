/**
 * SOQL functions: the date functions usable in WHERE, GROUP BY and the select list of aggregate queries, and the
 * aggregate functions. Dates are taken in UTC; the fiscal year is the calendar year.
 */
import type { FunctionExp } from '@jetstreamapp/soql-parser-js';
import { queryErrors } from './errors';
import type { ResolvedField } from './fields';
import { filterKindOf, type Operand } from './literals';

const DATE_PARTS: Readonly<Record<string, string>> = {
  CALENDAR_YEAR: 'year',
  CALENDAR_QUARTER: 'quarter',
  CALENDAR_MONTH: 'month',
  FISCAL_YEAR: 'year',
  FISCAL_QUARTER: 'quarter'
};

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

export function isAggregateFunction(name: string | undefined): boolean {
  return name !== undefined && AGGREGATES.has(name.toUpperCase());
}

export function isDateFunction(name: string | undefined): boolean {
  const upper = name?.toUpperCase() ?? '';
  return upper === 'DAY_ONLY' || upper in DATE_PARTS;
}

/** The one field path a function is applied to (`CALENDAR_YEAR(CloseDate)` → `CloseDate`), or null for `COUNT()`. */
export function functionArgument(fn: FunctionExp): string | null {
  const parameters = fn.parameters ?? [];
  const [first] = parameters;
  if (first === undefined) return null;
  if (parameters.length > 1 || typeof first !== 'string') {
    throw queryErrors.malformed(`unsupported function argument in ${fn.rawValue ?? fn.functionName ?? ''}`);
  }
  return first;
}

export function dateFunctionOperand(fn: FunctionExp, argument: ResolvedField): Operand {
  const name = (fn.functionName ?? '').toUpperCase();
  const kind = filterKindOf(argument.field);
  const rawValue = fn.rawValue ?? name;
  if (name === 'DAY_ONLY') {
    if (kind !== 'datetime')
      throw queryErrors.malformed(`DAY_ONLY needs a date/time field, not ${argument.path}`);
    return { sql: `(${argument.sql})::date`, kind: 'date', name: rawValue };
  }
  const part = DATE_PARTS[name];
  if (part === undefined) throw queryErrors.malformed(`function ${name} is not supported by the local org`);
  if (kind !== 'date' && kind !== 'datetime') {
    throw queryErrors.malformed(`${name} needs a date or date/time field, not ${argument.path}`);
  }
  return { sql: `extract(${part} from ${argument.sql})::integer`, kind: 'number', name: rawValue };
}

/** An aggregate over the rows of a group; `argument` is null for COUNT(). */
export function aggregateOperand(fn: FunctionExp, argument: ResolvedField | null): Operand {
  const name = (fn.functionName ?? '').toUpperCase();
  const rawValue = fn.rawValue ?? name;
  if (argument === null) {
    if (name !== 'COUNT') throw queryErrors.malformed(`${name} needs a field`);
    return { sql: 'count(*)', kind: 'number', name: rawValue };
  }
  const kind = filterKindOf(argument.field);
  switch (name) {
    case 'COUNT':
      return { sql: `count(${argument.sql})`, kind: 'number', name: rawValue };
    case 'COUNT_DISTINCT':
      return { sql: `count(DISTINCT ${argument.sql})`, kind: 'number', name: rawValue };
    case 'SUM':
    case 'AVG':
      if (kind !== 'number') {
        throw queryErrors.malformed(`field ${argument.path} does not support aggregate operator ${name}`);
      }
      return { sql: `${name.toLowerCase()}(${argument.sql})`, kind, name: rawValue };
    case 'MIN':
    case 'MAX':
      if (kind === 'boolean' || kind === 'multipicklist') {
        throw queryErrors.malformed(`field ${argument.path} does not support aggregate operator ${name}`);
      }
      return { sql: `${name.toLowerCase()}(${argument.sql})`, kind, name: rawValue, field: argument.field };
    default:
      throw queryErrors.malformed(`function ${name} is not supported by the local org`);
  }
}
