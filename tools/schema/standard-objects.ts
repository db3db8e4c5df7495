/**
 * The standard objects the package and its scripts use, described the way a Developer Edition org describes them.
 *
 * Where the values come from:
 * - API names, types, lengths/precision and create/update/nillable properties: Salesforce's "Object Reference for the
 *   Salesforce Platform" and "Salesforce Field Reference Guide" (developer.salesforce.com, API v60-v66), which list
 *   each field's type, length and properties (Create, Update, Nillable, Defaulted on create, ...). A property listed
 *   without "Create" is read-only here; a field listed without "Nillable" is `nillable: false`.
 * - Picklist values: the values a new org ships with (Setup → Object Manager → field → Values), e.g. the default
 *   sales stage set below. Orgs may change them, which is why the package reads OpportunityStage at run time.
 * - Key prefixes: the fixed prefixes Salesforce assigns to standard objects (first three characters of every Id).
 *
 * The catalog is deliberately a subset: the fields the package, its seed scripts and its emulator need, not every
 * field a real org exposes. System fields follow the real objects: UserRole has no CreatedDate/CreatedById/IsDeleted,
 * the two history objects have no LastModified* fields, and OpportunityFieldHistory has no SystemModstamp.
 * Picklists whose real value sets are locale- or org-wide (User.TimeZoneSidKey, OpportunityFieldHistory.Field, ...)
 * carry no values and are left unrestricted, so consumers do not validate against an incomplete list.
 */
import {
  ALL_SYSTEM_FIELDS,
  checkbox,
  date,
  dateTime,
  decimal,
  email,
  field,
  idField,
  integer,
  phone,
  picklist,
  reference,
  systemFields,
  text,
  textArea,
  url,
  values,
  type FieldOptions,
  type SystemFieldSet
} from './field-builders';
import type { FieldDescriptor, ObjectDescriptor } from './types';

export interface OpportunityStageRecord {
  MasterLabel: string;
  ApiName: string;
  SortOrder: number;
  DefaultProbability: number;
  IsActive: boolean;
  IsClosed: boolean;
  IsWon: boolean;
  ForecastCategory: string;
  ForecastCategoryName: string;
}

function stage(
  label: string,
  sortOrder: number,
  probability: number,
  category: 'Pipeline' | 'Closed' | 'Omitted',
  closed = false,
  won = false
): OpportunityStageRecord {
  return {
    MasterLabel: label,
    ApiName: label,
    SortOrder: sortOrder,
    DefaultProbability: probability,
    IsActive: true,
    IsClosed: closed,
    IsWon: won,
    ForecastCategory: category,
    ForecastCategoryName: category
  };
}

/** Salesforce's default sales stages (a new org's OpportunityStage records), in their default order. */
export const DEFAULT_OPPORTUNITY_STAGES: readonly OpportunityStageRecord[] = [
  stage('Prospecting', 1, 10, 'Pipeline'),
  stage('Qualification', 2, 10, 'Pipeline'),
  stage('Needs Analysis', 3, 20, 'Pipeline'),
  stage('Value Proposition', 4, 50, 'Pipeline'),
  stage('Id. Decision Makers', 5, 60, 'Pipeline'),
  stage('Perception Analysis', 6, 70, 'Pipeline'),
  stage('Proposal/Price Quote', 7, 75, 'Pipeline'),
  stage('Negotiation/Review', 8, 90, 'Pipeline'),
  stage('Closed Won', 9, 100, 'Closed', true, true),
  stage('Closed Lost', 10, 0, 'Omitted', true, false)
];

const STAGE_VALUES = DEFAULT_OPPORTUNITY_STAGES.map((s) => s.ApiName);
/** ForecastCategory holds the internal names; ForecastCategoryName the labels of the same five categories. */
const FORECAST_CATEGORY_VALUES = ['Omitted', 'Pipeline', 'BestCase', 'Forecast', 'Closed'];
const FORECAST_CATEGORY_NAME_VALUES = ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'];
const LEAD_SOURCE_VALUES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];
const ACTIVITY_TYPE_VALUES = ['Call', 'Email', 'Meeting', 'Other'];

const READ_ONLY: FieldOptions = { readOnly: true };
const PLATFORM_SET: FieldOptions = { readOnly: true, required: true, defaulted: true };
const OWNER: FieldOptions = { required: true, defaulted: true, label: 'Owner ID' };

function nameField(name: string, length: number, options: FieldOptions = {}): FieldDescriptor {
  return text(name, length, { required: true, nameField: true, ...options });
}

function address(prefix: 'Billing' | 'Shipping' | 'Mailing'): FieldDescriptor[] {
  return [
    textArea(`${prefix}Street`, 255),
    text(`${prefix}City`, 40),
    text(`${prefix}State`, 80),
    text(`${prefix}PostalCode`, 20),
    text(`${prefix}Country`, 80),
    decimal(`${prefix}Latitude`, 'double', 18, 15),
    decimal(`${prefix}Longitude`, 'double', 18, 15),
    field(`${prefix}Address`, 'address', READ_ONLY)
  ];
}

interface ObjectHeader {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
}

function sobject(
  header: ObjectHeader,
  fields: FieldDescriptor[],
  system: SystemFieldSet = ALL_SYSTEM_FIELDS
): ObjectDescriptor {
  return {
    ...header,
    custom: false,
    customSetting: false,
    isCustomMetadata: false,
    fields: [idField(), ...fields, ...systemFields(system)],
    childRelationships: []
  };
}

const user = sobject({ name: 'User', label: 'User', labelPlural: 'Users', keyPrefix: '005' }, [
  text('Username', 80, { required: true, unique: true, idLookup: true }),
  text('LastName', 80, { required: true }),
  text('FirstName', 40),
  nameField('Name', 121, { label: 'Full Name', readOnly: true }),
  text('CompanyName', 80),
  text('Division', 80),
  text('Department', 80),
  text('Title', 80),
  email('Email', 128, { required: true }),
  phone('Phone'),
  phone('MobilePhone'),
  text('Alias', 8, { required: true }),
  text('CommunityNickname', 40, { required: true, defaulted: true, unique: true }),
  checkbox('IsActive', true, { label: 'Active' }),
  picklist('TimeZoneSidKey', [], { required: true, label: 'Time Zone' }),
  picklist('LocaleSidKey', [], { required: true, label: 'Locale' }),
  picklist('EmailEncodingKey', [], { required: true, label: 'Email Encoding' }),
  picklist('LanguageLocaleKey', [], { required: true, label: 'Language' }),
  reference('ProfileId', ['Profile'], 'Profile', { required: true }),
  reference('UserRoleId', ['UserRole'], 'UserRole', { label: 'Role ID' }),
  reference('ManagerId', ['User'], 'Manager'),
  picklist('UserType', values(['Standard', 'PowerPartner', 'CsnOnly', 'Guest']), PLATFORM_SET, true),
  text('EmployeeNumber', 20),
  text('FederationIdentifier', 512, { label: 'SAML Federation ID' }),
  checkbox('ForecastEnabled', false, { label: 'Allow Forecasting' }),
  dateTime('LastLoginDate', READ_ONLY),
  url('SmallPhotoUrl', READ_ONLY)
]);

const ROLE_ACCESS_VALUES = values(['None', 'Read', 'Edit']);
const userRole = sobject(
  { name: 'UserRole', label: 'Role', labelPlural: 'Roles', keyPrefix: '00E' },
  [
    nameField('Name', 80),
    text('DeveloperName', 80),
    // ParentRoleId has no relationship name: SOQL cannot traverse ParentRole.
    reference('ParentRoleId', ['UserRole'], null, { label: 'Parent Role ID' }),
    text('RollupDescription', 80, { label: 'Description' }),
    picklist('OpportunityAccessForAccountOwner', ROLE_ACCESS_VALUES, {}, true),
    picklist('CaseAccessForAccountOwner', ROLE_ACCESS_VALUES, {}, true),
    picklist('ContactAccessForAccountOwner', ROLE_ACCESS_VALUES, READ_ONLY, true),
    reference('ForecastUserId', ['User'], null, { label: 'Forecast Manager ID' }),
    checkbox('MayForecastManagerShare', false),
    picklist('PortalType', values(['None', 'CustomerPortal', 'Partner']), READ_ONLY, true)
  ],
  { created: false, lastModified: true, systemModstamp: true, isDeleted: false }
);

const account = sobject({ name: 'Account', label: 'Account', labelPlural: 'Accounts', keyPrefix: '001' }, [
  nameField('Name', 255, { label: 'Account Name' }),
  picklist(
    'Type',
    values([
      'Prospect',
      'Customer - Direct',
      'Customer - Channel',
      'Channel Partner / Reseller',
      'Installation Partner',
      'Technology Partner',
      'Other'
    ]),
    { label: 'Account Type' }
  ),
  reference('ParentId', ['Account'], 'Parent', { label: 'Parent Account ID' }),
  ...address('Billing'),
  ...address('Shipping'),
  phone('Phone', { label: 'Account Phone' }),
  phone('Fax', { label: 'Account Fax' }),
  text('AccountNumber', 40),
  url('Website'),
  text('Site', 80, { label: 'Account Site' }),
  text('Sic', 20, { label: 'SIC Code' }),
  picklist(
    'Industry',
    values([
      'Agriculture',
      'Apparel',
      'Banking',
      'Biotechnology',
      'Chemicals',
      'Communications',
      'Construction',
      'Consulting',
      'Education',
      'Electronics',
      'Energy',
      'Engineering',
      'Entertainment',
      'Environmental',
      'Finance',
      'Food & Beverage',
      'Government',
      'Healthcare',
      'Hospitality',
      'Insurance',
      'Machinery',
      'Manufacturing',
      'Media',
      'Not For Profit',
      'Recreation',
      'Retail',
      'Shipping',
      'Technology',
      'Telecommunications',
      'Transportation',
      'Utilities',
      'Other'
    ])
  ),
  decimal('AnnualRevenue', 'currency', 18, 0),
  integer('NumberOfEmployees', 8, { label: 'Employees' }),
  picklist('Ownership', values(['Public', 'Private', 'Subsidiary', 'Other'])),
  text('TickerSymbol', 20),
  textArea('Description', 32000, { label: 'Account Description' }),
  picklist('Rating', values(['Hot', 'Warm', 'Cold']), { label: 'Account Rating' }),
  picklist('AccountSource', values(LEAD_SOURCE_VALUES)),
  reference('OwnerId', ['User'], 'Owner', OWNER),
  date('LastActivityDate', READ_ONLY)
]);

const contact = sobject({ name: 'Contact', label: 'Contact', labelPlural: 'Contacts', keyPrefix: '003' }, [
  reference('AccountId', ['Account'], 'Account'),
  text('LastName', 80, { required: true }),
  text('FirstName', 40),
  picklist('Salutation', values(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mx.'])),
  nameField('Name', 121, { label: 'Full Name', readOnly: true }),
  text('Title', 128),
  text('Department', 80),
  email('Email', 80),
  phone('Phone', { label: 'Business Phone' }),
  phone('MobilePhone'),
  phone('Fax', { label: 'Business Fax' }),
  text('AssistantName', 40),
  phone('AssistantPhone', { label: 'Asst. Phone' }),
  reference('ReportsToId', ['Contact'], 'ReportsTo'),
  ...address('Mailing'),
  date('Birthdate'),
  picklist('LeadSource', values(LEAD_SOURCE_VALUES)),
  textArea('Description', 32000, { label: 'Contact Description' }),
  checkbox('HasOptedOutOfEmail', false, { label: 'Email Opt Out' }),
  checkbox('DoNotCall', false),
  reference('OwnerId', ['User'], 'Owner', OWNER),
  date('LastActivityDate', READ_ONLY)
]);

const opportunity = sobject(
  { name: 'Opportunity', label: 'Opportunity', labelPlural: 'Opportunities', keyPrefix: '006' },
  [
    reference('AccountId', ['Account'], 'Account'),
    nameField('Name', 120),
    textArea('Description', 32000),
    picklist('StageName', values(STAGE_VALUES), { required: true, label: 'Stage' }),
    decimal('Amount', 'currency', 18, 2),
    decimal('Probability', 'percent', 3, 0, { label: 'Probability (%)' }),
    decimal('ExpectedRevenue', 'currency', 18, 2, { readOnly: true, calculated: true }),
    decimal('TotalOpportunityQuantity', 'double', 18, 2, { label: 'Quantity' }),
    date('CloseDate', { required: true }),
    picklist(
      'Type',
      values([
        'Existing Customer - Upgrade',
        'Existing Customer - Replacement',
        'Existing Customer - Downgrade',
        'New Customer'
      ]),
      { label: 'Opportunity Type' }
    ),
    text('NextStep', 255),
    picklist('LeadSource', values(LEAD_SOURCE_VALUES)),
    checkbox('IsClosed', false, { ...PLATFORM_SET, label: 'Closed' }),
    checkbox('IsWon', false, { ...PLATFORM_SET, label: 'Won' }),
    picklist('ForecastCategory', values(FORECAST_CATEGORY_VALUES), READ_ONLY, true),
    picklist('ForecastCategoryName', values(FORECAST_CATEGORY_NAME_VALUES), { label: 'Forecast Category' }),
    reference('ContactId', ['Contact'], 'Contact'),
    checkbox('IsPrivate', false, { label: 'Private' }),
    checkbox('HasOpportunityLineItem', false, { ...PLATFORM_SET, label: 'Has Line Item' }),
    checkbox('HasOpenActivity', false, PLATFORM_SET),
    checkbox('HasOverdueTask', false, PLATFORM_SET),
    reference('OwnerId', ['User'], 'Owner', OWNER),
    date('LastActivityDate', READ_ONLY),
    integer('PushCount', 9, READ_ONLY),
    dateTime('LastStageChangeDate', READ_ONLY),
    integer('FiscalQuarter', 8, READ_ONLY),
    integer('FiscalYear', 8, READ_ONLY),
    text('Fiscal', 6, { readOnly: true, label: 'Fiscal Period' })
  ]
);

/** A setup object: the API can describe and query stages but not write them. */
const opportunityStage = sobject(
  {
    name: 'OpportunityStage',
    label: 'Opportunity Stage',
    labelPlural: 'Opportunity Stages',
    keyPrefix: '01J'
  },
  [
    nameField('MasterLabel', 255, { readOnly: true }),
    text('ApiName', 255, { readOnly: true, required: true }),
    checkbox('IsActive', true, READ_ONLY),
    integer('SortOrder', 9, READ_ONLY),
    checkbox('IsClosed', false, READ_ONLY),
    checkbox('IsWon', false, READ_ONLY),
    picklist('ForecastCategory', values(FORECAST_CATEGORY_VALUES), READ_ONLY, true),
    picklist('ForecastCategoryName', values(FORECAST_CATEGORY_NAME_VALUES), READ_ONLY),
    decimal('DefaultProbability', 'percent', 3, 0, READ_ONLY),
    text('Description', 255, READ_ONLY)
  ]
);

const opportunityContactRole = sobject(
  {
    name: 'OpportunityContactRole',
    label: 'Opportunity Contact Role',
    labelPlural: 'Opportunity Contact Roles',
    keyPrefix: '00K'
  },
  [
    reference('OpportunityId', ['Opportunity'], 'Opportunity', { required: true, createOnly: true }),
    reference('ContactId', ['Contact'], 'Contact', { required: true }),
    picklist(
      'Role',
      values([
        'Business User',
        'Decision Maker',
        'Economic Buyer',
        'Economic Decision Maker',
        'Evaluator',
        'Executive Sponsor',
        'Influencer',
        'Technical Buyer',
        'Other'
      ])
    ),
    checkbox('IsPrimary', false, { label: 'Primary' })
  ]
);

const opportunityHistory = sobject(
  {
    name: 'OpportunityHistory',
    label: 'Opportunity History',
    labelPlural: 'Opportunity History',
    keyPrefix: '008'
  },
  [
    reference('OpportunityId', ['Opportunity'], 'Opportunity', { readOnly: true, required: true }),
    picklist('StageName', values(STAGE_VALUES), { readOnly: true, required: true, label: 'Stage' }),
    decimal('Amount', 'currency', 18, 2, READ_ONLY),
    decimal('ExpectedRevenue', 'currency', 18, 2, READ_ONLY),
    date('CloseDate', READ_ONLY),
    decimal('Probability', 'percent', 3, 0, READ_ONLY),
    picklist('ForecastCategory', values(FORECAST_CATEGORY_VALUES), READ_ONLY, true),
    decimal('PrevAmount', 'currency', 18, 2, READ_ONLY),
    date('PrevCloseDate', READ_ONLY)
  ],
  { created: true, lastModified: false, systemModstamp: true, isDeleted: true }
);

const opportunityFieldHistory = sobject(
  {
    name: 'OpportunityFieldHistory',
    label: 'Opportunity Field History',
    labelPlural: 'Opportunity Field History',
    keyPrefix: '017'
  },
  [
    reference('OpportunityId', ['Opportunity'], 'Opportunity', { readOnly: true, required: true }),
    picklist('Field', [], { readOnly: true, required: true, label: 'Changed Field' }),
    picklist('DataType', [], READ_ONLY),
    field('OldValue', 'anyType', READ_ONLY),
    field('NewValue', 'anyType', READ_ONLY)
  ],
  { created: true, lastModified: false, systemModstamp: false, isDeleted: true }
);

const product = sobject({ name: 'Product2', label: 'Product', labelPlural: 'Products', keyPrefix: '01t' }, [
  nameField('Name', 255, { label: 'Product Name' }),
  text('ProductCode', 255),
  textArea('Description', 4000, { label: 'Product Description' }),
  checkbox('IsActive', false, { label: 'Active' }),
  // Product Family ships without values; each org defines its own.
  picklist('Family', [], { label: 'Product Family' }),
  text('StockKeepingUnit', 180, { label: 'Product SKU' }),
  text('ExternalId', 255),
  url('DisplayUrl'),
  checkbox('IsArchived', false, PLATFORM_SET)
]);

/** Task.WhatId/Event.WhatId targets in the catalog; the reader adds custom objects that enable activities. */
const WHAT_TARGETS = ['Account', 'Opportunity'];

const task = sobject({ name: 'Task', label: 'Task', labelPlural: 'Tasks', keyPrefix: '00T' }, [
  reference('WhoId', ['Contact', 'Lead'], 'Who', { label: 'Name ID' }),
  reference('WhatId', WHAT_TARGETS, 'What', { label: 'Related To ID' }),
  field('Subject', 'combobox', { nameField: true }, { length: 255 }),
  date('ActivityDate', { label: 'Due Date Only' }),
  picklist(
    'Status',
    values(['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'], 'Not Started'),
    { required: true }
  ),
  picklist('Priority', values(['High', 'Normal', 'Low'], 'Normal'), { required: true }),
  checkbox('IsHighPriority', false, PLATFORM_SET),
  reference('OwnerId', ['Group', 'User'], 'Owner', { ...OWNER, label: 'Assigned To ID' }),
  textArea('Description', 32000),
  checkbox('IsClosed', false, PLATFORM_SET),
  reference('AccountId', ['Account'], 'Account', READ_ONLY),
  picklist('Type', values(ACTIVITY_TYPE_VALUES)),
  picklist(
    'TaskSubtype',
    values(['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn']),
    { createOnly: true },
    true
  ),
  dateTime('CompletedDateTime', READ_ONLY),
  integer('CallDurationInSeconds', 8, { label: 'Call Duration' })
]);

const event = sobject({ name: 'Event', label: 'Event', labelPlural: 'Events', keyPrefix: '00U' }, [
  reference('WhoId', ['Contact', 'Lead'], 'Who', { label: 'Name ID' }),
  reference('WhatId', WHAT_TARGETS, 'What', { label: 'Related To ID' }),
  field('Subject', 'combobox', { nameField: true }, { length: 255 }),
  text('Location', 255),
  checkbox('IsAllDayEvent', false, { label: 'All-Day Event' }),
  dateTime('ActivityDateTime', { label: 'Due Date Time' }),
  date('ActivityDate', { label: 'Due Date Only' }),
  integer('DurationInMinutes', 8, { label: 'Duration' }),
  dateTime('StartDateTime'),
  dateTime('EndDateTime'),
  date('EndDate', READ_ONLY),
  textArea('Description', 32000),
  reference('AccountId', ['Account'], 'Account', READ_ONLY),
  reference('OwnerId', ['Calendar', 'User'], 'Owner', { ...OWNER, label: 'Assigned To ID' }),
  picklist('Type', values(ACTIVITY_TYPE_VALUES)),
  picklist('ShowAs', values(['Busy', 'OutOfOffice', 'Free'], 'Busy'), { label: 'Show Time As' }, true),
  checkbox('IsPrivate', false, { label: 'Private' }),
  picklist('EventSubtype', values(['Event']), { createOnly: true }, true)
]);

/** Exists only where Collaborative Forecasts is enabled. */
const forecastingQuota = sobject(
  {
    name: 'ForecastingQuota',
    label: 'Forecasting Quota',
    labelPlural: 'Forecasting Quotas',
    keyPrefix: '0J9'
  },
  [
    reference('QuotaOwnerId', ['User'], 'QuotaOwner', { required: true, defaulted: true }),
    decimal('QuotaAmount', 'currency', 18, 2, { required: true }),
    decimal('QuotaQuantity', 'double', 18, 2),
    date('StartDate', { required: true }),
    reference('PeriodId', ['Period'], 'Period', READ_ONLY),
    reference('ForecastingTypeId', ['ForecastingType'], 'ForecastingType', {
      required: true,
      createOnly: true
    }),
    checkbox('IsAmount', false, PLATFORM_SET),
    checkbox('IsQuantity', false, PLATFORM_SET),
    picklist('ProductFamily', [], { createOnly: true }),
    reference('Territory2Id', ['Territory2'], 'Territory2', { createOnly: true })
  ]
);

export const STANDARD_OBJECTS: readonly ObjectDescriptor[] = [
  user,
  userRole,
  account,
  contact,
  opportunity,
  opportunityStage,
  opportunityContactRole,
  opportunityHistory,
  opportunityFieldHistory,
  product,
  task,
  event,
  forecastingQuota
];

/**
 * Child relationship names of standard lookups (`<Object>.<Field>` → name on the parent), as the parent's describe
 * lists them. Lookups not listed here have no child relationship name (describe reports null).
 */
export const STANDARD_CHILD_RELATIONSHIP_NAMES: Readonly<Record<string, string>> = {
  'Account.ParentId': 'ChildAccounts',
  'Contact.AccountId': 'Contacts',
  'Opportunity.AccountId': 'Opportunities',
  'OpportunityContactRole.OpportunityId': 'OpportunityContactRoles',
  'OpportunityContactRole.ContactId': 'OpportunityContactRoles',
  'OpportunityHistory.OpportunityId': 'OpportunityHistories',
  'OpportunityFieldHistory.OpportunityId': 'Histories',
  'Task.WhatId': 'Tasks',
  'Task.WhoId': 'Tasks',
  'Event.WhatId': 'Events',
  'Event.WhoId': 'Events',
  'User.ManagerId': 'ManagedUsers',
  'User.UserRoleId': 'Users'
};

/** Objects whose WhatId lists the activity-enabled objects. */
export const ACTIVITY_OBJECTS: readonly string[] = ['Task', 'Event'];
