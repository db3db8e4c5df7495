/**
 * Throw-away SFDX projects for tests: a temp folder with sfdx-project.json and the files a test writes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FixtureProject {
  root: string;
  /** Writes `content` at `relativePath` (creating folders) and returns the absolute path. */
  write(relativePath: string, content: string): string;
  remove(): void;
}

export interface FixtureOptions {
  namespace?: string;
  packageDirectories?: string[];
}

export function createFixtureProject(
  files: Record<string, string> = {},
  { namespace = 'atlas', packageDirectories = ['force-app'] }: FixtureOptions = {}
): FixtureProject {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-fixture-'));
  const write = (relativePath: string, content: string): string => {
    const file = path.join(root, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };
  const sfdxProject = { packageDirectories: packageDirectories.map((p) => ({ path: p })), namespace };
  write('sfdx-project.json', JSON.stringify(sfdxProject, null, 2));
  for (const [relativePath, content] of Object.entries(files)) write(relativePath, content);
  return { root, write, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const METADATA_NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

/** `<Root xmlns=...>inner</Root>` with the XML declaration, as metadata files are written. */
export function metadataXml(root: string, inner: string): string {
  return `${XML_HEADER}<${root} ${METADATA_NS}>\n${inner}\n</${root}>\n`;
}

/** Where source format keeps an object's files, under force-app/main/default. */
export const OBJECTS = 'force-app/main/default/objects';
