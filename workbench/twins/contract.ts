/**
 * The contract between the package's Apex and the workbench's twins: every `@AuraEnabled` method of every non-test
 * class has a twin under the same `Class.method`, taking the same parameters in the same order and as cacheable as
 * the Apex; and every twin stands for a method that exists. Read with Salesforce's Apex grammar (the reader the
 * types generator uses), each problem named with the class, the method and the file and line.
 */
import { ApexSourceError, parseApexFile, type ApexClass } from '../../tools/types/apex-model';
import { findMetadataFiles, projectPath, readSfdxProject } from '../../tools/schema/project-files';
import type { Twin } from './index';

/** An `@AuraEnabled` method as the Apex declares it. */
export interface AuraEnabledMethod {
  name: string;
  params: string[];
  cacheable: boolean;
  /** `force-app/main/default/classes/X.cls:12`. */
  location: string;
}

/** Every `@AuraEnabled` static method of the project's non-test classes, by `Class.method`. */
export function auraEnabledMethods(projectRoot: string): AuraEnabledMethod[] {
  const project = readSfdxProject(projectRoot);
  const problems: string[] = [];
  const methods: AuraEnabledMethod[] = [];
  for (const file of findMetadataFiles(project, 'classes', '.cls')) {
    try {
      const parsed = parseApexFile(file, projectPath(project, file));
      if (parsed.isTest || parsed.type?.kind !== 'class') {
        continue;
      }
      const apexClass: ApexClass = parsed.type;
      for (const method of apexClass.methods) {
        methods.push({
          name: `${apexClass.name}.${method.name}`,
          params: method.parameters.map((parameter) => parameter.name),
          cacheable: method.cacheable,
          location: `${method.location.displayPath}:${method.location.line}`
        });
      }
    } catch (error) {
      if (!(error instanceof ApexSourceError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) {
    throw new ApexSourceError(problems);
  }
  return methods;
}

const REGISTRY = 'workbench/twins/index.ts';

function signature(params: readonly string[]): string {
  return `(${params.join(', ')})`;
}

/** What breaks the contract, one message each; empty when every method and twin match. */
export function twinProblems(projectRoot: string, twins: Readonly<Record<string, Twin>>): string[] {
  const methods = auraEnabledMethods(projectRoot);
  const problems: string[] = [];
  const matched = new Set<string>();
  for (const method of methods) {
    const key = Object.keys(twins).find((name) => name.toLowerCase() === method.name.toLowerCase());
    const twin = key === undefined ? undefined : twins[key];
    if (key === undefined || twin === undefined) {
      problems.push(`${method.location}: ${method.name} has no twin in ${REGISTRY}`);
      continue;
    }
    matched.add(key);
    if (signature(twin.params) !== signature(method.params)) {
      problems.push(
        `${method.location}: ${method.name} takes ${signature(method.params)} but its twin takes ${signature(twin.params)}`
      );
    }
    if (twin.cacheable !== method.cacheable) {
      problems.push(
        `${method.location}: ${method.name} is ${method.cacheable ? '' : 'not '}cacheable but its twin is ` +
          `${twin.cacheable ? '' : 'not '}cacheable`
      );
    }
  }
  for (const name of Object.keys(twins).filter((twinName) => !matched.has(twinName))) {
    problems.push(`${REGISTRY}: the twin ${name} stands for no @AuraEnabled method of the Apex`);
  }
  return problems;
}
