/**
 * lightning.d.ts: the `lightning/*` and `@salesforce/i18n/*` modules of the catalog (all of them, so new components
 * can use them), after checking that every such module a component imports is declared by the catalog or by
 * @salesforce/lightning-types. A component importing anything else fails generation at its file and line.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import ts from 'typescript';
import {
  filesWithSuffixDeep,
  findMetadataFiles,
  projectPath,
  type SfdxProject
} from '../schema/project-files';
import { declarationFile, declareModule } from './dts';
import { PLATFORM_MODULES, PLATFORM_MODULE_PREFIXES, WIRE_NAMESPACE } from './lightning-modules';

export interface LightningDeclarations {
  text: string;
  modules: number;
}

export interface ModuleImport {
  module: string;
  displayPath: string;
  line: number;
}

/** Ambient module names declared by the installed @salesforce/lightning-types (resolved from `root` first). */
export function lightningTypesModules(root: string): Set<string> {
  const manifest = require.resolve('@salesforce/lightning-types/package.json', { paths: [root, __dirname] });
  const declared = filesWithSuffixDeep(dirname(manifest), '.d.ts').flatMap(
    (file) => ts.preProcessFile(readFileSync(file, 'utf8')).ambientExternalModules ?? []
  );
  return new Set(declared);
}

/** Every `lightning/*` and `@salesforce/i18n/*` import (static or dynamic) of the components' TypeScript sources. */
export function componentPlatformImports(project: SfdxProject): ModuleImport[] {
  return findMetadataFiles(project, 'lwc', '.ts')
    .filter((file) => !file.endsWith('.d.ts'))
    .flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const lineAt = (position: number): number => source.slice(0, position).split('\n').length;
      const displayPath = projectPath(project, file);
      return ts
        .preProcessFile(source, true, true)
        .importedFiles.filter((imported) =>
          PLATFORM_MODULE_PREFIXES.some((prefix) => imported.fileName.startsWith(prefix))
        )
        .map((imported) => ({ module: imported.fileName, displayPath, line: lineAt(imported.pos) }));
    });
}

export function lightningDeclarations(
  project: SfdxProject,
  typedElsewhere: ReadonlySet<string>
): LightningDeclarations {
  const catalog = PLATFORM_MODULES.filter((module) => !typedElsewhere.has(module.name));
  const known = new Set([...typedElsewhere, ...catalog.map((module) => module.name)]);
  const unknown = componentPlatformImports(project).filter((imported) => !known.has(imported.module));
  if (unknown.length > 0) {
    const lines = unknown.map(
      (imported) =>
        `${imported.displayPath}:${imported.line}: '${imported.module}' is declared neither by ` +
        'tools/types/lightning-modules.ts nor by @salesforce/lightning-types: add it to the catalog'
    );
    throw new Error(lines.join('\n'));
  }
  const modules = catalog.map((module) => declareModule(module.name, module.body));
  const description =
    'lightning/* and @salesforce/i18n/* platform modules that @salesforce/lightning-types does not declare.';
  return { text: declarationFile(description, [WIRE_NAMESPACE, ...modules]), modules: modules.length };
}
