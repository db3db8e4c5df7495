/**
 * Describe-shaped descriptors of the project's data model.
 *
 * The shapes mirror the subset of Salesforce's REST `describe` (sObject Describe) that the package's tooling needs:
 * property names and meanings are Salesforce's, so code written against these descriptors reads like code written
 * against a real org's describe result.
 */

/**
 * Salesforce's describe field types. The brief's list plus the two types the standard catalog needs to stay truthful:
 * `combobox` (Task.Subject, Event.Subject) and `anyType` (OpportunityFieldHistory.OldValue/NewValue).
 */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'multipicklist'
  | 'combobox'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'time'
  | 'reference'
  | 'address'
  | 'location'
  | 'anyType';

export interface PicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

/** Roll-up summary definition (describe exposes none of this; it comes from the field's metadata). */
export interface SummaryDescriptor {
  operation: 'count' | 'sum' | 'min' | 'max';
  /** `Child__c.Field__c`; null for `count`. */
  summarizedField: string | null;
  /** `Child__c.Parent__c`: the master-detail field on the child that the summary follows. */
  foreignKey: string;
}

/** How an auto-number field numbers records (describe exposes none of this; it comes from the field's metadata). */
export interface AutoNumberFormat {
  /** `WS-{00000}`: the zeros give the minimum digits; `{YYYY}`, `{YY}`, `{MM}`, `{DD}` insert the creation date. */
  displayFormat: string;
  startingNumber: number;
}

export interface FieldDescriptor {
  name: string;
  label: string;
  type: FieldType;
  /** Characters, for text-like types (string, textarea, email, phone, url, picklist, multipicklist, id, reference). */
  length?: number;
  /** Total digits, for double/currency/percent. */
  precision?: number;
  /** Digits right of the decimal point, for double/currency/percent. */
  scale?: number;
  /** Maximum digits, for int. */
  digits?: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  calculated: boolean;
  autoNumber: boolean;
  externalId: boolean;
  /** Usable to find a record, and so as an upsert key, besides Id and external ids (Salesforce's `idLookup`: User.Username…). */
  idLookup?: boolean;
  unique: boolean;
  caseSensitive: boolean;
  /** True for the record's name field (Name on most objects). */
  nameField: boolean;
  referenceTo: string[];
  relationshipName: string | null;
  /** Master-detail order on junction objects: 0 (primary) or 1 (secondary). */
  relationshipOrder?: number;
  cascadeDelete: boolean;
  restrictedDelete: boolean;
  restrictedPicklist: boolean;
  picklistValues: PicklistValue[];
  inlineHelpText?: string;
  /** Formula source text, for formula fields. */
  formula?: string;
  summary?: SummaryDescriptor;
  /** For auto-number fields. */
  autoNumberFormat?: AutoNumberFormat;
  custom: boolean;
  /** A checkbox's default as a boolean; otherwise the default-value formula source as written in metadata. */
  defaultValue?: boolean | string;
}

export interface ChildRelationship {
  childSObject: string;
  field: string;
  relationshipName: string | null;
  cascadeDelete: boolean;
}

export interface ObjectDescriptor {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  customSetting: false;
  isCustomMetadata: boolean;
  sharingModel?: string;
  /** Id first. */
  fields: FieldDescriptor[];
  childRelationships: ChildRelationship[];
}

export interface ProjectSchema {
  /** Absolute path of the SFDX project. */
  projectRoot: string;
  /** sfdx-project.json's namespace, or null when it has none. */
  namespace: string | null;
  /** Package directory paths as written in sfdx-project.json (relative to projectRoot). */
  packageDirectories: string[];
  /** Standard catalog objects and the project's custom objects, sorted by name. */
  objects: ObjectDescriptor[];
}

export type CustomMetadataValue = string | number | boolean | null;

export interface CustomMetadataRecord {
  /** The type's API name, e.g. `Stage_Setting__mdt`. */
  type: string;
  developerName: string;
  label: string;
  protected: boolean;
  values: Record<string, CustomMetadataValue>;
  /** Absolute path of the record's `.md-meta.xml` file. */
  file: string;
}
