import path from 'node:path';
import { checkMetadata, packageInventory, sourceInventory } from '../check-metadata';
import { componentBundles } from '../../lib/components';
import { copyProject, withProjectCopy } from './project-copy';

const LWC = 'force-app/main/default/lwc';

describe('check:metadata', () => {
  jest.setTimeout(60_000);
  const project = withProjectCopy();

  function buildComponentsByHand(): string[] {
    const bundles = componentBundles(path.join(project().root, LWC));
    for (const bundle of bundles) {
      project().write(`${LWC}/${bundle}/${bundle}.js`, 'export default {};\n');
    }
    return bundles;
  }

  it('finds every component of the source in the converted package, and nothing else to report', async () => {
    const bundles = buildComponentsByHand();

    const { findings, inventory } = await checkMetadata(project().root);

    expect(findings).toEqual([]);
    const { inventory: source } = sourceInventory(project().root);
    for (const type of ['CustomObject', 'CustomField', 'ApexClass', 'LightningComponentBundle', 'Layout']) {
      expect([...(inventory.get(type) ?? [])].sort()).toEqual([...(source.get(type) ?? [])].sort());
    }
    expect([...(inventory.get('LightningComponentBundle') ?? [])].sort()).toEqual(bundles);
    expect(inventory.get('CustomField')?.has('Buying_Center__c.Wallet__c')).toBe(true);
  });

  it('fails when a component has not been built to JavaScript', async () => {
    const { findings } = await checkMetadata(project().root);

    const bundles = componentBundles(path.join(project().root, LWC));
    expect(bundles.length).toBeGreaterThan(0);
    expect(findings.map((finding) => finding.message)).toEqual(
      bundles.map((bundle) => `component ${bundle} has no ${bundle}.js: run \`npm run build\` first`)
    );
  });

  it('fails when .forceignore lets TypeScript sources into the deployable output', async () => {
    buildComponentsByHand();
    project().edit('.forceignore', (content) => content.replace('**/lwc/**/*.ts\n', ''));

    const { findings } = await checkMetadata(project().root);

    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.message.includes('add it to .forceignore'))).toBe(true);
    expect(findings.map((finding) => path.basename(finding.file))).toContain('stageGuide.ts');
  });

  it('stops with the CLI message when the source cannot be converted', async () => {
    project().write(
      'sfdx-project.json',
      JSON.stringify({ packageDirectories: [{ path: 'moved', default: true }] })
    );

    await expect(checkMetadata(project().root)).rejects.toThrow(/sf project convert source failed/);
  });
});

describe('inventories', () => {
  it('names metadata files of a type the check does not know, instead of skipping them', () => {
    const project = copyProject();
    try {
      const file = project.write('force-app/main/default/weird/Thing.weird-meta.xml', '<Weird/>');
      const { findings } = sourceInventory(project.root);
      expect(findings).toEqual([expect.objectContaining({ file, source: 'metadata' })]);
    } finally {
      project.remove();
    }
  });

  it('reports malformed XML at its line, which the sf CLI would convert without complaint', () => {
    const project = copyProject();
    try {
      const file = project.write(
        'force-app/main/default/objects/Competitor__c/fields/Broken__c.field-meta.xml',
        '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField>\n  <label>Broken</label>\n  <type>Text</tipe>\n</CustomField>\n'
      );
      const { findings } = sourceInventory(project.root);
      expect(findings).toEqual([expect.objectContaining({ file, line: 4, source: 'metadata' })]);
      expect(findings[0]?.message).toMatch(/^malformed XML/);
    } finally {
      project.remove();
    }
  });

  it('reads a package.xml with one or many members per type', () => {
    const xml = `<?xml version="1.0"?><Package xmlns="http://soap.sforce.com/2006/04/metadata">
      <types><members>A</members><name>ApexClass</name></types>
      <types><members>X__c.F__c</members><members>X__c.G__c</members><name>CustomField</name></types>
      <version>66.0</version></Package>`;
    const inventory = packageInventory(xml);
    expect([...(inventory.get('ApexClass') ?? [])]).toEqual(['A']);
    expect([...(inventory.get('CustomField') ?? [])]).toEqual(['X__c.F__c', 'X__c.G__c']);
  });
});
