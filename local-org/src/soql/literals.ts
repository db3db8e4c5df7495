/**
 * SOQL literals checked against what they are compared with: a quoted string for text and ids, a number for
 * numbers, TRUE/FALSE for checkboxes, a date (or date literal such as THIS_MONTH) for dates, a date-time for
 * date-times. A mismatch is INVALID_QUERY_FILTER_OPERATOR with Salesforce's wording.
 */
import type { LiteralType } from '@jetstreamapp/soql-parser-js';
import { normalizeId } from '../ids';
import type { DbValue } from '../store/sql';
import { normalizeMultiPicklist, parseDateTime } from '../store/values';
import { dateLiteralRange, type DateRange } from './date-literals';
import { queryErrors } from './errors';
import type { FieldDescriptor } from '../../../tools/schema/types';

/** How a value compares: the families of describe types that share literal syntax and operators. */
export type FilterKind =
  'text' | 'id' | 'number' | 'boolean' | 'date' | 'datetime' | 'time' | 'multipicklist';

/** Something a condition compares: a field (possibly through relationships) or a function of one. */
export interface Operand {
  sql: string;
  kind: FilterKind;
  /** As written in the query, for messages. */
  name: string;
  field?: FieldDescriptor;
}

export type LiteralValue =
  { kind: 'null' } | { kind: 'value'; value: DbValue } | { kind: 'range'; range: DateRange };

export function filterKindOf(field: FieldDescriptor): FilterKind {
  switch (field.type) {
    case 'id':
    case 'reference':
      return 'id';
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return 'number';
    case 'boolean':
    case 'date':
    case 'datetime':
    case 'time':
      return field.type;
    case 'multipicklist':
      return 'multipicklist';
    default:
      return 'text';
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\'
};

/**
 * The text of a quoted SOQL string. For LIKE, `\%` and `\_` stay escaped (matching a literal % or _) and a literal
 * backslash is escaped for the pattern.
 */
export function unquote(raw: string, forLike: boolean): string {
  const body = raw.slice(1, -1);
  let text = '';
  for (let index = 0; index < body.length; index += 1) {
    const character = body.charAt(index);
    if (character !== '\\') {
      text += character;
      continue;
    }
    index += 1;
    const escaped = body.charAt(index);
    if (escaped === 'u') {
      text += String.fromCharCode(parseInt(body.slice(index + 1, index + 5), 16));
      index += 4;
    } else if (escaped === '%' || escaped === '_') {
      text += forLike ? `\\${escaped}` : escaped;
    } else {
      const plain = ESCAPES[escaped.toLowerCase()] ?? escaped;
      text += forLike && plain === '\\' ? '\\\\' : plain;
    }
  }
  return text;
}

const TYPE_NAMES: Readonly<Record<FilterKind, string>> = {
  text: 'string',
  id: 'id',
  number: 'double',
  boolean: 'boolean',
  date: 'date',
  datetime: 'dateTime',
  time: 'time',
  multipicklist: 'string'
};

function mismatch(operand: Operand, quoted: boolean): Error {
  const type = operand.field?.type === 'int' ? 'integer' : TYPE_NAMES[operand.kind];
  const quoting = quoted ? 'should not be enclosed in quotes' : 'should be enclosed in quotes';
  return queryErrors.filterOperator(
    `value of filter criterion for field '${operand.name}' must be of type ${type} and ${quoting}`
  );
}

const QUOTED_KINDS: ReadonlySet<FilterKind> = new Set(['text', 'id', 'multipicklist', 'time']);

function textValue(operand: Operand, text: string): DbValue {
  if (operand.kind === 'id') {
    const id = normalizeId(text);
    if (id === null) throw queryErrors.filterOperator(`invalid ID field: ${text}`);
    return id;
  }
  if (operand.kind === 'multipicklist') {
    const known = operand.field?.picklistValues.map((v) => v.value.toLowerCase()) ?? [];
    const values = text
      .toLowerCase()
      .split(';')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    return normalizeMultiPicklist([...new Set(values)], (v) =>
      known.includes(v) ? known.indexOf(v) : known.length
    );
  }
  return operand.kind === 'text' ? text.toLowerCase() : text;
}

/** The value `raw` (of `literalType`) stands for when compared with `operand`. Text values are lower-cased. */
export function literalValue(
  operand: Operand,
  literalType: LiteralType | undefined,
  raw: string,
  dateN: number | undefined,
  now: Date
): LiteralValue {
  switch (literalType) {
    case 'NULL':
      return { kind: 'null' };
    case 'STRING':
      if (!QUOTED_KINDS.has(operand.kind)) throw mismatch(operand, true);
      return { kind: 'value', value: textValue(operand, unquote(raw, false)) };
    case 'INTEGER':
    case 'DECIMAL':
    case 'INTEGER_WITH_CURRENCY_PREFIX':
    case 'DECIMAL_WITH_CURRENCY_PREFIX':
      if (operand.kind !== 'number') throw mismatch(operand, false);
      return { kind: 'value', value: Number(raw.replace(/^[A-Za-z]+/, '')) };
    case 'BOOLEAN':
      if (operand.kind !== 'boolean') throw mismatch(operand, false);
      return { kind: 'value', value: raw.toUpperCase() === 'TRUE' };
    case 'DATE':
      if (operand.kind !== 'date') throw mismatch(operand, false);
      return { kind: 'value', value: raw };
    case 'DATETIME': {
      const instant = parseDateTime(raw);
      if (operand.kind !== 'datetime' || instant === null) throw mismatch(operand, false);
      return { kind: 'value', value: instant };
    }
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL': {
      if (operand.kind !== 'date' && operand.kind !== 'datetime') throw mismatch(operand, false);
      const range = dateLiteralRange(raw.split(':')[0] ?? raw, dateN, now);
      if (operand.kind === 'date') return { kind: 'range', range };
      return { kind: 'range', range: { start: `${range.start}T00:00:00Z`, end: `${range.end}T00:00:00Z` } };
    }
    default:
      throw queryErrors.malformed(`unexpected token: '${raw}'`);
  }
}
