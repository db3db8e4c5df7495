/**
 * apex.d.ts: one `@salesforce/apex/<Class>.<method>` module per `@AuraEnabled` static method of every non-test
 * class, and the AtlasApex namespace describing the Apex classes and enums those methods take and return.
 *
 * A cacheable method is both a function and a wire adapter, so it works imperatively and with `@wire`; a
 * non-cacheable method is only a function, so wiring it (which the platform rejects) fails type checking.
 */
import { findMetadataFiles, projectPath, type SfdxProject } from '../schema/project-files';
import { compareStrings } from '../schema/compare';
import type { ProjectSchema } from '../schema/types';
import { ApexSourceError, parseApexFile, type ApexClass, type ApexFile, type ApexMethod } from './apex-model';
import { ApexTypeMapper, type ReferencedApexType } from './apex-types';
import {
  declarationFile,
  declareModule,
  dedent,
  defaultExportModule,
  docComment,
  indent,
  PRINT_WIDTH,
  propertyKey,
  quote
} from './dts';

export interface ApexDeclarations {
  text: string;
  methods: number;
}

const HELPERS = dedent(`
  /** An \`@AuraEnabled(cacheable=true)\` method: call it with its parameters, or wire it. */
  type CacheableMethod<F extends (params: never) => Promise<unknown>> = F &
    AtlasWire.Adapter<NonNullable<Parameters<F>[0]>, AtlasWire.Result<Awaited<ReturnType<F>>>>;
`);

const APEX_MODULE = declareModule(
  '@salesforce/apex',
  dedent(`
    /** Re-runs a wired Apex method and re-provisions the value it provisioned to \`wiredValue\`. */
    export function refreshApex(wiredValue: unknown): Promise<void>;
    /** A field's value from an SObject returned by Apex. */
    export function getSObjectValue(
      sObject: AtlasSObject.SObject,
      field: AtlasSchema.FieldId | string
    ): unknown;
  `)
);

/** Parses every class, reporting every syntax error of every file at once. */
function parseClasses(project: SfdxProject): ApexFile[] {
  const problems: string[] = [];
  const parsed: ApexFile[] = [];
  for (const file of findMetadataFiles(project, 'classes', '.cls')) {
    try {
      parsed.push(parseApexFile(file, projectPath(project, file)));
    } catch (error) {
      if (!(error instanceof ApexSourceError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ApexSourceError(problems);
  return parsed;
}

/** `(params: { a: string }) => Promise<R>`, its parameter object broken over lines when too long. */
function functionType(parameters: string[], returnType: string, width: number): string {
  const result = `Promise<${returnType}>`;
  if (parameters.length === 0) return `(params?: Record<string, never>) => ${result}`;
  const inline = `(params: { ${parameters.join('; ')} }) => ${result}`;
  if (inline.length <= width) return inline;
  return `(params: {\n${indent(parameters.map((p) => `${p};`).join('\n'))}\n}) => ${result}`;
}

function methodModule(apexClass: ApexClass, method: ApexMethod, mapper: ApexTypeMapper): string {
  const site = { usedIn: `${apexClass.name}.${method.name}`, location: method.location };
  const parameters = method.parameters.map(
    (p) => `${propertyKey(p.name)}: ${mapper.map(p.type, apexClass, site)}`
  );
  const returnType = method.returnType === null ? 'void' : mapper.map(method.returnType, apexClass, site);
  const prefix = `const ${method.name}: `;
  const kind = method.cacheable ? 'cacheable: call it or wire it' : 'not cacheable: call it imperatively';
  const doc = [`Apex ${site.usedIn} (${kind}).`, `${method.location.displayPath}:${method.location.line}`];
  if (!method.cacheable) {
    const type = functionType(parameters, returnType, PRINT_WIDTH - prefix.length - 3);
    return defaultExportModule(`@salesforce/apex/${site.usedIn}`, method.name, type, doc);
  }
  const inline = `AtlasApex.CacheableMethod<${functionType(parameters, returnType, Number.POSITIVE_INFINITY)}>`;
  const type =
    prefix.length + inline.length + 3 <= PRINT_WIDTH
      ? inline
      : `AtlasApex.CacheableMethod<\n${indent(functionType(parameters, returnType, PRINT_WIDTH - 4))}\n>`;
  return defaultExportModule(`@salesforce/apex/${site.usedIn}`, method.name, type, doc);
}

/** Reports a method declared twice (Apex does not allow overloading @AuraEnabled methods). */
function overloadProblems(apexClass: ApexClass): string[] {
  const seen = new Set<string>();
  return apexClass.methods.flatMap((method) => {
    const key = method.name.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      return [];
    }
    const where = `${method.location.displayPath}:${method.location.line}`;
    return [`${where}: @AuraEnabled method ${apexClass.name}.${method.name} is overloaded`];
  });
}

function typeDeclaration(referenced: ReferencedApexType, mapper: ApexTypeMapper): string {
  const { type, scope, outer } = referenced;
  const qualified = outer === null ? type.name : `${outer}.${type.name}`;
  const doc = docComment([`Apex ${qualified}.`, `${type.location.displayPath}:${type.location.line}`], 104);
  if (type.kind === 'enum') {
    const values = type.values.map(quote).join(' | ');
    return `${doc}\ntype ${type.name} = ${values === '' ? 'never' : values};`;
  }
  const superclass = mapper.superclassOf(type, scope);
  const members = type.members.map((member) => {
    const site = { usedIn: `${qualified}.${member.name}`, location: member.location };
    return `${propertyKey(member.name)}?: ${mapper.map(member.type, scope, site)};`;
  });
  const heritage = superclass === undefined ? '' : ` extends ${superclass}`;
  const body = members.length === 0 ? '{}' : `{\n${indent(members.join('\n'))}\n}`;
  return `${doc}\ninterface ${type.name}${heritage} ${body}`;
}

interface DeclaredType {
  referenced: ReferencedApexType;
  text: string;
}

/** Describes every referenced type, following the types their members use (each once, so cycles end). */
function typeDeclarations(mapper: ApexTypeMapper): DeclaredType[] {
  const declared: DeclaredType[] = [];
  let pending = mapper.referencedTypes();
  while (pending.length > 0) {
    declared.push(
      ...pending.map((referenced) => ({ referenced, text: typeDeclaration(referenced, mapper) }))
    );
    pending = mapper.referencedTypes().slice(declared.length);
  }
  return declared;
}

/** The AtlasApex namespace: helpers, top-level types, then a namespace per class declaring inner types. */
function apexNamespace(mapper: ApexTypeMapper): string {
  const declarations = typeDeclarations(mapper);
  const byName = (a: DeclaredType, b: DeclaredType): number =>
    compareStrings(a.referenced.tsName, b.referenced.tsName);
  const topLevel = declarations.filter((d) => d.referenced.outer === null).sort(byName);
  const outers = [
    ...new Set(declarations.flatMap((d) => (d.referenced.outer === null ? [] : [d.referenced.outer])))
  ];
  const nested = outers.sort(compareStrings).map((outer) => {
    const inner = declarations.filter((d) => d.referenced.outer === outer).sort(byName);
    return `namespace ${outer} {\n${indent(inner.map((d) => d.text).join('\n\n'))}\n}`;
  });
  const blocks = [HELPERS, ...topLevel.map((d) => d.text), ...nested];
  return `declare namespace AtlasApex {\n${indent(blocks.join('\n\n'))}\n}`;
}

export function apexDeclarations(project: SfdxProject, schema: ProjectSchema): ApexDeclarations {
  const types = parseClasses(project)
    .filter((file) => !file.isTest)
    .flatMap((file) => (file.type === null ? [] : [file.type]));
  const mapper = new ApexTypeMapper(schema, types);
  const classes = types.filter((type): type is ApexClass => type.kind === 'class');
  const modules = classes
    .flatMap((apexClass) => apexClass.methods.map((method) => ({ apexClass, method })))
    .sort((a, b) =>
      compareStrings(`${a.apexClass.name}.${a.method.name}`, `${b.apexClass.name}.${b.method.name}`)
    )
    .map(({ apexClass, method }) => methodModule(apexClass, method, mapper));
  const namespace = apexNamespace(mapper);
  const problems = [...classes.flatMap(overloadProblems), ...mapper.problems];
  if (problems.length > 0) throw new ApexSourceError(problems);
  const description = "Apex methods components may import, from the project's @AuraEnabled static methods.";
  return {
    text: declarationFile(description, [namespace, APEX_MODULE, ...modules]),
    methods: modules.length
  };
}
