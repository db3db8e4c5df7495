/**
 * End to end: generate the declarations for a fixture project, then run the real `tsc` on a component that wires
 * Lightning Data Service and an Apex method under standard decorators, and on one that formats an amount in the
 * user's locale and currency. Library checking stays on, so the generated declarations themselves must type-check
 * too.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FixtureProject } from '../../schema/__tests__/fixture-project';
import { generateTypes } from '../generate';
import { LWC, REPO_ROOT, createPlanProject } from './plan-fixture';

const COMPONENT = `${LWC}/planList/planList.ts`;

const SOURCE = `import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue, type RecordRepresentation } from 'lightning/uiRecordApi';
import getPlans from '@salesforce/apex/PlanController.getPlans';
import savePlan from '@salesforce/apex/PlanController.savePlan';
import GOAL_FIELD from '@salesforce/schema/Account_Plan__c.Revenue_Goal__c';
import ACCOUNT_NAME_FIELD from '@salesforce/schema/Account_Plan__c.Account__r.Name';

export default class PlanList extends LightningElement {
  @api recordId?: string;

  @wire(getRecord, { recordId: '$recordId', fields: [GOAL_FIELD, ACCOUNT_NAME_FIELD] })
  plan?: AtlasWire.Result<RecordRepresentation>;

  @wire(getPlans, { accountId: '$recordId', max: 10 })
  plans?: AtlasWire.Result<AtlasSObject.Account_Plan__c[]>;

  get goal(): number {
    return getFieldValue(this.plan?.data, GOAL_FIELD) ?? 0;
  }

  async rename(name: string): Promise<void> {
    await savePlan({ plan: { Id: this.recordId, Name: name } });
  }
}
`;

const AMOUNT_COMPONENT = `${LWC}/planAmount/planAmount.ts`;

const AMOUNT_SOURCE = `import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';

export default class PlanAmount extends LightningElement {
  @api amount = 0;

  get text(): string {
    return new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY }).format(this.amount);
  }
}
`;

const TSCONFIG = {
  extends: path.join(REPO_ROOT, 'tsconfig.base.json'),
  compilerOptions: {
    noEmit: true,
    target: 'ESNext',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    experimentalDecorators: false,
    useDefineForClassFields: true,
    skipLibCheck: false,
    types: ['@salesforce/lightning-types']
  },
  include: ['force-app/**/*.ts', 'types/**/*.d.ts']
};

describe('components type-check against the generated declarations', () => {
  jest.setTimeout(120_000);
  let project: FixtureProject;

  beforeAll(async () => {
    project = createPlanProject({
      [COMPONENT]: SOURCE,
      [AMOUNT_COMPONENT]: AMOUNT_SOURCE,
      'tsconfig.json': JSON.stringify(TSCONFIG, null, 2)
    });
    await generateTypes({ root: project.root });
  });

  afterAll(() => project.remove());

  function tsc(): { status: number | null; output: string } {
    const compiler = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [compiler, '-p', project.root, '--pretty', 'false'], {
      cwd: project.root,
      encoding: 'utf8'
    });
    return { status: run.status, output: run.stdout + run.stderr };
  }

  function replaceIn(component: string, from: string, to: string): void {
    const file = path.join(project.root, component);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to));
  }

  function replaceInComponent(from: string, to: string): void {
    replaceIn(COMPONENT, from, to);
  }

  it('passes with wired getRecord, a wired and an imperative Apex method, typed field values and i18n', () => {
    expect(tsc()).toEqual({ status: 0, output: '' });
  });

  it('fails on an Apex method that does not exist, naming the file and line', () => {
    replaceInComponent('PlanController.getPlans', 'PlanController.getPlanz');
    const { status, output } = tsc();
    replaceInComponent('PlanController.getPlanz', 'PlanController.getPlans');
    expect(status).not.toBe(0);
    expect(output.trim()).toMatch(
      /^force-app\/main\/default\/lwc\/planList\/planList\.ts\(3,\d+\): error TS2307: Cannot find module '@salesforce\/apex\/PlanController\.getPlanz'/
    );
  });

  it('fails on a field that does not exist, naming the file and line', () => {
    replaceInComponent('Account_Plan__c.Revenue_Goal__c', 'Account_Plan__c.Revenue_Goals__c');
    const { status, output } = tsc();
    replaceInComponent('Account_Plan__c.Revenue_Goals__c', 'Account_Plan__c.Revenue_Goal__c');
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /force-app\/main\/default\/lwc\/planList\/planList\.ts\(5,\d+\): error TS2307: Cannot find module '@salesforce\/schema\/Account_Plan__c\.Revenue_Goals__c'/
    );
  });

  it('fails when a non-cacheable Apex method is wired or a wired value has the wrong type', () => {
    replaceInComponent('@wire(getPlans,', '@wire(savePlan,');
    const wiredImperative = tsc();
    replaceInComponent('@wire(savePlan,', '@wire(getPlans,');
    expect(wiredImperative.output).toMatch(/planList\.ts\(14,\d+\): error TS2345/);

    replaceInComponent('AtlasWire.Result<AtlasSObject.Account_Plan__c[]>', 'AtlasWire.Result<string[]>');
    const wrongType = tsc();
    replaceInComponent('AtlasWire.Result<string[]>', 'AtlasWire.Result<AtlasSObject.Account_Plan__c[]>');
    expect(wrongType.output).toMatch(/planList\.ts\(14,\d+\): error TS1240/);
  });

  it('fails on an internationalization property that does not exist or is used as another type', () => {
    replaceIn(AMOUNT_COMPONENT, '@salesforce/i18n/locale', '@salesforce/i18n/locales');
    const unknown = tsc();
    replaceIn(AMOUNT_COMPONENT, '@salesforce/i18n/locales', '@salesforce/i18n/locale');
    expect(unknown.output.trim()).toMatch(
      /^force-app\/main\/default\/lwc\/planAmount\/planAmount\.ts\(2,\d+\): error TS2307: Cannot find module '@salesforce\/i18n\/locales'/
    );

    replaceIn(
      AMOUNT_COMPONENT,
      'currency: CURRENCY }',
      'currency: CURRENCY, maximumFractionDigits: CURRENCY }'
    );
    const wrongType = tsc();
    replaceIn(
      AMOUNT_COMPONENT,
      'currency: CURRENCY, maximumFractionDigits: CURRENCY }',
      'currency: CURRENCY }'
    );
    expect(wrongType.output.trim()).toMatch(
      /^force-app\/main\/default\/lwc\/planAmount\/planAmount\.ts\(9,\d+\): error TS2769: [^]*Type 'string' is not assignable to type 'number'/
    );
  });
});
