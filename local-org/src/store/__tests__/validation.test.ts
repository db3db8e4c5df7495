import { SalesforceApiError, type OrgStore } from '../../contracts';
import { composeId } from '../../ids';
import { formatAutoNumber } from '../auto-number';
import { codes, createOne, idsOf, openTestStore, TestClock } from './helpers';

const ALL = { allOrNone: true };
const SOME = { allOrNone: false };

let store: OrgStore;
const clock = new TestClock();

beforeAll(async () => {
  store = await openTestStore(clock);
});

afterAll(async () => {
  await store.close();
});

describe('create', () => {
  it('gives new records 18-character ids with the object key prefix, defaults and audit fields', async () => {
    const id = await createOne(store, 'Task', { Subject: 'Call' });
    expect(id).toMatch(/^00T[0-9A-Za-z]{15}$/);
    const task = await store.retrieve('Task', id, [
      'Status',
      'Priority',
      'IsClosed',
      'OwnerId',
      'CreatedDate',
      'CreatedById',
      'LastModifiedDate',
      'LastModifiedById',
      'SystemModstamp',
      'IsDeleted'
    ]);
    expect(task).toEqual({
      attributes: { type: 'Task', url: `/services/data/v66.0/sobjects/Task/${id}` },
      Status: 'Not Started',
      Priority: 'Normal',
      IsClosed: false,
      OwnerId: store.currentUserId,
      CreatedDate: '2026-11-23T10:00:00.000+0000',
      CreatedById: store.currentUserId,
      LastModifiedDate: '2026-11-23T10:00:00.000+0000',
      LastModifiedById: store.currentUserId,
      SystemModstamp: '2026-11-23T10:00:00.000+0000',
      IsDeleted: false
    });
  });

  it('takes the object from attributes.type when no object is named, and field names in any case', async () => {
    const [account, contact] = await store.create(
      null,
      [
        { attributes: { type: 'account' }, name: 'Typed Co' },
        { attributes: { type: 'Contact' }, LASTNAME: 'Typed' }
      ],
      ALL
    );
    expect(account?.id?.slice(0, 3)).toBe('001');
    expect(contact?.id?.slice(0, 3)).toBe('003');
    const found = await store.retrieve('Contact', contact?.id ?? '', ['LastName', 'Name']);
    expect(found).toMatchObject({ LastName: 'Typed', Name: 'Typed' });
  });

  it('reports an unknown or missing record type per row', async () => {
    const results = await store.create(
      null,
      [{ attributes: { type: 'Foo__c' }, Name: 'x' }, { Name: 'y' }],
      SOME
    );
    expect(results).toEqual([
      {
        id: null,
        success: false,
        errors: [
          { errorCode: 'INVALID_TYPE', message: "sObject type 'Foo__c' is not supported.", fields: [] }
        ]
      },
      { id: null, success: false, errors: [expect.objectContaining({ errorCode: 'INVALID_TYPE' })] }
    ]);
  });

  it('numbers auto-number names per object with the display format', async () => {
    const productId = await createOne(store, 'Product2', { Name: 'Widget' });
    const planId = await planWithCenter('Auto');
    const centerId = (
      await store.query(`SELECT Id FROM Buying_Center__c WHERE Account_Plan__c = '${planId}'`)
    ).records[0]?.['Id'];
    const cells = await store.create(
      'White_Space_Cell__c',
      [1, 2].map(() => ({ Buying_Center__c: centerId, Product__c: productId, Status__c: 'Installed' })),
      ALL
    );
    const names = await store.query(
      `SELECT Name FROM White_Space_Cell__c WHERE Id IN ('${idsOf(cells).join("','")}') ORDER BY Name`
    );
    expect(names.records.map((r) => r['Name'])).toEqual(['WS-00001', 'WS-00002']);
  });

  it('formats auto-numbers with date parts and at least the digits the format asks for', () => {
    const date = new Date('2026-03-07T12:00:00Z');
    expect(formatAutoNumber('INV-{YYYY}{MM}{DD}-{0000}', 42, date)).toBe('INV-20260307-0042');
    expect(formatAutoNumber('{YY}/{0}', 12345, date)).toBe('26/12345');
  });

  it('accepts Bulk API text for numbers, checkboxes and dates', async () => {
    const id = await createOne(store, 'Opportunity', {
      Name: 'Text values',
      StageName: 'Prospecting',
      CloseDate: '2026-12-31T00:00:00.000Z',
      Amount: '1234.565',
      IsPrivate: 'true'
    });
    const found = await store.retrieve('Opportunity', id, ['Amount', 'IsPrivate', 'CloseDate']);
    expect(found).toMatchObject({ Amount: 1234.57, IsPrivate: true, CloseDate: '2026-12-31' });
  });
});

async function planWithCenter(name: string): Promise<string> {
  const accountId = await createOne(store, 'Account', { Name: `${name} Account` });
  const planId = await createOne(store, 'Account_Plan__c', {
    Name: `${name} Plan`,
    Account__c: accountId,
    Period_Start__c: '2026-01-01',
    Period_End__c: '2026-12-31'
  });
  await createOne(store, 'Buying_Center__c', { Name: `${name} Center`, Account_Plan__c: planId });
  return planId;
}

describe('validation errors', () => {
  it('REQUIRED_FIELD_MISSING lists every missing field', async () => {
    const [result] = await store.create('Opportunity', [{ StageName: 'Prospecting' }], ALL);
    expect(result).toEqual({
      id: null,
      success: false,
      errors: [
        {
          errorCode: 'REQUIRED_FIELD_MISSING',
          message: 'Required fields are missing: [Name, CloseDate]',
          fields: ['Name', 'CloseDate']
        }
      ]
    });
  });

  it('REQUIRED_FIELD_MISSING when an update clears a required field', async () => {
    const id = await createOne(store, 'Account', { Name: 'Keep my name' });
    const [result] = await store.update('Account', [{ Id: id, Name: null }], ALL);
    expect(codes([result!])).toEqual([['REQUIRED_FIELD_MISSING']]);
  });

  it('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST for a value outside a restricted picklist or the org stages', async () => {
    const results = await store.create(
      null,
      [
        { attributes: { type: 'Opportunity' }, Name: 'x', StageName: 'Bogus', CloseDate: '2026-12-01' },
        { attributes: { type: 'Competitor__c' }, Name: 'Rival' }
      ],
      SOME
    );
    expect(results[0]?.errors).toEqual([
      {
        errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: 'Stage: bad value for restricted picklist field: Bogus',
        fields: ['StageName']
      }
    ]);
    const planId = await planWithCenter('Picklist');
    const [bad] = await store.create(
      'Account_Objective__c',
      [{ Name: 'Grow', Account_Plan__c: planId, Status__c: 'Someday' }],
      ALL
    );
    expect(codes([bad!])).toEqual([['INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST']]);
  });

  it('DUPLICATE_VALUE names the field and the record holding the value, ignoring case', async () => {
    const first = await createOne(store, 'Account', { Name: 'Dup', External_Id__c: 'DUP-1' });
    const [result] = await store.create('Account', [{ Name: 'Dup 2', External_Id__c: 'dup-1' }], ALL);
    expect(result?.errors).toEqual([
      {
        errorCode: 'DUPLICATE_VALUE',
        message: `duplicate value found: External_Id__c duplicates value on record with id: ${first}`,
        fields: ['External_Id__c']
      }
    ]);
  });

  it('DUPLICATE_VALUE between rows of the same call: the first row keeps the value', async () => {
    const results = await store.create(
      'Account',
      [
        { Name: 'A', External_Id__c: 'SAME-1' },
        { Name: 'B', External_Id__c: 'same-1' }
      ],
      SOME
    );
    expect(results[0]?.success).toBe(true);
    expect(results[1]?.errors[0]?.message).toBe(
      `duplicate value found: External_Id__c duplicates value on record with id: ${results[0]?.id}`
    );
  });

  it('MALFORMED_ID, FIELD_INTEGRITY_EXCEPTION and INVALID_CROSS_REFERENCE_KEY for bad references', async () => {
    const contactId = await createOne(store, 'Contact', { LastName: 'Ref' });
    const missingAccount = composeId('001', 987654321);
    const results = await store.create(
      'Contact',
      [
        { LastName: 'A', AccountId: 'not-an-id' },
        { LastName: 'B', AccountId: contactId },
        { LastName: 'C', AccountId: missingAccount }
      ],
      SOME
    );
    expect(results.map((r) => r.errors)).toEqual([
      [
        {
          errorCode: 'MALFORMED_ID',
          message: 'Account ID: id value of incorrect type: not-an-id',
          fields: ['AccountId']
        }
      ],
      [
        {
          errorCode: 'FIELD_INTEGRITY_EXCEPTION',
          message: `Account ID: id value of incorrect type: ${contactId}`,
          fields: ['AccountId']
        }
      ],
      [
        {
          errorCode: 'INVALID_CROSS_REFERENCE_KEY',
          message: 'invalid cross reference id',
          fields: ['AccountId']
        }
      ]
    ]);
  });

  it('accepts 15-character references and stores them as 18 characters', async () => {
    const accountId = await createOne(store, 'Account', { Name: 'Short id' });
    const contactId = await createOne(store, 'Contact', {
      LastName: 'Short',
      AccountId: accountId.slice(0, 15)
    });
    expect(await store.retrieve('Contact', contactId, ['AccountId'])).toMatchObject({ AccountId: accountId });
  });

  it('STRING_TOO_LONG with the field label and the limit', async () => {
    const [result] = await store.create('Account', [{ Name: 'Long', Site: 'x'.repeat(81) }], ALL);
    expect(result?.errors).toEqual([
      {
        errorCode: 'STRING_TOO_LONG',
        message: `Account Site: data value too large: ${'x'.repeat(81)} (max length=80)`,
        fields: ['Site']
      }
    ]);
  });

  it('INVALID_FIELD for a field the object does not have', async () => {
    const [result] = await store.create('Account', [{ Name: 'x', Foo__c: 1 }], ALL);
    expect(result?.errors).toEqual([
      {
        errorCode: 'INVALID_FIELD',
        message: "No such column 'Foo__c' on sobject of type Account",
        fields: ['Foo__c']
      }
    ]);
  });

  it('INVALID_FIELD_FOR_INSERT_UPDATE for platform, formula, auto-number and create-only fields', async () => {
    const [create] = await store.create(
      'Opportunity',
      [
        {
          Name: 'x',
          StageName: 'Prospecting',
          CloseDate: '2026-12-01',
          IsClosed: true,
          CreatedDate: '2020-01-01'
        }
      ],
      ALL
    );
    expect(create?.errors).toEqual([
      {
        errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message:
          'Unable to create/update fields: IsClosed, CreatedDate. Please check the security settings of this field ' +
          'and verify that it is read/write for your profile or permission set.',
        fields: ['IsClosed', 'CreatedDate']
      }
    ]);
    const [withId] = await store.create('Account', [{ Id: composeId('001', 5), Name: 'x' }], ALL);
    expect(withId?.errors[0]).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['Id'] });
    const planId = await planWithCenter('Formula');
    const [formula] = await store.update('Account_Plan__c', [{ Id: planId, Wallet_Share__c: 5 }], ALL);
    expect(formula?.errors[0]).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      fields: ['Wallet_Share__c']
    });
    const opportunityId = await createOne(store, 'Opportunity', {
      Name: 'Roles',
      StageName: 'Prospecting',
      CloseDate: '2026-12-01'
    });
    const contactId = await createOne(store, 'Contact', { LastName: 'Role' });
    const roleId = await createOne(store, 'OpportunityContactRole', {
      OpportunityId: opportunityId,
      ContactId: contactId
    });
    const [createOnly] = await store.update(
      'OpportunityContactRole',
      [{ Id: roleId, OpportunityId: opportunityId }],
      ALL
    );
    expect(createOnly?.errors[0]).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      fields: ['OpportunityId']
    });
  });

  it('INVALID_TYPE_ON_FIELD_IN_RECORD for values that are not numbers, dates or checkboxes', async () => {
    const results = await store.create(
      'Opportunity',
      [
        { Name: 'a', StageName: 'Prospecting', CloseDate: '2026-12-01', Amount: 'lots' },
        { Name: 'b', StageName: 'Prospecting', CloseDate: '2026-13-01' },
        { Name: 'c', StageName: 'Prospecting', CloseDate: '2026-12-01', IsPrivate: 'maybe' }
      ],
      SOME
    );
    expect(results.map((r) => r.errors[0])).toEqual([
      {
        errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
        message: 'Amount: value not of required type: lots',
        fields: ['Amount']
      },
      {
        errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
        message: 'Close Date: value not of required type: 2026-13-01',
        fields: ['CloseDate']
      },
      {
        errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
        message: 'Private: value not of required type: maybe',
        fields: ['IsPrivate']
      }
    ]);
  });

  it('INVALID_EMAIL_ADDRESS and NUMBER_OUTSIDE_VALID_RANGE', async () => {
    const results = await store.create(
      null,
      [
        { attributes: { type: 'Contact' }, LastName: 'Mail', Email: 'not-an-email' },
        { attributes: { type: 'Account' }, Name: 'Big', NumberOfEmployees: 123456789 }
      ],
      SOME
    );
    expect(codes(results)).toEqual([['INVALID_EMAIL_ADDRESS'], ['NUMBER_OUTSIDE_VALID_RANGE']]);
  });

  it('INVALID_TYPE_FOR_OPERATION for objects the platform owns', async () => {
    const results = await store.create(
      null,
      [
        { attributes: { type: 'OpportunityHistory' }, StageName: 'Prospecting' },
        { attributes: { type: 'Stage_Setting__mdt' }, DeveloperName: 'X' }
      ],
      SOME
    );
    expect(results.map((r) => r.errors[0]?.errorCode)).toEqual([
      'INVALID_TYPE_FOR_OPERATION',
      'INVALID_TYPE_FOR_OPERATION'
    ]);
    expect(results[0]?.errors[0]?.message).toBe('entity type cannot be inserted: Opportunity History');
  });
});

describe('update', () => {
  it('changes only the fields given and moves LastModifiedDate', async () => {
    const id = await createOne(store, 'Account', { Name: 'Before', Industry: 'Banking' });
    clock.set('2026-11-24T08:30:00.000Z');
    idsOf(await store.update(null, [{ Id: id, Name: 'After' }], ALL));
    const found = await store.retrieve('Account', id, [
      'Name',
      'Industry',
      'CreatedDate',
      'LastModifiedDate'
    ]);
    expect(found).toMatchObject({
      Name: 'After',
      Industry: 'Banking',
      CreatedDate: '2026-11-23T10:00:00.000+0000',
      LastModifiedDate: '2026-11-24T08:30:00.000+0000'
    });
    clock.set('2026-11-23T10:00:00.000Z');
  });

  it('MALFORMED_ID, MISSING_ARGUMENT and INVALID_CROSS_REFERENCE_KEY for ids that name no record', async () => {
    const results = await store.update(
      null,
      [{ Id: 'bogus', Name: 'x' }, { Name: 'no id' }, { Id: composeId('001', 123456789), Name: 'x' }],
      SOME
    );
    expect(codes(results)).toEqual([['MALFORMED_ID'], ['MISSING_ARGUMENT'], ['INVALID_CROSS_REFERENCE_KEY']]);
  });

  it('ENTITY_IS_DELETED for a deleted record, and for a reference to one', async () => {
    const id = await createOne(store, 'Account', { Name: 'Gone' });
    idsOf(await store.delete([id], ALL));
    const [update] = await store.update('Account', [{ Id: id, Name: 'Back' }], ALL);
    expect(update).toEqual({
      id,
      success: false,
      errors: [{ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }]
    });
    const [reference] = await store.create('Contact', [{ LastName: 'Orphan', AccountId: id }], ALL);
    expect(reference?.errors).toEqual([
      { errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: ['AccountId'] }
    ]);
  });
});

describe('allOrNone', () => {
  it('true: one bad row rolls back the call; the others report ALL_OR_NONE_OPERATION_ROLLED_BACK', async () => {
    const results = await store.create(
      'Account',
      [{ Name: 'Rolled 1' }, { Site: 'no name' }, { Name: 'Rolled 2' }],
      ALL
    );
    expect(codes(results)).toEqual([
      ['ALL_OR_NONE_OPERATION_ROLLED_BACK'],
      ['REQUIRED_FIELD_MISSING'],
      ['ALL_OR_NONE_OPERATION_ROLLED_BACK']
    ]);
    expect(results.every((r) => r.id === null && !r.success)).toBe(true);
    expect((await store.query("SELECT COUNT() FROM Account WHERE Name LIKE 'Rolled%'")).totalSize).toBe(0);
  });

  it('false: the good rows are saved and the bad ones reported', async () => {
    const results = await store.create(
      'Account',
      [{ Name: 'Kept 1' }, { Site: 'no name' }, { Name: 'Kept 2' }],
      SOME
    );
    expect(results.map((r) => r.success)).toEqual([true, false, true]);
    expect((await store.query("SELECT COUNT() FROM Account WHERE Name LIKE 'Kept%'")).totalSize).toBe(2);
  });
});

describe('upsert', () => {
  it('creates on a new key and updates on a known one, matching without regard to case', async () => {
    const first = await store.upsert(
      'Account',
      'External_Id__c',
      [{ External_Id__c: 'UP-1', Name: 'Up' }],
      ALL
    );
    expect(first).toEqual([{ id: expect.any(String), success: true, errors: [], created: true }]);
    const second = await store.upsert(
      'Account',
      'external_id__c',
      [{ External_Id__c: 'up-1', Name: 'Up again' }],
      ALL
    );
    expect(second).toEqual([{ id: first[0]?.id, success: true, errors: [], created: false }]);
    expect(await store.retrieve('Account', first[0]?.id ?? '', ['Name'])).toMatchObject({ Name: 'Up again' });
  });

  it('DUPLICATE_EXTERNAL_ID for a key given twice in one call, MISSING_ARGUMENT for a row without one', async () => {
    const results = await store.upsert(
      'Account',
      'External_Id__c',
      [{ External_Id__c: 'TWICE', Name: 'a' }, { External_Id__c: 'twice', Name: 'b' }, { Name: 'no key' }],
      SOME
    );
    expect(results.map((r) => r.errors)).toEqual([
      [
        {
          errorCode: 'DUPLICATE_EXTERNAL_ID',
          message: 'Duplicate external id specified: TWICE',
          fields: ['External_Id__c']
        }
      ],
      [
        {
          errorCode: 'DUPLICATE_EXTERNAL_ID',
          message: 'Duplicate external id specified: twice',
          fields: ['External_Id__c']
        }
      ],
      [{ errorCode: 'MISSING_ARGUMENT', message: 'External_Id__c not specified', fields: ['External_Id__c'] }]
    ]);
  });

  it('refuses a key field that is not an external id, as Salesforce answers the upsert URL (404)', async () => {
    await expect(store.upsert('Account', 'Name', [{ Name: 'x' }], ALL)).rejects.toMatchObject({
      status: 404,
      errors: [
        {
          errorCode: 'NOT_FOUND',
          message: 'Provided external ID field does not exist or is not accessible: Name',
          fields: []
        }
      ]
    });
  });

  it('upserts on Id: updates the record named, creates when there is no Id', async () => {
    const id = await createOne(store, 'Account', { Name: 'By id' });
    const results = await store.upsert(
      'Account',
      'Id',
      [{ Id: id, Name: 'By id 2' }, { Name: 'New by id' }],
      ALL
    );
    expect(results.map((r) => [r.id === id, r.created])).toEqual([
      [true, false],
      [false, true]
    ]);
  });

  it('resolves parents named by external id, in nested and Bulk CSV form', async () => {
    const accountId = await createOne(store, 'Account', { Name: 'Parent', External_Id__c: 'PARENT-1' });
    const results = await store.upsert(
      'Contact',
      'External_Id__c',
      [
        { External_Id__c: 'C-1', LastName: 'Nested', Account: { External_Id__c: 'parent-1' } },
        { External_Id__c: 'C-2', LastName: 'Dotted', 'Account.External_Id__c': 'PARENT-1' },
        { External_Id__c: 'C-3', LastName: 'Missing', Account: { External_Id__c: 'NOPE' } }
      ],
      SOME
    );
    expect(results.map((r) => r.success)).toEqual([true, true, false]);
    expect(results[2]?.errors).toEqual([
      {
        errorCode: 'INVALID_FIELD',
        message: 'Foreign key external ID: NOPE not found for field External_Id__c in entity Account',
        fields: ['External_Id__c']
      }
    ]);
    const contacts = await store.query(
      "SELECT AccountId FROM Contact WHERE External_Id__c IN ('C-1', 'C-2')"
    );
    expect(contacts.records.map((r) => r['AccountId'])).toEqual([accountId, accountId]);
  });
});

describe('the org', () => {
  it('has one active System Administrator who owns what the API creates', async () => {
    const users = await store.query('SELECT Id, Name, IsActive, UserType, UserRoleId FROM User');
    expect(users.records).toEqual([
      {
        attributes: { type: 'User', url: `/services/data/v66.0/sobjects/User/${store.currentUserId}` },
        Id: store.currentUserId,
        Name: 'Atlas Admin',
        IsActive: true,
        UserType: 'Standard',
        UserRoleId: null
      }
    ]);
    expect((await store.query('SELECT COUNT() FROM UserRole')).totalSize).toBe(0);
  });

  it('lets users be created freely, with a derived name and nickname', async () => {
    const [profile] = (await store.query('SELECT ProfileId FROM User')).records;
    const id = await createOne(store, 'User', {
      Username: 'rep@atlas.local',
      LastName: 'Rep',
      FirstName: 'Ann',
      Email: 'rep@atlas.local',
      Alias: 'arep',
      TimeZoneSidKey: 'GMT',
      LocaleSidKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      LanguageLocaleKey: 'en_US',
      ProfileId: profile?.['ProfileId']
    });
    const user = await store.retrieve('User', id, ['Name', 'CommunityNickname', 'IsActive']);
    expect(user).toMatchObject({
      Name: 'Ann Rep',
      IsActive: true,
      CommunityNickname: expect.stringMatching(/^rep\./)
    });
  });

  it('upserts users on Username, an idLookup field: created once, then updated', async () => {
    const [profile] = (await store.query('SELECT ProfileId FROM User LIMIT 1')).records;
    const user = {
      Username: 'manager@atlas.local',
      LastName: 'Manager',
      Email: 'manager@atlas.local',
      Alias: 'mgr',
      TimeZoneSidKey: 'GMT',
      LocaleSidKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      LanguageLocaleKey: 'en_US',
      ProfileId: profile?.['ProfileId']
    };
    const [created] = await store.upsert('User', 'Username', [user], { allOrNone: true });
    const [updated] = await store.upsert('User', 'Username', [{ ...user, Title: 'Sales Manager' }], {
      allOrNone: true
    });

    expect(created).toMatchObject({ success: true, created: true });
    expect(updated).toMatchObject({ success: true, created: false, id: created?.id });
    const found = await store.query("SELECT Title FROM User WHERE Username = 'manager@atlas.local'");
    expect(found.records).toEqual([expect.objectContaining({ Title: 'Sales Manager' })]);
  });

  it('describes objects without regard to case and answers 404 for unknown ones', () => {
    expect(store.describe('opportunity').name).toBe('Opportunity');
    expect(() => store.describe('Nope__c')).toThrow(SalesforceApiError);
    const global = store.describeGlobal();
    expect(global.find((entry) => entry.name === 'OpportunityHistory')).toMatchObject({
      keyPrefix: '008',
      createable: false,
      queryable: true
    });
    expect(global.find((entry) => entry.name === 'Account')).toMatchObject({
      createable: true,
      deletable: true
    });
  });

  it('retrieve answers 404 for an id of another object or no record', async () => {
    const id = await createOne(store, 'Account', { Name: 'Retrieved' });
    await expect(store.retrieve('Contact', id)).rejects.toMatchObject({ status: 404 });
    await expect(store.retrieve('Account', composeId('001', 55555555))).rejects.toMatchObject({
      status: 404
    });
    await expect(store.retrieve('Account', id, ['Name', 'Bogus'])).rejects.toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ errorCode: 'INVALID_FIELD' })]
    });
    const all = await store.retrieve('Account', id.toLowerCase());
    expect(all).toMatchObject({ Id: id, Name: 'Retrieved', BillingAddress: null, IsDeleted: false });
  });
});

describe('bulk', () => {
  it('saves ten thousand rows in one call', async () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => ({
      Name: `Bulk ${index}`,
      External_Id__c: `BULK-${index}`
    }));
    const results = await store.create('Account', rows, ALL);
    expect(results.filter((r) => !r.success)).toEqual([]);
    expect(new Set(results.map((r) => r.id)).size).toBe(10_000);
    expect(
      (await store.query("SELECT COUNT() FROM Account WHERE External_Id__c LIKE 'BULK-%'")).totalSize
    ).toBe(10_000);
  });
});
