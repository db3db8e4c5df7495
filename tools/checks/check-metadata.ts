import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Finding } from '../lib/findings';
import { listFiles, packageDirectories } from '../lib/files';

/** Source file endings and the metadata type each one is, with how the member is named. */
const SOURCE_TYPES: { ending: string; type: string; member: (file: string) => string }[] = [
  { ending: '.object-meta.xml', type: 'CustomObject', member: (file) => baseName(file, '.object-meta.xml') },
  { ending: '.field-meta.xml', type: 'CustomField', member: (file) => childMember(file, '.field-meta.xml') },
  {
    ending: '.listView-meta.xml',
    type: 'ListView',
    member: (file) => childMember(file, '.listView-meta.xml')
  },
  {
    ending: '.validationRule-meta.xml',
    type: 'ValidationRule',
    member: (file) => childMember(file, '.validationRule-meta.xml')
  },
  { ending: '.cls-meta.xml', type: 'ApexClass', member: (file) => baseName(file, '.cls-meta.xml') },
  { ending: '.trigger-meta.xml', type: 'ApexTrigger', member: (file) => baseName(file, '.trigger-meta.xml') },
  {
    ending: '.js-meta.xml',
    type: 'LightningComponentBundle',
    member: (file) => path.basename(path.dirname(file))
  },
  {
    ending: '.permissionset-meta.xml',
    type: 'PermissionSet',
    member: (file) => baseName(file, '.permissionset-meta.xml')
  },
  { ending: '.app-meta.xml', type: 'CustomApplication', member: (file) => baseName(file, '.app-meta.xml') },
  { ending: '.tab-meta.xml', type: 'CustomTab', member: (file) => baseName(file, '.tab-meta.xml') },
  {
    ending: '.flexipage-meta.xml',
    type: 'FlexiPage',
    member: (file) => baseName(file, '.flexipage-meta.xml')
  },
  { ending: '.layout-meta.xml', type: 'Layout', member: (file) => baseName(file, '.layout-meta.xml') },
  { ending: '.md-meta.xml', type: 'CustomMetadata', member: (file) => baseName(file, '.md-meta.xml') },
  {
    ending: '.resource-meta.xml',
    type: 'StaticResource',
    member: (file) => baseName(file, '.resource-meta.xml')
  },
  {
    ending: '.messageChannel-meta.xml',
    type: 'LightningMessageChannel',
    member: (file) => baseName(file, '.messageChannel-meta.xml')
  }
];

/** Files authored for development that must never reach an org. */
const NEVER_DEPLOYED = /(\.ts$|(^|\/)tsconfig[^/]*\.json$|(^|\/)__tests__(\/|$)|(^|\/)__mocks__(\/|$))/;

function baseName(file: string, ending: string): string {
  return path.basename(file).slice(0, -ending.length);
}

function childMember(file: string, ending: string): string {
  return `${path.basename(path.dirname(path.dirname(file)))}.${baseName(file, ending)}`;
}

export type Inventory = Map<string, Set<string>>;

/**
 * What the source holds, by metadata type. Malformed XML and metadata files of an unknown type are findings:
 * the sf CLI converts both without complaint, and an org would reject them only at deploy time.
 */
export function sourceInventory(root: string): { inventory: Inventory; findings: Finding[] } {
  const inventory: Inventory = new Map();
  const findings: Finding[] = [];
  for (const file of packageDirectories(root).flatMap((dir) =>
    listFiles(dir, (name) => name.endsWith('-meta.xml'))
  )) {
    const validation = XMLValidator.validate(fs.readFileSync(file, 'utf8'));
    if (validation !== true) {
      findings.push({
        source: 'metadata',
        file,
        line: validation.err.line,
        column: validation.err.col,
        message: `malformed XML: ${validation.err.msg}`,
        severity: 1
      });
    }
    const kind = SOURCE_TYPES.find((candidate) => file.endsWith(candidate.ending));
    if (!kind) {
      findings.push({
        source: 'metadata',
        file,
        line: 1,
        message: 'metadata file of a type check:metadata does not know: add its ending to SOURCE_TYPES',
        severity: 2
      });
      continue;
    }
    const members = inventory.get(kind.type) ?? new Set<string>();
    members.add(kind.member(file));
    inventory.set(kind.type, members);
  }
  return { inventory, findings };
}

/** Reads the package.xml that `sf project convert source` writes. */
export function packageInventory(packageXml: string): Inventory {
  const parser = new XMLParser({ isArray: (name) => name === 'types' || name === 'members' });
  const parsed = parser.parse(packageXml) as { Package: { types?: { name: string; members: string[] }[] } };
  const inventory: Inventory = new Map();
  for (const entry of parsed.Package.types ?? []) {
    inventory.set(entry.name, new Set(entry.members.map(String)));
  }
  return inventory;
}

export interface MetadataOutcome {
  findings: Finding[];
  inventory: Inventory;
  outputDir: string;
}

/**
 * Converts the built source to metadata API format with the sf CLI, offline, then proves the output holds every
 * component of the package, that each component ships its built JavaScript, and that nothing meant only for
 * development (TypeScript, tests, tool configuration) is in it.
 */
export async function checkMetadata(root: string): Promise<MetadataOutcome> {
  const { inventory, findings } = sourceInventory(root);
  const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-mdapi-'));
  const converted = path.join(outputDir, 'package');
  await convertSource(root, converted);
  const shipped = packageInventory(fs.readFileSync(path.join(converted, 'package.xml'), 'utf8'));
  const packageXml = path.join(converted, 'package.xml');
  for (const [type, members] of inventory) {
    for (const member of members) {
      if (!shipped.get(type)?.has(member)) {
        findings.push({
          source: 'metadata',
          file: packageXml,
          line: 1,
          message: `${type} ${member} is in the source but not in the converted package`,
          severity: 1
        });
      }
    }
  }
  findings.push(...missingComponentJavaScript(converted, inventory), ...developmentFilesShipped(converted));
  return { findings, inventory: shipped, outputDir: converted };
}

function missingComponentJavaScript(converted: string, inventory: Inventory): Finding[] {
  return [...(inventory.get('LightningComponentBundle') ?? [])]
    .filter((bundle) => !fs.existsSync(path.join(converted, 'lwc', bundle, `${bundle}.js`)))
    .map((bundle) => ({
      source: 'metadata',
      file: path.join(converted, 'lwc', bundle),
      line: 1,
      message: `component ${bundle} has no ${bundle}.js: run \`npm run build\` first`,
      severity: 1
    }));
}

function developmentFilesShipped(converted: string): Finding[] {
  return listFiles(converted, () => true)
    .filter((file) => NEVER_DEPLOYED.test(path.relative(converted, file)))
    .map((file) => ({
      source: 'metadata',
      file,
      line: 1,
      message: 'development-only file in the deployable output: add it to .forceignore',
      severity: 1
    }));
}

function convertSource(root: string, outputDir: string): Promise<void> {
  const sf = path.join(root, 'node_modules', '.bin', 'sf');
  const env = {
    ...process.env,
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_HIDE_RELEASE_NOTES: 'true',
    SF_USE_PROGRESS_BAR: 'false'
  };
  return new Promise((resolve, reject) => {
    execFile(
      sf,
      ['project', 'convert', 'source', '--output-dir', outputDir, '--json'],
      { cwd: root, env },
      (error, stdout) => {
        if (error) {
          reject(new Error(`sf project convert source failed: ${describeSfFailure(stdout, error.message)}`));
          return;
        }
        resolve();
      }
    );
  });
}

function describeSfFailure(stdout: string, fallback: string): string {
  try {
    const result = JSON.parse(stdout) as { message?: string; name?: string };
    return result.message ?? result.name ?? fallback;
  } catch {
    return fallback;
  }
}
