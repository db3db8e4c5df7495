import fs from 'node:fs';
import path from 'node:path';
import { listFiles, packageDirectories } from './files';

/** Every `lwc` folder of the project's package directories. */
export function lwcFolders(root: string): string[] {
  return packageDirectories(root)
    .flatMap((dir) =>
      listFiles(dir, (name) => name === 'tsconfig.json').filter(
        (file) => path.basename(path.dirname(file)) === 'lwc'
      )
    )
    .map((file) => path.dirname(file));
}

/** The component bundles of an lwc folder: sub-folders holding `<name>.js-meta.xml` or `<name>.ts`. */
export function componentBundles(lwcFolder: string): string[] {
  return fs
    .readdirSync(lwcFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_') && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .filter((name) =>
      ['.js-meta.xml', '.ts'].some((ending) => fs.existsSync(path.join(lwcFolder, name, `${name}${ending}`)))
    )
    .sort();
}
