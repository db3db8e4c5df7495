import fs from 'node:fs';
import path from 'node:path';
import { field } from '../../schema/field-builders';
import { readSfdxProject } from '../../schema/project-files';
import type { FieldType } from '../../schema/types';
import {
  createFixtureProject,
  metadataXml,
  type FixtureProject
} from '../../schema/__tests__/fixture-project';
import { I18N_MODULES, PLATFORM_MODULES } from '../lightning-modules';
import { resourceDeclarations } from '../resource-declarations';
import { valueType } from '../schema-declarations';
import { formatSummary, generateTypes, main, parseArguments, type TypesSummary } from '../generate';
import { CLASSES, LWC, createPlanProject } from './plan-fixture';

function read(summary: TypesSummary, name: string): string {
  const file = summary.files.find((candidate) => path.basename(candidate) === name);
  if (file === undefined) throw new Error(`${name} was not generated`);
  return fs.readFileSync(file, 'utf8');
}

/** Every `declare module '<name>'` of a file. */
function moduleNames(text: string): string[] {
  return [...text.matchAll(/^declare module '([^']+)'/gm)].map((match) => match[1] ?? '');
}

describe('generateTypes on a fixture project', () => {
  let project: FixtureProject;
  let summary: TypesSummary;

  beforeAll(async () => {
    project = createPlanProject();
    summary = await generateTypes({ root: project.root });
  });

  afterAll(() => project.remove());

  it('writes the component paths and four declaration files to types/generated and counts what it declared', () => {
    expect(summary.files).toEqual(
      ['tsconfig.components.json', 'apex.d.ts', 'schema.d.ts', 'lightning.d.ts', 'resources.d.ts'].map(
        (name) => path.join(project.root, 'types', 'generated', name)
      )
    );
    expect(summary).toMatchObject({
      apexMethods: 4,
      objects: 15,
      platformModules: PLATFORM_MODULES.length
    });
    expect(summary.fields).toBeGreaterThan(300);
    expect(formatSummary(summary, project.root)).toBe(
      `types: 4 Apex methods, 15 objects, ${summary.fields} fields, ${PLATFORM_MODULES.length} platform modules, ` +
        '10 resources → types/generated'
    );
  });

  it('declares one module per @AuraEnabled static method of non-test classes, and @salesforce/apex', () => {
    expect(moduleNames(read(summary, 'apex.d.ts'))).toEqual([
      '@salesforce/apex',
      '@salesforce/apex/PlanController.countPlans',
      '@salesforce/apex/PlanController.getPlans',
      '@salesforce/apex/PlanController.getSummary',
      '@salesforce/apex/PlanController.savePlan'
    ]);
  });

  it('types cacheable methods as wireable functions and the others as plain functions', () => {
    const apex = read(summary, 'apex.d.ts');
    expect(apex).toContain(
      'const getPlans: AtlasApex.CacheableMethod<\n' +
        '    (params: { accountId: string; max: number }) => Promise<AtlasSObject.Account_Plan__c[]>\n' +
        '  >;'
    );
    expect(apex).toContain(
      'const savePlan: (params: { plan: AtlasSObject.Account_Plan__c }) => Promise<void>;'
    );
    expect(apex).toContain('const countPlans: (params?: Record<string, never>) => Promise<number>;');
    expect(apex).toContain(
      '(params: { planId: string; regions: string[] }) => Promise<AtlasApex.PlanController.PlanSummary>'
    );
    expect(apex).toContain('* force-app/main/default/classes/PlanController.cls:4');
  });

  it('describes the DTOs methods use, recursively and through cycles, with only @AuraEnabled members', () => {
    const apex = read(summary, 'apex.d.ts');
    expect(apex).toContain(
      [
        '    interface PlanSummary {',
        '      name?: string;',
        '      rows?: AtlasApex.PlanController.Row[];',
        '      totals?: Record<string, number>;',
        '      health?: AtlasApex.PlanController.Health;',
        '      parent?: AtlasApex.PlanController.PlanSummary;',
        '      champion?: AtlasSObject.Stakeholder__c;',
        '    }'
      ].join('\n')
    );
    expect(apex).toContain("type Health = 'GREEN' | 'AMBER' | 'RED';");
    expect(apex).toContain('interface Row extends AtlasApex.BaseRow {\n      due?: string;\n    }');
    expect(apex).toContain('  interface BaseRow {\n    id?: string;\n  }');
    expect(apex).not.toContain('notSerialized');
    expect(apex).not.toContain('helper');
  });

  it('declares every object and field, one level of relationships, and SObject interfaces', () => {
    const schema = read(summary, 'schema.d.ts');
    const modules = new Set(moduleNames(schema));
    for (const name of [
      '@salesforce/schema/Account_Plan__c',
      '@salesforce/schema/Account_Plan__c.Revenue_Goal__c',
      '@salesforce/schema/Stakeholder__c.Contact__r.Email',
      '@salesforce/schema/Stakeholder__c.Account_Plan__r.Account__r',
      '@salesforce/schema/Opportunity.Account.Name',
      '@salesforce/schema/Account_Plan__c.Owner.Name',
      '@salesforce/schema/Task.What.Name'
    ]) {
      expect({ name, declared: modules.has(name) }).toEqual({
        name,
        declared: name !== '@salesforce/schema/Stakeholder__c.Account_Plan__r.Account__r'
      });
    }
    expect(schema).toContain(
      "declare module '@salesforce/schema/Account_Plan__c.Revenue_Goal__c' {\n" +
        "  const field: AtlasSchema.FieldId<'Account_Plan__c', 'Revenue_Goal__c', number>;\n" +
        '  export default field;\n}'
    );
    expect(schema).toContain("const objectApiName: AtlasSchema.ObjectId<'Stakeholder__c'>;");
    expect(schema).toMatch(
      /interface Account_Plan__c \{[^}]*Account__r\?: Account;[^}]*Stakeholders__r\?: Stakeholder__c\[\];/s
    );
    expect(schema).toMatch(/interface Task \{[^}]*Who\?: SObject;[^}]*What\?: Account \| Opportunity;/s);
  });

  it('declares the lightning catalog and the project resources', () => {
    expect(moduleNames(read(summary, 'lightning.d.ts'))).toEqual(PLATFORM_MODULES.map((m) => m.name));
    expect(moduleNames(read(summary, 'resources.d.ts'))).toEqual([
      '@salesforce/label/atlas.Plan_Empty',
      '@salesforce/label/atlas.Plan_Title',
      '@salesforce/label/c.Plan_Empty',
      '@salesforce/label/c.Plan_Title',
      '@salesforce/customPermission/Manage_Plans',
      '@salesforce/customPermission/atlas__Manage_Plans',
      '@salesforce/resourceUrl/atlas__chartjs',
      '@salesforce/resourceUrl/chartjs',
      '@salesforce/messageChannel/Plan_Selected__c',
      '@salesforce/messageChannel/atlas__Plan_Selected__c'
    ]);
    expect(read(summary, 'resources.d.ts')).toContain('const value: boolean;');
  });

  it("declares the user's internationalization properties with a default export of their type", () => {
    const lightning = read(summary, 'lightning.d.ts');
    expect(I18N_MODULES.map((module) => module.name)).toEqual([
      '@salesforce/i18n/currency',
      '@salesforce/i18n/dir',
      '@salesforce/i18n/firstDayOfWeek',
      '@salesforce/i18n/lang',
      '@salesforce/i18n/locale',
      '@salesforce/i18n/timeZone'
    ]);
    expect(lightning).toContain(
      "declare module '@salesforce/i18n/locale' {\n" +
        "  /** The user's locale, a BCP 47 tag such as 'en-CA': how numbers, amounts and dates are written. */\n" +
        '  const locale: string;\n' +
        '  export default locale;\n}'
    );
    expect(lightning).toContain(
      [
        "declare module '@salesforce/i18n/currency' {",
        '  /**',
        "   * The user's currency, an ISO 4217 code such as 'CAD':",
        "   * the org's currency, or in a multi-currency org the user's own.",
        '   */',
        '  const currency: string;',
        '  export default currency;',
        '}'
      ].join('\n')
    );
    expect(lightning).toContain("const dir: 'ltr' | 'rtl';");
    expect(lightning).toContain('const firstDayOfWeek: number;');
  });

  it('declares no wildcard module, so a missing method, field or resource cannot type-check', () => {
    for (const file of summary.files) {
      for (const name of moduleNames(fs.readFileSync(file, 'utf8'))) expect(name).not.toContain('*');
    }
  });

  it('writes the same output on every run, to a directory of choice', async () => {
    const outDir = path.join(project.root, 'elsewhere');
    const again = await generateTypes({ root: project.root, outDir });
    expect(again.files.map((file) => path.relative(outDir, file))).toEqual(
      summary.files.map((file) => path.basename(file))
    );
    for (const [index, file] of again.files.entries()) {
      expect(fs.readFileSync(file, 'utf8')).toBe(fs.readFileSync(summary.files[index] ?? '', 'utf8'));
    }
  });
});

describe('generateTypes errors', () => {
  async function generationError(files: Record<string, string>): Promise<string> {
    const project = createPlanProject(files);
    try {
      await generateTypes({ root: project.root });
      return 'no error';
    } catch (error) {
      return (error as Error).message;
    } finally {
      project.remove();
    }
  }

  it('reports Apex syntax errors of every file with file and line', async () => {
    const message = await generationError({
      [`${CLASSES}/Broken.cls`]: 'public class Broken {\n  public void f( {\n}\n',
      [`${CLASSES}/AlsoBroken.cls`]: 'public class AlsoBroken {\n\n  Integer = ;\n}\n'
    });
    expect(message).toMatch(/^force-app\/main\/default\/classes\/AlsoBroken\.cls:3:\d+: syntax error: /m);
    expect(message).toMatch(
      /^force-app\/main\/default\/classes\/Broken\.cls:2:18: syntax error: mismatched input '\{'$/m
    );
  });

  it('reports an unknown Apex type with the class, method or member, and line', async () => {
    const message = await generationError({
      [`${CLASSES}/Lookup.cls`]: [
        'public with sharing class Lookup {',
        '    @AuraEnabled(cacheable=true)',
        '    public static List<Widget> find(String term) { return null; }',
        '    public class Result { @AuraEnabled public Gadget gadget; }',
        '    @AuraEnabled public static Result first() { return null; }',
        '}'
      ].join('\n')
    });
    expect(message.split('\n')).toEqual([
      "force-app/main/default/classes/Lookup.cls:3: unknown Apex type 'Widget' in Lookup.find",
      "force-app/main/default/classes/Lookup.cls:4: unknown Apex type 'Gadget' in Lookup.Result.gadget"
    ]);
  });

  it('reports an overloaded @AuraEnabled method', async () => {
    const message = await generationError({
      [`${CLASSES}/Twice.cls`]:
        'public class Twice {\n  @AuraEnabled public static void go() {}\n  @AuraEnabled public static void go(Id a) {}\n}'
    });
    expect(message).toBe(
      'force-app/main/default/classes/Twice.cls:3: @AuraEnabled method Twice.go is overloaded'
    );
  });

  it('reports a component importing a lightning module nobody declares, at its file and line', async () => {
    const message = await generationError({
      [`${LWC}/odd/odd.ts`]:
        "import { LightningElement } from 'lwc';\n\nimport { x } from 'lightning/notAModule';\nexport { x };\n"
    });
    expect(message).toBe(
      "force-app/main/default/lwc/odd/odd.ts:3: 'lightning/notAModule' is declared neither by " +
        'tools/types/lightning-modules.ts nor by @salesforce/lightning-types: add it to the catalog'
    );
  });

  it('reports an internationalization property nobody declares, at its file and line', async () => {
    const message = await generationError({
      [`${LWC}/greeting/greeting.ts`]:
        "import LOCALE from '@salesforce/i18n/locale';\nimport DIGITS from '@salesforce/i18n/common.digits';\n" +
        'export { LOCALE, DIGITS };\n'
    });
    expect(message).toBe(
      "force-app/main/default/lwc/greeting/greeting.ts:2: '@salesforce/i18n/common.digits' is declared neither by " +
        'tools/types/lightning-modules.ts nor by @salesforce/lightning-types: add it to the catalog'
    );
  });

  it('reports an invalid data model', async () => {
    const message = await generationError({
      'force-app/main/default/objects/Account_Plan__c/fields/Bad__c.field-meta.xml':
        '<CustomField><type>Nope</type></CustomField>'
    });
    expect(message).toContain("Bad__c.field-meta.xml: unknown field type 'Nope' on Account_Plan__c.Bad__c");
  });
});

describe('command line', () => {
  let log: jest.SpyInstance;
  let error: jest.SpyInstance;

  beforeEach(() => {
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  it('parses --root and --out relative to the working directory', () => {
    expect(parseArguments([], '/work')).toEqual({ root: '/work' });
    expect(parseArguments(['--root', 'p', '--out', 'o'], '/work')).toEqual({
      root: '/work/p',
      outDir: '/work/o'
    });
    expect(() => parseArguments(['--root'], '/work')).toThrow(/^usage: tsx tools\/types\/generate\.ts/);
    expect(() => parseArguments(['--check', 'x'], '/work')).toThrow(/got '--check x'/);
  });

  it('prints the summary and exits 0, or prints the problem and exits 1', async () => {
    const project = createPlanProject();
    expect(await main(['--root', project.root, '--out', 'out'], project.root)).toBe(0);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^types: 4 Apex methods, 15 objects, \d+ fields/));
    expect(fs.existsSync(path.join(project.root, 'out', 'apex.d.ts'))).toBe(true);

    fs.writeFileSync(path.join(project.root, CLASSES, 'Broken.cls'), 'public class Broken {');
    expect(await main([], project.root)).toBe(1);
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining('force-app/main/default/classes/Broken.cls:1:')
    );
    expect(await main(['--nope'], project.root)).toBe(1);
    project.remove();
  });
});

describe('resourceDeclarations without a namespace', () => {
  it('declares only the plain names', () => {
    const project = createFixtureProject(
      {
        'force-app/main/default/labels/CustomLabels.labels-meta.xml': metadataXml(
          'CustomLabels',
          '<labels><fullName>Hello</fullName><value>Hello</value></labels>'
        ),
        'force-app/main/default/staticresources/logo.resource-meta.xml': metadataXml('StaticResource', '')
      },
      { namespace: '' }
    );
    const { text, modules } = resourceDeclarations(readSfdxProject(project.root));
    project.remove();
    expect(modules).toBe(2);
    expect(moduleNames(text)).toEqual(['@salesforce/label/c.Hello', '@salesforce/resourceUrl/logo']);
  });
});

describe('valueType', () => {
  it.each<[FieldType, string]>([
    ['id', 'string'],
    ['reference', 'string'],
    ['picklist', 'string'],
    ['date', 'string'],
    ['datetime', 'string'],
    ['boolean', 'boolean'],
    ['int', 'number'],
    ['double', 'number'],
    ['currency', 'number'],
    ['percent', 'number'],
    ['address', 'AtlasSchema.Address'],
    ['location', 'AtlasSchema.Location'],
    ['anyType', 'unknown']
  ])('%s → %s', (type, ts) => {
    expect(valueType(field('X', type))).toBe(ts);
  });
});
