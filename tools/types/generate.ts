/**
 * Generates the declarations components are type-checked against, from the project itself:
 *   apex.d.ts       `@salesforce/apex/<Class>.<method>` for every @AuraEnabled static method, with DTO types
 *   schema.d.ts     `@salesforce/schema/<Object>[.<Field>]` for every object and field, and SObject interfaces
 *   lightning.d.ts  the `lightning/*` and `@salesforce/i18n/*` modules @salesforce/lightning-types lacks
 *   resources.d.ts  labels, custom permissions, static resources, message channels
 *   tsconfig.components.json  `c/<name>` paths of every component, which the components' tsconfig extends
 * There are no wildcard modules: importing a method, field or module that does not exist fails type checking.
 *
 *   npm run types -- [--root DIR] [--out DIR]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readProjectSchema } from '../schema/read-project';
import { readSfdxProject } from '../schema/project-files';
import { apexDeclarations } from './apex-declarations';
import { COMPONENT_PATHS_FILE, componentPathsConfig } from './component-paths';
import { lightningDeclarations, lightningTypesModules } from './lightning-declarations';
import { resourceDeclarations } from './resource-declarations';
import { schemaDeclarations } from './schema-declarations';

export interface GenerateOptions {
  /** The SFDX project root. */
  root: string;
  /** Where the .d.ts files go; `<root>/types/generated` by default. */
  outDir?: string;
}

export interface TypesSummary {
  apexMethods: number;
  objects: number;
  fields: number;
  /** `lightning/*` and `@salesforce/i18n/*` modules declared in lightning.d.ts. */
  platformModules: number;
  resources: number;
  /** Absolute path of the directory written to. */
  outDir: string;
  /** Absolute paths of the files written. */
  files: string[];
}

export async function generateTypes({ root, outDir }: GenerateOptions): Promise<TypesSummary> {
  const project = readSfdxProject(root);
  const schema = readProjectSchema(project.root);
  const apex = apexDeclarations(project, schema);
  const objects = schemaDeclarations(schema);
  const lightning = lightningDeclarations(project, lightningTypesModules(project.root));
  const resources = resourceDeclarations(project);
  const target = resolve(outDir ?? join(project.root, 'types', 'generated'));
  mkdirSync(target, { recursive: true });
  const componentPaths = componentPathsConfig(project.root, target);
  const contents: [string, string][] = [
    [COMPONENT_PATHS_FILE, componentPaths.text],
    ['apex.d.ts', apex.text],
    ['schema.d.ts', objects.text],
    ['lightning.d.ts', lightning.text],
    ['resources.d.ts', resources.text]
  ];
  const files = contents.map(([name, text]) => {
    const file = join(target, name);
    writeFileSync(file, text);
    return file;
  });
  return {
    apexMethods: apex.methods,
    objects: objects.objects,
    fields: objects.fields,
    platformModules: lightning.modules,
    resources: resources.modules,
    outDir: target,
    files
  };
}

export function formatSummary(summary: TypesSummary, root: string): string {
  const where = relative(root, summary.outDir) || '.';
  return (
    `types: ${summary.apexMethods} Apex methods, ${summary.objects} objects, ${summary.fields} fields, ` +
    `${summary.platformModules} platform modules, ${summary.resources} resources → ${where}`
  );
}

/** `--root DIR` and `--out DIR`; anything else is an error. */
export function parseArguments(argv: readonly string[], cwd: string): { root: string; outDir?: string } {
  const options: { root: string; outDir?: string } = { root: cwd };
  for (let index = 0; index < argv.length; index += 2) {
    const [flag, value] = [argv[index], argv[index + 1]];
    if (value === undefined || (flag !== '--root' && flag !== '--out')) {
      throw new Error(
        `usage: tsx tools/types/generate.ts [--root DIR] [--out DIR] (got '${argv.join(' ')}')`
      );
    }
    if (flag === '--root') options.root = resolve(cwd, value);
    else options.outDir = resolve(cwd, value);
  }
  return options;
}

/** The command line: prints the one-line summary, or the errors; resolves to the exit code. */
export async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  try {
    const options = parseArguments(argv, cwd);
    console.log(formatSummary(await generateTypes(options), options.root));
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
