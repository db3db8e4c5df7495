import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

const COPIED = ['sfdx-project.json', '.forceignore', '.prettierrc', 'tsconfig.base.json', 'force-app'];

/**
 * A throw-away copy of the project in the system temp folder, sharing the repository's node_modules, so a test
 * can break something on purpose and run a check on it without touching the real tree.
 */
export interface ProjectCopy {
  root: string;
  write(relativePath: string, content: string): string;
  edit(relativePath: string, change: (content: string) => string): string;
  remove(): void;
}

export function copyProject(): ProjectCopy {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-check-'));
  for (const entry of COPIED) {
    fs.cpSync(path.join(REPO_ROOT, entry), path.join(root, entry), {
      recursive: true,
      filter: (source) => !/\/lwc\/.*\.js$/.test(source)
    });
  }
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const write = (relativePath: string, content: string): string => {
    const file = path.join(root, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };
  return {
    root,
    write,
    edit: (relativePath, change) =>
      write(relativePath, change(fs.readFileSync(path.join(root, relativePath), 'utf8'))),
    remove: () => fs.rmSync(root, { recursive: true, force: true })
  };
}

/** The 1-based line of the first line of `file` containing `text`. */
export function lineOf(file: string, text: string): number {
  const index = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text));
  if (index < 0) {
    throw new Error(`${text} is not in ${file}`);
  }
  return index + 1;
}

/** Registers a fresh copy before each test of the enclosing describe and removes it after: `project().root`. */
export function withProjectCopy(): () => ProjectCopy {
  let current: ProjectCopy | undefined;
  beforeEach(() => {
    current = copyProject();
  });
  afterEach(() => {
    current?.remove();
    current = undefined;
  });
  return () => {
    if (!current) {
      throw new Error('withProjectCopy() gives a copy only while a test runs');
    }
    return current;
  };
}
