/**
 * Mapping Apex types to the TypeScript types a component sees after Aura serialization:
 * String/Id → string; Integer/Long/Decimal/Double → number; Boolean → boolean; Date/Datetime/Time → string (ISO);
 * Blob → string (base64); Object → unknown; List<T>/Set<T>/T[] → T[]; Map<K, V> → Record<string, V> (keys become
 * strings); SObjects → AtlasSObject interfaces; Apex classes and enums → AtlasApex declarations. Names resolve
 * case-insensitively, like Apex: inner types of the current class first, then top-level classes, then SObjects.
 */
import type { ProjectSchema } from '../schema/types';
import type { ApexClass, ApexLocation, ApexType, ApexTypeRef } from './apex-model';

const PRIMITIVES: Readonly<Record<string, string>> = {
  string: 'string',
  id: 'string',
  integer: 'number',
  long: 'number',
  decimal: 'number',
  double: 'number',
  boolean: 'boolean',
  date: 'string',
  datetime: 'string',
  time: 'string',
  blob: 'string',
  object: 'unknown'
};

/** Where a type is used, for messages: `StageSettingsController.getStages` at its file and line. */
export interface TypeSite {
  usedIn: string;
  location: ApexLocation;
}

/** An Apex class or enum the declarations must describe, with the top-level class it is declared in. */
export interface ReferencedApexType {
  type: ApexType;
  /** `AtlasApex.Outer` or `AtlasApex.Outer.Inner`. */
  tsName: string;
  /** The top-level type declaring it (itself when top-level): where its own member types resolve. */
  scope: ApexType;
  /** The top-level type's name when inner, else null. */
  outer: string | null;
}

function findByName<T extends { name: string }>(list: readonly T[], lowerName: string): T | undefined {
  return list.find((item) => item.name.toLowerCase() === lowerName);
}

function innerTypesOf(type: ApexType): ApexType[] {
  return type.kind === 'class' ? type.innerTypes : [];
}

export class ApexTypeMapper {
  /** Problems found so far (unknown types, malformed collections), each naming file, line and usage. */
  readonly problems: string[] = [];
  private readonly referenced = new Map<ApexType, ReferencedApexType>();
  private readonly schema: ProjectSchema;
  private readonly topLevel: readonly ApexType[];

  constructor(schema: ProjectSchema, topLevel: readonly ApexType[]) {
    this.schema = schema;
    this.topLevel = topLevel;
  }

  /** Apex types used so far, in first-use order; mapping their members may add more. */
  referencedTypes(): ReferencedApexType[] {
    return [...this.referenced.values()];
  }

  /** The TypeScript type of `ref`, used in `site`, resolving names from the top-level type `scope`. */
  map(ref: ApexTypeRef, scope: ApexType, site: TypeSite): string {
    const element = this.mapElement(ref, scope, site);
    return element + '[]'.repeat(ref.arrayDepth);
  }

  private mapElement(ref: ApexTypeRef, scope: ApexType, site: TypeSite): string {
    const collection = ref.names.length === 1 ? ref.names[0]?.toLowerCase() : undefined;
    if (collection === 'list' || collection === 'set') {
      const [element] = this.typeArguments(ref, 1, site);
      return element === undefined ? 'unknown' : `${this.map(element, scope, site)}[]`;
    }
    if (collection === 'map') {
      const [, value] = this.typeArguments(ref, 2, site);
      return value === undefined ? 'unknown' : `Record<string, ${this.map(value, scope, site)}>`;
    }
    const resolved = this.resolveName(ref.names, scope);
    if (resolved === undefined) return this.problem(site, `unknown Apex type '${ref.text}'`);
    return resolved;
  }

  private typeArguments(ref: ApexTypeRef, count: number, site: TypeSite): ApexTypeRef[] {
    if (ref.args.length === count) return ref.args;
    this.problem(site, `'${ref.text}' needs ${count} type argument${count === 1 ? '' : 's'}`);
    return [];
  }

  private problem(site: TypeSite, message: string): string {
    this.problems.push(`${site.location.displayPath}:${site.location.line}: ${message} in ${site.usedIn}`);
    return 'unknown';
  }

  private resolveName(names: readonly string[], scope: ApexType): string | undefined {
    const [first = '', second] = names.map((name) => name.toLowerCase());
    if (names.length === 1) {
      return (
        PRIMITIVES[first] ??
        this.apexType(findByName(innerTypesOf(scope), first), scope) ??
        this.topLevelType(first) ??
        this.sObject(first)
      );
    }
    if (names.length !== 2 || second === undefined) return undefined;
    if (first === 'system') return PRIMITIVES[second];
    if (first === 'schema') return this.sObject(second);
    const outer = findByName(this.topLevel, first);
    return outer === undefined ? undefined : this.apexType(findByName(innerTypesOf(outer), second), outer);
  }

  private topLevelType(lowerName: string): string | undefined {
    const type = findByName(this.topLevel, lowerName);
    return type === undefined ? undefined : this.apexType(type, type);
  }

  private sObject(lowerName: string): string | undefined {
    if (lowerName === 'sobject') return 'AtlasSObject.SObject';
    const object = findByName(this.schema.objects, lowerName);
    return object === undefined ? undefined : `AtlasSObject.${object.name}`;
  }

  /** Records `type` (declared in the top-level type `scope`) as used, and returns its TypeScript name. */
  private apexType(type: ApexType | undefined, scope: ApexType): string | undefined {
    if (type === undefined) return undefined;
    const known = this.referenced.get(type);
    if (known !== undefined) return known.tsName;
    const outer = type === scope ? null : scope.name;
    const tsName = outer === null ? `AtlasApex.${type.name}` : `AtlasApex.${outer}.${type.name}`;
    this.referenced.set(type, { type, tsName, scope, outer });
    return tsName;
  }

  /** The superclass of `apexClass` when it is a project class (a platform superclass adds nothing serialized). */
  superclassOf(apexClass: ApexClass, scope: ApexType): string | undefined {
    if (apexClass.superclass === null) return undefined;
    const resolved = this.resolveName(apexClass.superclass.names, scope);
    return resolved?.startsWith('AtlasApex.') === true ? resolved : undefined;
  }
}
