/**
 * schema.d.ts: `@salesforce/schema/<Object>` and `@salesforce/schema/<Object>.<Field>` for every object and field of
 * the project's schema (standard catalog and custom), one level of relationship traversal
 * (`Opportunity.Account.Name`), and the AtlasSObject interfaces Apex declarations use for SObjects.
 *
 * A field import is typed `{ objectApiName, fieldApiName }` plus a type-only marker of its value type, so
 * `getFieldValue(record, AMOUNT_FIELD)` returns `number | null | undefined` rather than `unknown`.
 */
import { compareStrings } from '../schema/compare';
import type { FieldDescriptor, ObjectDescriptor, ProjectSchema } from '../schema/types';
import {
  declarationFile,
  defaultExportModule,
  dedent,
  indent,
  propertyKey,
  quote,
  typeReference
} from './dts';

export interface SchemaDeclarations {
  text: string;
  objects: number;
  fields: number;
}

const SCHEMA_NAMESPACE = dedent(`
  declare namespace AtlasSchema {
    /** What \`@salesforce/schema/<Object>\` imports. */
    interface ObjectId<O extends string = string> {
      readonly objectApiName: O;
    }
    /** What \`@salesforce/schema/<Object>.<Field>\` imports; \`V\` is the field's value type. */
    interface FieldId<O extends string = string, F extends string = string, V = unknown> {
      readonly objectApiName: O;
      readonly fieldApiName: F;
      /** Type-only marker of the field's value type: never present at run time. */
      readonly __valueType?: V;
    }
    /** Compound address fields (BillingAddress, MailingAddress, ...). */
    interface Address {
      street?: string;
      city?: string;
      state?: string;
      postalCode?: string;
      country?: string;
      latitude?: number;
      longitude?: number;
      geocodeAccuracy?: string;
    }
    /** Compound geolocation fields. */
    interface Location {
      latitude?: number;
      longitude?: number;
    }
  }
`);

/** The JSON type of a field's value, as Lightning Data Service and Apex serialize it. */
export function valueType(field: FieldDescriptor): string {
  switch (field.type) {
    case 'boolean':
      return 'boolean';
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return 'number';
    case 'address':
      return 'AtlasSchema.Address';
    case 'location':
      return 'AtlasSchema.Location';
    case 'anyType':
      return 'unknown';
    default:
      return 'string';
  }
}

/** Fields a polymorphic relationship can reach in SOQL and schema imports (the "Name" pseudo-object). */
const POLYMORPHIC_FIELDS: readonly { name: string; type: string }[] = [
  { name: 'Id', type: 'string' },
  { name: 'Name', type: 'string' }
];

class SchemaIndex {
  private readonly byName: ReadonlyMap<string, ObjectDescriptor>;

  constructor(schema: ProjectSchema) {
    this.byName = new Map(schema.objects.map((o) => [o.name, o]));
  }

  /** The single known object a reference points to, or undefined for polymorphic or unknown targets. */
  singleTarget(field: FieldDescriptor): ObjectDescriptor | undefined {
    const [target, other] = field.referenceTo;
    return other === undefined && target !== undefined ? this.byName.get(target) : undefined;
  }

  /** The AtlasSObject type a relationship holds: the target's interface, a union of known targets, or SObject. */
  relationshipType(field: FieldDescriptor): string {
    const known = field.referenceTo.filter((target) => this.byName.has(target));
    return known.length === field.referenceTo.length && known.length > 0 ? known.join(' | ') : 'SObject';
  }
}

function sObjectInterface(object: ObjectDescriptor, index: SchemaIndex): string {
  const properties = new Map<string, string>();
  for (const field of object.fields) properties.set(field.name, valueType(field));
  for (const field of object.fields) {
    if (field.relationshipName !== null && !properties.has(field.relationshipName)) {
      properties.set(field.relationshipName, index.relationshipType(field));
    }
  }
  for (const child of object.childRelationships) {
    if (child.relationshipName !== null && !properties.has(child.relationshipName)) {
      properties.set(child.relationshipName, `${child.childSObject}[]`);
    }
  }
  const lines = [...properties].map(([name, type]) => `${propertyKey(name)}?: ${type};`);
  const doc = `/** ${object.label} (${object.name}, key prefix ${object.keyPrefix}) */`;
  return `${doc}\ninterface ${object.name} {\n${indent(lines.join('\n'))}\n}`;
}

function sObjectNamespace(schema: ProjectSchema, index: SchemaIndex): string {
  const base = dedent(`
    /** Any SObject: only its Id is known. */
    interface SObject {
      Id?: string;
    }
  `);
  const interfaces = schema.objects.map((object) => sObjectInterface(object, index));
  return `declare namespace AtlasSObject {\n${indent([base, ...interfaces].join('\n\n'))}\n}`;
}

function fieldModule(objectName: string, path: string, type: string): string {
  const fieldType = typeReference(
    'AtlasSchema.FieldId',
    [quote(objectName), quote(path), type],
    '  const field: '
  );
  return defaultExportModule(`@salesforce/schema/${objectName}.${path}`, 'field', fieldType);
}

/**
 * `Object.Relationship.Field` for every field of a known target; Id and Name through a polymorphic relationship;
 * nothing through a relationship to an object outside the schema.
 */
function traversals(object: ObjectDescriptor, field: FieldDescriptor, index: SchemaIndex): string[] {
  if (field.relationshipName === null) return [];
  const target = index.singleTarget(field);
  const polymorphic = field.referenceTo.length > 1 ? POLYMORPHIC_FIELDS : [];
  const reachable = target?.fields.map((f) => ({ name: f.name, type: valueType(f) })) ?? polymorphic;
  return reachable.map((f) => fieldModule(object.name, `${field.relationshipName}.${f.name}`, f.type));
}

function objectModules(object: ObjectDescriptor, index: SchemaIndex): string[] {
  const objectModule = defaultExportModule(
    `@salesforce/schema/${object.name}`,
    'objectApiName',
    `AtlasSchema.ObjectId<${quote(object.name)}>`
  );
  const fields = [...object.fields].sort((a, b) => compareStrings(a.name, b.name));
  return [
    objectModule,
    ...fields.map((f) => fieldModule(object.name, f.name, valueType(f))),
    ...fields.flatMap((f) => traversals(object, f, index))
  ];
}

export function schemaDeclarations(schema: ProjectSchema): SchemaDeclarations {
  const index = new SchemaIndex(schema);
  const modules = schema.objects.flatMap((object) => objectModules(object, index));
  const description = "Object and field imports, from the project's objects and the standard object catalog.";
  return {
    text: declarationFile(description, [SCHEMA_NAMESPACE, sObjectNamespace(schema, index), ...modules]),
    objects: schema.objects.length,
    fields: schema.objects.reduce((count, object) => count + object.fields.length, 0)
  };
}
