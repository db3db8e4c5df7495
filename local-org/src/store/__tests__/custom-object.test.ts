/**
 * Field kinds the project's data model does not use yet, on a fixture object: multi-select picklists (saved and
 * queried with INCLUDES/EXCLUDES) and an external id that is not unique (an upsert matching two records).
 */
import type { OrgStore } from '../../contracts';
import {
  createFixtureProject,
  metadataXml,
  OBJECTS,
  type FixtureProject
} from '../../../../tools/schema/__tests__/fixture-project';
import { codes, createOne, idsOf, openTestStore } from './helpers';

const ALL = { allOrNone: true };

function field(name: string, inner: string): string {
  return metadataXml('CustomField', `<fullName>${name}</fullName><label>${name}</label>${inner}`);
}

const COLORS = ['Red', 'Green', 'Blue']
  .map(
    (value) => `<value><fullName>${value}</fullName><default>false</default><label>${value}</label></value>`
  )
  .join('');

let project: FixtureProject;
let store: OrgStore;

beforeAll(async () => {
  project = createFixtureProject({
    [`${OBJECTS}/Gadget__c/Gadget__c.object-meta.xml`]: metadataXml(
      'CustomObject',
      '<label>Gadget</label><pluralLabel>Gadgets</pluralLabel><nameField><label>Name</label><type>Text</type></nameField>' +
        '<deploymentStatus>Deployed</deploymentStatus><sharingModel>ReadWrite</sharingModel>'
    ),
    [`${OBJECTS}/Gadget__c/fields/Colors__c.field-meta.xml`]: field(
      'Colors__c',
      `<type>MultiselectPicklist</type><visibleLines>3</visibleLines><valueSet><restricted>true</restricted><valueSetDefinition>${COLORS}</valueSetDefinition></valueSet>`
    ),
    [`${OBJECTS}/Gadget__c/fields/Code__c.field-meta.xml`]: field(
      'Code__c',
      '<type>Text</type><length>20</length><externalId>true</externalId>'
    ),
    [`${OBJECTS}/Gadget__c/fields/Stage__c.field-meta.xml`]: field(
      'Stage__c',
      '<type>Text</type><length>20</length><defaultValue>&quot;New&quot;</defaultValue>'
    ),
    [`${OBJECTS}/Gadget__c/fields/Count__c.field-meta.xml`]: field(
      'Count__c',
      '<type>Number</type><precision>5</precision><scale>0</scale><defaultValue>-3</defaultValue>'
    ),
    [`${OBJECTS}/Gadget__c/fields/Since__c.field-meta.xml`]: field(
      'Since__c',
      '<type>Date</type><defaultValue>TODAY()</defaultValue>'
    )
  });
  store = await openTestStore(undefined, project.root);
  idsOf(
    await store.create(
      'Gadget__c',
      [
        { Name: 'Flag', Colors__c: 'Blue;Red;Red', Code__c: 'G-1' },
        { Name: 'Leaf', Colors__c: 'Green', Code__c: 'G-1' },
        { Name: 'Ghost', Code__c: 'G-2' }
      ],
      ALL
    )
  );
});

afterAll(async () => {
  await store.close();
  project.remove();
});

async function names(where: string): Promise<unknown[]> {
  return (await store.query(`SELECT Name FROM Gadget__c WHERE ${where} ORDER BY Name`)).records.map(
    (r) => r['Name']
  );
}

describe('multi-select picklists', () => {
  it('store the chosen values once each, in the picklist order', async () => {
    expect(await names("Colors__c = 'red;blue'")).toEqual(['Flag']);
    const [flag] = (await store.query("SELECT Colors__c FROM Gadget__c WHERE Name = 'Flag'")).records;
    expect(flag?.['Colors__c']).toBe('Red;Blue');
  });

  it('reject values outside a restricted picklist', async () => {
    const [result] = await store.create('Gadget__c', [{ Name: 'Bad', Colors__c: 'Red;Purple' }], ALL);
    expect(result?.errors).toEqual([
      {
        errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: 'Colors__c: bad value for restricted picklist field: Purple',
        fields: ['Colors__c']
      }
    ]);
  });

  it('INCLUDES any of the listed sets; a set (a;b) needs all of its values', async () => {
    expect(await names("Colors__c INCLUDES ('red')")).toEqual(['Flag']);
    expect(await names("Colors__c INCLUDES ('Green', 'Blue')")).toEqual(['Flag', 'Leaf']);
    expect(await names("Colors__c INCLUDES ('Red;Green')")).toEqual([]);
    expect(await names("Colors__c INCLUDES ('Red;Blue')")).toEqual(['Flag']);
  });

  it('EXCLUDES, including records with no value', async () => {
    expect(await names("Colors__c EXCLUDES ('Red')")).toEqual(['Ghost', 'Leaf']);
  });
});

describe('default values', () => {
  it('fill constant and TODAY() defaults of fields the request leaves out, not of those it sets', async () => {
    const id = await createOne(store, 'Gadget__c', { Name: 'Defaults', Count__c: null });
    const gadget = await store.retrieve('Gadget__c', id, ['Stage__c', 'Count__c', 'Since__c']);
    expect(gadget).toMatchObject({ Stage__c: 'New', Count__c: null, Since__c: '2026-11-23' });
    const [other] = (await store.query("SELECT Count__c FROM Gadget__c WHERE Name = 'Flag'")).records;
    expect(other?.['Count__c']).toBe(-3);
  });
});

describe('external ids that are not unique', () => {
  it('DUPLICATE_EXTERNAL_ID when the upsert key matches more than one record', async () => {
    const [duplicate, single] = await store.upsert(
      'Gadget__c',
      'Code__c',
      [
        { Code__c: 'g-1', Name: 'Which one?' },
        { Code__c: 'G-2', Name: 'Ghost 2' }
      ],
      { allOrNone: false }
    );
    expect(codes([duplicate!])).toEqual([['DUPLICATE_EXTERNAL_ID']]);
    expect(duplicate?.errors[0]?.message).toMatch(
      /^Code__c: more than one record found for external id field: \[a00\w+, a00\w+\]$/
    );
    expect(single).toMatchObject({ success: true, created: false });
  });

  it('lets two records share a value of a field that is not unique', async () => {
    await expect(createOne(store, 'Gadget__c', { Name: 'Third', Code__c: 'G-1' })).resolves.toMatch(/^a00/);
  });
});
