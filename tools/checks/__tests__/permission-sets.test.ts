/**
 * The permission sets against the metadata they grant access to: every rule is read from the objects, fields, tabs,
 * app and Apex classes of the package, so a field, object, tab or controller added later without its permissions
 * fails here with the permission set, object and field named.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const ROOT = path.resolve(__dirname, '../../..');
const SOURCE = path.join(ROOT, 'force-app', 'main', 'default');

const USER = 'Atlas_User';
const ADMIN = 'Atlas_Admin';
const PERMISSION_SETS = [USER, ADMIN];
const APP = 'Account_Atlas';
/** Standard objects whose custom fields the package adds; Activity fields are granted on Task and Event. */
const STANDARD_OBJECTS = ['Account', 'Contact', 'Opportunity', 'Product2', 'Activity'];
/** Objects reps and managers only read: written by sales operations, jobs and data scripts. */
const USER_READ_ONLY = ['Competitor__c', 'Sales_Target__c', 'Pipeline_Snapshot__c', 'Opportunity_Change__c'];

const LISTS = new Set([
  'applicationVisibilities',
  'classAccesses',
  'customMetadataTypeAccesses',
  'fieldPermissions',
  'objectPermissions',
  'tabSettings',
  'tabs'
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => LISTS.has(name)
});

function readXml<T>(file: string): T {
  return parser.parse(fs.readFileSync(file, 'utf8')) as T;
}

function filesIn(dir: string, ending: string): string[] {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((name) => name.endsWith(ending))
        .sort()
    : [];
}

// ---------------------------------------------------------------------------------------------------------------
// The metadata: objects and fields
// ---------------------------------------------------------------------------------------------------------------

interface CustomFieldXml {
  CustomField: {
    type?: string;
    required?: string;
    formula?: string;
    referenceTo?: string;
  };
}

interface CustomObjectXml {
  CustomObject: { sharingModel?: string };
}

interface FieldInfo {
  /** Folder the field lives in: Account_Plan__c, Account, Activity, Stage_Setting__mdt... */
  object: string;
  name: string;
  type: string;
  required: boolean;
  /** Formula, roll-up summary or auto-number: the platform computes it, nobody can edit it. */
  computed: boolean;
  /** The master object of a master-detail field. */
  master?: string;
}

interface PackageModel {
  fields: FieldInfo[];
  /** Custom objects (not custom metadata types) with their sharing model. */
  customObjects: Map<string, string>;
  customMetadataTypes: string[];
}

function readModel(): PackageModel {
  const objectsDir = path.join(SOURCE, 'objects');
  const fields: FieldInfo[] = [];
  const customObjects = new Map<string, string>();
  const customMetadataTypes: string[] = [];
  for (const object of fs.readdirSync(objectsDir).sort()) {
    const objectFile = path.join(objectsDir, object, `${object}.object-meta.xml`);
    if (object.endsWith('__mdt')) {
      customMetadataTypes.push(object);
    } else if (object.endsWith('__c') && fs.existsSync(objectFile)) {
      const definition = readXml<CustomObjectXml>(objectFile).CustomObject;
      customObjects.set(object, definition.sharingModel ?? '');
    }
    const fieldsDir = path.join(objectsDir, object, 'fields');
    for (const file of filesIn(fieldsDir, '.field-meta.xml')) {
      const field = readXml<CustomFieldXml>(path.join(fieldsDir, file)).CustomField;
      const type = field.type ?? '';
      fields.push({
        object,
        name: file.slice(0, -'.field-meta.xml'.length),
        type,
        required: field.required === 'true',
        computed: field.formula !== undefined || type === 'Summary' || type === 'AutoNumber',
        master: type === 'MasterDetail' ? field.referenceTo : undefined
      });
    }
  }
  return { fields, customObjects, customMetadataTypes };
}

/** Names a field takes in fieldPermissions: custom activity fields are granted on Task and on Event. */
function permissionNames(field: FieldInfo): string[] {
  return field.object === 'Activity'
    ? [`Event.${field.name}`, `Task.${field.name}`]
    : [`${field.object}.${field.name}`];
}

/** Why a field must stay out of fieldPermissions (Salesforce rejects or ignores it), or undefined when it belongs. */
function excludedBecause(field: FieldInfo): string | undefined {
  if (field.object.endsWith('__mdt')) return 'is a custom metadata field';
  if (field.type === 'MasterDetail') return 'is a master-detail field';
  if (field.required) return 'is a required field';
  return undefined;
}

function isGrantable(field: FieldInfo): boolean {
  return excludedBecause(field) === undefined;
}

function isExternalId(field: FieldInfo): boolean {
  return field.name === 'External_Id__c';
}

// ---------------------------------------------------------------------------------------------------------------
// The permission sets
// ---------------------------------------------------------------------------------------------------------------

interface ObjectAccess {
  allowCreate: boolean;
  allowRead: boolean;
  allowEdit: boolean;
  allowDelete: boolean;
  viewAllRecords: boolean;
  modifyAllRecords: boolean;
}

interface PermissionSet {
  name: string;
  fields: Map<string, { readable: boolean; editable: boolean }>;
  objects: Map<string, ObjectAccess>;
  tabs: Map<string, string>;
  classes: Set<string>;
  customMetadataTypes: Set<string>;
  apps: Set<string>;
}

interface PermissionSetXml {
  PermissionSet: {
    fieldPermissions?: { field: string; readable?: string; editable?: string }[];
    objectPermissions?: ({ object: string } & Record<keyof ObjectAccess, string | undefined>)[];
    tabSettings?: { tab: string; visibility: string }[];
    classAccesses?: { apexClass: string; enabled?: string }[];
    customMetadataTypeAccesses?: { name: string; enabled?: string }[];
    applicationVisibilities?: { application: string; visible?: string }[];
  };
}

function readPermissionSet(name: string): PermissionSet {
  const xml = readXml<PermissionSetXml>(
    path.join(SOURCE, 'permissionsets', `${name}.permissionset-meta.xml`)
  ).PermissionSet;
  const yes = (value: string | undefined): boolean => value === 'true';
  return {
    name,
    fields: new Map(
      (xml.fieldPermissions ?? []).map((entry) => [
        entry.field,
        { readable: yes(entry.readable), editable: yes(entry.editable) }
      ])
    ),
    objects: new Map(
      (xml.objectPermissions ?? []).map((entry) => [
        entry.object,
        {
          allowCreate: yes(entry.allowCreate),
          allowRead: yes(entry.allowRead),
          allowEdit: yes(entry.allowEdit),
          allowDelete: yes(entry.allowDelete),
          viewAllRecords: yes(entry.viewAllRecords),
          modifyAllRecords: yes(entry.modifyAllRecords)
        }
      ])
    ),
    tabs: new Map((xml.tabSettings ?? []).map((entry) => [entry.tab, entry.visibility])),
    classes: new Set(
      (xml.classAccesses ?? []).filter((entry) => yes(entry.enabled)).map((entry) => entry.apexClass)
    ),
    customMetadataTypes: new Set(
      (xml.customMetadataTypeAccesses ?? []).filter((entry) => yes(entry.enabled)).map((entry) => entry.name)
    ),
    apps: new Set(
      (xml.applicationVisibilities ?? [])
        .filter((entry) => yes(entry.visible))
        .map((entry) => entry.application)
    )
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The rules, as functions returning one message per problem
// ---------------------------------------------------------------------------------------------------------------

function missingFieldReads(model: PackageModel, set: PermissionSet): string[] {
  return model.fields.filter(isGrantable).flatMap((field) =>
    permissionNames(field)
      .filter((name) => !set.fields.get(name)?.readable)
      .map((name) => `${set.name}: field ${name} (object ${field.object}) is not readable`)
  );
}

function forbiddenFieldEntries(model: PackageModel, set: PermissionSet): string[] {
  const known = new Map(model.fields.flatMap((field) => permissionNames(field).map((name) => [name, field])));
  // Custom metadata fields are looked up by their own name too, should someone write them in.
  for (const field of model.fields.filter((candidate) => candidate.object.endsWith('__mdt'))) {
    known.set(`${field.object}.${field.name}`, field);
  }
  return [...set.fields.keys()].flatMap((name) => {
    const field = known.get(name);
    if (!field) return [`${set.name}: fieldPermissions names ${name}, which is not a field of the package`];
    const reason = excludedBecause(field);
    return reason
      ? [`${set.name}: field ${name} (object ${field.object}) ${reason} and must not be in fieldPermissions`]
      : [];
  });
}

function editableComputedFields(model: PackageModel, set: PermissionSet): string[] {
  return model.fields
    .filter((field) => field.computed)
    .flatMap((field) => permissionNames(field))
    .filter((name) => set.fields.get(name)?.editable)
    .map((name) => `${set.name}: field ${name} is a formula, roll-up summary or auto-number and is editable`);
}

function notEditable(model: PackageModel, set: PermissionSet, fields: FieldInfo[]): string[] {
  return fields
    .flatMap((field) => permissionNames(field).map((name) => ({ name, object: field.object })))
    .filter(({ name }) => !set.fields.get(name)?.editable)
    .map(({ name, object }) => `${set.name}: field ${name} (object ${object}) is not editable`);
}

function editableFields(set: PermissionSet, names: string[], why: string): string[] {
  return names
    .filter((name) => set.fields.get(name)?.editable)
    .map((name) => `${set.name}: field ${name} is editable, but ${why}`);
}

function objectProblems(set: PermissionSet, object: string, expected: Partial<ObjectAccess>): string[] {
  const actual = set.objects.get(object);
  if (!actual) return [`${set.name}: object ${object} has no object permissions`];
  return (Object.keys(expected) as (keyof ObjectAccess)[])
    .filter((key) => actual[key] !== expected[key])
    .map((key) => `${set.name}: object ${object} has ${key} ${actual[key]}, expected ${expected[key]}`);
}

/** The platform makes View All / Modify All on a detail object depend on the same permission on its master. */
function unsupportedViewAll(model: PackageModel, set: PermissionSet): string[] {
  return model.fields
    .filter((field) => field.master !== undefined)
    .flatMap((field) => {
      const master = field.master ?? '';
      const detail = set.objects.get(field.object);
      const parent = set.objects.get(master);
      return (['viewAllRecords', 'modifyAllRecords'] as const)
        .filter((key) => detail?.[key] && !parent?.[key])
        .map(
          (key) =>
            `${set.name}: object ${field.object} has ${key} but its master ${master} (field ${field.name}) does not`
        );
    });
}

/** Apex classes in force-app/main/default/classes with at least one @AuraEnabled method (not just properties). */
function classesWithAuraEnabledMethods(): string[] {
  const dir = path.join(SOURCE, 'classes');
  return filesIn(dir, '.cls')
    .filter((file) => hasAuraEnabledMethod(fs.readFileSync(path.join(dir, file), 'utf8')))
    .map((file) => file.slice(0, -'.cls'.length));
}

function hasAuraEnabledMethod(source: string): boolean {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/'(?:\\.|[^'\\])*'/g, "''");
  const annotation = /@AuraEnabled\b(\s*\([^)]*\))?/gi;
  for (let match = annotation.exec(code); match; match = annotation.exec(code)) {
    const rest = code.slice(match.index + match[0].length).replace(/^(\s*@\w+(\s*\([^)]*\))?)*/, '');
    const declaration = rest.slice(0, rest.search(/[{;=]/));
    if (declaration.includes('(')) return true;
  }
  return false;
}

interface AppXml {
  CustomApplication: { tabs?: string[] };
}

function tabProblems(set: PermissionSet, tabs: string[]): string[] {
  return tabs
    .filter((tab) => set.tabs.get(tab) !== 'Visible')
    .map((tab) => `${set.name}: tab ${tab} is ${set.tabs.get(tab) ?? 'missing'}, expected Visible`);
}

// ---------------------------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------------------------

describe('permission sets Atlas User and Atlas Admin', () => {
  const model = readModel();
  const sets = PERMISSION_SETS.map(readPermissionSet);
  const user = sets[0] as PermissionSet;
  const admin = sets[1] as PermissionSet;
  const grantable = model.fields.filter(isGrantable);
  const tabs = filesIn(path.join(SOURCE, 'tabs'), '.tab-meta.xml').map((file) =>
    file.slice(0, -'.tab-meta.xml'.length)
  );

  it('reads a package worth checking', () => {
    expect(model.customObjects.size).toBeGreaterThan(10);
    expect(grantable.length).toBeGreaterThan(50);
    expect(model.fields.some((field) => field.computed)).toBe(true);
    expect(model.fields.some((field) => field.required)).toBe(true);
    expect(tabs.length).toBeGreaterThan(0);
  });

  it.each(PERMISSION_SETS)('%s can read every custom field that may appear in fieldPermissions', (name) => {
    const set = sets.find((candidate) => candidate.name === name) as PermissionSet;
    expect(missingFieldReads(model, set)).toEqual([]);
  });

  it.each(PERMISSION_SETS)(
    '%s lists no required, master-detail or custom metadata field, and no field that does not exist',
    (name) => {
      const set = sets.find((candidate) => candidate.name === name) as PermissionSet;
      expect(forbiddenFieldEntries(model, set)).toEqual([]);
    }
  );

  it.each(PERMISSION_SETS)(
    '%s never makes a formula, roll-up summary or auto-number field editable',
    (name) => {
      const set = sets.find((candidate) => candidate.name === name) as PermissionSet;
      expect(editableComputedFields(model, set)).toEqual([]);
    }
  );

  it('Atlas Admin can edit every editable field, External Id keys included', () => {
    expect(
      notEditable(
        model,
        admin,
        grantable.filter((field) => !field.computed)
      )
    ).toEqual([]);
  });

  it('Atlas User cannot edit any External Id, on package or standard objects', () => {
    const keys = grantable.filter(isExternalId).flatMap(permissionNames);
    expect(keys.length).toBeGreaterThanOrEqual(STANDARD_OBJECTS.length);
    expect(editableFields(user, keys, 'data-load scripts own External Id keys')).toEqual([]);
  });

  it('Atlas User can edit the other fields of the objects it may write, and none of those it only reads', () => {
    const writable = grantable.filter(
      (field) =>
        !field.computed &&
        !isExternalId(field) &&
        !STANDARD_OBJECTS.includes(field.object) &&
        !USER_READ_ONLY.includes(field.object)
    );
    expect(notEditable(model, user, writable)).toEqual([]);
    const readOnlyFields = grantable
      .filter((field) => USER_READ_ONLY.includes(field.object))
      .flatMap(permissionNames);
    expect(editableFields(user, readOnlyFields, 'Atlas User only reads its object')).toEqual([]);
  });

  it.each(PERMISSION_SETS)('%s has object permissions, at least Read, on every custom object', (name) => {
    const set = sets.find((candidate) => candidate.name === name) as PermissionSet;
    const problems = [...model.customObjects.keys()].flatMap((object) =>
      objectProblems(set, object, { allowRead: true })
    );
    expect(problems).toEqual([]);
  });

  it('Atlas User cannot delete account plans, only reads reference and pipeline objects, and has no View All', () => {
    const problems = [...model.customObjects.keys()].flatMap((object) => {
      const readOnly = USER_READ_ONLY.includes(object);
      return objectProblems(user, object, {
        allowRead: true,
        allowCreate: !readOnly,
        allowEdit: !readOnly,
        allowDelete: !readOnly && object !== 'Account_Plan__c',
        viewAllRecords: false,
        modifyAllRecords: false
      });
    });
    const standard = STANDARD_OBJECTS.filter((object) => object !== 'Activity').flatMap((object) =>
      objectProblems(user, object, { allowRead: true, viewAllRecords: false, modifyAllRecords: false })
    );
    expect([...problems, ...standard]).toEqual([]);
  });

  it('Atlas Admin has full access to every custom object, and View All / Modify All where the object has its own sharing', () => {
    const problems = [...model.customObjects].flatMap(([object, sharingModel]) => {
      const ownSharing = sharingModel !== 'ControlledByParent';
      return objectProblems(admin, object, {
        allowRead: true,
        allowCreate: true,
        allowEdit: true,
        allowDelete: true,
        ...(ownSharing ? { viewAllRecords: true, modifyAllRecords: true } : {})
      });
    });
    expect(problems).toEqual([]);
  });

  it.each(PERMISSION_SETS)(
    '%s grants View All / Modify All on a detail object only with the same on its master',
    (name) => {
      const set = sets.find((candidate) => candidate.name === name) as PermissionSet;
      expect(unsupportedViewAll(model, set)).toEqual([]);
    }
  );

  it.each(PERMISSION_SETS)('%s reads the custom metadata types and sees the app', (name) => {
    const set = sets.find((candidate) => candidate.name === name) as PermissionSet;
    const missing = [
      ...model.customMetadataTypes
        .filter((type) => !set.customMetadataTypes.has(type))
        .map((type) => `${set.name}: custom metadata type ${type} is not enabled`),
      ...(set.apps.has(APP) ? [] : [`${set.name}: app ${APP} is not visible`])
    ];
    expect(missing).toEqual([]);
  });

  it('every tab is visible in both permission sets and listed in the app', () => {
    const app = readXml<AppXml>(path.join(SOURCE, 'applications', `${APP}.app-meta.xml`)).CustomApplication;
    const inApp = new Set(app.tabs ?? []);
    const problems = [
      ...sets.flatMap((set) => tabProblems(set, tabs)),
      ...tabs.filter((tab) => !inApp.has(tab)).map((tab) => `app ${APP}: tab ${tab} is not in its tabs`)
    ];
    expect(problems).toEqual([]);
  });

  it('every class with an @AuraEnabled method is in both permission sets', () => {
    const classes = classesWithAuraEnabledMethods();
    expect(classes).toContain('StageSettingsController');
    const missing = sets.flatMap((set) =>
      classes
        .filter((name) => !set.classes.has(name))
        .map((name) => `${set.name}: class ${name} is not in classAccesses`)
    );
    expect(missing).toEqual([]);
  });
});

describe('the permission rules themselves', () => {
  const model = readModel();

  function copyOf(name: string): PermissionSet {
    return readPermissionSet(name);
  }

  it('name the permission set, object and field of a missing, forbidden or wrongly editable field', () => {
    const admin = copyOf(ADMIN);
    admin.fields.delete('Buying_Center__c.Wallet__c');
    admin.fields.set('Account_Plan__c.Period_Start__c', { readable: true, editable: true });
    admin.fields.set('Buying_Center__c.Wallet_Share__c', { readable: true, editable: true });

    expect(missingFieldReads(model, admin)).toEqual([
      'Atlas_Admin: field Buying_Center__c.Wallet__c (object Buying_Center__c) is not readable'
    ]);
    expect(forbiddenFieldEntries(model, admin)).toEqual([
      'Atlas_Admin: field Account_Plan__c.Period_Start__c (object Account_Plan__c) is a required field and must not be in fieldPermissions'
    ]);
    expect(editableComputedFields(model, admin)).toEqual([
      'Atlas_Admin: field Buying_Center__c.Wallet_Share__c is a formula, roll-up summary or auto-number and is editable'
    ]);
  });

  it('catch a master-detail field, an unknown field and View All on a detail object without its master', () => {
    const user = copyOf(USER);
    user.fields.set('Buying_Center__c.Account_Plan__c', { readable: true, editable: false });
    user.fields.set('Buying_Center__c.No_Such_Field__c', { readable: true, editable: false });
    const access = user.objects.get('Buying_Center__c') as ObjectAccess;
    user.objects.set('Buying_Center__c', { ...access, viewAllRecords: true });

    expect(forbiddenFieldEntries(model, user)).toEqual([
      'Atlas_User: field Buying_Center__c.Account_Plan__c (object Buying_Center__c) is a master-detail field and must not be in fieldPermissions',
      'Atlas_User: fieldPermissions names Buying_Center__c.No_Such_Field__c, which is not a field of the package'
    ]);
    expect(unsupportedViewAll(model, user)).toEqual([
      'Atlas_User: object Buying_Center__c has viewAllRecords but its master Account_Plan__c (field Account_Plan__c) does not'
    ]);
  });

  it('tell an @AuraEnabled method from @AuraEnabled properties', () => {
    expect(
      hasAuraEnabledMethod(
        'public class A { @AuraEnabled(cacheable=true) public static List<String> names() {} }'
      )
    ).toBe(true);
    expect(
      hasAuraEnabledMethod(
        'public class B { @AuraEnabled public String name; @AuraEnabled public Integer n { get; set; } }'
      )
    ).toBe(false);
    expect(hasAuraEnabledMethod('public class C { // @AuraEnabled public static void x() {}\n }')).toBe(
      false
    );
  });
});
