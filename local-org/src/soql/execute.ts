/**
 * Running a SOQL query: parse, translate to parameterized SQL, execute, shape. Child subqueries run once per query
 * for all parent records (one statement per relationship), and their LIMIT/OFFSET apply per parent, as in SOQL.
 */
import type { Query } from '@jetstreamapp/soql-parser-js';
import type { QueryResult, SObjectRecord } from '../contracts';
import type { ObjectModel } from '../store/model';
import type { Row, SqlClient } from '../store/sql';
import { aggregateRecords, isAggregateQuery, planAggregateQuery } from './aggregate';
import type { QueryEnvironment } from './context';
import { queryErrors } from './errors';
import { parseSoql } from './parse';
import { planRecordQuery, type ChildQueryPlan } from './select';
import { shapeRecord, type Shaper } from './shape';

function queriedObject(environment: QueryEnvironment, query: Query): ObjectModel {
  const object = environment.model.object(query.sObject ?? '');
  if (object === undefined) throw queryErrors.unsupportedType(query.sObject ?? '');
  return object;
}

async function attachChildren(
  db: SqlClient,
  shaper: Shaper,
  plan: ChildQueryPlan,
  parents: ReadonlyMap<string, SObjectRecord>
): Promise<void> {
  const params = [[...parents.keys()], ...plan.params.slice(1)];
  const { rows } = await db.query<Row>(plan.sql, params);
  const byParent = new Map<string, SObjectRecord[]>();
  const skipped = new Map<string, number>();
  for (const row of rows) {
    const parentId = String(row[plan.parentColumn]);
    const seen = skipped.get(parentId) ?? 0;
    if (seen < (plan.offset ?? 0)) {
      skipped.set(parentId, seen + 1);
      continue;
    }
    const records = byParent.get(parentId) ?? [];
    if (plan.limit !== undefined && records.length >= plan.limit) continue;
    records.push(shapeRecord(shaper, row, plan.output, plan.object.name, String(row[plan.idColumn])));
    byParent.set(parentId, records);
  }
  for (const [parentId, parent] of parents) {
    const records = byParent.get(parentId);
    parent[plan.key] = records === undefined ? null : { totalSize: records.length, done: true, records };
  }
}

export async function runQuery(
  db: SqlClient,
  environment: QueryEnvironment,
  soql: string
): Promise<QueryResult> {
  return runParsedQuery(db, environment, parseSoql(soql));
}

/** Runs a query already in the parser's form (the store builds one to retrieve a record). */
export async function runParsedQuery(
  db: SqlClient,
  environment: QueryEnvironment,
  query: Query
): Promise<QueryResult> {
  if (query.usingScope !== undefined || query.withDataCategory !== undefined) {
    throw queryErrors.malformed('USING SCOPE and WITH DATA CATEGORY are not supported by the local org');
  }
  const object = queriedObject(environment, query);
  if (isAggregateQuery(query)) {
    const plan = planAggregateQuery(environment, object, query);
    const { rows } = await db.query<Row>(plan.sql, plan.params);
    if (plan.countOnly) return { totalSize: Number(rows[0]?.['c0'] ?? 0), records: [] };
    const records = aggregateRecords(plan, rows);
    return { totalSize: records.length, records };
  }
  const plan = planRecordQuery(environment, object, query);
  const { rows } = await db.query<Row>(plan.sql, plan.params);
  const shaper: Shaper = environment;
  const records = rows.map((row) =>
    shapeRecord(shaper, row, plan.output, object.name, String(row[plan.idColumn]))
  );
  if (plan.children.length > 0 && records.length > 0) {
    const parents = new Map(records.map((record, index) => [String(rows[index]?.[plan.idColumn]), record]));
    for (const child of plan.children) await attachChildren(db, shaper, child, parents);
  }
  return { totalSize: records.length, records };
}
