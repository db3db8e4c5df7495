import path from 'node:path';
import { componentBundles, lwcFolders } from '../lib/components';

/** The file the components' tsconfig extends for its `c/<name>` module paths. */
export const COMPONENT_PATHS_FILE = 'tsconfig.components.json';

/**
 * TypeScript cannot map `c/<name>` to `lwc/<name>/<name>` with one pattern (a substitution may hold one `*`), so
 * the generator lists every component of every lwc folder, relative to the generated file.
 */
export function componentPathsConfig(root: string, outDir: string): { text: string; components: number } {
  const paths: Record<string, string[]> = {};
  for (const folder of lwcFolders(root)) {
    for (const bundle of componentBundles(folder)) {
      paths[`c/${bundle}`] = [
        path
          .relative(outDir, path.join(folder, bundle, bundle))
          .split(path.sep)
          .join('/')
      ];
    }
  }
  const sorted = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  return {
    text: `${JSON.stringify({ compilerOptions: { paths: sorted } }, null, 2)}\n`,
    components: Object.keys(sorted).length
  };
}
