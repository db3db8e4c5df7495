/**
 * Aggregate queries: COUNT(), COUNT(field), COUNT_DISTINCT, SUM, AVG, MIN, MAX with GROUP BY (fields, parent fields,
 * date functions) and HAVING. Rows are AggregateResult records; an unaliased function is named expr0, expr1, … in
 * select-list order and a grouped field by its own name, as Salesforce names them.
 */
import type { FieldType as SelectField, Query } from '@jetstreamapp/soql-parser-js';
import type { SObjectRecord } from '../contracts';
import type { ObjectModel } from '../store/model';
import type { Row, SqlParam } from '../store/sql';
import { Columns } from './columns';
import { statementContext, type QueryEnvironment } from './context';
import { queryErrors } from './errors';
import { FieldResolver } from './fields';
import { dateFunctionOperand, functionArgument, isAggregateFunction, isDateFunction } from './functions';
import { asList, conditionTree } from './parse';
import { filterScope, functionOperand, orderTerms, sortOperand } from './scope';
import { conditionSql } from './where';

export interface AggregatePlan {
  sql: string;
  params: SqlParam[];
  /** Result keys and their SQL columns, in select-list order. */
  output: { key: string; column: string }[];
  /** `SELECT COUNT() …`: the answer is the number, in totalSize, with no records. */
  countOnly: boolean;
}

export function isAggregateQuery(query: Query): boolean {
  const selectsAggregate = (query.fields ?? []).some(
    (field) => field.type === 'FieldFunctionExpression' && isAggregateFunction(field.functionName)
  );
  return selectsAggregate || query.groupBy !== undefined;
}

function isCountOnly(fields: SelectField[]): boolean {
  const [only, ...others] = fields;
  return (
    others.length === 0 &&
    only?.type === 'FieldFunctionExpression' &&
    only.functionName.toUpperCase() === 'COUNT' &&
    only.parameters.length === 0
  );
}

export function planAggregateQuery(
  environment: QueryEnvironment,
  object: ObjectModel,
  query: Query
): AggregatePlan {
  const context = statementContext(environment);
  const resolver = new FieldResolver(context, object, query.sObjectAlias);
  const fields = query.fields ?? [];
  const groups = new Map<string, string>();
  for (const group of asList(query.groupBy)) {
    if ('fn' in group) {
      const argument = functionArgument(group.fn);
      if (!isDateFunction(group.fn.functionName) || argument === null) {
        throw queryErrors.malformed(`cannot group by ${group.fn.rawValue ?? ''}`);
      }
      groups.set(
        (group.fn.rawValue ?? '').toLowerCase(),
        dateFunctionOperand(group.fn, resolver.resolve(argument)).sql
      );
    } else {
      groups.set(group.field.toLowerCase(), resolver.resolve(group.field).sql);
    }
  }
  const columns = new Columns();
  const output: { key: string; column: string }[] = [];
  let unnamed = 0;
  const countOnly = isCountOnly(fields);
  for (const field of countOnly ? [] : fields) {
    if (field.type === 'Field' || field.type === 'FieldRelationship') {
      const path = field.type === 'Field' ? field.field : [...field.relationships, field.field].join('.');
      const grouped = groups.get(path.toLowerCase());
      if (grouped === undefined) throw queryErrors.malformed(`Field must be grouped or aggregated: ${path}`);
      const alias = 'alias' in field ? field.alias : undefined;
      output.push({ key: alias ?? resolver.resolve(path).field.name, column: columns.add(grouped) });
    } else if (field.type === 'FieldFunctionExpression') {
      const grouped = groups.get((field.rawValue ?? '').toLowerCase());
      if (!isAggregateFunction(field.functionName) && grouped === undefined) {
        throw queryErrors.malformed(
          `Field must be grouped or aggregated: ${field.rawValue ?? field.functionName}`
        );
      }
      const sql = grouped ?? functionOperand(resolver, field, 'having').sql;
      const key = field.alias ?? `expr${unnamed}`;
      if (field.alias === undefined) unnamed += 1;
      output.push({ key, column: columns.add(sql) });
    } else {
      throw queryErrors.malformed('child subqueries cannot be used in aggregate queries');
    }
  }
  const where = conditionTree(query.where);
  const having = conditionTree(query.having);
  const clauses = [
    where === undefined ? '' : ` WHERE ${conditionSql(where, filterScope(context, resolver, 'where'))}`,
    groups.size === 0 ? '' : ` GROUP BY ${[...groups.values()].join(', ')}`,
    having === undefined ? '' : ` HAVING ${conditionSql(having, filterScope(context, resolver, 'having'))}`
  ].join('');
  const order = orderTerms(asList(query.orderBy), (clause) => {
    const operand = sortOperand(resolver, clause, true);
    const grouped = groups.get(('fn' in clause ? (clause.fn.rawValue ?? '') : clause.field).toLowerCase());
    return grouped === undefined ? operand : { ...operand, sql: grouped };
  });
  const orderSql = order.length === 0 ? '' : ` ORDER BY ${order.join(', ')}`;
  const limit = query.limit === undefined ? '' : ` LIMIT ${Math.trunc(query.limit)}`;
  const offset = query.offset === undefined ? '' : ` OFFSET ${Math.trunc(query.offset)}`;
  const from = `FROM ${object.table} ${resolver.rootAlias} ${resolver.joinSql()}`;
  const sql = countOnly
    ? `SELECT count(*) AS c0 FROM (SELECT 1 ${from}${clauses}${limit}${offset}) counted`
    : `SELECT ${columns.sql()} ${from}${clauses}${orderSql}${limit}${offset}`;
  return { sql, params: context.params.values, output, countOnly };
}

export function aggregateRecords(plan: AggregatePlan, rows: Row[]): SObjectRecord[] {
  return rows.map((row) => {
    const record: SObjectRecord = { attributes: { type: 'AggregateResult' } };
    for (const { key, column } of plan.output) record[key] = row[column] ?? null;
    return record;
  });
}
