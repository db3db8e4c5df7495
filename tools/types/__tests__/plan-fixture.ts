/**
 * A small project for the types generator's tests: two custom objects, Apex controllers with @AuraEnabled methods
 * of every kind (cacheable, imperative, parameterless, void; SObject, DTO, enum and collection types), a test
 * class, labels, a custom permission, a static resource, a message channel and one component.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  OBJECTS,
  createFixtureProject,
  metadataXml,
  type FixtureProject
} from '../../schema/__tests__/fixture-project';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const CLASSES = 'force-app/main/default/classes';
export const LWC = 'force-app/main/default/lwc';

const PLAN_CONTROLLER = `
public with sharing class PlanController {
    @AuraEnabled(cacheable=true)
    public static List<Account_Plan__c> getPlans(Id accountId, Integer max) {
        return [SELECT Id, Name FROM Account_Plan__c WHERE Account__c = :accountId WITH USER_MODE LIMIT :max];
    }

    @AuraEnabled
    public static void savePlan(Account_Plan__c plan) {
        update as user plan;
    }

    @AuraEnabled(cacheable=true)
    public static PlanSummary getSummary(Id planId, Set<String> regions) {
        return new PlanSummary();
    }

    @AuraEnabled
    public static Integer countPlans() {
        return 0;
    }

    public static String notExposed() {
        return '';
    }

    public class PlanSummary {
        @AuraEnabled public String name;
        @AuraEnabled public List<Row> rows { get; set; }
        @AuraEnabled public Map<String, Decimal> totals;
        @AuraEnabled public Health health;
        @AuraEnabled public PlanSummary parent;
        @AuraEnabled public Stakeholder__c champion;
        public String notSerialized;
    }

    public class Row extends BaseRow {
        @AuraEnabled public Date due;
    }

    public enum Health { GREEN, AMBER, RED }
}
`;

const BASE_ROW = `
public virtual class BaseRow {
    @AuraEnabled public Id id;
}
`;

const PLAN_CONTROLLER_TEST = `
@IsTest
private class PlanControllerTest {
    @AuraEnabled
    public static String helper() {
        return '';
    }

    @IsTest
    static void countsPlans() {
        System.assertEquals(0, PlanController.countPlans());
    }
}
`;

/** Imports one catalog module and one module of @salesforce/lightning-types. */
const COMPONENT = `
import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import Toast from 'lightning/toast';

export default class PlanCard extends LightningElement {
  notify(source: HTMLElement): void {
    this.dispatchEvent(new ShowToastEvent({ title: 'Saved', variant: 'success' }));
    Toast.show({ label: 'Saved' }, source);
  }
}
`;

const objectXml = (label: string, plural: string, sharing: string): string =>
  metadataXml(
    'CustomObject',
    `<label>${label}</label><pluralLabel>${plural}</pluralLabel>
     <nameField><label>Name</label><type>Text</type></nameField>
     <sharingModel>${sharing}</sharingModel>`
  );

const fieldXml = (inner: string): string => metadataXml('CustomField', inner);

export const PLAN_FILES: Readonly<Record<string, string>> = {
  [`${OBJECTS}/Account_Plan__c/Account_Plan__c.object-meta.xml`]: objectXml(
    'Account Plan',
    'Account Plans',
    'Private'
  ),
  [`${OBJECTS}/Account_Plan__c/fields/Account__c.field-meta.xml`]: fieldXml(
    '<label>Account</label><type>Lookup</type><referenceTo>Account</referenceTo><relationshipName>Account_Plans</relationshipName>'
  ),
  [`${OBJECTS}/Account_Plan__c/fields/Revenue_Goal__c.field-meta.xml`]: fieldXml(
    '<label>Revenue Goal</label><type>Currency</type><precision>16</precision><scale>2</scale>'
  ),
  [`${OBJECTS}/Stakeholder__c/Stakeholder__c.object-meta.xml`]: objectXml(
    'Stakeholder',
    'Stakeholders',
    'ControlledByParent'
  ),
  [`${OBJECTS}/Stakeholder__c/fields/Account_Plan__c.field-meta.xml`]: fieldXml(
    '<label>Plan</label><type>MasterDetail</type><referenceTo>Account_Plan__c</referenceTo><relationshipName>Stakeholders</relationshipName>'
  ),
  [`${OBJECTS}/Stakeholder__c/fields/Contact__c.field-meta.xml`]: fieldXml(
    '<label>Contact</label><type>Lookup</type><referenceTo>Contact</referenceTo><relationshipName>Stakeholders</relationshipName>'
  ),
  [`${CLASSES}/PlanController.cls`]: PLAN_CONTROLLER,
  [`${CLASSES}/BaseRow.cls`]: BASE_ROW,
  [`${CLASSES}/PlanControllerTest.cls`]: PLAN_CONTROLLER_TEST,
  'force-app/main/default/labels/CustomLabels.labels-meta.xml': metadataXml(
    'CustomLabels',
    `<labels><fullName>Plan_Title</fullName><language>en_US</language><protected>false</protected><shortDescription>Title</shortDescription><value>Account plan</value></labels>
     <labels><fullName>Plan_Empty</fullName><language>en_US</language><protected>false</protected><shortDescription>Empty</shortDescription><value>No plan yet</value></labels>`
  ),
  'force-app/main/default/customPermissions/Manage_Plans.customPermission-meta.xml': metadataXml(
    'CustomPermission',
    '<label>Manage Plans</label>'
  ),
  'force-app/main/default/staticresources/chartjs.resource-meta.xml': metadataXml(
    'StaticResource',
    '<cacheControl>Public</cacheControl><contentType>application/javascript</contentType>'
  ),
  'force-app/main/default/messageChannels/Plan_Selected.messageChannel-meta.xml': metadataXml(
    'LightningMessageChannel',
    '<masterLabel>Plan Selected</masterLabel><isExposed>false</isExposed>'
  ),
  [`${LWC}/planCard/planCard.ts`]: COMPONENT
};

/** The plan project, with the repository's node_modules linked in so packages resolve as in the real project. */
export function createPlanProject(extraFiles: Record<string, string> = {}): FixtureProject {
  const project = createFixtureProject({ ...PLAN_FILES, ...extraFiles });
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(project.root, 'node_modules'), 'dir');
  return project;
}
