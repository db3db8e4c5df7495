/**
 * The browser bundle of the workbench: the package's built components, lightning-base-components, the LWC engine
 * with synthetic shadow (so SLDS styles reach inside components, as in Lightning Experience) and the workbench's
 * stand-ins for the platform modules, in one script.
 *
 * Building takes seconds, so the bundle is cached in `.atlas/workbench/`, named by a hash of everything that goes
 * into it (component sources, workbench client code, the bundler's own code, package versions, twins, mounted
 * components): a second start, and the tests, reuse it until one of those changes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { rollup, type RollupLog } from 'rollup';
import { lwcFolders } from '../../tools/lib/components';
import { listFiles } from '../../tools/lib/files';
import { TWINS } from '../twins';
import { MOUNTED_COMPONENTS } from './pages';
import { CLIENT_DIR, clientTypeScript, platformModules } from './platform-modules';

export interface ClientBundle {
  /** Absolute path of the bundle file. */
  file: string;
  /** Hash of the inputs; also in the file name. */
  hash: string;
  bytes: number;
  /** Milliseconds the build took; null when the cached bundle was used. */
  buildMs: number | null;
  /** Rollup warnings of the build (lightning-base-components gives a few harmless ones). */
  warnings: string[];
}

export interface BundleOptions {
  projectRoot: string;
  /** Where bundles are cached; `.atlas/workbench` of the project by default. */
  cacheDir?: string;
}

const VERSIONED_PACKAGES = [
  'lwc',
  '@lwc/rollup-plugin',
  '@lwc/synthetic-shadow',
  'lightning-base-components',
  'rollup',
  'typescript'
];

/** The LWC engine's development mode: clearer errors and warnings in the browser console. */
const MODE = 'development';

function apexMethods(): Record<string, boolean> {
  return Object.fromEntries(Object.entries(TWINS).map(([name, twin]) => [name, twin.cacheable]));
}

/** The installed version of a package of the project. */
function packageVersion(projectRoot: string, name: string): string {
  const manifest = path.join(projectRoot, 'node_modules', name, 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Every file whose content goes into the bundle, or decides how it is built. */
function inputFiles(folders: readonly string[]): string[] {
  const componentFiles = folders.flatMap((folder) =>
    listFiles(folder, (name) => /\.(js|html|css)$/.test(name)).filter(
      (file) => !file.includes(`${path.sep}__tests__${path.sep}`)
    )
  );
  const bundlerFiles = ['bundle.ts', 'platform-modules.ts'].map((name) => path.join(__dirname, name));
  return [...componentFiles, ...listFiles(CLIENT_DIR, () => true), ...bundlerFiles];
}

export function bundleHash(projectRoot: string): string {
  const folders = lwcFolders(projectRoot);
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ MODE, apex: apexMethods(), mounted: MOUNTED_COMPONENTS }));
  for (const name of VERSIONED_PACKAGES) {
    hash.update(`${name}@${packageVersion(projectRoot, name)}\n`);
  }
  for (const file of inputFiles(folders)) {
    hash.update(`${path.relative(projectRoot, file)}\n`);
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function describeLog(log: RollupLog): string {
  const where = log.loc ? ` (${log.loc.file ?? log.id ?? ''}:${log.loc.line})` : '';
  return `${log.code ?? log.pluginCode ?? 'WARNING'}: ${log.message}${where}`;
}

async function build(projectRoot: string, target: string): Promise<string[]> {
  const warnings: string[] = [];
  const folders = lwcFolders(projectRoot);
  const bundle = await rollup({
    input: path.join(CLIENT_DIR, 'main.ts'),
    onLog: (level, log) => {
      if (level === 'warn') {
        warnings.push(describeLog(log));
      }
    },
    plugins: [
      clientTypeScript(),
      platformModules({
        lwcFolders: folders,
        apexMethods: apexMethods(),
        mountedComponents: MOUNTED_COMPONENTS
      }),
      replace({
        preventAssignment: true,
        values: {
          'process.env.NODE_ENV': JSON.stringify(MODE),
          'import.meta.env.SSR': 'false'
        }
      }),
      lwc({
        rootDir: CLIENT_DIR,
        // lightning-datatable's sorting dialog is a dynamic component (lwc:is); lightning-combobox attaches
        // element internals, which synthetic shadow supports only when asked to.
        enableDynamicComponents: true,
        enableSyntheticElementInternals: true,
        modules: [{ dir: path.join(CLIENT_DIR, 'lwc') }, { npm: 'lightning-base-components' }]
      })
    ]
  });
  try {
    await bundle.write({ file: target, format: 'iife', inlineDynamicImports: true, sourcemap: false });
  } finally {
    await bundle.close();
  }
  return warnings;
}

/** A build failure as one line naming the file and line, instead of Rollup's error object. */
function buildError(error: unknown): Error {
  const log = error as RollupLog & { message?: string };
  const file = log.loc?.file ?? log.id;
  const where = file === undefined ? '' : `${file}${log.loc ? `:${log.loc.line}` : ''}: `;
  return new Error(`The workbench bundle did not build: ${where}${log.message ?? String(error)}`, {
    cause: error
  });
}

/** The bundle for the project as it is now: the cached one when nothing changed, else a fresh build. */
export async function clientBundle(options: BundleOptions): Promise<ClientBundle> {
  const cacheDir = options.cacheDir ?? path.join(options.projectRoot, '.atlas', 'workbench');
  const hash = bundleHash(options.projectRoot);
  const file = path.join(cacheDir, `app.${hash}.js`);
  const meta = path.join(cacheDir, `app.${hash}.json`);
  if (fs.existsSync(file) && fs.existsSync(meta)) {
    const { warnings } = JSON.parse(fs.readFileSync(meta, 'utf8')) as { warnings: string[] };
    return { file, hash, bytes: fs.statSync(file).size, buildMs: null, warnings };
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const started = Date.now();
  const temporary = `${file}.${process.pid}.tmp`;
  const warnings = await build(options.projectRoot, temporary).catch((error: unknown) => {
    fs.rmSync(temporary, { force: true });
    throw buildError(error);
  });
  const buildMs = Date.now() - started;
  fs.renameSync(temporary, file);
  fs.writeFileSync(meta, `${JSON.stringify({ hash, buildMs, warnings }, null, 2)}\n`);
  for (const old of fs.readdirSync(cacheDir)) {
    if (/^app\.[0-9a-f]{16}\.(js|json)$/.test(old) && !old.startsWith(`app.${hash}.`)) {
      fs.rmSync(path.join(cacheDir, old), { force: true });
    }
  }
  return { file, hash, bytes: fs.statSync(file).size, buildMs, warnings };
}
