/**
 * Small constructors for field descriptors, shared by the standard catalog and by the reader (system fields of
 * custom objects). Every constructor starts from the defaults of an ordinary, editable, nillable standard field and
 * applies the options given.
 */
import type { FieldDescriptor, FieldType, PicklistValue } from './types';

export interface FieldOptions {
  label?: string;
  /** Not nillable (`required` in metadata terms). */
  required?: boolean;
  /** Neither createable nor updateable: set by the platform. */
  readOnly?: boolean;
  /** Createable but not updateable. */
  createOnly?: boolean;
  defaulted?: boolean;
  calculated?: boolean;
  nameField?: boolean;
  unique?: boolean;
  externalId?: boolean;
  idLookup?: boolean;
  custom?: boolean;
  inlineHelpText?: string;
}

type Extra = Partial<FieldDescriptor>;

/** "AccountId" → "Account ID", "LastStageChangeDate" → "Last Stage Change Date". */
export function labelFromName(name: string): string {
  return name
    .replace(/__c$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/ Id$/, ' ID')
    .replace(/^Id$/, 'ID');
}

export function field(
  name: string,
  type: FieldType,
  options: FieldOptions = {},
  extra: Extra = {}
): FieldDescriptor {
  const readOnly = options.readOnly === true;
  const descriptor: FieldDescriptor = {
    name,
    label: options.label ?? labelFromName(name),
    type,
    nillable: options.required !== true,
    createable: !readOnly,
    updateable: !readOnly && options.createOnly !== true,
    defaultedOnCreate: options.defaulted === true,
    calculated: options.calculated === true,
    autoNumber: false,
    externalId: options.externalId === true,
    unique: options.unique === true,
    caseSensitive: false,
    nameField: options.nameField === true,
    referenceTo: [],
    relationshipName: null,
    cascadeDelete: false,
    restrictedDelete: false,
    restrictedPicklist: false,
    picklistValues: [],
    custom: options.custom === true,
    ...extra
  };
  if (options.inlineHelpText !== undefined) descriptor.inlineHelpText = options.inlineHelpText;
  if (options.idLookup === true) descriptor.idLookup = true;
  return descriptor;
}

export function text(name: string, length: number, options: FieldOptions = {}): FieldDescriptor {
  return field(name, 'string', options, { length });
}

export function textArea(name: string, length: number, options: FieldOptions = {}): FieldDescriptor {
  return field(name, 'textarea', options, { length });
}

export function email(name: string, length: number, options: FieldOptions = {}): FieldDescriptor {
  return field(name, 'email', options, { length });
}

export function phone(name: string, options: FieldOptions = {}): FieldDescriptor {
  return field(name, 'phone', options, { length: 40 });
}

export function url(name: string, options: FieldOptions = {}): FieldDescriptor {
  return field(name, 'url', options, { length: 255 });
}

export function checkbox(name: string, defaultValue: boolean, options: FieldOptions = {}): FieldDescriptor {
  return field(name, 'boolean', { defaulted: true, ...options, required: true }, { defaultValue });
}

export function integer(name: string, digits: number, options: FieldOptions = {}): FieldDescriptor {
  return field(name, 'int', options, { digits });
}

export function decimal(
  name: string,
  type: 'double' | 'currency' | 'percent',
  precision: number,
  scale: number,
  options: FieldOptions = {}
): FieldDescriptor {
  return field(name, type, options, { precision, scale });
}

export function date(name: string, options: FieldOptions = {}): FieldDescriptor {
  return field(name, 'date', options);
}

export function dateTime(name: string, options: FieldOptions = {}): FieldDescriptor {
  return field(name, 'datetime', options);
}

/** Picklist values from plain strings (label = value); `defaultValue` marks the default one. */
export function values(list: readonly string[], defaultValue?: string): PicklistValue[] {
  return list.map((value) => ({ value, label: value, active: true, defaultValue: value === defaultValue }));
}

export function picklist(
  name: string,
  picklistValues: PicklistValue[],
  options: FieldOptions = {},
  restrictedPicklist = false
): FieldDescriptor {
  const defaulted = picklistValues.some((value) => value.defaultValue);
  return field(
    name,
    'picklist',
    { defaulted, ...options },
    { length: 255, picklistValues, restrictedPicklist }
  );
}

export function reference(
  name: string,
  referenceTo: string[],
  relationshipName: string | null,
  options: FieldOptions = {}
): FieldDescriptor {
  return field(name, 'reference', options, { length: 18, referenceTo, relationshipName });
}

export function idField(): FieldDescriptor {
  return field('Id', 'id', { readOnly: true, required: true, defaulted: true }, { length: 18 });
}

export interface SystemFieldSet {
  /** CreatedDate and CreatedById (absent on UserRole). */
  created: boolean;
  /** LastModifiedDate and LastModifiedById (absent on history objects). */
  lastModified: boolean;
  systemModstamp: boolean;
  isDeleted: boolean;
}

export const ALL_SYSTEM_FIELDS: SystemFieldSet = {
  created: true,
  lastModified: true,
  systemModstamp: true,
  isDeleted: true
};

/** The audit fields Salesforce adds to objects: read-only, set by the platform, never null. */
export function systemFields(set: SystemFieldSet = ALL_SYSTEM_FIELDS): FieldDescriptor[] {
  const platform: FieldOptions = { readOnly: true, required: true, defaulted: true };
  const fields: FieldDescriptor[] = [];
  if (set.isDeleted) fields.push(checkbox('IsDeleted', false, { ...platform, label: 'Deleted' }));
  if (set.created) {
    fields.push(dateTime('CreatedDate', platform));
    fields.push(reference('CreatedById', ['User'], 'CreatedBy', platform));
  }
  if (set.lastModified) {
    fields.push(dateTime('LastModifiedDate', platform));
    fields.push(reference('LastModifiedById', ['User'], 'LastModifiedBy', platform));
  }
  if (set.systemModstamp) fields.push(dateTime('SystemModstamp', { ...platform, label: 'System Modstamp' }));
  return fields;
}
