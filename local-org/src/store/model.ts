/**
 * The org's data model as the store and the SOQL translator use it: the project schema's objects, indexed for
 * case-insensitive lookup of objects, fields and relationships (as Salesforce resolves names), with the properties
 * the platform adds on top of describe (which objects are read-only, which fields have a column).
 */
import { SalesforceApiError } from '../contracts';
import { keyPrefixOf } from '../ids';
import type {
  ChildRelationship,
  FieldDescriptor,
  ObjectDescriptor,
  ProjectSchema
} from '../../../tools/schema/types';

export interface ObjectAccess {
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
}

export interface ObjectModel {
  readonly descriptor: ObjectDescriptor;
  readonly name: string;
  /** The SQL table, quoted. */
  readonly table: string;
  readonly access: ObjectAccess;
  /** Fields with a column, in describe order (Id first). */
  readonly columns: readonly FieldDescriptor[];
  field(name: string): FieldDescriptor | undefined;
  /** The reference field whose relationshipName is `name` (`Account` → AccountId). */
  parentRelationship(name: string): FieldDescriptor | undefined;
  childRelationship(name: string): ChildRelationship | undefined;
}

export interface OrgModel {
  readonly objects: readonly ObjectModel[];
  object(name: string): ObjectModel | undefined;
  /** Throws INVALID_TYPE, Salesforce's answer to an unknown sObject type. */
  requireObject(name: string): ObjectModel;
  /** The object whose key prefix starts `id`. */
  objectOfId(id: string): ObjectModel | undefined;
}

/** Objects the platform writes and the API only reads. */
const PLATFORM_OWNED_OBJECTS = new Set(['OpportunityStage', 'OpportunityHistory', 'OpportunityFieldHistory']);
/** Objects that can be created and updated but never deleted through the API. */
const UNDELETABLE_OBJECTS = new Set(['User']);
/** Compound fields are read from their components; they have no column of their own. */
const COMPOUND_TYPES = new Set(['address', 'location']);

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A formula or roll-up summary: computed at read time, never stored. */
function isComputed(field: FieldDescriptor): boolean {
  return field.formula !== undefined || field.summary !== undefined;
}

function hasColumn(field: FieldDescriptor): boolean {
  return !isComputed(field) && !COMPOUND_TYPES.has(field.type);
}

function accessOf(descriptor: ObjectDescriptor): ObjectAccess {
  if (descriptor.isCustomMetadata || PLATFORM_OWNED_OBJECTS.has(descriptor.name)) {
    return { createable: false, updateable: false, deletable: false };
  }
  return { createable: true, updateable: true, deletable: !UNDELETABLE_OBJECTS.has(descriptor.name) };
}

function byLowerName<T>(entries: Iterable<[string, T]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [name, value] of entries) map.set(name.toLowerCase(), value);
  return map;
}

function objectModel(descriptor: ObjectDescriptor): ObjectModel {
  const fields = byLowerName(descriptor.fields.map((f) => [f.name, f]));
  const parents = byLowerName(
    descriptor.fields.flatMap((f): [string, FieldDescriptor][] =>
      f.relationshipName === null ? [] : [[f.relationshipName, f]]
    )
  );
  const children = byLowerName(
    descriptor.childRelationships.flatMap((c): [string, ChildRelationship][] =>
      c.relationshipName === null ? [] : [[c.relationshipName, c]]
    )
  );
  return {
    descriptor,
    name: descriptor.name,
    table: quoteIdentifier(descriptor.name),
    access: accessOf(descriptor),
    columns: descriptor.fields.filter(hasColumn),
    field: (name) => fields.get(name.toLowerCase()),
    parentRelationship: (name) => parents.get(name.toLowerCase()),
    childRelationship: (name) => children.get(name.toLowerCase())
  };
}

export function buildOrgModel(schema: ProjectSchema): OrgModel {
  const objects = schema.objects.map(objectModel);
  const byName = byLowerName(objects.map((o) => [o.name, o]));
  const byPrefix = new Map(objects.map((o) => [o.descriptor.keyPrefix, o]));
  return {
    objects,
    object: (name) => byName.get(name.toLowerCase()),
    requireObject: (name) => {
      const found = byName.get(name.toLowerCase());
      if (found === undefined) {
        throw new SalesforceApiError(400, [
          { errorCode: 'INVALID_TYPE', message: `sObject type '${name}' is not supported.`, fields: [] }
        ]);
      }
      return found;
    },
    objectOfId: (id) => byPrefix.get(keyPrefixOf(id))
  };
}

/** A child relationship's child object and its reference field. */
export function childSide(
  model: OrgModel,
  relationship: ChildRelationship
): { child: ObjectModel; field: FieldDescriptor } {
  const child = model.object(relationship.childSObject);
  const field = child?.field(relationship.field);
  if (child === undefined || field === undefined) {
    throw new Error(
      `child relationship ${relationship.childSObject}.${relationship.field} is not in the model`
    );
  }
  return { child, field };
}
