/**
 * What WHERE, HAVING and ORDER BY resolve names against: the query's fields (through the resolver), its functions,
 * and semi-join subqueries, which become SQL subselects sharing the statement's parameters.
 */
import type { FunctionExp, OrderByClause, Query } from '@jetstreamapp/soql-parser-js';
import type { QueryContext } from './context';
import { queryErrors } from './errors';
import { FieldResolver, type ResolvedField } from './fields';
import {
  aggregateOperand,
  dateFunctionOperand,
  functionArgument,
  isAggregateFunction,
  isDateFunction
} from './functions';
import { filterKindOf, type Operand } from './literals';
import { conditionTree } from './parse';
import { conditionSql, type FilterScope } from './where';

/** Long text areas cannot be filtered, grouped or sorted on. */
const LONG_TEXT_LENGTH = 255;

function fieldOperand(resolved: ResolvedField, use: 'filter' | 'sort'): Operand {
  const { field, path } = resolved;
  if (field.type === 'address' || field.type === 'location') {
    throw queryErrors.invalidField(
      `field '${path}' is a compound field and can not be used in a ${use} clause`
    );
  }
  if (field.type === 'textarea' && (field.length ?? 0) > LONG_TEXT_LENGTH) {
    throw queryErrors.invalidField(
      `field '${path}' can not be ${use === 'filter' ? 'filtered' : 'sorted'} in a query call`
    );
  }
  return { sql: resolved.sql, kind: filterKindOf(field), name: path, field };
}

export type Clause = 'where' | 'having';

export function filterScope(context: QueryContext, resolver: FieldResolver, clause: Clause): FilterScope {
  return {
    params: context.params,
    now: context.now,
    operandOfField: (path) => fieldOperand(resolver.resolve(path), 'filter'),
    operandOfFunction: (fn) => functionOperand(resolver, fn, clause),
    semiJoin: (query, outer) => semiJoinSql(context, query, outer)
  };
}

export function functionOperand(resolver: FieldResolver, fn: FunctionExp, clause: Clause): Operand {
  const argument = functionArgument(fn);
  const resolved = argument === null ? null : resolver.resolve(argument);
  if (isDateFunction(fn.functionName) && resolved !== null) return dateFunctionOperand(fn, resolved);
  if (isAggregateFunction(fn.functionName)) {
    if (clause === 'where')
      throw queryErrors.malformed(
        `aggregate function ${fn.functionName ?? ''} is not allowed in WHERE; use HAVING`
      );
    return aggregateOperand(fn, resolved);
  }
  throw queryErrors.malformed(`function ${fn.functionName ?? ''} is not supported by the local org`);
}

function semiJoinSql(context: QueryContext, query: Query, outer: Operand): string {
  const object = context.model.object(query.sObject ?? '');
  if (object === undefined) throw queryErrors.unsupportedType(query.sObject ?? '');
  const resolver = new FieldResolver(context, object, query.sObjectAlias);
  const [selected, ...others] = query.fields ?? [];
  const path =
    selected?.type === 'Field'
      ? selected.field
      : selected?.type === 'FieldRelationship'
        ? selected.rawValue
        : undefined;
  if (path === undefined || others.length > 0) {
    throw queryErrors.malformed('a semi join sub-select must select exactly one Id or reference field');
  }
  const column = resolver.resolve(path);
  if (filterKindOf(column.field) !== 'id' || outer.kind !== 'id') {
    throw queryErrors.malformed(
      `semi join sub-selects need Id or reference fields: ${outer.name} and ${path}`
    );
  }
  const tree = conditionTree(query.where);
  const where =
    tree === undefined ? '' : ` WHERE ${conditionSql(tree, filterScope(context, resolver, 'where'))}`;
  return `SELECT ${column.sql} FROM ${object.table} ${resolver.rootAlias} ${resolver.joinSql()}${where}`;
}

/** ORDER BY terms: text sorts without regard to case; blanks come first unless NULLS LAST, as in SOQL. */
export function orderTerms(
  clauses: OrderByClause[],
  operandOf: (clause: OrderByClause) => Operand
): string[] {
  return clauses.map((clause) => {
    const operand = operandOf(clause);
    const sql = operand.kind === 'text' ? `lower(${operand.sql})` : operand.sql;
    return `${sql} ${clause.order ?? 'ASC'} NULLS ${clause.nulls ?? 'FIRST'}`;
  });
}

export function sortOperand(
  resolver: FieldResolver,
  clause: OrderByClause,
  allowAggregates: boolean
): Operand {
  if ('fn' in clause) return functionOperand(resolver, clause.fn, allowAggregates ? 'having' : 'where');
  return fieldOperand(resolver.resolve(clause.field), 'sort');
}
