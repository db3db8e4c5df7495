/**
 * Locating an SFDX project's metadata: sfdx-project.json and the metadata folders (objects, classes, lwc, ...) under
 * its package directories, at whatever depth the source layout puts them (force-app/main/default/objects, ...).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export interface SfdxProject {
  /** Absolute project root. */
  root: string;
  namespace: string | null;
  /** As written in sfdx-project.json, relative to root. */
  packageDirectories: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${file}: cannot read sfdx-project.json: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}

export function readSfdxProject(projectRoot: string): SfdxProject {
  const root = resolve(projectRoot);
  const file = join(root, 'sfdx-project.json');
  const json = parseJson(file);
  const directories = isRecord(json) ? json['packageDirectories'] : undefined;
  if (!Array.isArray(directories) || directories.length === 0) {
    throw new Error(`${file}: packageDirectories must be a non-empty array`);
  }
  const packageDirectories = directories.map((entry, index) => {
    const path = isRecord(entry) ? entry['path'] : undefined;
    if (typeof path !== 'string')
      throw new Error(`${file}: packageDirectories[${index}].path must be a string`);
    return path;
  });
  const namespace = isRecord(json) && typeof json['namespace'] === 'string' ? json['namespace'] : '';
  return { root, namespace: namespace === '' ? null : namespace, packageDirectories };
}

/** Sorted entries of `dir` (empty when it does not exist), skipping dot-entries and node_modules. */
function entries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && name !== 'node_modules')
    .sort();
}

function isDirectory(path: string): boolean {
  return statSync(path).isDirectory();
}

/** Every directory named `folderName` under the project's package directories, in package-directory order. */
export function findMetadataFolders(project: SfdxProject, folderName: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const name of entries(dir)) {
      const path = join(dir, name);
      if (!isDirectory(path)) continue;
      if (name === folderName) found.push(path);
      else visit(path);
    }
  };
  for (const packageDirectory of project.packageDirectories) visit(join(project.root, packageDirectory));
  return found;
}

/** Files directly in `dir` whose name ends with `suffix`, sorted. */
export function filesWithSuffix(dir: string, suffix: string): string[] {
  return entries(dir)
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(dir, name))
    .filter((path) => !isDirectory(path));
}

/** Files anywhere below `dir` whose name ends with `suffix`, sorted. */
export function filesWithSuffixDeep(dir: string, suffix: string): string[] {
  return entries(dir).flatMap((name) => {
    const path = join(dir, name);
    if (isDirectory(path)) return filesWithSuffixDeep(path, suffix);
    return name.endsWith(suffix) ? [path] : [];
  });
}

/** Sub-directories of `dir`, sorted. */
export function subdirectories(dir: string): string[] {
  return entries(dir)
    .map((name) => join(dir, name))
    .filter(isDirectory);
}

/** Files below the project's `folderName` folders (e.g. 'classes', '.cls'), in package-directory order. */
export function findMetadataFiles(project: SfdxProject, folderName: string, suffix: string): string[] {
  return findMetadataFolders(project, folderName).flatMap((dir) => filesWithSuffixDeep(dir, suffix));
}

/** `file` relative to the project root, for messages. */
export function projectPath(project: SfdxProject, file: string): string {
  return relative(project.root, file);
}
