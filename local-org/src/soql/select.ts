/**
 * Record queries (no aggregates): the select list becomes SQL columns and an output tree for shaping; each child
 * subquery becomes its own statement over the child object, run once for all parents of the page.
 */
import type { FieldType as SelectField, Query, Subquery } from '@jetstreamapp/soql-parser-js';
import { childSide, quoteIdentifier, type ObjectModel } from '../store/model';
import type { SqlParam } from '../store/sql';
import { Columns } from './columns';
import { statementContext, type QueryContext, type QueryEnvironment } from './context';
import { queryErrors } from './errors';
import { FieldResolver, type ResolvedField } from './fields';
import { asList, conditionTree } from './parse';
import { filterScope, orderTerms, sortOperand } from './scope';
import { ADDRESS_COMPONENTS, type OutputNode } from './shape';
import { conditionSql } from './where';

export interface ChildQueryPlan {
  /** The child relationship's name as describe spells it. */
  key: string;
  object: ObjectModel;
  sql: string;
  /** The first parameter is the list of parent ids, set when the plan runs. */
  params: SqlParam[];
  parentColumn: string;
  idColumn: string;
  output: OutputNode[];
  limit: number | undefined;
  offset: number | undefined;
}

export interface RecordQueryPlan {
  object: ObjectModel;
  sql: string;
  params: SqlParam[];
  idColumn: string;
  output: OutputNode[];
  children: ChildQueryPlan[];
}

function selectedPath(field: SelectField): string | undefined {
  if (field.type === 'Field') return field.field;
  if (field.type === 'FieldRelationship') return [...field.relationships, field.field].join('.');
  return undefined;
}

/** Adds a selected field to the output tree, under nested parent records for its relationships. */
function place(
  nodes: OutputNode[],
  resolved: ResolvedField,
  columns: Columns,
  resolver: FieldResolver
): void {
  let level = nodes;
  for (const step of resolved.steps) {
    let parent = level.find(
      (n): n is Extract<OutputNode, { kind: 'parent' }> => n.kind === 'parent' && n.key === step.name
    );
    if (parent === undefined) {
      parent = {
        kind: 'parent',
        key: step.name,
        idColumn: columns.add(step.idSql),
        typeName: step.typeName,
        children: []
      };
      level.push(parent);
    }
    level = parent.children;
  }
  const key = resolved.field.name;
  if (level.some((n) => n.key === key)) return;
  if (resolved.field.type === 'address') {
    const prefix = resolved.path.slice(0, resolved.path.length - 'Address'.length);
    const fieldPrefix = key.slice(0, key.length - 'Address'.length);
    const componentColumns: Record<string, string> = {};
    for (const [component, suffix] of Object.entries(ADDRESS_COMPONENTS)) {
      // A component the object does not have (GeocodeAccuracy in the catalog) reads as null.
      if (resolved.owner.field(fieldPrefix + suffix) === undefined) continue;
      componentColumns[component] = columns.add(resolver.resolve(prefix + suffix).sql);
    }
    level.push({ kind: 'address', key, columns: componentColumns });
    return;
  }
  level.push({ kind: 'value', key, column: columns.add(resolved.sql) });
}

function describeSelection(field: SelectField): string {
  if (field.type === 'FieldFunctionExpression') return field.rawValue ?? field.functionName;
  return field.type === 'FieldSubquery' ? 'a subquery inside a subquery' : 'TYPEOF';
}

interface SelectList {
  columns: Columns;
  output: OutputNode[];
  subqueries: Subquery[];
}

function selectList(resolver: FieldResolver, fields: SelectField[], allowSubqueries: boolean): SelectList {
  const list: SelectList = { columns: new Columns(), output: [], subqueries: [] };
  for (const field of fields) {
    const path = selectedPath(field);
    if (path !== undefined) {
      place(list.output, resolver.resolve(path), list.columns, resolver);
    } else if (field.type === 'FieldSubquery' && allowSubqueries) {
      const name = field.subquery.relationshipName;
      list.subqueries.push(field.subquery);
      list.output.push({
        kind: 'children',
        key: resolver.root.childRelationship(name)?.relationshipName ?? name
      });
    } else {
      throw queryErrors.malformed(
        `${describeSelection(field)} is not supported by the local org in this query`
      );
    }
  }
  return list;
}

function clauses(
  context: QueryContext,
  resolver: FieldResolver,
  query: Query | Subquery
): { where: string[]; order: string[] } {
  const tree = conditionTree(query.where);
  const where = tree === undefined ? [] : [conditionSql(tree, filterScope(context, resolver, 'where'))];
  const order = orderTerms(asList(query.orderBy), (clause) => sortOperand(resolver, clause, false));
  return { where, order: [...order, `${resolver.rootAlias}."Id"`] };
}

function limitSql(query: Query | Subquery): string {
  const limit = query.limit === undefined ? '' : ` LIMIT ${Math.trunc(query.limit)}`;
  const offset = query.offset === undefined ? '' : ` OFFSET ${Math.trunc(query.offset)}`;
  return limit + offset;
}

function planChild(environment: QueryEnvironment, parent: ObjectModel, subquery: Subquery): ChildQueryPlan {
  const relationship = parent.childRelationship(subquery.relationshipName);
  if (relationship === undefined) throw queryErrors.noSuchChildRelationship(subquery.relationshipName);
  const { child, field } = childSide(environment.model, relationship);
  const context = statementContext(environment);
  const parentIds = context.params.add([]);
  const resolver = new FieldResolver(context, child);
  const list = selectList(resolver, subquery.fields ?? [], false);
  const idColumn = list.columns.add(`${resolver.rootAlias}."Id"`);
  const parentColumn = list.columns.add(`${resolver.rootAlias}.${quoteIdentifier(field.name)}`);
  const { where, order } = clauses(context, resolver, subquery);
  const conditions = [
    `${resolver.rootAlias}.${quoteIdentifier(field.name)} = ANY(${parentIds}::text[])`,
    ...where
  ];
  return {
    key: relationship.relationshipName ?? subquery.relationshipName,
    object: child,
    sql:
      `SELECT ${list.columns.sql()} FROM ${child.table} ${resolver.rootAlias} ${resolver.joinSql()} ` +
      `WHERE ${conditions.join(' AND ')} ORDER BY ${order.join(', ')}`,
    params: context.params.values,
    parentColumn,
    idColumn,
    output: list.output,
    limit: subquery.limit,
    offset: subquery.offset
  };
}

export function planRecordQuery(
  environment: QueryEnvironment,
  object: ObjectModel,
  query: Query
): RecordQueryPlan {
  const context = statementContext(environment);
  const resolver = new FieldResolver(context, object, query.sObjectAlias);
  const list = selectList(resolver, query.fields ?? [], true);
  const idColumn = list.columns.add(`${resolver.rootAlias}."Id"`);
  const { where, order } = clauses(context, resolver, query);
  const children = list.subqueries.map((subquery) => planChild(environment, object, subquery));
  const whereSql = where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`;
  return {
    object,
    sql:
      `SELECT ${list.columns.sql()} FROM ${object.table} ${resolver.rootAlias} ${resolver.joinSql()}${whereSql} ` +
      `ORDER BY ${order.join(', ')}${limitSql(query)}`,
    params: context.params.values,
    idColumn,
    output: list.output,
    children
  };
}
