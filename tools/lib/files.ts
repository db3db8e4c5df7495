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
