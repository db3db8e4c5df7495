/**
 * Names as an installed managed package exposes them: every custom object, field and relationship gets the
 * package's namespace prefix (`Account_Plan__c` → `atlas__Account_Plan__c`). Standard names stay as they are.
 */
import { byName } from './compare';
import type {
  ChildRelationship,
  FieldDescriptor,
  ObjectDescriptor,
  ProjectSchema,
  SummaryDescriptor
} from './types';

const CUSTOM_SUFFIX = /__(c|r|mdt)$/;
/** `ns__Name__c`: already carries a namespace. */
const NAMESPACED = /^[A-Za-z][A-Za-z0-9]*__[A-Za-z0-9_]+__(c|r|mdt)$/;

/** Prefixes `name` when it is an unprefixed custom name. */
export function namespacedName(name: string, namespace: string): string {
  if (!CUSTOM_SUFFIX.test(name) || NAMESPACED.test(name)) return name;
  return `${namespace}__${name}`;
}

/** `Object.Field` with both parts prefixed. */
function namespacedPath(path: string, namespace: string): string {
  return path
    .split('.')
    .map((part) => namespacedName(part, namespace))
    .join('.');
}

function namespacedSummary(summary: SummaryDescriptor, namespace: string): SummaryDescriptor {
  return {
    operation: summary.operation,
    summarizedField:
      summary.summarizedField === null ? null : namespacedPath(summary.summarizedField, namespace),
    foreignKey: namespacedPath(summary.foreignKey, namespace)
  };
}

function namespacedField(descriptor: FieldDescriptor, namespace: string): FieldDescriptor {
  const renamed: FieldDescriptor = {
    ...descriptor,
    name: namespacedName(descriptor.name, namespace),
    referenceTo: descriptor.referenceTo.map((target) => namespacedName(target, namespace)),
    relationshipName:
      descriptor.relationshipName === null ? null : namespacedName(descriptor.relationshipName, namespace)
  };
  if (descriptor.summary !== undefined) renamed.summary = namespacedSummary(descriptor.summary, namespace);
  return renamed;
}

function namespacedChild(child: ChildRelationship, namespace: string): ChildRelationship {
  return {
    ...child,
    childSObject: namespacedName(child.childSObject, namespace),
    field: namespacedName(child.field, namespace),
    relationshipName:
      child.relationshipName === null ? null : namespacedName(child.relationshipName, namespace)
  };
}

function namespacedObject(descriptor: ObjectDescriptor, namespace: string): ObjectDescriptor {
  return {
    ...descriptor,
    name: namespacedName(descriptor.name, namespace),
    fields: descriptor.fields.map((f) => namespacedField(f, namespace)),
    childRelationships: descriptor.childRelationships.map((c) => namespacedChild(c, namespace))
  };
}

/**
 * The schema as seen from outside the installed package. Formula source text is left as written: formulas are
 * compiled inside the package's namespace.
 */
export function withNamespace(schema: ProjectSchema, namespace: string): ProjectSchema {
  return {
    ...schema,
    namespace,
    objects: schema.objects.map((descriptor) => namespacedObject(descriptor, namespace)).sort(byName)
  };
}
