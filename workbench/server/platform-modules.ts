/**
 * Rollup plugins that stand in for the Lightning platform when the workbench bundles the package's components:
 *
 * | import                                     | becomes                                                          |
 * | ------------------------------------------ | ---------------------------------------------------------------- |
 * | `c/<name>`                                 | the built component, `force-app/**\/lwc/<name>/<name>.js`         |
 * | `@salesforce/apex/<Class>.<method>`        | a call to the method's twin on the workbench server (and, when   |
 * |                                            | cacheable, a wire adapter)                                       |
 * | `@salesforce/apex`                         | `refreshApex`, `getSObjectValue`                                 |
 * | `@salesforce/schema/<Object>[.<Field>]`    | `{ objectApiName[, fieldApiName] }`                              |
 * | `@salesforce/user/Id`                      | the signed-in user of the page                                   |
 * | `@salesforce/i18n/locale`, `/currency`     | the signed-in user's locale and currency (`USER_I18N`), for the  |
 * |                                            | package's components and lightning-base-components alike        |
 * | `lightning/uiRecordApi`, `uiObjectInfoApi` | Lightning Data Service over the workbench's UI API endpoints     |
 * | `lightning/platformShowToastEvent`         | the toast event the page shows as an SLDS toast                  |
 * | `workbench:components`                     | the components the pages mount, by tag name                      |
 *
 * Labels, the other i18n and form factor imports of lightning-base-components resolve to the shims that package
 * ships. The workbench's own TypeScript (`workbench/client`) is transpiled here; the package's components are
 * bundled as built (`npm run build`), exactly what deploys.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'rollup';
import ts from 'typescript';

/** Where the browser side of the workbench lives. */
export const CLIENT_DIR = path.resolve(__dirname, '..', 'client');

const CLIENT_MODULES: Readonly<Record<string, string>> = {
  '@salesforce/apex': 'apex.ts',
  '@salesforce/user/Id': 'userId.ts',
  'lightning/uiRecordApi': 'uiRecordApi.ts',
  'lightning/uiObjectInfoApi': 'uiObjectInfoApi.ts',
  'lightning/platformShowToastEvent': 'platformShowToastEvent.ts'
};

/**
 * The signed-in user's Salesforce settings the components format numbers, amounts and dates with: the locale and
 * currency of a US user, which the en-US number and date patterns of lightning-base-components' other i18n shims
 * match. Changing them changes this file, hence the bundle's cache key.
 */
export const USER_I18N: Readonly<Record<string, string>> = {
  '@salesforce/i18n/locale': 'en-US',
  '@salesforce/i18n/currency': 'USD'
};

const VIRTUAL = '\0workbench:';
const APEX = '@salesforce/apex/';
const SCHEMA = '@salesforce/schema/';
export const COMPONENTS_MODULE = 'workbench:components';

export interface PlatformOptions {
  /** The project's lwc folders: `c/<name>` is `<folder>/<name>/<name>.js`. */
  lwcFolders: readonly string[];
  /** Cacheable flag of every Apex method with a twin, by `Class.method`. */
  apexMethods: Readonly<Record<string, boolean>>;
  /** Tag names of the components the pages mount (`c-stage-guide`, `wb-stage-path`). */
  mountedComponents: readonly string[];
}

/** `c-stage-guide` → `c/stageGuide`. */
export function moduleOfTag(tag: string): string {
  const [namespace, ...words] = tag.split('-');
  const name = words
    .map((word, index) => (index === 0 ? word : word[0]?.toUpperCase() + word.slice(1)))
    .join('');
  return `${namespace}/${name}`;
}

function componentEntry(folders: readonly string[], name: string): string | null {
  for (const folder of folders) {
    const entry = path.join(folder, name, `${name}.js`);
    if (fs.existsSync(entry)) {
      return entry;
    }
  }
  return null;
}

function schemaModule(reference: string): string {
  const [objectApiName, ...field] = reference.split('.');
  const value = field.length === 0 ? { objectApiName } : { objectApiName, fieldApiName: field.join('.') };
  return `export default ${JSON.stringify(value)};`;
}

function apexModule(name: string, cacheable: boolean): string {
  return (
    `import { apexMethod } from ${JSON.stringify(path.join(CLIENT_DIR, 'apex.ts'))};\n` +
    `export default apexMethod(${JSON.stringify(name)}, ${cacheable});\n`
  );
}

function componentsModule(tags: readonly string[]): string {
  const imports = tags.map(
    (tag, index) => `import component${index} from ${JSON.stringify(moduleOfTag(tag))};`
  );
  const entries = tags.map((tag, index) => `  ${JSON.stringify(tag)}: component${index}`);
  return `${imports.join('\n')}\nexport default {\n${entries.join(',\n')}\n};\n`;
}

/** Resolves the platform's modules; must come before the LWC plugin. */
export function platformModules(options: PlatformOptions): Plugin {
  const apexByLowerName = new Map(
    Object.entries(options.apexMethods).map(([name, cacheable]) => [name.toLowerCase(), { name, cacheable }])
  );
  return {
    name: 'workbench-platform-modules',
    resolveId(source, importer) {
      const client = CLIENT_MODULES[source];
      if (client !== undefined) {
        return path.join(CLIENT_DIR, client);
      }
      if (
        source === COMPONENTS_MODULE ||
        Object.hasOwn(USER_I18N, source) ||
        source.startsWith(APEX) ||
        source.startsWith(SCHEMA)
      ) {
        return VIRTUAL + source;
      }
      const component = /^c\/([a-zA-Z][a-zA-Z0-9_]*)$/.exec(source);
      if (component?.[1] !== undefined) {
        const entry = componentEntry(options.lwcFolders, component[1]);
        if (entry === null) {
          this.error(
            `${source} (imported by ${importer ?? 'the page'}) has no built component: run npm run build`
          );
        }
        return `${entry}?specifier=${encodeURIComponent(source)}`;
      }
      return null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) {
        return null;
      }
      const source = id.slice(VIRTUAL.length);
      if (source === COMPONENTS_MODULE) {
        return componentsModule(options.mountedComponents);
      }
      if (source.startsWith(SCHEMA)) {
        return schemaModule(source.slice(SCHEMA.length));
      }
      const setting = USER_I18N[source];
      if (setting !== undefined) {
        return `export default ${JSON.stringify(setting)};`;
      }
      const name = source.slice(APEX.length);
      const method = apexByLowerName.get(name.toLowerCase());
      if (method === undefined) {
        this.error(
          `${source} has no twin in workbench/twins/index.ts: add one to call it from the workbench`
        );
      }
      return apexModule(method.name, method.cacheable);
    }
  };
}

/** Transpiles the workbench's own TypeScript (client modules and workbench components); must come first. */
export function clientTypeScript(): Plugin {
  return {
    name: 'workbench-client-typescript',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!file.startsWith(CLIENT_DIR + path.sep) || !file.endsWith('.ts')) {
        return null;
      }
      const output = ts.transpileModule(code, {
        fileName: file,
        compilerOptions: {
          target: ts.ScriptTarget.ESNext,
          module: ts.ModuleKind.ESNext,
          useDefineForClassFields: true,
          experimentalDecorators: false,
          sourceMap: false
        }
      });
      return { code: output.outputText, map: null };
    }
  };
}
