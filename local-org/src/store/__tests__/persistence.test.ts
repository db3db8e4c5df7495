import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createFixtureProject,
  metadataXml,
  OBJECTS,
  type FixtureProject
} from '../../../../tools/schema/__tests__/fixture-project';
import { createOne, openTestStore } from './helpers';

const GADGET = metadataXml(
  'CustomObject',
  '<label>Gadget</label><pluralLabel>Gadgets</pluralLabel><nameField><label>Name</label><type>Text</type></nameField>' +
    '<deploymentStatus>Deployed</deploymentStatus><sharingModel>ReadWrite</sharingModel>'
);

function field(name: string, inner: string): string {
  return metadataXml('CustomField', `<fullName>${name}</fullName><label>${name}</label>${inner}`);
}

describe('a store with a data folder', () => {
  let project: FixtureProject;
  let dataDir: string;

  beforeAll(() => {
    project = createFixtureProject({
      [`${OBJECTS}/Gadget__c/Gadget__c.object-meta.xml`]: GADGET,
      [`${OBJECTS}/Gadget__c/fields/Size__c.field-meta.xml`]: field(
        'Size__c',
        '<type>Number</type><precision>5</precision><scale>1</scale>'
      )
    });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-store-'));
  });

  afterAll(() => {
    project.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps its data across a restart and adds the fields added to the project since', async () => {
    const first = await openTestStore(undefined, project.root, dataDir);
    const gadgetId = await createOne(first, 'Gadget__c', { Name: 'Sprocket', Size__c: 2.5 });
    const accountId = await createOne(first, 'Account', { Name: 'Kept' });
    const userId = first.currentUserId;
    await first.close();

    project.write(
      `${OBJECTS}/Gadget__c/fields/Color__c.field-meta.xml`,
      field('Color__c', '<type>Text</type><length>20</length>')
    );
    project.write(
      `${OBJECTS}/Gadget__c/fields/Is_Shiny__c.field-meta.xml`,
      field('Is_Shiny__c', '<type>Checkbox</type><defaultValue>true</defaultValue>')
    );
    project.write(`${OBJECTS}/Widget__c/Widget__c.object-meta.xml`, GADGET.replace(/Gadget/g, 'Widget'));

    const second = await openTestStore(undefined, project.root, dataDir);
    try {
      expect(second.currentUserId).toBe(userId);
      const gadgets = await second.query('SELECT Id, Name, Size__c, Color__c, Is_Shiny__c FROM Gadget__c');
      expect(gadgets.records).toEqual([
        {
          attributes: { type: 'Gadget__c', url: `/services/data/v66.0/sobjects/Gadget__c/${gadgetId}` },
          Id: gadgetId,
          Name: 'Sprocket',
          Size__c: 2.5,
          Color__c: null,
          Is_Shiny__c: true
        }
      ]);
      expect(
        (await second.query(`SELECT Name FROM Account WHERE Id = '${accountId}'`)).records[0]?.['Name']
      ).toBe('Kept');
      expect((await second.query('SELECT COUNT() FROM OpportunityStage')).totalSize).toBe(10);
      expect((await second.query('SELECT COUNT() FROM User')).totalSize).toBe(1);
      await createOne(second, 'Gadget__c', { Name: 'Gear', Color__c: 'Red' });
      await createOne(second, 'Widget__c', { Name: 'New object' });
      const newIds = await second.query('SELECT Id FROM Gadget__c ORDER BY CreatedDate, Id');
      expect(newIds.records.map((r) => r['Id'])).toContain(gadgetId);
      expect(new Set(newIds.records.map((r) => r['Id'])).size).toBe(2);
    } finally {
      await second.close();
    }
  }, 30_000);
});
