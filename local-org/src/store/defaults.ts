/**
 * What a new record gets without asking: describe's defaults (checkbox defaults, the default picklist value, a
 * field's default-value formula when it is a constant or TODAY()), the owner, and the audit fields. Default-value
 * formulas are parsed when the store opens; one the store cannot evaluate stops it with a message naming the field.
 */
import { formatDate, formatDateTime } from './database';
import { FormulaSyntaxError, parseFormula, type FormulaNode } from './formula/parse';
import type { ObjectModel, OrgModel } from './model';
import type { DbValue, Row } from './sql';
import { convertFieldValue } from './values';
import type { FieldDescriptor } from '../../../tools/schema/types';

type DefaultValue = { kind: 'value'; value: DbValue } | { kind: 'today' };

/** When and by whom a call writes: one instant for every row of the call, as in Salesforce. */
export interface WriteClock {
  readonly now: Date;
  readonly userId: string;
  /** `now` as a Salesforce date-time. */
  readonly timestamp: string;
  /** `now`'s UTC date. */
  readonly today: string;
}

export function writeClock(now: Date, userId: string): WriteClock {
  return { now, userId, timestamp: formatDateTime(now), today: formatDate(now) };
}

function constantOf(node: FormulaNode): DefaultValue | undefined {
  switch (node.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return { kind: 'value', value: node.value };
    case 'null':
      return { kind: 'value', value: null };
    case 'negate': {
      const inner = constantOf(node.operand);
      return inner?.kind === 'value' && typeof inner.value === 'number'
        ? { kind: 'value', value: -inner.value }
        : undefined;
    }
    case 'call':
      return node.name === 'TODAY' && node.args.length === 0 ? { kind: 'today' } : undefined;
    default:
      return undefined;
  }
}

function defaultOf(object: ObjectModel, field: FieldDescriptor): DefaultValue | undefined {
  if (field.type === 'boolean') return { kind: 'value', value: field.defaultValue === true };
  const picklistDefault = field.picklistValues.find((v) => v.defaultValue && v.active);
  if (picklistDefault !== undefined) return { kind: 'value', value: picklistDefault.value };
  if (typeof field.defaultValue !== 'string') return undefined;
  const where = `${object.name}.${field.name}`;
  let node: FormulaNode;
  try {
    node = parseFormula(field.defaultValue);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) throw new Error(`${where}: default value: ${error.message}`);
    throw error;
  }
  const constant = constantOf(node);
  if (constant === undefined) {
    throw new Error(
      `${where}: default value '${field.defaultValue}' is not supported by the local org (only constants and TODAY())`
    );
  }
  if (constant.kind === 'value') {
    const conversion = convertFieldValue(field, constant.value);
    if (!conversion.ok) throw new Error(`${where}: default value: ${conversion.error.message}`);
    return { kind: 'value', value: conversion.value };
  }
  return constant;
}

type AuditValue = 'time' | 'user';
const ALWAYS_STAMPED: [string, AuditValue][] = [
  ['LastModifiedDate', 'time'],
  ['LastModifiedById', 'user'],
  ['SystemModstamp', 'time']
];
const STAMPED_ON_INSERT: [string, AuditValue][] = [
  ['CreatedDate', 'time'],
  ['CreatedById', 'user']
];
const auditFieldCache = new WeakMap<
  ObjectModel,
  { always: [string, AuditValue][]; onInsert: [string, AuditValue][] }
>();

function auditFieldsOf(object: ObjectModel): {
  always: [string, AuditValue][];
  onInsert: [string, AuditValue][];
} {
  let fields = auditFieldCache.get(object);
  if (fields === undefined) {
    const present = (list: [string, AuditValue][]): [string, AuditValue][] =>
      list.filter(([name]) => object.field(name) !== undefined);
    fields = {
      always: present(ALWAYS_STAMPED),
      onInsert: present([...ALWAYS_STAMPED, ...STAMPED_ON_INSERT])
    };
    auditFieldCache.set(object, fields);
  }
  return fields;
}

/** Audit fields Salesforce sets on every save; CreatedDate/CreatedById only on insert. */
export function stampAuditFields(object: ObjectModel, values: Row, clock: WriteClock, isNew: boolean): void {
  const { always, onInsert } = auditFieldsOf(object);
  for (const [name, value] of isNew ? onInsert : always)
    values[name] = value === 'user' ? clock.userId : clock.timestamp;
}

export interface CreateDefaults {
  /** A new record's columns: `given` over describe's defaults, with the owner and audit fields set. */
  newRow(object: ObjectModel, given: Row, clock: WriteClock): Row;
}

interface ObjectDefaults {
  /** Every column with its constant default (or null), in column order. */
  columns: [string, DbValue][];
  /** Columns defaulting to TODAY(). */
  today: string[];
  hasOwner: boolean;
}

function objectDefaults(object: ObjectModel): ObjectDefaults {
  const columns: [string, DbValue][] = [];
  const today: string[] = [];
  for (const field of object.columns) {
    const value = defaultOf(object, field);
    columns.push([field.name, value?.kind === 'value' ? value.value : null]);
    if (value?.kind === 'today') today.push(field.name);
  }
  return { columns, today, hasOwner: object.field('OwnerId') !== undefined };
}

export function buildCreateDefaults(model: OrgModel): CreateDefaults {
  const defaults = new Map(model.objects.map((object) => [object, objectDefaults(object)]));
  return {
    newRow(object, given, clock) {
      const found = defaults.get(object);
      if (found === undefined) throw new Error(`${object.name} is not in the model`);
      const row: Row = {};
      for (const [name, value] of found.columns) row[name] = name in given ? (given[name] ?? null) : value;
      for (const name of found.today) if (!(name in given)) row[name] = clock.today;
      if (found.hasOwner && row['OwnerId'] === null) row['OwnerId'] = clock.userId;
      stampAuditFields(object, row, clock, true);
      return row;
    }
  };
}
