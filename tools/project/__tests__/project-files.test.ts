import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { listFiles } from '../../lib/files';

const ROOT = path.resolve(__dirname, '../../..');
const SCHEMAS = path.join(ROOT, 'node_modules', '@salesforce', 'schemas');

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function validate(schemaFile: string, dataFile: string): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const check = ajv.compile(readJson(path.join(SCHEMAS, schemaFile)) as object);
  check(readJson(path.join(ROOT, dataFile)));
  return (check.errors ?? []).map((error) => `${dataFile}${error.instancePath} ${error.message ?? ''}`);
}

interface SfdxProject {
  namespace: string;
  sourceApiVersion: string;
  packageDirectories: { path: string; package?: string; versionNumber?: string; default?: boolean }[];
}

describe('project files', () => {
  it('sfdx-project.json is valid against Salesforce schema', () => {
    expect(validate('sfdx-project.schema.json', 'sfdx-project.json')).toEqual([]);
  });

  it('config/project-scratch-def.json is valid against Salesforce schema', () => {
    expect(validate('project-scratch-def.schema.json', 'config/project-scratch-def.json')).toEqual([]);
  });

  it('the schemas reject what is wrong, so the two checks above can fail', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const scratch = ajv.compile(readJson(path.join(SCHEMAS, 'project-scratch-def.schema.json')) as object);
    expect(scratch({ edition: 'Enterprise', features: ['NoSuchFeature!'] })).toBe(false);
    const project = ajv.compile(readJson(path.join(SCHEMAS, 'sfdx-project.schema.json')) as object);
    expect(project({ packageDirectories: 'force-app' })).toBe(false);
  });

  it('declares the managed package Account Atlas in namespace atlas, ready for package versions', () => {
    const project = readJson(path.join(ROOT, 'sfdx-project.json')) as SfdxProject;
    expect(project.namespace).toBe('atlas');
    const [directory] = project.packageDirectories;
    expect(directory).toMatchObject({ path: 'force-app', package: 'Account Atlas', default: true });
    expect(directory?.versionNumber).toMatch(/^\d+\.\d+\.\d+\.NEXT$/);
  });

  it('every metadata file uses the project source API version', () => {
    const { sourceApiVersion } = readJson(path.join(ROOT, 'sfdx-project.json')) as SfdxProject;
    const mismatched = listFiles(path.join(ROOT, 'force-app'), (name) => name.endsWith('-meta.xml'))
      .map((file) => ({
        file,
        version: /<apiVersion>([^<]+)<\/apiVersion>/.exec(fs.readFileSync(file, 'utf8'))?.[1]
      }))
      .filter(({ version }) => version !== undefined && version !== sourceApiVersion)
      .map(({ file, version }) => `${path.relative(ROOT, file)} uses ${version}`);
    expect(mismatched).toEqual([]);
  });
});
