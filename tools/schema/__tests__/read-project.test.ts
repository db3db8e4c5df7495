import fs from 'node:fs';
import path from 'node:path';
import {
  findField,
  findObject,
  readCustomMetadataRecords,
  readProjectSchema,
  withNamespace
} from '../read-project';
import type { FieldDescriptor, ProjectSchema } from '../types';
import { OBJECTS, createFixtureProject, metadataXml, type FixtureProject } from './fixture-project';

const objectXml = (inner: string): string => metadataXml('CustomObject', inner);
const fieldXml = (inner: string): string => metadataXml('CustomField', inner);

const PLAN_OBJECT = objectXml(`
  <label>Account Plan</label>
  <pluralLabel>Account Plans</pluralLabel>
  <nameField><label>Plan Name</label><type>Text</type></nameField>
  <sharingModel>Private</sharingModel>
  <enableActivities>true</enableActivities>`);

const CENTER_OBJECT = objectXml(`
  <label>Buying Center</label>
  <pluralLabel>Buying Centers</pluralLabel>
  <nameField><label>Center Number</label><type>AutoNumber</type><displayFormat>BC-{0000}</displayFormat></nameField>
  <sharingModel>ControlledByParent</sharingModel>`);

function readEmptyProject(): ProjectSchema {
  const project = createFixtureProject();
  const schema = readProjectSchema(project.root);
  project.remove();
  return schema;
}

/** A small data model exercising every metadata field type the reader converts. */
function planProject(): FixtureProject {
  return createFixtureProject({
    [`${OBJECTS}/Account_Plan__c/Account_Plan__c.object-meta.xml`]: PLAN_OBJECT,
    [`${OBJECTS}/Account_Plan__c/fields/Account__c.field-meta.xml`]: fieldXml(`
      <label>Account</label><type>Lookup</type><referenceTo>Account</referenceTo>
      <relationshipName>Account_Plans</relationshipName><required>true</required>
      <deleteConstraint>Restrict</deleteConstraint>`),
    [`${OBJECTS}/Account_Plan__c/fields/Sponsor__c.field-meta.xml`]: fieldXml(`
      <label>Sponsor</label><type>Lookup</type><referenceTo>user</referenceTo>
      <relationshipName>Sponsored_Plans</relationshipName><deleteConstraint>SetNull</deleteConstraint>`),
    [`${OBJECTS}/Account_Plan__c/fields/Vision__c.field-meta.xml`]: fieldXml(`
      <label>Vision</label><type>LongTextArea</type><length>32768</length><visibleLines>5</visibleLines>
      <inlineHelpText>Where the customer is going.</inlineHelpText>`),
    [`${OBJECTS}/Account_Plan__c/fields/Summary__c.field-meta.xml`]: fieldXml(`
      <label>Summary</label><type>TextArea</type>`),
    [`${OBJECTS}/Account_Plan__c/fields/Notes__c.field-meta.xml`]: fieldXml(`
      <label>Notes</label><type>Html</type><length>32768</length><visibleLines>10</visibleLines>`),
    [`${OBJECTS}/Account_Plan__c/fields/Code__c.field-meta.xml`]: fieldXml(`
      <label>Code</label><type>Text</type><length>20</length><externalId>true</externalId><unique>true</unique>
      <caseSensitive>true</caseSensitive><required>true</required>`),
    [`${OBJECTS}/Account_Plan__c/fields/Health__c.field-meta.xml`]: fieldXml(`
      <label>Health</label><type>Number</type><precision>3</precision><scale>0</scale>`),
    [`${OBJECTS}/Account_Plan__c/fields/Goal__c.field-meta.xml`]: fieldXml(`
      <label>Goal</label><type>Currency</type><precision>16</precision><scale>2</scale>`),
    [`${OBJECTS}/Account_Plan__c/fields/Share__c.field-meta.xml`]: fieldXml(`
      <label>Share</label><type>Percent</type><precision>5</precision><scale>2</scale>`),
    [`${OBJECTS}/Account_Plan__c/fields/Is_Key__c.field-meta.xml`]: fieldXml(`
      <label>Key Account</label><type>Checkbox</type><defaultValue>true</defaultValue>`),
    [`${OBJECTS}/Account_Plan__c/fields/Start__c.field-meta.xml`]: fieldXml(`
      <label>Start</label><type>Date</type><defaultValue>TODAY()</defaultValue>`),
    [`${OBJECTS}/Account_Plan__c/fields/Reviewed_At__c.field-meta.xml`]: fieldXml(`
      <label>Reviewed At</label><type>DateTime</type>`),
    [`${OBJECTS}/Account_Plan__c/fields/Call_Time__c.field-meta.xml`]: fieldXml(`
      <label>Call Time</label><type>Time</type>`),
    [`${OBJECTS}/Account_Plan__c/fields/Contact_Email__c.field-meta.xml`]: fieldXml(`
      <label>Contact Email</label><type>Email</type>`),
    [`${OBJECTS}/Account_Plan__c/fields/Hotline__c.field-meta.xml`]: fieldXml(`
      <label>Hotline</label><type>Phone</type>`),
    [`${OBJECTS}/Account_Plan__c/fields/Portal__c.field-meta.xml`]: fieldXml(`
      <label>Portal</label><type>Url</type>`),
    [`${OBJECTS}/Account_Plan__c/fields/Status__c.field-meta.xml`]: fieldXml(`
      <label>Status</label><type>Picklist</type>
      <valueSet>
        <restricted>true</restricted>
        <valueSetDefinition>
          <sorted>false</sorted>
          <value><fullName>Draft</fullName><default>true</default><label>Draft</label></value>
          <value><fullName>Active</fullName><default>false</default><label>In effect</label></value>
          <value><fullName>Retired</fullName><default>false</default><label>Retired</label><isActive>false</isActive></value>
        </valueSetDefinition>
      </valueSet>`),
    [`${OBJECTS}/Account_Plan__c/fields/Regions__c.field-meta.xml`]: fieldXml(`
      <label>Regions</label><type>MultiselectPicklist</type><visibleLines>4</visibleLines>
      <valueSet><valueSetName>Regions</valueSetName></valueSet>`),
    [`${OBJECTS}/Account_Plan__c/fields/Total_Wallet__c.field-meta.xml`]: fieldXml(`
      <label>Total Wallet</label><type>Summary</type><summaryOperation>sum</summaryOperation>
      <summarizedField>Buying_Center__c.Wallet__c</summarizedField>
      <summaryForeignKey>Buying_Center__c.Account_Plan__c</summaryForeignKey>`),
    [`${OBJECTS}/Account_Plan__c/fields/Center_Count__c.field-meta.xml`]: fieldXml(`
      <label>Centers</label><type>Summary</type><summaryOperation>count</summaryOperation>
      <summaryForeignKey>Buying_Center__c.Account_Plan__c</summaryForeignKey>`),
    [`${OBJECTS}/Account_Plan__c/fields/First_Review__c.field-meta.xml`]: fieldXml(`
      <label>First Review</label><type>Summary</type><summaryOperation>min</summaryOperation>
      <summarizedField>Buying_Center__c.Reviewed__c</summarizedField>
      <summaryForeignKey>Buying_Center__c.Account_Plan__c</summaryForeignKey>`),
    [`${OBJECTS}/Account_Plan__c/fields/Is_Overdue__c.field-meta.xml`]: fieldXml(`
      <label>Overdue</label><type>Checkbox</type><formula>Next_Review__c &lt; TODAY()</formula>
      <formulaTreatBlanksAs>BlankAsZero</formulaTreatBlanksAs>`),
    [`${OBJECTS}/Account_Plan__c/fields/Wallet_Share__c.field-meta.xml`]: fieldXml(`
      <label>Wallet Share</label><type>Percent</type><precision>18</precision><scale>1</scale>
      <formula>IF(Total_Wallet__c = 0, NULL, Goal__c / Total_Wallet__c)</formula>`),
    [`${OBJECTS}/Account_Plan__c/fields/Label__c.field-meta.xml`]: fieldXml(`
      <label>Label</label><type>Text</type><formula>Name &amp; ' (' &amp; Code__c &amp; ')'</formula>`),
    [`${OBJECTS}/Account_Plan__c/fields/Days_Left__c.field-meta.xml`]: fieldXml(`
      <type>Number</type><scale>0</scale><formula>Next_Review__c - TODAY()</formula>`),
    [`${OBJECTS}/Account_Plan__c/fields/Goal_Left__c.field-meta.xml`]: fieldXml(`
      <type>Currency</type><scale>2</scale><formula>Goal__c - Total_Wallet__c</formula>`),
    [`${OBJECTS}/Account_Plan__c/fields/Review_Day__c.field-meta.xml`]: fieldXml(`
      <type>Date</type><formula>TODAY() + 7</formula>`),
    [`${OBJECTS}/Account_Plan__c/fields/Review_At__c.field-meta.xml`]: fieldXml(`
      <type>DateTime</type><formula>NOW()</formula>`),
    [`${OBJECTS}/Account_Plan__c/fields/Review_Time__c.field-meta.xml`]: fieldXml(`
      <type>Time</type><formula>TIMENOW()</formula>`),
    [`${OBJECTS}/Buying_Center__c/Buying_Center__c.object-meta.xml`]: CENTER_OBJECT,
    [`${OBJECTS}/Buying_Center__c/fields/Account_Plan__c.field-meta.xml`]: fieldXml(`
      <label>Account Plan</label><type>MasterDetail</type><referenceTo>Account_Plan__c</referenceTo>
      <relationshipName>Buying_Centers</relationshipName><relationshipOrder>0</relationshipOrder>
      <reparentableMasterDetail>true</reparentableMasterDetail>`),
    [`${OBJECTS}/Buying_Center__c/fields/Leader__c.field-meta.xml`]: fieldXml(`
      <label>Leader</label><type>Lookup</type><referenceTo>Contact</referenceTo>
      <relationshipName>Led_Centers</relationshipName><deleteConstraint>Cascade</deleteConstraint>`),
    [`${OBJECTS}/Buying_Center__c/fields/Wallet__c.field-meta.xml`]: fieldXml(`
      <label>Wallet</label><type>Currency</type><precision>18</precision><scale>0</scale>`),
    [`${OBJECTS}/Buying_Center__c/fields/Reviewed__c.field-meta.xml`]: fieldXml(`
      <label>Reviewed</label><type>Date</type>`),
    [`${OBJECTS}/Account/fields/External_Id__c.field-meta.xml`]: fieldXml(`
      <label>External Id</label><type>Text</type><length>80</length><externalId>true</externalId>`),
    [`${OBJECTS}/Account/fields/Industry.field-meta.xml`]: fieldXml(`<trackHistory>true</trackHistory>`),
    [`${OBJECTS}/Account/listViews/All.listView-meta.xml`]: metadataXml(
      'ListView',
      '<fullName>All</fullName>'
    ),
    [`${OBJECTS}/Activity/fields/Source__c.field-meta.xml`]: fieldXml(`
      <label>Source</label><type>Text</type><length>40</length>`),
    'force-app/main/default/globalValueSets/Regions.globalValueSet-meta.xml': metadataXml(
      'GlobalValueSet',
      `<customValue><fullName>EMEA</fullName><default>false</default><label>Europe</label></customValue>
       <customValue><fullName>AMER</fullName><default>false</default><label>Americas</label></customValue>
       <masterLabel>Regions</masterLabel><sorted>false</sorted>`
    )
  });
}

describe('readProjectSchema', () => {
  let project: FixtureProject;
  let schema: ProjectSchema;

  beforeAll(() => {
    project = planProject();
    schema = readProjectSchema(project.root);
  });

  afterAll(() => project.remove());

  const fieldOf = (objectName: string, fieldName: string): FieldDescriptor => {
    const found = findField(schema, objectName, fieldName);
    if (found === undefined) throw new Error(`${objectName}.${fieldName} not found`);
    return found;
  };

  it('reads the project file and sorts standard and custom objects by name', () => {
    expect(schema.projectRoot).toBe(path.resolve(project.root));
    expect(schema.namespace).toBe('atlas');
    expect(schema.packageDirectories).toEqual(['force-app']);
    const names = schema.objects.map((o) => o.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['Account', 'Account_Plan__c', 'Buying_Center__c', 'Task']));
    expect(names).not.toContain('Activity');
  });

  it('describes a custom object with the standard fields Salesforce adds', () => {
    const plan = findObject(schema, 'account_plan__c');
    expect(plan).toMatchObject({
      name: 'Account_Plan__c',
      label: 'Account Plan',
      labelPlural: 'Account Plans',
      custom: true,
      customSetting: false,
      isCustomMetadata: false,
      sharingModel: 'Private',
      keyPrefix: 'a00'
    });
    expect(plan?.fields.slice(0, 10).map((f) => f.name)).toEqual([
      'Id',
      'OwnerId',
      'Name',
      'IsDeleted',
      'CreatedDate',
      'CreatedById',
      'LastModifiedDate',
      'LastModifiedById',
      'SystemModstamp',
      'LastActivityDate'
    ]);
    expect(fieldOf('Account_Plan__c', 'OwnerId')).toMatchObject({
      referenceTo: ['Group', 'User'],
      relationshipName: 'Owner',
      nillable: false
    });
    expect(fieldOf('Account_Plan__c', 'Name')).toMatchObject({
      type: 'string',
      length: 80,
      label: 'Plan Name',
      nameField: true,
      createable: true
    });
  });

  it('gives a detail object no owner and an auto-number name, and assigns key prefixes in name order', () => {
    const center = findObject(schema, 'Buying_Center__c');
    expect(center?.keyPrefix).toBe('a01');
    expect(center?.fields.map((f) => f.name)).not.toContain('OwnerId');
    expect(fieldOf('Buying_Center__c', 'Name')).toMatchObject({
      type: 'string',
      autoNumber: true,
      createable: false,
      updateable: false,
      length: 30
    });
  });

  it.each([
    ['Vision__c', { type: 'textarea', length: 32768, inlineHelpText: 'Where the customer is going.' }],
    ['Summary__c', { type: 'textarea', length: 255 }],
    ['Notes__c', { type: 'textarea', length: 32768 }],
    [
      'Code__c',
      { type: 'string', length: 20, externalId: true, unique: true, caseSensitive: true, nillable: false }
    ],
    ['Health__c', { type: 'double', precision: 3, scale: 0 }],
    ['Goal__c', { type: 'currency', precision: 16, scale: 2 }],
    ['Share__c', { type: 'percent', precision: 5, scale: 2 }],
    ['Is_Key__c', { type: 'boolean', nillable: false, defaultedOnCreate: true, defaultValue: true }],
    ['Start__c', { type: 'date', defaultedOnCreate: true, defaultValue: 'TODAY()' }],
    ['Reviewed_At__c', { type: 'datetime' }],
    ['Call_Time__c', { type: 'time' }],
    ['Contact_Email__c', { type: 'email', length: 80 }],
    ['Hotline__c', { type: 'phone', length: 40 }],
    ['Portal__c', { type: 'url', length: 255 }],
    ['Regions__c', { type: 'multipicklist', length: 4099, restrictedPicklist: true }],
    [
      'Is_Overdue__c',
      { type: 'boolean', calculated: true, createable: false, formula: 'Next_Review__c < TODAY()' }
    ],
    ['Wallet_Share__c', { type: 'percent', calculated: true, precision: 18, scale: 1, updateable: false }],
    ['Label__c', { type: 'string', length: 1300, calculated: true, formula: "Name & ' (' & Code__c & ')'" }],
    ['Days_Left__c', { type: 'double', precision: 18, scale: 0, calculated: true }],
    ['Goal_Left__c', { type: 'currency', precision: 18, scale: 2, calculated: true }],
    ['Review_Day__c', { type: 'date', calculated: true }],
    ['Review_At__c', { type: 'datetime', calculated: true }],
    ['Review_Time__c', { type: 'time', calculated: true }]
  ])('converts %s', (fieldName, expected) => {
    expect(fieldOf('Account_Plan__c', fieldName)).toMatchObject({ ...expected, custom: true });
  });

  it('reads picklist values, their labels, defaults and active flags, and global value sets', () => {
    expect(fieldOf('Account_Plan__c', 'Status__c')).toMatchObject({
      type: 'picklist',
      restrictedPicklist: true,
      defaultedOnCreate: false,
      picklistValues: [
        { value: 'Draft', label: 'Draft', active: true, defaultValue: true },
        { value: 'Active', label: 'In effect', active: true, defaultValue: false },
        { value: 'Retired', label: 'Retired', active: false, defaultValue: false }
      ]
    });
    expect(
      fieldOf('Account_Plan__c', 'Regions__c').picklistValues.map((v) => `${v.value}=${v.label}`)
    ).toEqual(['EMEA=Europe', 'AMER=Americas']);
  });

  it('converts lookups: a required one restricts deletes, Cascade cascades, targets take their exact name', () => {
    expect(fieldOf('Account_Plan__c', 'Account__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['Account'],
      relationshipName: 'Account__r',
      nillable: false,
      restrictedDelete: true,
      cascadeDelete: false
    });
    expect(fieldOf('Account_Plan__c', 'Sponsor__c')).toMatchObject({
      referenceTo: ['User'],
      restrictedDelete: false
    });
    expect(fieldOf('Buying_Center__c', 'Leader__c')).toMatchObject({ cascadeDelete: true });
  });

  it('converts a master-detail: never null, cascade delete, updateable only when reparentable', () => {
    expect(fieldOf('Buying_Center__c', 'Account_Plan__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['Account_Plan__c'],
      relationshipName: 'Account_Plan__r',
      relationshipOrder: 0,
      nillable: false,
      cascadeDelete: true,
      createable: true,
      updateable: true
    });
  });

  it('types roll-up summaries from the summarized field', () => {
    expect(fieldOf('Account_Plan__c', 'Total_Wallet__c')).toMatchObject({
      type: 'currency',
      precision: 18,
      scale: 0,
      calculated: true,
      createable: false,
      summary: {
        operation: 'sum',
        summarizedField: 'Buying_Center__c.Wallet__c',
        foreignKey: 'Buying_Center__c.Account_Plan__c'
      }
    });
    expect(fieldOf('Account_Plan__c', 'Center_Count__c')).toMatchObject({
      type: 'double',
      precision: 18,
      scale: 0
    });
    const firstReview = fieldOf('Account_Plan__c', 'First_Review__c');
    expect(firstReview.type).toBe('date');
    expect(firstReview.precision).toBeUndefined();
  });

  it('merges custom fields of standard objects into the catalog, keeping catalog standard fields', () => {
    expect(fieldOf('Account', 'External_Id__c')).toMatchObject({
      type: 'string',
      externalId: true,
      custom: true
    });
    expect(fieldOf('Account', 'Industry').picklistValues.length).toBeGreaterThan(10);
    expect(fieldOf('Task', 'Source__c')).toMatchObject({ type: 'string', length: 40 });
    expect(fieldOf('Event', 'Source__c')).toMatchObject({ type: 'string', length: 40 });
  });

  it('lists child relationships on each parent, named as describe names them', () => {
    const plan = findObject(schema, 'Account_Plan__c');
    expect(plan?.childRelationships).toEqual(
      expect.arrayContaining([
        {
          childSObject: 'Buying_Center__c',
          field: 'Account_Plan__c',
          relationshipName: 'Buying_Centers__r',
          cascadeDelete: true
        },
        { childSObject: 'Task', field: 'WhatId', relationshipName: 'Tasks', cascadeDelete: false }
      ])
    );
    expect(findObject(schema, 'Account')?.childRelationships).toEqual(
      expect.arrayContaining([
        {
          childSObject: 'Account',
          field: 'ParentId',
          relationshipName: 'ChildAccounts',
          cascadeDelete: false
        },
        {
          childSObject: 'Account_Plan__c',
          field: 'Account__c',
          relationshipName: 'Account_Plans__r',
          cascadeDelete: false
        },
        { childSObject: 'Contact', field: 'AccountId', relationshipName: 'Contacts', cascadeDelete: false }
      ])
    );
    expect(findObject(schema, 'Contact')?.childRelationships).toContainEqual({
      childSObject: 'Buying_Center__c',
      field: 'Leader__c',
      relationshipName: 'Led_Centers__r',
      cascadeDelete: true
    });
  });

  it('adds objects that enable activities to Task.WhatId and Event.WhatId', () => {
    expect(fieldOf('Task', 'WhatId').referenceTo).toEqual(['Account', 'Opportunity', 'Account_Plan__c']);
    expect(fieldOf('Event', 'WhatId').referenceTo).toContain('Account_Plan__c');
    expect(fieldOf('Buying_Center__c', 'Id').type).toBe('id');
    expect(findObject(schema, 'Buying_Center__c')?.fields.map((f) => f.name)).not.toContain(
      'LastActivityDate'
    );
  });

  it('does not change the shared standard catalog', () => {
    const again = readEmptyProject();
    expect(findField(again, 'Account', 'External_Id__c')).toBeUndefined();
    expect(findField(again, 'Task', 'WhatId')?.referenceTo).toEqual(['Account', 'Opportunity']);
  });
});

describe('findField and findObject', () => {
  it('match case-insensitively, like Apex, and return undefined for unknown names', () => {
    const schema = readEmptyProject();
    expect(findField(schema, 'opportunity', 'stagename')?.name).toBe('StageName');
    expect(findField(schema, 'Opportunity', 'Nope__c')).toBeUndefined();
    expect(findField(schema, 'Nope__c', 'Name')).toBeUndefined();
    expect(findObject(schema, 'USER')?.keyPrefix).toBe('005');
  });
});

describe('withNamespace', () => {
  it('prefixes custom objects, fields, relationships and references as an installed package does', () => {
    const project = planProject();
    const schema = readProjectSchema(project.root);
    const packaged = withNamespace(schema, 'atlas');
    project.remove();

    expect(findObject(packaged, 'Account_Plan__c')).toBeUndefined();
    expect(findObject(packaged, 'atlas__Account_Plan__c')?.keyPrefix).toBe('a00');
    expect(findField(packaged, 'atlas__Buying_Center__c', 'atlas__Account_Plan__c')).toMatchObject({
      referenceTo: ['atlas__Account_Plan__c'],
      relationshipName: 'atlas__Account_Plan__r'
    });
    expect(findField(packaged, 'atlas__Account_Plan__c', 'atlas__Total_Wallet__c')?.summary).toEqual({
      operation: 'sum',
      summarizedField: 'atlas__Buying_Center__c.atlas__Wallet__c',
      foreignKey: 'atlas__Buying_Center__c.atlas__Account_Plan__c'
    });
    expect(findField(packaged, 'Account', 'atlas__External_Id__c')).toBeDefined();
    expect(findField(packaged, 'Account', 'Name')).toBeDefined();
    expect(findField(packaged, 'Task', 'WhatId')?.referenceTo).toContain('atlas__Account_Plan__c');
    expect(findObject(packaged, 'atlas__Account_Plan__c')?.childRelationships).toContainEqual({
      childSObject: 'atlas__Buying_Center__c',
      field: 'atlas__Account_Plan__c',
      relationshipName: 'atlas__Buying_Centers__r',
      cascadeDelete: true
    });
    expect(withNamespace(packaged, 'atlas')).toEqual(packaged);
    expect(schema.namespace).toBe('atlas');
    expect(findObject(schema, 'Account_Plan__c')).toBeDefined();
  });
});

describe('custom metadata', () => {
  const typeFiles = {
    [`${OBJECTS}/Stage_Setting__mdt/Stage_Setting__mdt.object-meta.xml`]: objectXml(`
      <label>Stage Setting</label><pluralLabel>Stage Settings</pluralLabel><visibility>Public</visibility>`),
    [`${OBJECTS}/Stage_Setting__mdt/fields/Expected_Days__c.field-meta.xml`]: fieldXml(`
      <label>Expected Days</label><type>Number</type><precision>4</precision><scale>0</scale>`),
    [`${OBJECTS}/Stage_Setting__mdt/fields/Gate__c.field-meta.xml`]: fieldXml(`
      <label>Gate</label><type>Checkbox</type><defaultValue>false</defaultValue>`),
    [`${OBJECTS}/Stage_Setting__mdt/fields/Criteria__c.field-meta.xml`]: fieldXml(`
      <label>Criteria</label><type>LongTextArea</type><length>5000</length><visibleLines>3</visibleLines>`),
    [`${OBJECTS}/Stage_Setting__mdt/fields/Object__c.field-meta.xml`]: fieldXml(`
      <label>Object</label><type>MetadataRelationship</type><referenceTo>EntityDefinition</referenceTo>`)
  };
  const recordXml = (values: string): string =>
    metadataXml(
      'CustomMetadata',
      `<label>Qualification</label><protected>false</protected>${values}`
    ).replace(
      'xmlns="http://soap.sforce.com/2006/04/metadata"',
      'xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"'
    );

  it('describes the type with its standard fields and reads its records with typed values', () => {
    const project = createFixtureProject({
      ...typeFiles,
      'force-app/main/default/customMetadata/Stage_Setting.Qualification.md-meta.xml': recordXml(`
        <values><field>Expected_Days__c</field><value xsi:type="xsd:double">14</value></values>
        <values><field>gate__c</field><value xsi:type="xsd:boolean">true</value></values>
        <values><field>Criteria__c</field><value xsi:type="xsd:string">Budget &amp; timeline</value></values>
        <values><field>Object__c</field><value xsi:nil="true"/></values>`)
    });
    const schema = readProjectSchema(project.root);
    const type = findObject(schema, 'Stage_Setting__mdt');
    expect(type).toMatchObject({
      isCustomMetadata: true,
      custom: true,
      keyPrefix: 'm00',
      labelPlural: 'Stage Settings'
    });
    expect(type?.fields.map((f) => f.name).slice(0, 3)).toEqual(['Id', 'DeveloperName', 'MasterLabel']);
    expect(findField(schema, 'Stage_Setting__mdt', 'Object__c')?.referenceTo).toEqual(['EntityDefinition']);

    expect(readCustomMetadataRecords(project.root)).toEqual([
      {
        type: 'Stage_Setting__mdt',
        developerName: 'Qualification',
        label: 'Qualification',
        protected: false,
        values: { Expected_Days__c: 14, Gate__c: true, Criteria__c: 'Budget & timeline', Object__c: null },
        file: path.join(
          project.root,
          'force-app/main/default/customMetadata/Stage_Setting.Qualification.md-meta.xml'
        )
      }
    ]);
    project.remove();
  });

  it('reads untyped and missing values as text and null', () => {
    const project = createFixtureProject({
      ...typeFiles,
      'force-app/main/default/customMetadata/Stage_Setting.Plain.md-meta.xml': recordXml(`
        <values><field>Criteria__c</field><value>plain</value></values>
        <values><field>Expected_Days__c</field></values>`)
    });
    expect(readCustomMetadataRecords(project.root)[0]?.values).toEqual({
      Criteria__c: 'plain',
      Expected_Days__c: null
    });
    project.remove();
  });

  it('rejects a record file not named <Type>.<Record>.md-meta.xml', () => {
    const project = createFixtureProject({
      'force-app/main/default/customMetadata/Stray.md-meta.xml': recordXml('')
    });
    expect(() => readCustomMetadataRecords(project.root)).toThrow(
      'Stray.md-meta.xml: expected a file named <Type>.<Record>.md-meta.xml'
    );
    project.remove();
  });

  it('rejects a record of an unknown type or with an unknown field, naming the file', () => {
    const unknownField = createFixtureProject({
      ...typeFiles,
      'force-app/main/default/customMetadata/Stage_Setting.Bad.md-meta.xml': recordXml(
        '<values><field>Nope__c</field><value xsi:type="xsd:string">x</value></values>'
      )
    });
    expect(() => readCustomMetadataRecords(unknownField.root)).toThrow(
      "force-app/main/default/customMetadata/Stage_Setting.Bad.md-meta.xml: Stage_Setting__mdt has no field 'Nope__c'"
    );
    unknownField.remove();

    const unknownType = createFixtureProject({
      'force-app/main/default/customMetadata/Missing.Record.md-meta.xml': recordXml('')
    });
    expect(() => readCustomMetadataRecords(unknownType.root)).toThrow(
      "Missing.Record.md-meta.xml: unknown custom metadata type 'Missing__mdt'"
    );
    unknownType.remove();
  });
});

describe('readProjectSchema errors name the file and the problem', () => {
  const plan = `${OBJECTS}/Account_Plan__c/Account_Plan__c.object-meta.xml`;
  const field = (name: string): string => `${OBJECTS}/Account_Plan__c/fields/${name}.field-meta.xml`;

  it.each([
    [
      'malformed XML, with its line',
      {
        [plan]: PLAN_OBJECT,
        [field('Bad__c')]: '<?xml version="1.0"?>\n<CustomField>\n<label>x</type>\n</CustomField>'
      },
      /fields\/Bad__c\.field-meta\.xml:3:\d+: malformed XML/
    ],
    [
      'an unknown field type',
      { [plan]: PLAN_OBJECT, [field('Geo__c')]: fieldXml('<label>Geo</label><type>Location</type>') },
      /Geo__c\.field-meta\.xml: unknown field type 'Location' on Account_Plan__c\.Geo__c/
    ],
    [
      'an unknown formula return type',
      { [plan]: PLAN_OBJECT, [field('F__c')]: fieldXml('<type>Html</type><formula>1</formula>') },
      /F__c\.field-meta\.xml: unknown formula return type 'Html'/
    ],
    [
      'a reference to an unknown object',
      {
        [plan]: PLAN_OBJECT,
        [field('Campaign__c')]: fieldXml('<type>Lookup</type><referenceTo>Campaign</referenceTo>')
      },
      /Campaign__c\.field-meta\.xml: Account_Plan__c\.Campaign__c references unknown object 'Campaign'/
    ],
    [
      'a text field without length',
      { [plan]: PLAN_OBJECT, [field('T__c')]: fieldXml('<type>Text</type>') },
      /T__c\.field-meta\.xml: <length> is required/
    ],
    [
      'a field without type',
      { [plan]: PLAN_OBJECT, [field('T__c')]: fieldXml('<label>T</label>') },
      /T__c\.field-meta\.xml: missing <type>/
    ],
    [
      'an unknown global value set',
      {
        [plan]: PLAN_OBJECT,
        [field('P__c')]: fieldXml(
          '<type>Picklist</type><valueSet><valueSetName>Nope</valueSetName></valueSet>'
        )
      },
      /P__c\.field-meta\.xml: unknown global value set 'Nope'/
    ],
    [
      'a summary of an unknown field',
      {
        [plan]: PLAN_OBJECT,
        [field('S__c')]: fieldXml(
          '<type>Summary</type><summaryOperation>max</summaryOperation><summarizedField>Contact.Nope__c</summarizedField><summaryForeignKey>Contact.AccountId</summaryForeignKey>'
        )
      },
      /S__c\.field-meta\.xml: summary refers to unknown field 'Contact\.Nope__c'/
    ],
    [
      'a lookup without target',
      { [plan]: PLAN_OBJECT, [field('L__c')]: fieldXml('<type>Lookup</type>') },
      /L__c\.field-meta\.xml: a relationship field needs <referenceTo>/
    ],
    [
      'a summary without foreign key',
      {
        [plan]: PLAN_OBJECT,
        [field('S__c')]: fieldXml('<type>Summary</type><summaryOperation>count</summaryOperation>')
      },
      /S__c\.field-meta\.xml: a summary needs <summaryForeignKey>/
    ],
    [
      'a sum without summarized field',
      {
        [plan]: PLAN_OBJECT,
        [field('S__c')]: fieldXml(
          '<type>Summary</type><summaryOperation>sum</summaryOperation><summaryForeignKey>Contact.AccountId</summaryForeignKey>'
        )
      },
      /S__c\.field-meta\.xml: a 'sum' summary needs <summarizedField>/
    ],
    [
      'a name field of another type',
      {
        [plan]: objectXml(
          '<label>P</label><pluralLabel>Ps</pluralLabel><nameField><type>Number</type></nameField>'
        )
      },
      /Account_Plan__c\.object-meta\.xml: <nameField> type must be Text or AutoNumber, got 'Number'/
    ],
    [
      'a picklist without values',
      { [plan]: PLAN_OBJECT, [field('P__c')]: fieldXml('<type>Picklist</type>') },
      /P__c\.field-meta\.xml: a picklist needs a <valueSet>/
    ],
    [
      'a summary with an unknown operation',
      {
        [plan]: PLAN_OBJECT,
        [field('S__c')]: fieldXml('<type>Summary</type><summaryOperation>avg</summaryOperation>')
      },
      /S__c\.field-meta\.xml: <summaryOperation> must be one of count, sum, min, max/
    ],
    [
      'a number that is not a number',
      {
        [plan]: PLAN_OBJECT,
        [field('N__c')]: fieldXml('<type>Number</type><precision>x</precision><scale>0</scale>')
      },
      /N__c\.field-meta\.xml: <precision> must be a number, got 'x'/
    ],
    [
      'a custom object without its object file',
      { [field('Orphan__c')]: fieldXml('<type>Date</type>') },
      /^force-app\/main\/default\/objects\/Account_Plan__c: missing Account_Plan__c\.object-meta\.xml$/
    ],
    [
      'a custom object without a name field',
      { [plan]: objectXml('<label>P</label><pluralLabel>Ps</pluralLabel>') },
      /Account_Plan__c\.object-meta\.xml: a custom object needs a <nameField>/
    ],
    [
      'a custom object without a label',
      { [plan]: objectXml('<pluralLabel>Ps</pluralLabel>') },
      /Account_Plan__c\.object-meta\.xml: missing <label>/
    ],
    [
      'a wrong root element',
      { [plan]: metadataXml('CustomField', '<label>P</label>') },
      /Account_Plan__c\.object-meta\.xml: expected a <CustomObject> root element/
    ],
    [
      'a standard object missing from the catalog',
      { [`${OBJECTS}/Lead/fields/Score__c.field-meta.xml`]: fieldXml('<type>Date</type>') },
      /objects\/Lead: standard object 'Lead' is not in the standard catalog/
    ],
    [
      'an unsupported object kind',
      { [`${OBJECTS}/Plan_Event__e/Plan_Event__e.object-meta.xml`]: objectXml('<label>E</label>') },
      /unsupported object kind 'Plan_Event__e'/
    ],
    [
      'a standard field unknown to the catalog',
      { [`${OBJECTS}/Account/fields/CleanStatus.field-meta.xml`]: fieldXml('<type>Picklist</type>') },
      /CleanStatus\.field-meta\.xml: 'Account\.CleanStatus' is neither a custom field nor in the catalog/
    ]
  ])('%s', (_case, files, message) => {
    const project = createFixtureProject(files);
    expect(() => readProjectSchema(project.root)).toThrow(message);
    project.remove();
  });

  it('rejects an object or a field defined twice across package directories', () => {
    const second = `force-app-extra/objects/Account_Plan__c`;
    const twice = createFixtureProject(
      { [plan]: PLAN_OBJECT, [`${second}/Account_Plan__c.object-meta.xml`]: PLAN_OBJECT },
      { packageDirectories: ['force-app', 'force-app-extra'] }
    );
    expect(() => readProjectSchema(twice.root)).toThrow(
      /Account_Plan__c is defined twice: force-app\/.* and force-app-extra\//
    );
    twice.remove();

    const split = createFixtureProject(
      {
        [plan]: PLAN_OBJECT,
        [field('Due__c')]: fieldXml('<type>Date</type>'),
        [`${second}/fields/Due__c.field-meta.xml`]: fieldXml('<type>Date</type>'),
        [`${second}/fields/Other__c.field-meta.xml`]: fieldXml('<type>Date</type>')
      },
      { packageDirectories: ['force-app', 'force-app-extra'] }
    );
    expect(() => readProjectSchema(split.root)).toThrow(
      /force-app-extra\/objects\/Account_Plan__c\/fields\/Due__c\.field-meta\.xml: field already defined in force-app\//
    );
    fs.rmSync(path.join(split.root, second, 'fields/Due__c.field-meta.xml'));
    expect(findField(readProjectSchema(split.root), 'Account_Plan__c', 'Other__c')).toBeDefined();
    split.remove();
  });

  it('rejects a missing or invalid sfdx-project.json', () => {
    const project = createFixtureProject();
    fs.writeFileSync(path.join(project.root, 'sfdx-project.json'), '{ "packageDirectories": [] }');
    expect(() => readProjectSchema(project.root)).toThrow(
      /sfdx-project\.json: packageDirectories must be a non-empty array/
    );
    fs.writeFileSync(path.join(project.root, 'sfdx-project.json'), '{ "packageDirectories": [{}] }');
    expect(() => readProjectSchema(project.root)).toThrow(/packageDirectories\[0\]\.path must be a string/);
    fs.rmSync(path.join(project.root, 'sfdx-project.json'));
    expect(() => readProjectSchema(project.root)).toThrow(
      /sfdx-project\.json: cannot read sfdx-project\.json/
    );
    project.remove();
  });

  it('treats a project without a namespace as namespace null', () => {
    const project = createFixtureProject({}, { namespace: '' });
    expect(readProjectSchema(project.root).namespace).toBeNull();
    project.remove();
  });
});

describe('the real project', () => {
  const root = path.resolve(__dirname, '../../..');
  const hasObjects =
    fs.existsSync(path.join(root, 'force-app/main/default/objects')) &&
    fs.readdirSync(path.join(root, 'force-app/main/default/objects')).length > 0;

  (hasObjects ? it : it.skip)('reads without errors, every reference resolving to a known object', () => {
    const schema = readProjectSchema(root);
    const names = new Set(schema.objects.map((o) => o.name));
    const custom = schema.objects.filter((o) => o.custom);
    expect(custom.length).toBeGreaterThan(0);
    for (const object of custom) {
      expect(object.fields[0]?.name).toBe('Id');
      for (const f of object.fields.filter(
        (candidate) => candidate.custom && candidate.type === 'reference'
      )) {
        for (const target of f.referenceTo)
          expect(names.has(target) || target === 'EntityDefinition').toBe(true);
      }
    }
    const prefixes = schema.objects.map((o) => o.keyPrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(() => readCustomMetadataRecords(root, schema)).not.toThrow();
  });
});
