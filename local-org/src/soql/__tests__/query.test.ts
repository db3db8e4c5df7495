import { SalesforceApiError, type OrgStore, type SObjectRecord } from '../../contracts';
import { createOne, openTestStore, TestClock } from '../../store/__tests__/helpers';

let store: OrgStore;
const ids: Record<string, string> = {};

const url = (type: string, id: string | undefined): string =>
  `/services/data/v66.0/sobjects/${type}/${id ?? ''}`;

async function records(soql: string): Promise<SObjectRecord[]> {
  return (await store.query(soql)).records;
}

/** One field of each record, in order. */
async function column(soql: string, field = 'Name'): Promise<unknown[]> {
  return (await records(soql)).map((record) => record[field]);
}

async function names(where: string, object = 'Opportunity'): Promise<unknown[]> {
  return column(`SELECT Name FROM ${object} WHERE ${where} ORDER BY Name`);
}

async function queryError(soql: string): Promise<{ errorCode: string; message: string }> {
  try {
    await store.query(soql);
  } catch (error) {
    if (error instanceof SalesforceApiError && error.status === 400)
      return error.errors[0] ?? { errorCode: '', message: '' };
    throw error;
  }
  throw new Error(`query succeeded: ${soql}`);
}

beforeAll(async () => {
  // Monday 23 November 2026, 10:00 UTC: every record is created "now".
  store = await openTestStore(new TestClock());
  ids.acme = await createOne(store, 'Account', {
    Name: 'Acme',
    Industry: 'Banking',
    AnnualRevenue: 5_000_000,
    BillingCity: 'Paris',
    BillingCountry: 'France',
    External_Id__c: 'ACC-1'
  });
  ids.globex = await createOne(store, 'Account', {
    Name: 'Globex',
    Industry: 'Energy',
    AnnualRevenue: 1_000_000,
    ParentId: ids.acme
  });
  ids.initech = await createOne(store, 'Account', { Name: 'initech' });
  ids.ann = await createOne(store, 'Contact', {
    FirstName: 'Ann',
    LastName: 'Able',
    Title: 'CEO',
    AccountId: ids.acme
  });
  ids.bob = await createOne(store, 'Contact', {
    FirstName: 'Bob',
    LastName: 'Baker',
    AccountId: ids.acme,
    ReportsToId: ids.ann
  });
  ids.cy = await createOne(store, 'Contact', { FirstName: 'Cy', LastName: 'Cole', AccountId: ids.globex });
  ids.dee = await createOne(store, 'Contact', {
    FirstName: 'Dee',
    LastName: 'Doe',
    Email: 'dee@example.com'
  });
  const opportunity = (Name: string, fields: SObjectRecord): Promise<string> =>
    createOne(store, 'Opportunity', { Name, ...fields });
  ids.renewal = await opportunity('Acme Renewal', {
    AccountId: ids.acme,
    StageName: 'Qualification',
    Amount: 1000,
    CloseDate: '2026-12-10',
    LeadSource: 'Web'
  });
  ids.expansion = await opportunity('Acme Expansion', {
    AccountId: ids.acme,
    StageName: 'Closed Won',
    Amount: 5000,
    CloseDate: '2026-11-02'
  });
  ids.pilot = await opportunity('Globex Pilot', {
    AccountId: ids.globex,
    StageName: 'Prospecting',
    Amount: 200,
    CloseDate: '2027-01-15',
    LeadSource: 'Partner Referral'
  });
  ids.orphan = await opportunity('Orphan deal', { StageName: 'Prospecting', CloseDate: '2026-11-23' });
  ids.call = await createOne(store, 'Task', { Subject: 'Call Acme', WhatId: ids.renewal, WhoId: ids.ann });
  ids.mail = await createOne(store, 'Task', { Subject: 'Email Acme', WhatId: ids.acme });
  ids.ping = await createOne(store, 'Task', { Subject: 'Ping Dee', WhoId: ids.dee });
  ids.plan = await createOne(store, 'Account_Plan__c', {
    Name: 'Acme FY27',
    Account__c: ids.acme,
    Period_Start__c: '2027-01-01',
    Period_End__c: '2027-12-31'
  });
});

afterAll(async () => {
  await store.close();
});

describe('record queries', () => {
  it('returns the selected fields after attributes, with describe casing, names matched without regard to case', async () => {
    expect(await store.query("select name, INDUSTRY, id from account where name = 'ACME'")).toEqual({
      totalSize: 1,
      records: [
        {
          attributes: { type: 'Account', url: url('Account', ids.acme) },
          Name: 'Acme',
          Industry: 'Banking',
          Id: ids.acme
        }
      ]
    });
  });

  it('returns each type as Salesforce JSON does: numbers, checkboxes, dates and date-times', async () => {
    const [record] = await records(
      `SELECT Amount, Probability, IsWon, CloseDate, CreatedDate, FiscalYear FROM Opportunity WHERE Id = '${ids.expansion}'`
    );
    expect(record).toEqual({
      attributes: { type: 'Opportunity', url: url('Opportunity', ids.expansion) },
      Amount: 5000,
      Probability: 100,
      IsWon: true,
      CloseDate: '2026-11-02',
      CreatedDate: '2026-11-23T10:00:00.000+0000',
      FiscalYear: 2026
    });
  });

  it('nests parent fields two levels deep; an empty reference is null, not an object', async () => {
    const result = await records(
      "SELECT Name, Account.Name, Account.Parent.Name FROM Opportunity WHERE Name IN ('Globex Pilot', 'Orphan deal', 'Acme Renewal') ORDER BY Name"
    );
    expect(result).toEqual([
      {
        attributes: { type: 'Opportunity', url: url('Opportunity', ids.renewal) },
        Name: 'Acme Renewal',
        Account: {
          attributes: { type: 'Account', url: url('Account', ids.acme) },
          Name: 'Acme',
          Parent: null
        }
      },
      {
        attributes: { type: 'Opportunity', url: url('Opportunity', ids.pilot) },
        Name: 'Globex Pilot',
        Account: {
          attributes: { type: 'Account', url: url('Account', ids.globex) },
          Name: 'Globex',
          Parent: { attributes: { type: 'Account', url: url('Account', ids.acme) }, Name: 'Acme' }
        }
      },
      {
        attributes: { type: 'Opportunity', url: url('Opportunity', ids.orphan) },
        Name: 'Orphan deal',
        Account: null
      }
    ]);
  });

  it('follows polymorphic relationships to the record type the id names', async () => {
    const result = await records('SELECT Subject, What.Name, Who.Name FROM Task ORDER BY Subject');
    expect(result).toEqual([
      {
        attributes: { type: 'Task', url: url('Task', ids.call) },
        Subject: 'Call Acme',
        What: {
          attributes: { type: 'Opportunity', url: url('Opportunity', ids.renewal) },
          Name: 'Acme Renewal'
        },
        Who: { attributes: { type: 'Contact', url: url('Contact', ids.ann) }, Name: 'Ann Able' }
      },
      {
        attributes: { type: 'Task', url: url('Task', ids.mail) },
        Subject: 'Email Acme',
        What: { attributes: { type: 'Account', url: url('Account', ids.acme) }, Name: 'Acme' },
        Who: null
      },
      {
        attributes: { type: 'Task', url: url('Task', ids.ping) },
        Subject: 'Ping Dee',
        What: null,
        Who: { attributes: { type: 'Contact', url: url('Contact', ids.dee) }, Name: 'Dee Doe' }
      }
    ]);
  });

  it("reads a polymorphic reference's object type as What.Type", async () => {
    expect(
      await column("SELECT Subject, What.Type FROM Task WHERE What.Type = 'account'", 'Subject')
    ).toEqual(['Email Acme']);
    const [call] = await records(`SELECT What.Type FROM Task WHERE Id = '${ids.call}'`);
    expect(call?.['What']).toEqual({
      attributes: { type: 'Opportunity', url: url('Opportunity', ids.renewal) },
      Type: 'Opportunity'
    });
  });

  it('returns child relationships as query results, or null when there are none', async () => {
    const result = await records(
      'SELECT Name, (SELECT LastName, ReportsTo.LastName FROM Contacts ORDER BY LastName DESC LIMIT 1), ' +
        '(SELECT Name FROM Account_Plans__r) FROM Account ORDER BY Name'
    );
    expect(result).toEqual([
      {
        attributes: { type: 'Account', url: url('Account', ids.acme) },
        Name: 'Acme',
        Contacts: {
          totalSize: 1,
          done: true,
          records: [
            {
              attributes: { type: 'Contact', url: url('Contact', ids.bob) },
              LastName: 'Baker',
              ReportsTo: { attributes: { type: 'Contact', url: url('Contact', ids.ann) }, LastName: 'Able' }
            }
          ]
        },
        Account_Plans__r: {
          totalSize: 1,
          done: true,
          records: [
            {
              attributes: { type: 'Account_Plan__c', url: url('Account_Plan__c', ids.plan) },
              Name: 'Acme FY27'
            }
          ]
        }
      },
      {
        attributes: { type: 'Account', url: url('Account', ids.globex) },
        Name: 'Globex',
        Contacts: {
          totalSize: 1,
          done: true,
          records: [
            {
              attributes: { type: 'Contact', url: url('Contact', ids.cy) },
              LastName: 'Cole',
              ReportsTo: null
            }
          ]
        },
        Account_Plans__r: null
      },
      {
        attributes: { type: 'Account', url: url('Account', ids.initech) },
        Name: 'initech',
        Contacts: null,
        Account_Plans__r: null
      }
    ]);
  });

  it('filters child subqueries', async () => {
    const [acme] = await records(
      "SELECT Name, (SELECT Name FROM Opportunities WHERE IsWon = false) FROM Account WHERE Name = 'Acme'"
    );
    expect(acme?.['Opportunities']).toMatchObject({ totalSize: 1, records: [{ Name: 'Acme Renewal' }] });
  });

  it('composes compound addresses', async () => {
    const [acme] = await records(`SELECT BillingAddress FROM Account WHERE Id = '${ids.acme}'`);
    expect(acme?.['BillingAddress']).toEqual({
      city: 'Paris',
      country: 'France',
      geocodeAccuracy: null,
      latitude: null,
      longitude: null,
      postalCode: null,
      state: null,
      street: null
    });
  });

  it('reads custom metadata records from the project, read-only', async () => {
    const [prospecting] = await records(
      'SELECT DeveloperName, MasterLabel, Label, QualifiedApiName, Stage_Name__c, Expected_Days__c, ' +
        "Requires_Decision_Maker__c FROM Stage_Setting__mdt WHERE DeveloperName = 'Prospecting'"
    );
    expect(prospecting).toEqual({
      attributes: {
        type: 'Stage_Setting__mdt',
        url: expect.stringMatching(/^\/services\/data\/v66\.0\/sobjects\/Stage_Setting__mdt\/m00/)
      },
      DeveloperName: 'Prospecting',
      MasterLabel: 'Prospecting',
      Label: 'Prospecting',
      QualifiedApiName: 'Prospecting',
      Stage_Name__c: 'Prospecting',
      Expected_Days__c: 14,
      Requires_Decision_Maker__c: false
    });
    expect((await store.query('SELECT COUNT() FROM Stage_Setting__mdt')).totalSize).toBe(8);
  });

  it('accepts WITH SECURITY_ENFORCED, WITH USER_MODE, FOR VIEW and FOR UPDATE', async () => {
    for (const suffix of ['WITH SECURITY_ENFORCED', 'WITH USER_MODE', 'FOR VIEW', 'FOR UPDATE']) {
      expect((await store.query(`SELECT Id FROM Account WHERE Name = 'Acme' ${suffix}`)).totalSize).toBe(1);
    }
  });

  it('orders ascending or descending, nulls first by default, case-insensitively, on parent fields', async () => {
    expect(await column('SELECT Name FROM Account ORDER BY Name')).toEqual(['Acme', 'Globex', 'initech']);
    expect(await column('SELECT Name FROM Account ORDER BY Industry')).toEqual(['initech', 'Acme', 'Globex']);
    expect(await column('SELECT Name FROM Account ORDER BY Industry DESC NULLS LAST')).toEqual([
      'Globex',
      'Acme',
      'initech'
    ]);
    expect(
      await column('SELECT Name FROM Opportunity ORDER BY Account.Name DESC NULLS LAST, Amount')
    ).toEqual(['Globex Pilot', 'Acme Renewal', 'Acme Expansion', 'Orphan deal']);
  });

  it('applies LIMIT and OFFSET', async () => {
    expect(await column('SELECT Name FROM Opportunity ORDER BY Name LIMIT 2 OFFSET 1')).toEqual([
      'Acme Renewal',
      'Globex Pilot'
    ]);
  });
});

describe('WHERE', () => {
  it('compares text without regard to case, and != includes blank values', async () => {
    expect(await names("Name = 'acme renewal'")).toEqual(['Acme Renewal']);
    expect(await names("LeadSource != 'Web'")).toEqual(['Acme Expansion', 'Globex Pilot', 'Orphan deal']);
  });

  it('compares numbers, dates and date-times', async () => {
    expect(await names('Amount > 500')).toEqual(['Acme Expansion', 'Acme Renewal']);
    expect(await names('Amount <= 1000 AND Amount >= 200')).toEqual(['Acme Renewal', 'Globex Pilot']);
    expect(await names('Amount < 1000.5')).toEqual(['Acme Renewal', 'Globex Pilot']);
    expect(await names('CloseDate > 2026-12-01')).toEqual(['Acme Renewal', 'Globex Pilot']);
    expect(
      await names('CreatedDate >= 2026-11-23T09:00:00Z AND CreatedDate < 2026-11-23T11:00:00+01:00')
    ).toEqual([]);
    expect(await names('CreatedDate = 2026-11-23T10:00:00.000Z')).toHaveLength(4);
  });

  it('compares ids, so loaders can page by Id', async () => {
    const all = await column('SELECT Id FROM Opportunity ORDER BY Id', 'Id');
    expect(all).toEqual([ids.renewal, ids.expansion, ids.pilot, ids.orphan]);
    expect(
      await column(`SELECT Id FROM Opportunity WHERE Id > '${all[1]}' ORDER BY Id LIMIT 1`, 'Id')
    ).toEqual([all[2]]);
  });

  it('tests for blank values with = null and != null', async () => {
    expect(await names('Amount = null')).toEqual(['Orphan deal']);
    expect(await names('AccountId != null AND Amount != NULL')).toEqual([
      'Acme Expansion',
      'Acme Renewal',
      'Globex Pilot'
    ]);
  });

  it('compares checkboxes', async () => {
    expect(await names('IsWon = true')).toEqual(['Acme Expansion']);
    expect(await names('IsClosed = FALSE AND IsWon != true')).toEqual([
      'Acme Renewal',
      'Globex Pilot',
      'Orphan deal'
    ]);
  });

  it('combines AND, OR and NOT', async () => {
    expect(await names("(StageName = 'Prospecting' OR IsWon = true) AND NOT (Amount = null)")).toEqual([
      'Acme Expansion',
      'Globex Pilot'
    ]);
    expect(await names("NOT Name LIKE 'Acme%'")).toEqual(['Globex Pilot', 'Orphan deal']);
  });

  it('matches IN and NOT IN lists; NOT IN includes blank values', async () => {
    expect(await names("StageName IN ('prospecting', 'Closed Won')")).toEqual([
      'Acme Expansion',
      'Globex Pilot',
      'Orphan deal'
    ]);
    expect(await names("LeadSource NOT IN ('Web')")).toEqual([
      'Acme Expansion',
      'Globex Pilot',
      'Orphan deal'
    ]);
    expect(await names(`AccountId IN ('${ids.globex?.slice(0, 15)}', '${ids.initech}')`)).toEqual([
      'Globex Pilot'
    ]);
  });

  it('matches LIKE without regard to case, with % and _, and escaped wildcards', async () => {
    expect(await names("Name LIKE 'acme%'")).toEqual(['Acme Expansion', 'Acme Renewal']);
    expect(await names("Name LIKE '%_ilot'")).toEqual(['Globex Pilot']);
    expect(await names("Name LIKE 'Acme\\_%'")).toEqual([]);
  });

  it('filters on parent fields and through semi-joins and anti-joins', async () => {
    expect(await names("Account.Parent.Name = 'Acme'")).toEqual(['Globex Pilot']);
    expect(await names('Id IN (SELECT AccountId FROM Opportunity WHERE IsWon = true)', 'Account')).toEqual([
      'Acme'
    ]);
    expect(await names('Id NOT IN (SELECT AccountId FROM Opportunity)', 'Account')).toEqual(['initech']);
    expect(await names("Id IN (SELECT WhatId FROM Task WHERE Subject LIKE 'Call%')")).toEqual([
      'Acme Renewal'
    ]);
  });

  it('understands date literals, on dates and date-times', async () => {
    expect(await names('CloseDate = THIS_MONTH')).toEqual(['Acme Expansion', 'Orphan deal']);
    expect(await names('CloseDate = NEXT_N_DAYS:30')).toEqual(['Acme Renewal']);
    expect(await names('CloseDate = LAST_N_DAYS:30')).toEqual(['Acme Expansion', 'Orphan deal']);
    expect(await names('CloseDate = THIS_QUARTER')).toEqual([
      'Acme Expansion',
      'Acme Renewal',
      'Orphan deal'
    ]);
    expect(await names('CloseDate = NEXT_QUARTER')).toEqual(['Globex Pilot']);
    expect(await names('CloseDate > THIS_YEAR')).toEqual(['Globex Pilot']);
    expect(await names('CloseDate < THIS_MONTH OR CloseDate = TODAY')).toEqual(['Orphan deal']);
    expect(await names('CloseDate IN (TODAY, NEXT_YEAR)')).toEqual(['Globex Pilot', 'Orphan deal']);
    expect(await names('CreatedDate = TODAY')).toHaveLength(4);
    expect(await names('CreatedDate = YESTERDAY OR CreatedDate = LAST_WEEK')).toEqual([]);
    expect(await names('CreatedDate = THIS_WEEK AND CloseDate != N_DAYS_AGO:21')).toHaveLength(3);
  });

  it('applies date functions', async () => {
    expect(await names('CALENDAR_YEAR(CloseDate) = 2027')).toEqual(['Globex Pilot']);
    expect(
      await names('CALENDAR_MONTH(CloseDate) IN (11, 12) AND CALENDAR_QUARTER(CloseDate) = 4')
    ).toHaveLength(3);
    expect(await names('FISCAL_YEAR(CloseDate) = 2026 AND FISCAL_QUARTER(CloseDate) = 4')).toHaveLength(3);
    expect(await names('DAY_ONLY(CreatedDate) = 2026-11-23')).toHaveLength(4);
    expect(await names('DAY_ONLY(CreatedDate) = TODAY')).toHaveLength(4);
  });
});

describe('aggregate queries', () => {
  it('COUNT() answers with totalSize and no records', async () => {
    expect(await store.query("SELECT COUNT() FROM Opportunity WHERE StageName = 'Prospecting'")).toEqual({
      totalSize: 2,
      records: []
    });
    expect((await store.query('SELECT COUNT() FROM Opportunity LIMIT 3')).totalSize).toBe(3);
  });

  it('names unaliased aggregates expr0, expr1, … and returns AggregateResult rows', async () => {
    expect(
      await store.query(
        'SELECT COUNT(Id), SUM(Amount) total, AVG(Amount), MIN(CloseDate), MAX(Amount), COUNT_DISTINCT(StageName) FROM Opportunity'
      )
    ).toEqual({
      totalSize: 1,
      records: [
        {
          attributes: { type: 'AggregateResult' },
          expr0: 4,
          total: 6200,
          expr1: expect.closeTo(2066.67, 2),
          expr2: '2026-11-02',
          expr3: 5000,
          expr4: 3
        }
      ]
    });
  });

  it('groups by fields and parent fields (keyed by the field name), with HAVING and ORDER BY an aggregate', async () => {
    expect(
      await records(
        'SELECT Account.Name, COUNT(Id) deals, SUM(Amount) FROM Opportunity WHERE AccountId != null ' +
          'GROUP BY Account.Name HAVING COUNT(Id) >= 1 ORDER BY SUM(Amount) DESC'
      )
    ).toEqual([
      { attributes: { type: 'AggregateResult' }, Name: 'Acme', deals: 2, expr0: 6000 },
      { attributes: { type: 'AggregateResult' }, Name: 'Globex', deals: 1, expr0: 200 }
    ]);
    expect(
      await column(
        'SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName HAVING COUNT(Id) > 1',
        'StageName'
      )
    ).toEqual(['Prospecting']);
  });

  it('groups by date functions', async () => {
    expect(
      await records(
        'SELECT CALENDAR_YEAR(CloseDate), CALENDAR_MONTH(CloseDate) month, COUNT(Id) FROM Opportunity ' +
          'GROUP BY CALENDAR_YEAR(CloseDate), CALENDAR_MONTH(CloseDate) ORDER BY CALENDAR_YEAR(CloseDate), CALENDAR_MONTH(CloseDate)'
      )
    ).toEqual([
      { attributes: { type: 'AggregateResult' }, expr0: 2026, month: 11, expr1: 2 },
      { attributes: { type: 'AggregateResult' }, expr0: 2026, month: 12, expr1: 1 },
      { attributes: { type: 'AggregateResult' }, expr0: 2027, month: 1, expr1: 1 }
    ]);
  });
});

describe('query errors', () => {
  it('MALFORMED_QUERY for syntax errors and fields neither grouped nor aggregated', async () => {
    expect(await queryError('SELECT Id FRM Account')).toMatchObject({
      errorCode: 'MALFORMED_QUERY',
      message: "unexpected token: 'Account'"
    });
    expect(await queryError('SELECT Name, COUNT(Id) FROM Account')).toEqual({
      errorCode: 'MALFORMED_QUERY',
      message: 'Field must be grouped or aggregated: Name',
      fields: []
    });
  });

  it('INVALID_FIELD for unknown fields and relationships', async () => {
    expect(await queryError('SELECT Id, Foo FROM Account')).toEqual({
      errorCode: 'INVALID_FIELD',
      message:
        "No such column 'Foo' on entity 'Account'. If you are attempting to use a custom field, be sure to append " +
        "the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
      fields: []
    });
    expect((await queryError('SELECT Owner.Foo FROM Account')).message).toMatch(
      /^No such column 'Foo' on entity 'User'/
    );
    expect((await queryError('SELECT Bogus.Name FROM Account')).message).toMatch(
      /^Didn't understand relationship 'Bogus' in field path/
    );
    expect((await queryError("SELECT Id FROM Account WHERE Description = 'x'")).errorCode).toBe(
      'INVALID_FIELD'
    );
  });

  it('MALFORMED_QUERY for clauses the local org does not support', async () => {
    expect((await queryError('SELECT Id FROM Account USING SCOPE mine')).errorCode).toBe('MALFORMED_QUERY');
    expect((await queryError('SELECT Id, TYPEOF What WHEN Account THEN Name END FROM Task')).message).toBe(
      'TYPEOF is not supported by the local org in this query'
    );
  });

  it('INVALID_TYPE for unknown objects and child relationships', async () => {
    expect(await queryError('SELECT Id FROM Foo__c')).toMatchObject({
      errorCode: 'INVALID_TYPE',
      message: expect.stringMatching(/^sObject type 'Foo__c' is not supported\./)
    });
    expect((await queryError('SELECT Id, (SELECT Id FROM Widgets) FROM Account')).errorCode).toBe(
      'INVALID_TYPE'
    );
  });

  it('INVALID_QUERY_FILTER_OPERATOR for values of the wrong type and operators a field does not support', async () => {
    expect(await queryError("SELECT Id FROM Opportunity WHERE Amount = '5'")).toEqual({
      errorCode: 'INVALID_QUERY_FILTER_OPERATOR',
      message:
        "value of filter criterion for field 'Amount' must be of type double and should not be enclosed in quotes",
      fields: []
    });
    expect((await queryError('SELECT Id FROM Account WHERE Name = 5')).message).toBe(
      "value of filter criterion for field 'Name' must be of type string and should be enclosed in quotes"
    );
    expect((await queryError("SELECT Id FROM Account WHERE Id = 'abc'")).message).toBe(
      'invalid ID field: abc'
    );
    expect((await queryError("SELECT Id FROM Account WHERE Industry INCLUDES ('Banking')")).errorCode).toBe(
      'INVALID_QUERY_FILTER_OPERATOR'
    );
    expect((await queryError("SELECT Id FROM Opportunity WHERE Amount LIKE '5%'")).errorCode).toBe(
      'INVALID_QUERY_FILTER_OPERATOR'
    );
    expect(
      (await queryError('SELECT Id FROM Opportunity WHERE CloseDate = 2026-01-01T00:00:00Z')).errorCode
    ).toBe('INVALID_QUERY_FILTER_OPERATOR');
  });
});
