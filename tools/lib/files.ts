import fs from 'node:fs';
import path from 'node:path';

/** Every file below `dir` whose name passes `accept`, sorted, skipping node_modules and dot folders. */
export function listFiles(dir: string, accept: (name: string) => boolean): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) {
      continue;
    }
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...listFiles(full, accept));
    } else if (accept(entry.name)) {
      found.push(full);
    }
  }
  return found.sort();
}

/** The package directories named in sfdx-project.json, as absolute paths. */
export function packageDirectories(root: string): string[] {
  const project = JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')) as {
    packageDirectories: { path: string }[];
  };
  return project.packageDirectories.map((directory) => path.resolve(root, directory.path));
}

/** The project root: the nearest folder above `start` holding sfdx-project.json. */
export function projectRoot(start: string = process.cwd()): string {
  let dir = path.resolve(start);
  while (!fs.existsSync(path.join(dir, 'sfdx-project.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`No sfdx-project.json found in ${start} or any folder above it`);
    }
    dir = parent;
  }
  return dir;
}

/** The installed folder of an npm package, found from its entry point (some packages do not export package.json). */
export function packageFolder(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (!isPackageFolder(dir, name)) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`Cannot find the folder of the installed package ${name}`);
    }
    dir = parent;
  }
  return dir;
}

function isPackageFolder(dir: string, name: string): boolean {
  const manifest = path.join(dir, 'package.json');
  return (
    fs.existsSync(manifest) &&
    (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === name
  );
}
