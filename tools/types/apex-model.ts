/**
 * What the types generator needs from an Apex class, read with Salesforce's grammar (@apexdevtools/apex-parser):
 * its `@AuraEnabled` static methods, its `@AuraEnabled` instance members, its inner classes and enums.
 * The parser never throws: syntax errors reach an error listener and are reported here with file and line.
 */
import { readFileSync } from 'node:fs';
import {
  ApexErrorListener,
  ApexParserFactory,
  type ClassBodyDeclarationContext,
  type ClassDeclarationContext,
  type EnumDeclarationContext,
  type FormalParameterContext,
  type MemberDeclarationContext,
  type ModifierContext,
  type TypeRefContext
} from '@apexdevtools/apex-parser';

/** A type as written: `List<Schema.Account>` is { names: ['List'], args: [{ names: ['Schema', 'Account'] }] }. */
export interface ApexTypeRef {
  names: string[];
  args: ApexTypeRef[];
  /** `String[][]` has arrayDepth 2. */
  arrayDepth: number;
  /** Source text, for messages. */
  text: string;
}

export interface ApexLocation {
  displayPath: string;
  line: number;
}

export interface ApexMember {
  name: string;
  type: ApexTypeRef;
  location: ApexLocation;
}

export interface ApexMethod {
  name: string;
  cacheable: boolean;
  parameters: { name: string; type: ApexTypeRef }[];
  /** null for void. */
  returnType: ApexTypeRef | null;
  location: ApexLocation;
}

export interface ApexEnum {
  kind: 'enum';
  name: string;
  values: string[];
  location: ApexLocation;
}

export interface ApexClass {
  kind: 'class';
  name: string;
  superclass: ApexTypeRef | null;
  /** `@AuraEnabled` instance fields and properties: what Apex serializes to a component. */
  members: ApexMember[];
  /** `@AuraEnabled` static methods. */
  methods: ApexMethod[];
  innerTypes: ApexType[];
  location: ApexLocation;
}

export type ApexType = ApexClass | ApexEnum;

export interface ApexFile {
  displayPath: string;
  isTest: boolean;
  /** The top-level type; null for a top-level interface, which has nothing the generator uses. */
  type: ApexType | null;
}

/** One problem in one file, at a line. */
export class ApexSourceError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ApexSourceError';
    this.problems = problems;
  }
}

class CollectingListener extends ApexErrorListener {
  readonly problems: string[] = [];
  private readonly displayPath: string;

  constructor(displayPath: string) {
    super();
    this.displayPath = displayPath;
  }

  apexSyntaxError(line: number, column: number, message: string): void {
    // ANTLR lists every token it would have accepted; the offending input is enough to find the error.
    const short = message.replace(/ expecting (\{.*\}|'.*')$/s, '');
    this.problems.push(`${this.displayPath}:${line}:${column + 1}: syntax error: ${short}`);
  }
}

/** The parser's typings claim every child accessor returns a node; absent children are actually null. */
function optional<T>(node: T): T | undefined {
  return (node as T | null) ?? undefined;
}

interface Annotation {
  name: string;
  /** Lower-cased element names → value text (`cacheable` → 'true'). */
  values: Map<string, string>;
}

function annotationsOf(modifiers: ModifierContext[]): Annotation[] {
  return modifiers.flatMap((modifier) => {
    const annotation = optional(modifier.annotation());
    if (annotation === undefined) return [];
    const pairs = optional(annotation.elementValuePairs())?.elementValuePair_list() ?? [];
    const values = new Map(
      pairs.map((pair) => [pair.id().getText().toLowerCase(), pair.elementValue().getText()])
    );
    return [{ name: annotation.id().getText().toLowerCase(), values }];
  });
}

function hasAnnotation(modifiers: ModifierContext[], name: string): boolean {
  return annotationsOf(modifiers).some((annotation) => annotation.name === name);
}

function isStatic(modifiers: ModifierContext[]): boolean {
  return modifiers.some((modifier) => optional(modifier.STATIC()) !== undefined);
}

function typeRefOf(context: TypeRefContext): ApexTypeRef {
  const parts = context.typeName_list();
  const names = parts.map((part) => {
    const keyword = optional(part.LIST()) ?? optional(part.SET()) ?? optional(part.MAP());
    return keyword === undefined ? part.id().getText() : keyword.getText();
  });
  const last = parts[parts.length - 1];
  const typeArguments = last === undefined ? undefined : optional(last.typeArguments());
  const args = typeArguments?.typeList().typeRef_list().map(typeRefOf) ?? [];
  const subscripts = optional(context.arraySubscripts());
  return { names, args, arrayDepth: subscripts?.LBRACK_list().length ?? 0, text: context.getText() };
}

function parameterOf(context: FormalParameterContext): { name: string; type: ApexTypeRef } {
  return { name: context.id().getText(), type: typeRefOf(context.typeRef()) };
}

class ClassReader {
  private readonly displayPath: string;

  constructor(displayPath: string) {
    this.displayPath = displayPath;
  }

  private location(line: number): ApexLocation {
    return { displayPath: this.displayPath, line };
  }

  readEnum(context: EnumDeclarationContext): ApexEnum {
    const constants = optional(context.enumConstants())?.id_list() ?? [];
    return {
      kind: 'enum',
      name: context.id().getText(),
      values: constants.map((constant) => constant.getText()),
      location: this.location(context.start.line)
    };
  }

  readClass(context: ClassDeclarationContext): ApexClass {
    const superclass = optional(context.EXTENDS()) === undefined ? undefined : optional(context.typeRef());
    const apexClass: ApexClass = {
      kind: 'class',
      name: context.id().getText(),
      superclass: superclass === undefined ? null : typeRefOf(superclass),
      members: [],
      methods: [],
      innerTypes: [],
      location: this.location(context.start.line)
    };
    for (const declaration of context.classBody().classBodyDeclaration_list())
      this.addDeclaration(apexClass, declaration);
    return apexClass;
  }

  private addDeclaration(apexClass: ApexClass, declaration: ClassBodyDeclarationContext): void {
    const member = optional(declaration.memberDeclaration());
    if (member === undefined) return;
    const modifiers = declaration.modifier_list();
    const inner = this.innerType(member);
    if (inner !== undefined) {
      apexClass.innerTypes.push(inner);
      return;
    }
    if (!hasAnnotation(modifiers, 'auraenabled')) return;
    if (isStatic(modifiers)) {
      const method = this.method(member, modifiers);
      if (method !== undefined) apexClass.methods.push(method);
    } else {
      apexClass.members.push(...this.members(member));
    }
  }

  private innerType(member: MemberDeclarationContext): ApexType | undefined {
    const innerClass = optional(member.classDeclaration());
    if (innerClass !== undefined) return this.readClass(innerClass);
    const innerEnum = optional(member.enumDeclaration());
    return innerEnum === undefined ? undefined : this.readEnum(innerEnum);
  }

  private method(member: MemberDeclarationContext, modifiers: ModifierContext[]): ApexMethod | undefined {
    const declaration = optional(member.methodDeclaration());
    if (declaration === undefined) return undefined;
    const aura = annotationsOf(modifiers).find((annotation) => annotation.name === 'auraenabled');
    const returnType = optional(declaration.typeRef());
    const parameters =
      optional(declaration.formalParameters().formalParameterList())?.formalParameter_list() ?? [];
    return {
      name: declaration.id().getText(),
      cacheable: aura?.values.get('cacheable')?.toLowerCase() === 'true',
      parameters: parameters.map(parameterOf),
      returnType: returnType === undefined ? null : typeRefOf(returnType),
      location: this.location(declaration.start.line)
    };
  }

  /** `@AuraEnabled public String a, b;` declares two members; a property declares one. */
  private members(member: MemberDeclarationContext): ApexMember[] {
    const field = optional(member.fieldDeclaration());
    if (field !== undefined) {
      const type = typeRefOf(field.typeRef());
      return field
        .variableDeclarators()
        .variableDeclarator_list()
        .map((variable) => ({
          name: variable.id().getText(),
          type,
          location: this.location(variable.start.line)
        }));
    }
    const property = optional(member.propertyDeclaration());
    if (property === undefined) return [];
    const location = this.location(property.start.line);
    return [{ name: property.id().getText(), type: typeRefOf(property.typeRef()), location }];
  }
}

/** Parses one `.cls` file; throws an ApexSourceError listing every syntax error with its line. */
export function parseApexFile(file: string, displayPath: string): ApexFile {
  const listener = new CollectingListener(displayPath);
  const { parser } = ApexParserFactory.createLexerAndParser(readFileSync(file, 'utf8'), listener);
  const declaration = parser.compilationUnit().typeDeclaration();
  if (listener.problems.length > 0) throw new ApexSourceError(listener.problems);
  const reader = new ClassReader(displayPath);
  const classContext = optional(declaration.classDeclaration());
  const enumContext = optional(declaration.enumDeclaration());
  const enumType = enumContext === undefined ? null : reader.readEnum(enumContext);
  const type = classContext === undefined ? enumType : reader.readClass(classContext);
  return { displayPath, isTest: hasAnnotation(declaration.modifier_list(), 'istest'), type };
}
