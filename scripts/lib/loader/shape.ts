/** What a dataset object writes: the union of its records' fields and references, in source names. */
import type { SeedObject } from '../../seed/generator/types';

export interface ObjectShape {
  object: string;
  keyField: string | null;
  naturalKey: string[];
  /** Plain fields, the key field included, in first-seen order. */
  fields: string[];
  /** Reference fields written in the first pass → the object they point at. */
  references: Map<string, string>;
  /** Reference fields to the same object, set in a second pass. */
  selfReferences: string[];
}

export function objectShape(seedObject: SeedObject): ObjectShape {
  const fields = new Set<string>();
  const references = new Map<string, string>();
  const self = new Set(seedObject.selfReferences);
  if (seedObject.keyField !== null) {
    fields.add(seedObject.keyField);
  }
  for (const record of seedObject.records) {
    for (const field of Object.keys(record.fields)) {
      fields.add(field);
    }
    for (const [field, reference] of Object.entries(record.references)) {
      if (!self.has(field)) {
        references.set(field, reference.object);
      }
    }
  }
  return {
    object: seedObject.object,
    keyField: seedObject.keyField,
    naturalKey: seedObject.naturalKey ?? [],
    fields: [...fields],
    references,
    selfReferences: seedObject.selfReferences
  };
}

/** Every field the object writes, in either pass. */
export function writtenFields(shape: ObjectShape): string[] {
  return [...shape.fields, ...shape.references.keys(), ...shape.selfReferences];
}
