/**
 * SQL for reading a field: its column, or for a formula field the compiled formula and for a roll-up summary a
 * subquery over the children. Formulas and roll-ups are therefore computed when read, as Salesforce computes them,
 * and can be filtered and sorted on like any column.
 */
import { compileFormula, FormulaError, type CompiledFormula, type FormulaType } from './formula/compile';
import { FormulaSyntaxError, parseFormula, type FormulaNode } from './formula/parse';
import { quoteIdentifier, type ObjectModel, type OrgModel } from './model';
import { AliasSequence, SqlParams } from './sql';
import type { FieldDescriptor } from '../../../tools/schema/types';

/** What a read needs besides the record's alias: the model, the statement's parameters and aliases, today's date. */
export interface ReadContext {
  readonly model: OrgModel;
  readonly params: SqlParams;
  readonly aliases: AliasSequence;
  /** `YYYY-MM-DD`, the value of TODAY(). */
  readonly today: string;
}

const parsed = new WeakMap<FieldDescriptor, FormulaNode>();

function parsedFormula(field: FieldDescriptor, source: string): FormulaNode {
  const cached = parsed.get(field);
  if (cached !== undefined) return cached;
  const node = parseFormula(source);
  parsed.set(field, node);
  return node;
}

function formulaTypeOf(field: FieldDescriptor): FormulaType {
  switch (field.type) {
    case 'boolean':
      return 'boolean';
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return 'number';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'picklist':
    case 'multipicklist':
      return 'picklist';
    case 'string':
    case 'textarea':
    case 'email':
    case 'phone':
    case 'url':
    case 'combobox':
    case 'id':
    case 'reference':
      return 'text';
    default:
      throw new FormulaError(`fields of type ${field.type} cannot be used in formulas (${field.name})`);
  }
}

/** The formula's value converted to what the field returns: a percent formula's 0.25 reads as 25. */
function formulaResult(field: FieldDescriptor, compiled: CompiledFormula): string {
  const expected = formulaTypeOf(field);
  if (compiled.type !== expected && compiled.type !== 'null') {
    throw new FormulaError(`the formula returns ${compiled.type} but the field is ${field.type}`);
  }
  switch (field.type) {
    case 'boolean':
      return `COALESCE(${compiled.sql}, FALSE)`;
    case 'double':
    case 'currency':
    case 'percent':
    case 'int': {
      const scaled = field.type === 'percent' ? `(${compiled.sql}) * 100` : compiled.sql;
      return `round((${scaled})::numeric, ${field.scale ?? 0})`;
    }
    default:
      return compiled.sql;
  }
}

function formulaSql(
  context: ReadContext,
  object: ObjectModel,
  field: FieldDescriptor,
  alias: string,
  visiting: ReadonlySet<FieldDescriptor>
): string {
  const source = field.formula ?? '';
  const inner = new Set(visiting).add(field);
  const compiled = compileFormula(parsedFormula(field, source), {
    field: (name) => {
      const referenced = object.field(name);
      if (referenced === undefined) return undefined;
      if (inner.has(referenced)) throw new FormulaError(`circular reference through '${referenced.name}'`);
      const sql = valueSql(context, object, referenced, alias, inner);
      const type = formulaTypeOf(referenced);
      return { sql: referenced.type === 'percent' ? `(${sql} / 100)` : sql, type };
    },
    param: (value) => context.params.add(value),
    today: () => `${context.params.add(context.today)}::date`
  });
  return formulaResult(field, compiled);
}

function summarySql(
  context: ReadContext,
  field: FieldDescriptor,
  alias: string,
  visiting: ReadonlySet<FieldDescriptor>
): string {
  const summary = field.summary;
  if (summary === undefined) throw new Error(`${field.name} is not a roll-up summary`);
  const [childName = '', foreignKeyName = ''] = summary.foreignKey.split('.');
  const child = context.model.requireObject(childName);
  const foreignKey = child.field(foreignKeyName);
  if (foreignKey === undefined) throw new Error(`roll-up ${field.name}: unknown field ${summary.foreignKey}`);
  const childAlias = context.aliases.take();
  let value = 'count(*)';
  if (summary.operation !== 'count') {
    const summarized = child.field(summary.summarizedField?.split('.')[1] ?? '');
    if (summarized === undefined)
      throw new Error(`roll-up ${field.name}: unknown field ${summary.summarizedField}`);
    value = `${summary.operation}(${valueSql(context, child, summarized, childAlias, visiting)})`;
  }
  if (summary.operation === 'count' || summary.operation === 'sum') value = `COALESCE(${value}, 0)`;
  const link = `${childAlias}.${quoteIdentifier(foreignKey.name)} = ${alias}."Id"`;
  return `(SELECT ${value} FROM ${child.table} ${childAlias} WHERE ${link})`;
}

function valueSql(
  context: ReadContext,
  object: ObjectModel,
  field: FieldDescriptor,
  alias: string,
  visiting: ReadonlySet<FieldDescriptor>
): string {
  if (field.formula !== undefined) return formulaSql(context, object, field, alias, visiting);
  if (field.summary !== undefined) return summarySql(context, field, alias, visiting);
  return `${alias}.${quoteIdentifier(field.name)}`;
}

/** SQL for `field` of the record aliased `alias`. */
export function fieldSql(
  context: ReadContext,
  object: ObjectModel,
  field: FieldDescriptor,
  alias: string
): string {
  return valueSql(context, object, field, alias, new Set());
}

/**
 * Compiles every formula and roll-up of the model once, so that an unsupported function, an unknown field or a type
 * error stops the store from opening with a message naming the field, instead of a wrong value later.
 */
export function checkComputedFields(model: OrgModel): void {
  const context: ReadContext = {
    model,
    params: new SqlParams(),
    aliases: new AliasSequence(),
    today: '2000-01-01'
  };
  for (const object of model.objects) {
    for (const field of object.descriptor.fields) {
      if (field.formula === undefined && field.summary === undefined) continue;
      try {
        fieldSql(context, object, field, 't');
      } catch (error) {
        if (!(error instanceof FormulaError || error instanceof FormulaSyntaxError)) throw error;
        const source = field.formula === undefined ? '' : ` in formula: ${field.formula}`;
        throw new Error(`${object.name}.${field.name}: ${error.message}${source}`);
      }
    }
  }
}
