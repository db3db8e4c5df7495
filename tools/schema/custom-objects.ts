/**
 * Building the descriptor of a custom object (`__c`) or custom metadata type (`__mdt`) from its
 * `<CustomObject>` file, with the standard fields Salesforce adds to every such object.
 */
import { readAutoNumberFormat } from './custom-fields';
import {
  date,
  dateTime,
  field,
  idField,
  picklist,
  reference,
  systemFields,
  text,
  type FieldOptions
} from './field-builders';
import type { FieldDescriptor, ObjectDescriptor } from './types';
import { MetadataError, childBoolean, childElement, childText, readXmlFile, type XmlElement } from './xml';

export interface CustomObjectHeader {
  /** keyPrefix is assigned later, once every custom object is known. */
  descriptor: ObjectDescriptor;
  enableActivities: boolean;
}

export function isCustomObjectName(name: string): boolean {
  return name.endsWith('__c');
}

export function isCustomMetadataName(name: string): boolean {
  return name.endsWith('__mdt');
}

function requiredText(element: XmlElement, key: string, displayPath: string): string {
  const value = childText(element, key);
  if (value === undefined || value === '') throw new MetadataError(displayPath, `missing <${key}>`);
  return value;
}

/** The Name field as `<nameField>` defines it: free text (80 characters) or an auto-number. */
function nameFieldOf(element: XmlElement, displayPath: string): FieldDescriptor {
  const nameElement = childElement(element, 'nameField');
  if (nameElement === undefined) throw new MetadataError(displayPath, 'a custom object needs a <nameField>');
  const label = childText(nameElement, 'label') ?? 'Name';
  const type = childText(nameElement, 'type');
  if (type === 'Text') return text('Name', 80, { label, required: true, nameField: true });
  if (type === 'AutoNumber') {
    return field(
      'Name',
      'string',
      { label, required: true, nameField: true, readOnly: true, defaulted: true },
      {
        length: 30,
        autoNumber: true,
        autoNumberFormat: readAutoNumberFormat(nameElement, displayPath)
      }
    );
  }
  throw new MetadataError(displayPath, `<nameField> type must be Text or AutoNumber, got '${type ?? ''}'`);
}

/** Id, OwnerId (unless the object is a detail), Name, audit fields, LastActivityDate (with activities). */
function customObjectFields(
  element: XmlElement,
  sharingModel: string | undefined,
  displayPath: string
): FieldDescriptor[] {
  const owner: FieldOptions = { required: true, defaulted: true, label: 'Owner ID' };
  const fields = [idField()];
  // Owners may be queues, so custom objects' OwnerId points to Group as well as User.
  if (sharingModel !== 'ControlledByParent')
    fields.push(reference('OwnerId', ['Group', 'User'], 'Owner', owner));
  fields.push(nameFieldOf(element, displayPath), ...systemFields());
  if (childBoolean(element, 'enableActivities')) fields.push(date('LastActivityDate', { readOnly: true }));
  return fields;
}

/** The fields every custom metadata type has. */
function customMetadataFields(): FieldDescriptor[] {
  const readOnly: FieldOptions = { readOnly: true };
  return [
    idField(),
    text('DeveloperName', 40, { required: true, label: 'Custom Metadata Record Name' }),
    text('MasterLabel', 40, { required: true, nameField: true, label: 'Label' }),
    picklist('Language', [], readOnly),
    text('NamespacePrefix', 15, readOnly),
    text('Label', 40, { ...readOnly, label: 'Label' }),
    text('QualifiedApiName', 70, readOnly),
    dateTime('SystemModstamp', { readOnly: true, required: true, defaulted: true })
  ];
}

export function readCustomObject(name: string, file: string, displayPath: string): CustomObjectHeader {
  const element = readXmlFile(file, 'CustomObject');
  const isCustomMetadata = isCustomMetadataName(name);
  const sharingModel = childText(element, 'sharingModel');
  const descriptor: ObjectDescriptor = {
    name,
    label: requiredText(element, 'label', displayPath),
    labelPlural: requiredText(element, 'pluralLabel', displayPath),
    keyPrefix: '',
    custom: true,
    customSetting: false,
    isCustomMetadata,
    fields: isCustomMetadata
      ? customMetadataFields()
      : customObjectFields(element, sharingModel, displayPath),
    childRelationships: []
  };
  if (sharingModel !== undefined) descriptor.sharingModel = sharingModel;
  return { descriptor, enableActivities: !isCustomMetadata && childBoolean(element, 'enableActivities') };
}
