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

  it('every custom field carries help text for users and a description for admins', () => {
    const fields = listFiles(path.join(ROOT, 'force-app'), (name) => name.endsWith('.field-meta.xml'));
    const missing = fields.flatMap((file) => {
      const xml = fs.readFileSync(file, 'utf8');
      const where = path.relative(ROOT, file);
      const custom = !file.includes('__mdt');
      return [
        ...(custom && !/<inlineHelpText>\S/.test(xml) ? [`${where}: no inlineHelpText`] : []),
        ...(!/<description>\S/.test(xml) ? [`${where}: no description`] : [])
      ];
    });
    expect(fields.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('every object the scripts load has a unique, case-insensitive External_Id__c', () => {
    const objects = path.join(ROOT, 'force-app', 'main', 'default', 'objects');
    const loaded = fs
      .readdirSync(objects)
      .filter((name) => !name.endsWith('__mdt') && name !== 'Activity')
      .concat('Activity');
    const problems = [...new Set(loaded)].flatMap((object) => {
      const file = path.join(objects, object, 'fields', 'External_Id__c.field-meta.xml');
      if (!fs.existsSync(file)) {
        return [`${object} has no External_Id__c`];
      }
      const xml = fs.readFileSync(file, 'utf8');
      return [
        '<externalId>true</externalId>',
        '<unique>true</unique>',
        '<caseSensitive>false</caseSensitive>'
      ]
        .filter((setting) => !xml.includes(setting))
        .map((setting) => `${object}.External_Id__c lacks ${setting}`);
    });
    expect(problems).toEqual([]);
  });
});
