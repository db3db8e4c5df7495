/**
 * `sobjects` (describe global), `sobjects/X` (basic information) and `sobjects/X/describe`, from the store's
 * describe-shaped descriptors plus the properties Salesforce's describe carries that the descriptors leave out.
 */
import type { FastifyInstance } from 'fastify';
import type { DescribeGlobalEntry, OrgStore } from '../contracts';
import type { FieldDescriptor, FieldType, ObjectDescriptor } from '../../../tools/schema/types';
import { dataBasePath, type OrgContext } from './context';
import { param, resource } from './resource';

const SOAP_TYPES: Record<FieldType, string> = {
  id: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  email: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
  picklist: 'xsd:string',
  multipicklist: 'xsd:string',
  combobox: 'xsd:string',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
  time: 'xsd:time',
  reference: 'tns:ID',
  address: 'urn:address',
  location: 'urn:location',
  anyType: 'xsd:anyType'
};

function objectUrls(base: string, name: string): Record<string, string> {
  const sobject = `${base}/sobjects/${name}`;
  return { sobject, describe: `${sobject}/describe`, rowTemplate: `${sobject}/{ID}` };
}

function globalEntry(base: string, entry: DescribeGlobalEntry): Record<string, unknown> {
  return {
    ...entry,
    activateable: false,
    customSetting: false,
    deprecatedAndHidden: false,
    layoutable: true,
    mergeable: false,
    replicateable: true,
    retrieveable: true,
    searchable: entry.queryable,
    triggerable: true,
    undeletable: entry.deletable,
    urls: objectUrls(base, entry.name)
  };
}

function describeField(field: FieldDescriptor): Record<string, unknown> {
  const { defaultValue, ...rest } = field;
  const textual = field.type !== 'boolean' && field.type !== 'address' && field.type !== 'location';
  return {
    aggregatable: field.type !== 'textarea' && field.type !== 'multipicklist',
    byteLength: (field.length ?? 0) * 3,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: 0,
    encrypted: false,
    filterable: field.type !== 'textarea',
    groupable: textual && field.type !== 'double' && field.type !== 'currency' && field.type !== 'percent',
    htmlFormatted: false,
    idLookup: field.type === 'id' || field.externalId || field.idLookup === true,
    length: 0,
    permissionable: field.custom && field.nillable,
    polymorphicForeignKey: field.referenceTo.length > 1,
    precision: 0,
    scale: 0,
    soapType: SOAP_TYPES[field.type],
    sortable: field.type !== 'textarea' && field.type !== 'multipicklist',
    ...rest,
    defaultValue: typeof defaultValue === 'boolean' ? defaultValue : null,
    defaultValueFormula: typeof defaultValue === 'string' ? defaultValue : null
  };
}

function findGlobalEntry(store: OrgStore, name: string): DescribeGlobalEntry | undefined {
  return store.describeGlobal().find((entry) => entry.name.toLowerCase() === name.toLowerCase());
}

/** The full describe of one object, as `sobjects/X/describe` answers it. */
export function describeObject(store: OrgStore, base: string, objectName: string): Record<string, unknown> {
  const descriptor: ObjectDescriptor = store.describe(objectName);
  const entry = findGlobalEntry(store, descriptor.name);
  return {
    activateable: false,
    createable: entry?.createable ?? true,
    deletable: entry?.deletable ?? true,
    queryable: entry?.queryable ?? true,
    updateable: entry?.updateable ?? true,
    retrieveable: true,
    searchable: entry?.queryable ?? true,
    triggerable: true,
    undeletable: entry?.deletable ?? true,
    layoutable: true,
    mergeable: false,
    replicateable: true,
    deprecatedAndHidden: false,
    feedEnabled: false,
    recordTypeInfos: [],
    ...descriptor,
    childRelationships: descriptor.childRelationships.map((child) => ({
      deprecatedAndHidden: false,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      restrictedDelete: false,
      ...child
    })),
    fields: descriptor.fields.map(describeField),
    urls: objectUrls(base, descriptor.name)
  };
}

export function registerDescribe(app: FastifyInstance, context: OrgContext): void {
  const { store } = context;

  resource(app, '/services/data/:version/sobjects', {
    GET: async (request) => ({
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: store.describeGlobal().map((entry) => globalEntry(dataBasePath(request), entry))
    })
  });

  resource(app, '/services/data/:version/sobjects/:object/describe', {
    GET: async (request) => describeObject(store, dataBasePath(request), param(request, 'object'))
  });
}

/** `GET sobjects/X`: the object's summary and its recent items (none are tracked here). */
export function basicInfo(store: OrgStore, base: string, objectName: string): Record<string, unknown> {
  const descriptor = store.describe(objectName);
  const summary: DescribeGlobalEntry = findGlobalEntry(store, descriptor.name) ?? {
    name: descriptor.name,
    label: descriptor.label,
    labelPlural: descriptor.labelPlural,
    keyPrefix: descriptor.keyPrefix,
    custom: descriptor.custom,
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true
  };
  return { objectDescribe: globalEntry(base, summary), recentItems: [] };
}
