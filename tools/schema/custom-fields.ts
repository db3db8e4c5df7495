/**
 * Converting one `<CustomField>` metadata file into a describe-shaped field descriptor.
 *
 * The conversions follow what Salesforce's describe reports for a field created from that metadata: e.g. a Number
 * field describes as `double` (even with scale 0), a formula as `calculated` with its return type, a MultiselectPicklist
 * with length 4099, a text formula with length 1300, an AutoNumber as a read-only `string` of length 30.
 */
import { field, type FieldOptions } from './field-builders';
import type { AutoNumberFormat, FieldDescriptor, FieldType, PicklistValue, SummaryDescriptor } from './types';
import {
  MetadataError,
  childBoolean,
  childElement,
  childElements,
  childNumber,
  childText,
  readXmlFile,
  type XmlElement
} from './xml';

export interface GlobalValueSet {
  values: PicklistValue[];
}

export interface CustomFieldContext {
  /** Name of the object the field belongs to. */
  objectName: string;
  /** The field's API name (its file name without `.field-meta.xml`). */
  fieldName: string;
  /** Global value sets by name. */
  globalValueSets: ReadonlyMap<string, GlobalValueSet>;
  /** `file` as it should appear in messages. */
  displayPath: string;
}

export interface CustomFieldDraft {
  descriptor: FieldDescriptor;
  displayPath: string;
  /** The child relationship name on the referenced object (`Stakeholders__r`), for lookups and master-details. */
  childRelationshipName: string | null;
}

/** Reference targets that are platform setup entities rather than objects (custom metadata relationships). */
export const PLATFORM_REFERENCE_TARGETS: ReadonlySet<string> = new Set([
  'EntityDefinition',
  'FieldDefinition'
]);

type Converter = (
  element: XmlElement,
  context: CustomFieldContext
) => Partial<FieldDescriptor> & { type: FieldType };

function requiredNumber(element: XmlElement, key: string, context: CustomFieldContext): number {
  const value = childNumber(element, key, context.displayPath);
  if (value === undefined)
    throw new MetadataError(context.displayPath, `<${key}> is required for this field type`);
  return value;
}

function numeric(type: 'double' | 'currency' | 'percent'): Converter {
  return (element, context) => ({
    type,
    precision: requiredNumber(element, 'precision', context),
    scale: requiredNumber(element, 'scale', context)
  });
}

function withLength(type: FieldType, fixedLength?: number): Converter {
  return (element, context) => ({ type, length: fixedLength ?? requiredNumber(element, 'length', context) });
}

function picklistValue(element: XmlElement): PicklistValue {
  const value = childText(element, 'fullName') ?? '';
  return {
    value,
    label: childText(element, 'label') ?? value,
    active: childText(element, 'isActive') !== 'false',
    defaultValue: childBoolean(element, 'default')
  };
}

/** Values of a `<GlobalValueSet>` file. */
export function readGlobalValueSet(file: string): GlobalValueSet {
  return { values: childElements(readXmlFile(file, 'GlobalValueSet'), 'customValue').map(picklistValue) };
}

function picklist(type: 'picklist' | 'multipicklist', length: number): Converter {
  return (element, context) => {
    const valueSet = childElement(element, 'valueSet');
    if (valueSet === undefined) throw new MetadataError(context.displayPath, 'a picklist needs a <valueSet>');
    const globalName = childText(valueSet, 'valueSetName');
    if (globalName !== undefined) {
      const globalSet = context.globalValueSets.get(globalName);
      if (globalSet === undefined) {
        throw new MetadataError(context.displayPath, `unknown global value set '${globalName}'`);
      }
      return { type, length, picklistValues: globalSet.values, restrictedPicklist: true };
    }
    const definition = childElement(valueSet, 'valueSetDefinition') ?? {};
    return {
      type,
      length,
      picklistValues: childElements(definition, 'value').map(picklistValue),
      restrictedPicklist: childBoolean(valueSet, 'restricted')
    };
  };
}

function parentRelationshipName(fieldName: string): string {
  return fieldName.replace(/__c$/, '__r');
}

function referenceTarget(element: XmlElement, context: CustomFieldContext): string {
  const target = childText(element, 'referenceTo');
  if (target === undefined || target === '') {
    throw new MetadataError(context.displayPath, 'a relationship field needs <referenceTo>');
  }
  return target;
}

const lookup: Converter = (element, context) => {
  const isRequired = childBoolean(element, 'required');
  const constraint = childText(element, 'deleteConstraint') ?? 'SetNull';
  return {
    type: 'reference',
    length: 18,
    referenceTo: [referenceTarget(element, context)],
    relationshipName: parentRelationshipName(context.fieldName),
    // A required lookup cannot clear itself when its parent goes, so Salesforce restricts the delete.
    restrictedDelete: constraint === 'Restrict' || isRequired,
    cascadeDelete: constraint === 'Cascade'
  };
};

const masterDetail: Converter = (element, context) => {
  const order = childNumber(element, 'relationshipOrder', context.displayPath);
  return {
    type: 'reference',
    length: 18,
    referenceTo: [referenceTarget(element, context)],
    relationshipName: parentRelationshipName(context.fieldName),
    nillable: false,
    cascadeDelete: true,
    updateable: childBoolean(element, 'reparentableMasterDetail'),
    ...(order === undefined ? {} : { relationshipOrder: order })
  };
};

/** `<displayFormat>` and `<startingNumber>` (1 when absent) of an auto-number field or name field. */
export function readAutoNumberFormat(element: XmlElement, displayPath: string): AutoNumberFormat {
  const displayFormat = childText(element, 'displayFormat');
  if (displayFormat === undefined || displayFormat === '') {
    throw new MetadataError(displayPath, 'an auto-number field needs a <displayFormat>');
  }
  return { displayFormat, startingNumber: childNumber(element, 'startingNumber', displayPath) ?? 1 };
}

const autoNumber: Converter = (element, context) => ({
  type: 'string',
  length: 30,
  autoNumber: true,
  autoNumberFormat: readAutoNumberFormat(element, context.displayPath),
  nillable: false,
  createable: false,
  updateable: false,
  defaultedOnCreate: true
});

const checkbox: Converter = (element) => ({
  type: 'boolean',
  nillable: false,
  defaultedOnCreate: true,
  defaultValue: childText(element, 'defaultValue') === 'true'
});

const SUMMARY_OPERATIONS = ['count', 'sum', 'min', 'max'] as const;

function isSummaryOperation(value: string): value is SummaryDescriptor['operation'] {
  return (SUMMARY_OPERATIONS as readonly string[]).includes(value);
}

function summaryOf(element: XmlElement, context: CustomFieldContext): SummaryDescriptor {
  const operation = childText(element, 'summaryOperation') ?? '';
  if (!isSummaryOperation(operation)) {
    throw new MetadataError(
      context.displayPath,
      `<summaryOperation> must be one of ${SUMMARY_OPERATIONS.join(', ')}`
    );
  }
  const foreignKey = childText(element, 'summaryForeignKey');
  if (foreignKey === undefined)
    throw new MetadataError(context.displayPath, 'a summary needs <summaryForeignKey>');
  const summarizedField = childText(element, 'summarizedField') ?? null;
  if (operation !== 'count' && summarizedField === null) {
    throw new MetadataError(context.displayPath, `a '${operation}' summary needs <summarizedField>`);
  }
  return { operation, summarizedField, foreignKey };
}

/**
 * A count describes as `double(18, 0)`; sum/min/max take the summarized field's type, which the reader sets once
 * every object is known (see `summary` on the descriptor).
 */
const summary: Converter = (element, context) => ({
  type: 'double',
  precision: 18,
  scale: 0,
  summary: summaryOf(element, context)
});

const metadataRelationship: Converter = (element, context) => ({
  type: 'reference',
  length: 18,
  referenceTo: [referenceTarget(element, context)],
  relationshipName: parentRelationshipName(context.fieldName)
});

const CONVERTERS: Readonly<Record<string, Converter>> = {
  Text: withLength('string'),
  TextArea: withLength('textarea', 255),
  LongTextArea: withLength('textarea'),
  Html: withLength('textarea'),
  Number: numeric('double'),
  Currency: numeric('currency'),
  Percent: numeric('percent'),
  Checkbox: checkbox,
  Date: () => ({ type: 'date' }),
  DateTime: () => ({ type: 'datetime' }),
  Time: () => ({ type: 'time' }),
  Email: withLength('email', 80),
  Phone: withLength('phone', 40),
  Url: withLength('url', 255),
  Picklist: picklist('picklist', 255),
  MultiselectPicklist: picklist('multipicklist', 4099),
  Lookup: lookup,
  MasterDetail: masterDetail,
  AutoNumber: autoNumber,
  Summary: summary,
  MetadataRelationship: metadataRelationship
};

function formulaNumber(type: 'double' | 'currency' | 'percent'): Converter {
  return (element, context) => ({ type, precision: 18, scale: requiredNumber(element, 'scale', context) });
}

/** Return types a `<formula>` field may declare, and how describe reports each. */
const FORMULA_CONVERTERS: Readonly<Record<string, Converter>> = {
  Text: () => ({ type: 'string', length: 1300 }),
  Number: formulaNumber('double'),
  Currency: formulaNumber('currency'),
  Percent: formulaNumber('percent'),
  Checkbox: () => ({ type: 'boolean', nillable: false, defaultedOnCreate: true }),
  Date: () => ({ type: 'date' }),
  DateTime: () => ({ type: 'datetime' }),
  Time: () => ({ type: 'time' })
};

function converterFor(element: XmlElement, context: CustomFieldContext): Converter {
  const type = childText(element, 'type');
  if (type === undefined) throw new MetadataError(context.displayPath, 'missing <type>');
  const isFormula = childText(element, 'formula') !== undefined;
  const converter = isFormula ? FORMULA_CONVERTERS[type] : CONVERTERS[type];
  if (converter === undefined) {
    const kind = isFormula ? 'formula return type' : 'field type';
    const fieldName = `${context.objectName}.${context.fieldName}`;
    throw new MetadataError(context.displayPath, `unknown ${kind} '${type}' on ${fieldName}`);
  }
  return converter;
}

function baseOptions(element: XmlElement, name: string): FieldOptions {
  const options: FieldOptions = {
    label: childText(element, 'label') ?? name,
    required: childBoolean(element, 'required'),
    unique: childBoolean(element, 'unique'),
    externalId: childBoolean(element, 'externalId'),
    custom: name.endsWith('__c')
  };
  const help = childText(element, 'inlineHelpText');
  if (help !== undefined) options.inlineHelpText = help;
  return options;
}

/** Formula and summary fields are computed by the platform: never written, null when they evaluate to nothing. */
function computedProperties(element: XmlElement): Partial<FieldDescriptor> {
  const formula = childText(element, 'formula');
  const isSummary = childText(element, 'type') === 'Summary';
  if (formula === undefined && !isSummary) return {};
  return {
    calculated: true,
    createable: false,
    updateable: false,
    ...(formula === undefined ? {} : { formula })
  };
}

function defaultValueOf(element: XmlElement): Partial<FieldDescriptor> {
  const defaultValue = childText(element, 'defaultValue');
  if (defaultValue === undefined || childText(element, 'type') === 'Checkbox') return {};
  return { defaultValue, defaultedOnCreate: true };
}

export function readCustomField(file: string, context: CustomFieldContext): CustomFieldDraft {
  const element = readXmlFile(file, 'CustomField');
  const { type, ...properties } = converterFor(element, context)(element, context);
  const descriptor = field(context.fieldName, type, baseOptions(element, context.fieldName), {
    caseSensitive: childBoolean(element, 'caseSensitive'),
    ...defaultValueOf(element),
    ...properties,
    ...computedProperties(element)
  });
  return {
    descriptor,
    displayPath: context.displayPath,
    childRelationshipName: relationshipChildName(element)
  };
}

function relationshipChildName(element: XmlElement): string | null {
  const name = childText(element, 'relationshipName');
  return name === undefined ? null : `${name}__r`;
}
