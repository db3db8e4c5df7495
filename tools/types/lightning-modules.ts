/**
 * Declarations of the `lightning/*` and `@salesforce/i18n/*` platform modules that @salesforce/lightning-types does
 * not cover, written from the Lightning Web Components Developer Guide (module reference pages for each adapter and
 * function, and "Access Internationalization Properties").
 *
 * Wire adapters are typed as lwc's WireAdapterConstructor (through AtlasWire.Adapter), so `@wire(adapter, config)`
 * checks the config's keys and the decorated field's or method's type under standard decorators. Field and object
 * parameters take the imports of `@salesforce/schema/*` (AtlasSchema.FieldId / ObjectId) or plain API-name strings.
 */
import { dedent, docComment } from './dts';

/** The module prefixes the catalog covers: a component importing a module under them that nobody declares fails. */
export const PLATFORM_MODULE_PREFIXES = ['lightning/', '@salesforce/i18n/'] as const;

export interface LightningModule {
  name: `${(typeof PLATFORM_MODULE_PREFIXES)[number]}${string}`;
  /** Statements inside `declare module '<name>' { ... }`. */
  body: string;
}

/** Global helper types the modules (and apex.d.ts) use; emitted once at the top of lightning.d.ts. */
export const WIRE_NAMESPACE = dedent(`
  declare namespace AtlasWire {
    /** A wire adapter: \`@wire(adapter, config)\` provisions \`Value\` to the decorated field or method. */
    type Adapter<Config extends Record<string, unknown>, Value> = import('lwc').WireAdapterConstructor<
      Config,
      Value
    >;
    /** What Lightning Data Service and Apex wire adapters provision: data, or an error. */
    interface Result<T> {
      data?: T;
      error?: FetchError;
    }
    /** A failed request, as wire adapters and imperative calls report it. */
    interface FetchError {
      status?: number;
      statusText?: string;
      ok?: boolean;
      body?: ErrorBody | ErrorBody[];
    }
    interface ErrorBody {
      message?: string;
      errorCode?: string;
      exceptionType?: string;
      [detail: string]: unknown;
    }
    type FieldReference = AtlasSchema.FieldId | string;
    type ObjectReference = AtlasSchema.ObjectId | string;
  }
`);

const UI_RECORD_API = dedent(`
  import type { RecordTypeInfo } from 'lightning/uiObjectInfoApi';
  type FieldReference = AtlasWire.FieldReference;

  export interface FieldValueRepresentation {
    displayValue: string | null;
    value: string | number | boolean | RecordRepresentation | null;
  }
  export interface RecordCollectionRepresentation {
    count: number;
    currentPageToken: string | null;
    currentPageUrl: string | null;
    nextPageToken: string | null;
    nextPageUrl: string | null;
    previousPageToken: string | null;
    previousPageUrl: string | null;
    records: RecordRepresentation[];
  }
  export interface RecordRepresentation {
    apiName: string;
    childRelationships: Record<string, RecordCollectionRepresentation>;
    eTag: string;
    fields: Record<string, FieldValueRepresentation>;
    id: string;
    lastModifiedById: string | null;
    lastModifiedDate: string | null;
    recordTypeId: string | null;
    recordTypeInfo: RecordTypeInfo | null;
    systemModstamp: string | null;
    weakEtag: number;
  }
  export type GetRecordConfig = {
    recordId: string | undefined;
    fields?: readonly FieldReference[];
    optionalFields?: readonly FieldReference[];
    layoutTypes?: readonly ('Compact' | 'Full')[];
    modes?: readonly ('Create' | 'Edit' | 'View')[];
  };
  export type GetRecordsConfig = {
    records: readonly {
      recordIds: readonly string[];
      fields?: readonly FieldReference[];
      optionalFields?: readonly FieldReference[];
    }[];
  };
  export interface BatchResultRepresentation {
    results: { statusCode: number; result: RecordRepresentation | AtlasWire.ErrorBody[] }[];
  }
  export interface RecordInput {
    apiName?: string;
    fields: Record<string, unknown>;
    allowSaveOnDuplicate?: boolean;
  }

  export const getRecord: AtlasWire.Adapter<GetRecordConfig, AtlasWire.Result<RecordRepresentation>>;
  export const getRecords: AtlasWire.Adapter<GetRecordsConfig, AtlasWire.Result<BatchResultRepresentation>>;
  /** A field's value from a record provisioned by getRecord; typed by the field's schema import. */
  export function getFieldValue<V>(
    record: object | null | undefined,
    field: AtlasSchema.FieldId<string, string, V>
  ): V | null | undefined;
  export function getFieldValue(record: object | null | undefined, field: string): unknown;
  export function getFieldDisplayValue(
    record: object | null | undefined,
    field: FieldReference
  ): string | null | undefined;
  export function createRecord(recordInput: RecordInput & { apiName: string }): Promise<RecordRepresentation>;
  export function updateRecord(
    recordInput: { fields: { Id: string } & Record<string, unknown> },
    clientOptions?: { ifUnmodifiedSince?: string }
  ): Promise<RecordRepresentation>;
  export function deleteRecord(recordId: string): Promise<void>;
  export function notifyRecordUpdateAvailable(items: readonly { recordId: string }[]): Promise<void>;
`);

const UI_OBJECT_INFO_API = dedent(`
  type FieldReference = AtlasWire.FieldReference;
  type ObjectReference = AtlasWire.ObjectReference;

  export interface RecordTypeInfo {
    available: boolean;
    defaultRecordTypeMapping: boolean;
    master: boolean;
    name: string;
    recordTypeId: string;
  }
  export interface FieldInfo {
    apiName: string;
    calculated: boolean;
    compound: boolean;
    controllingFields: string[];
    createable: boolean;
    custom: boolean;
    dataType: string;
    externalId: boolean;
    filterable: boolean;
    htmlFormatted: boolean;
    inlineHelpText: string | null;
    label: string;
    length: number;
    nameField: boolean;
    precision: number;
    reference: boolean;
    referenceToInfos: { apiName: string; nameFields: string[] }[];
    relationshipName: string | null;
    required: boolean;
    scale: number;
    sortable: boolean;
    unique: boolean;
    updateable: boolean;
  }
  export interface ChildRelationshipInfo {
    childObjectApiName: string;
    fieldName: string;
    junctionIdListNames: string[];
    junctionReferenceTo: string[];
    relationshipName: string;
  }
  export interface ObjectInfoRepresentation {
    apiName: string;
    childRelationships: ChildRelationshipInfo[];
    createable: boolean;
    custom: boolean;
    defaultRecordTypeId: string;
    deletable: boolean;
    eTag: string;
    feedEnabled: boolean;
    fields: Record<string, FieldInfo>;
    keyPrefix: string | null;
    label: string;
    labelPlural: string;
    layoutable: boolean;
    mruEnabled: boolean;
    nameFields: string[];
    queryable: boolean;
    recordTypeInfos: Record<string, RecordTypeInfo>;
    searchable: boolean;
    themeInfo: { color: string; iconUrl: string } | null;
    updateable: boolean;
  }
  export interface PicklistValue {
    attributes: Record<string, unknown> | null;
    label: string;
    validFor: number[];
    value: string;
  }
  export interface PicklistValuesRepresentation {
    controllerValues: Record<string, number>;
    defaultValue: PicklistValue | null;
    eTag: string;
    url: string;
    values: PicklistValue[];
  }
  export interface PicklistValuesCollectionRepresentation {
    eTag: string;
    picklistFieldValues: Record<string, PicklistValuesRepresentation>;
  }

  export const getObjectInfo: AtlasWire.Adapter<
    { objectApiName: ObjectReference | undefined },
    AtlasWire.Result<ObjectInfoRepresentation>
  >;
  export const getObjectInfos: AtlasWire.Adapter<
    { objectApiNames: readonly ObjectReference[] },
    AtlasWire.Result<{ results: { statusCode: number; result: ObjectInfoRepresentation }[] }>
  >;
  export const getPicklistValues: AtlasWire.Adapter<
    { recordTypeId: string | undefined; fieldApiName: FieldReference },
    AtlasWire.Result<PicklistValuesRepresentation>
  >;
  export const getPicklistValuesByRecordType: AtlasWire.Adapter<
    { objectApiName: ObjectReference; recordTypeId: string | undefined },
    AtlasWire.Result<PicklistValuesCollectionRepresentation>
  >;
`);

const NAVIGATION = dedent(`
  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, string | undefined>;
  }
  const Navigate: unique symbol;
  const GenerateUrl: unique symbol;
  interface NavigationMembers {
    [Navigate](pageReference: PageReference, replace?: boolean): void;
    [GenerateUrl](pageReference: PageReference): Promise<string>;
  }
  interface NavigationMixinFunction {
    /** \`class X extends NavigationMixin(LightningElement)\`: adds Navigate and GenerateUrl methods. */
    <T extends new () => object>(base: T): new () => InstanceType<T> & NavigationMembers;
    readonly Navigate: typeof Navigate;
    readonly GenerateUrl: typeof GenerateUrl;
  }
  export const NavigationMixin: NavigationMixinFunction;
  /** \`@wire(CurrentPageReference) pageRef?: PageReference;\` */
  export const CurrentPageReference: AtlasWire.Adapter<Record<string, never>, PageReference>;
`);

const PLATFORM_SHOW_TOAST_EVENT = dedent(`
  export interface ToastEventInit {
    title?: string;
    message?: string;
    /** Values for {0}, {1}... placeholders in the message: text, or links. */
    messageData?: readonly (string | { url: string; label: string })[];
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
  }
  export class ShowToastEvent extends CustomEvent<ToastEventInit> {
    constructor(init: ToastEventInit);
  }
`);

const REFRESH = dedent(`
  /** Dispatched by a component to ask the page to refresh the data it shows. */
  export class RefreshEvent extends CustomEvent<null> {
    constructor();
  }
`);

const MESSAGE_SERVICE = dedent(`
  const contextBrand: unique symbol;
  const subscriptionBrand: unique symbol;
  const channelBrand: unique symbol;
  /** A Lightning message channel, imported from \`@salesforce/messageChannel/<Name>__c\`. */
  export interface MessageChannel {
    readonly [channelBrand]: true;
  }
  export interface MessageContext {
    readonly [contextBrand]: true;
  }
  export interface Subscription {
    readonly [subscriptionBrand]: true;
  }
  /** \`@wire(MessageContext) messageContext?: MessageContext;\` */
  export const MessageContext: AtlasWire.Adapter<Record<string, never>, MessageContext>;
  export const APPLICATION_SCOPE: unique symbol;
  export interface SubscriberOptions {
    scope?: typeof APPLICATION_SCOPE;
  }
  export function publish(
    messageContext: MessageContext,
    messageChannel: MessageChannel,
    message?: unknown
  ): void;
  export function subscribe<Message = unknown>(
    messageContext: MessageContext,
    messageChannel: MessageChannel,
    listener: (message: Message) => void,
    subscriberOptions?: SubscriberOptions
  ): Subscription;
  export function unsubscribe(subscription: Subscription): void;
  export function createMessageContext(): MessageContext;
  export function releaseMessageContext(messageContext: MessageContext): void;
`);

const UI_GRAPHQL_API = dedent(`
  const documentBrand: unique symbol;
  /** A query parsed by the gql template tag. */
  export interface GraphQLDocument {
    readonly [documentBrand]: true;
  }
  export interface GraphQLError {
    message: string;
    locations?: { line: number; column: number }[];
    path?: (string | number)[];
    extensions?: Record<string, unknown>;
  }
  /** What the graphql adapter provisions; \`data\` has the shape of the query. */
  export interface GraphQLResult<Data = unknown> {
    data?: Data;
    errors?: GraphQLError[];
    refresh?: () => Promise<void>;
  }
  export type GraphQLConfig = {
    query: GraphQLDocument | undefined;
    variables?: Record<string, unknown>;
    operationName?: string;
  };
  export function gql(strings: TemplateStringsArray, ...values: unknown[]): GraphQLDocument;
  export const graphql: AtlasWire.Adapter<GraphQLConfig, GraphQLResult>;
`);

/** `@salesforce/i18n/<property>`: a setting of the signed-in user, as the module's default export. */
function i18nModule(property: string, type: string, ...description: string[]): LightningModule {
  return {
    name: `@salesforce/i18n/${property}`,
    body: `${docComment(description)}\nconst ${property}: ${type};\nexport default ${property};`
  };
}

/** The internationalization properties components may import, in module-name order (the guide lists more). */
export const I18N_MODULES: readonly LightningModule[] = [
  i18nModule(
    'currency',
    'string',
    "The user's currency, an ISO 4217 code such as 'CAD':",
    "the org's currency, or in a multi-currency org the user's own."
  ),
  i18nModule('dir', "'ltr' | 'rtl'", "The direction of the user's language."),
  i18nModule('firstDayOfWeek', 'number', "The first day of the week in the user's locale."),
  i18nModule('lang', 'string', "The user's language, a BCP 47 tag such as 'en-US'."),
  i18nModule(
    'locale',
    'string',
    "The user's locale, a BCP 47 tag such as 'en-CA': how numbers, amounts and dates are written."
  ),
  i18nModule('timeZone', 'string', "The user's time zone, an IANA name such as 'America/Los_Angeles'.")
];

/** The `lightning/*` modules, in module-name order. */
export const LIGHTNING_MODULES: readonly LightningModule[] = [
  { name: 'lightning/messageService', body: MESSAGE_SERVICE },
  { name: 'lightning/navigation', body: NAVIGATION },
  { name: 'lightning/platformShowToastEvent', body: PLATFORM_SHOW_TOAST_EVENT },
  { name: 'lightning/refresh', body: REFRESH },
  { name: 'lightning/uiGraphQLApi', body: UI_GRAPHQL_API },
  { name: 'lightning/uiObjectInfoApi', body: UI_OBJECT_INFO_API },
  { name: 'lightning/uiRecordApi', body: UI_RECORD_API }
];

/** The whole catalog, in module-name order. */
export const PLATFORM_MODULES: readonly LightningModule[] = [...I18N_MODULES, ...LIGHTNING_MODULES];
