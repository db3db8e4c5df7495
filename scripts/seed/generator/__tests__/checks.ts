/**
 * Checks a dataset against the project's schema and the contract, returning readable problems (an empty list when
 * all is well), so a failing test says which record and field broke which rule.
 */
import type { FieldDescriptor, ObjectDescriptor, ProjectSchema } from '../../../../tools/schema/types';
import type { OrgStage, SeedDataset, SeedObject, SeedRecord, SeedValue } from '../types';

/** Required fields the loader fills itself: profiles are the target org's own. */
const LOADER_SUPPLIED = new Set(['User.ProfileId']);

const TEXT_TYPES = new Set([
  'string',
  'textarea',
  'email',
  'phone',
  'url',
  'combobox',
  'picklist',
  'multipicklist'
]);
const NUMBER_TYPES = new Set(['double', 'currency', 'percent']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

export type RecordIndex = Map<string, Map<string, SeedRecord>>;

export function indexRecords(dataset: SeedDataset): RecordIndex {
  return new Map(dataset.objects.map((o) => [o.object, new Map(o.records.map((r) => [r.key, r]))]));
}

export function recordsOf(dataset: SeedDataset, object: string): SeedRecord[] {
  return dataset.objects.find((o) => o.object === object)?.records ?? [];
}

export function refKey(record: SeedRecord, field: string): string | undefined {
  return record.references[field]?.key;
}

function fieldOf(object: ObjectDescriptor, name: string): FieldDescriptor | undefined {
  return object.fields.find((f) => f.name === name);
}

function isValidDate(text: string): boolean {
  return ISO_DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

function digitsBeforePoint(value: number): number {
  return String(Math.trunc(Math.abs(value))).replace(/^0$/, '').length;
}

function decimals(value: number): number {
  const text = String(value);
  return text.includes('.') ? (text.split('.')[1] as string).length : 0;
}

/** Problems of one field value against its descriptor (type, length, precision, picklist values). */
function valueProblems(
  field: FieldDescriptor,
  value: SeedValue,
  allowedStages: ReadonlySet<string>
): string[] {
  const problems: string[] = [];
  if (TEXT_TYPES.has(field.type)) {
    if (typeof value !== 'string') return [`expected text, got ${JSON.stringify(value)}`];
    if (field.length !== undefined && value.length > field.length)
      problems.push(`longer than ${field.length}`);
    if (field.type === 'email' && !/^[^@\s]+@[^@\s]+\.[a-z]+$/i.test(value))
      problems.push(`not an e-mail: ${value}`);
    if (field.type === 'url' && !value.startsWith('https://')) problems.push(`not a URL: ${value}`);
    if (field.name === 'StageName') {
      if (!allowedStages.has(value)) problems.push(`stage '${value}' is not one of the org's stages`);
    } else if (field.picklistValues.length > 0 && !field.picklistValues.some((p) => p.value === value)) {
      problems.push(`'${value}' is not a value of the picklist`);
    }
  } else if (field.type === 'boolean') {
    if (typeof value !== 'boolean') problems.push(`expected a boolean, got ${JSON.stringify(value)}`);
  } else if (field.type === 'int') {
    if (typeof value !== 'number' || !Number.isInteger(value))
      return [`expected an integer, got ${JSON.stringify(value)}`];
    if (field.digits !== undefined && digitsBeforePoint(value) > field.digits)
      problems.push(`more than ${field.digits} digits`);
  } else if (NUMBER_TYPES.has(field.type)) {
    if (typeof value !== 'number' || !Number.isFinite(value))
      return [`expected a number, got ${JSON.stringify(value)}`];
    const scale = field.scale ?? 0;
    if (field.precision !== undefined && digitsBeforePoint(value) > field.precision - scale) {
      problems.push(`too many digits for precision ${field.precision}`);
    }
    if (decimals(value) > scale) problems.push(`more than ${scale} decimals`);
  } else if (field.type === 'date') {
    if (typeof value !== 'string' || !isValidDate(value))
      problems.push(`not a date: ${JSON.stringify(value)}`);
  } else if (field.type === 'datetime') {
    if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
      problems.push(`not an ISO date-time: ${JSON.stringify(value)}`);
    }
  } else {
    problems.push(`a ${field.type} field cannot be written as a value`);
  }
  return problems;
}

function objectProblems(
  schema: ProjectSchema,
  object: SeedObject,
  allowedStages: ReadonlySet<string>
): string[] {
  const descriptor = schema.objects.find((o) => o.name === object.object);
  if (descriptor === undefined) return [`${object.object}: not in the schema`];
  const problems: string[] = [];
  const required = descriptor.fields.filter(
    (f) =>
      f.createable &&
      !f.nillable &&
      !f.defaultedOnCreate &&
      !LOADER_SUPPLIED.has(`${object.object}.${f.name}`)
  );
  for (const record of object.records) {
    const where = `${object.object} ${record.key}`;
    for (const [name, value] of Object.entries(record.fields)) {
      const field = fieldOf(descriptor, name);
      if (field === undefined) problems.push(`${where}: unknown field ${name}`);
      else if (!field.createable) problems.push(`${where}: ${name} is not createable`);
      else if (field.type === 'reference') problems.push(`${where}: lookup ${name} written as a value`);
      else
        for (const p of valueProblems(field, value, allowedStages)) problems.push(`${where}.${name}: ${p}`);
    }
    for (const [name, target] of Object.entries(record.references)) {
      const field = fieldOf(descriptor, name);
      if (field === undefined) problems.push(`${where}: unknown field ${name}`);
      else if (!field.createable) problems.push(`${where}: ${name} is not createable`);
      else if (field.type !== 'reference') problems.push(`${where}: ${name} is not a lookup`);
      else if (!field.referenceTo.includes(target.object)) {
        problems.push(`${where}: ${name} cannot point to ${target.object}`);
      }
    }
    for (const field of required) {
      if (!(field.name in record.fields) && !(field.name in record.references)) {
        problems.push(`${where}: required field ${field.name} missing`);
      }
    }
  }
  return problems;
}

/** Every field exists, is createable, has a valid value; required fields are present. */
export function schemaProblems(
  schema: ProjectSchema,
  dataset: SeedDataset,
  stages: readonly OrgStage[]
): string[] {
  const allowedStages = new Set(stages.map((s) => s.apiName));
  return dataset.objects.flatMap((object) => objectProblems(schema, object, allowedStages));
}

/** Keys unique (case-insensitively, as external ids are), written to the key field, natural keys unique. */
export function keyProblems(schema: ProjectSchema, dataset: SeedDataset): string[] {
  const problems: string[] = [];
  for (const object of dataset.objects) {
    const seen = new Set<string>();
    const naturals = new Set<string>();
    const descriptor = schema.objects.find((o) => o.name === object.object);
    const keyField =
      object.keyField === null ? undefined : descriptor?.fields.find((f) => f.name === object.keyField);
    if (object.keyField !== null && (keyField === undefined || (!keyField.externalId && !keyField.unique))) {
      problems.push(`${object.object}: key field ${object.keyField} is neither an external id nor unique`);
    }
    for (const record of object.records) {
      const lower = record.key.toLowerCase();
      if (seen.has(lower)) problems.push(`${object.object}: duplicate key ${record.key}`);
      seen.add(lower);
      if (object.keyField !== null && record.fields[object.keyField] !== record.key) {
        problems.push(`${object.object} ${record.key}: ${object.keyField} does not hold the key`);
      }
      if (object.naturalKey !== undefined) {
        const natural = object.naturalKey.map((f) => refKey(record, f) ?? String(record.fields[f])).join('|');
        if (naturals.has(natural)) problems.push(`${object.object}: duplicate natural key ${natural}`);
        naturals.add(natural);
      }
    }
  }
  return problems;
}

/**
 * Every reference points to an existing record of the right object, loaded earlier, except declared self
 * references, which point to the same object.
 */
export function referenceProblems(dataset: SeedDataset): string[] {
  const index = indexRecords(dataset);
  const position = new Map(dataset.objects.map((o, i) => [o.object, i]));
  const problems: string[] = [];
  for (const object of dataset.objects) {
    const self = new Set(object.selfReferences);
    for (const record of object.records) {
      for (const [field, target] of Object.entries(record.references)) {
        const where = `${object.object} ${record.key}.${field}`;
        if (index.get(target.object)?.has(target.key) !== true)
          problems.push(`${where}: no ${target.object} ${target.key}`);
        if (target.object === object.object && !self.has(field))
          problems.push(`${where}: undeclared self reference`);
        if (
          target.object !== object.object &&
          (position.get(target.object) ?? Infinity) >= (position.get(object.object) ?? 0)
        ) {
          problems.push(`${where}: ${target.object} is loaded after ${object.object}`);
        }
      }
    }
    for (const field of object.selfReferences) {
      const used = object.records.some((r) => r.references[field]?.object === object.object);
      if (!used) problems.push(`${object.object}: self reference ${field} declared but never used`);
    }
  }
  return problems;
}

/** Chains along a self reference that come back to where they started. */
export function cycles(records: readonly SeedRecord[], field: string): string[] {
  const parentOf = new Map(records.map((r) => [r.key, refKey(r, field)]));
  const found: string[] = [];
  for (const start of parentOf.keys()) {
    const seen = new Set<string>([start]);
    for (let key = parentOf.get(start); key !== undefined; key = parentOf.get(key)) {
      if (seen.has(key)) {
        found.push(`${field} loops from ${start}`);
        break;
      }
      seen.add(key);
    }
  }
  return found;
}
