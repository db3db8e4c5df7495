import type { OrgStore } from '../../contracts';
import { openOrgStore } from '..';
import { compileFormula, type CompiledFormula, type FormulaScope } from '../formula/compile';
import { parseFormula } from '../formula/parse';
import {
  createFixtureProject,
  metadataXml,
  OBJECTS
} from '../../../../tools/schema/__tests__/fixture-project';
import { createOne, idsOf, openTestStore, TestClock } from './helpers';

const ALL = { allOrNone: true };

/** A scope with fields N (number), T (text), P (picklist), D (date), B (checkbox); literals show as `'value'`. */
function testScope(): FormulaScope {
  const fields: Record<string, CompiledFormula> = {
    n: { sql: 'n', type: 'number' },
    t: { sql: 't', type: 'text' },
    p: { sql: 'p', type: 'picklist' },
    d: { sql: 'd', type: 'date' },
    b: { sql: 'b', type: 'boolean' }
  };
  return {
    field: (name) => fields[name.toLowerCase()],
    param: (value) => `'${value}'`,
    today: () => 'TODAY'
  };
}

function sqlOf(source: string): string {
  return compileFormula(parseFormula(source), testScope()).sql;
}

describe('formula compiler', () => {
  it('follows Salesforce precedence: * before +, comparisons before &&, && before ||', () => {
    expect(sqlOf('N + N * 2')).toBe("(n + (n * '2'::numeric))");
    expect(sqlOf('N > 1 && B || NOT(B)')).toBe("((COALESCE(n > '1'::numeric, FALSE) AND b) OR (NOT b))");
    expect(sqlOf('-N ^ 2')).toBe("power((-n), '2'::numeric)");
  });

  it('compiles the functions the metadata uses', () => {
    expect(sqlOf('IF(OR(ISBLANK(N), N = 0), NULL, N / N)')).toBe(
      "(CASE WHEN ((n IS NULL) OR COALESCE(n = '0'::numeric, FALSE)) THEN NULL ELSE (n / NULLIF(n, 0)) END)"
    );
    expect(sqlOf('AND(NOT(ISBLANK(D)), D < TODAY(), NOT(ISPICKVAL(P, "Done")))')).toBe(
      "((NOT (d IS NULL)) AND COALESCE(d < TODAY, FALSE) AND (NOT COALESCE(p = 'Done'::text, FALSE)))"
    );
    expect(sqlOf("ISBLANK(T) && T <> 'it\\'s'")).toBe(
      "((t IS NULL OR t = '') AND COALESCE(t <> 'it's'::text, FALSE))"
    );
    expect(sqlOf('T & "!"')).toBe("(COALESCE(t, '') || COALESCE('!'::text, ''))");
  });

  it.each([
    ['FOO(1)', "unknown function 'FOO'"],
    ['Missing__c + 1', "unknown field 'Missing__c'"],
    ['P = "x"', 'picklist fields can only be used in ISPICKVAL and ISBLANK'],
    ['IF(B, 1, "x")', 'IF branches differ in type: number and text'],
    ['N + T', "'+' needs number, got text"],
    ['IF(B, 1)', 'IF takes 3 argument(s), got 2'],
    ['(N + 1', "expected ')' but found 'end of formula'"],
    ['N # 2', "unexpected character '#' at position 3"]
  ])('rejects %s: %s', (source, message) => {
    expect(() => sqlOf(source)).toThrow(message);
  });
});

describe('formula and roll-up fields of the data model', () => {
  let store: OrgStore;
  const clock = new TestClock();

  beforeAll(async () => {
    store = await openTestStore(clock);
  });

  afterAll(async () => {
    await store.close();
  });

  it('computes roll-up sums from the children and percent formulas over them, at read time', async () => {
    const accountId = await createOne(store, 'Account', { Name: 'Wallet Co' });
    const planId = await createOne(store, 'Account_Plan__c', {
      Name: 'Wallet plan',
      Account__c: accountId,
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-12-31'
    });
    const plan = async (): Promise<Record<string, unknown>> =>
      store.retrieve('Account_Plan__c', planId, [
        'Total_Wallet__c',
        'Total_Our_Revenue__c',
        'Total_Sales_Goal__c',
        'Wallet_Share__c'
      ]);
    expect(await plan()).toMatchObject({
      Total_Wallet__c: 0,
      Total_Our_Revenue__c: 0,
      Total_Sales_Goal__c: 0,
      Wallet_Share__c: null
    });
    const centers = idsOf(
      await store.create(
        'Buying_Center__c',
        [
          { Name: 'EMEA', Account_Plan__c: planId, Wallet__c: 1000, Our_Revenue__c: 250, Sales_Goal__c: 400 },
          { Name: 'APAC', Account_Plan__c: planId, Wallet__c: 2000, Our_Revenue__c: 100 },
          { Name: 'Empty', Account_Plan__c: planId }
        ],
        ALL
      )
    );
    expect(await plan()).toMatchObject({
      Total_Wallet__c: 3000,
      Total_Our_Revenue__c: 350,
      Total_Sales_Goal__c: 400,
      Wallet_Share__c: 11.67
    });
    const shares = await store.query(
      `SELECT Name, Wallet_Share__c FROM Buying_Center__c WHERE Account_Plan__c = '${planId}' ORDER BY Wallet_Share__c DESC NULLS LAST`
    );
    expect(shares.records.map((r) => [r['Name'], r['Wallet_Share__c']])).toEqual([
      ['EMEA', 25],
      ['APAC', 5],
      ['Empty', null]
    ]);
    idsOf(await store.delete([centers[0] ?? ''], ALL));
    expect(await plan()).toMatchObject({ Total_Wallet__c: 2000, Wallet_Share__c: 5 });
  });

  it('evaluates TODAY() with the store clock, and checkbox formulas can be filtered on', async () => {
    const accountId = await createOne(store, 'Account', { Name: 'Overdue Co' });
    const planId = await createOne(store, 'Account_Plan__c', {
      Name: 'Overdue plan',
      Account__c: accountId,
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-12-31'
    });
    const objectiveId = await createOne(store, 'Account_Objective__c', {
      Name: 'Grow',
      Account_Plan__c: planId
    });
    const strategyId = await createOne(store, 'Account_Strategy__c', {
      Name: 'Land',
      Account_Objective__c: objectiveId
    });
    const action = { Account_Objective__c: objectiveId, Account_Strategy__c: strategyId };
    const [late, done, future] = idsOf(
      await store.create(
        'Account_Action__c',
        [
          { ...action, Name: 'Late', Due_Date__c: '2026-11-20' },
          { ...action, Name: 'Done', Due_Date__c: '2026-11-20', Status__c: 'Done' },
          { ...action, Name: 'Future', Due_Date__c: '2026-11-30' }
        ],
        ALL
      )
    );
    const overdue = async (): Promise<unknown[]> =>
      (
        await store.query(
          `SELECT Id FROM Account_Action__c WHERE Is_Overdue__c = TRUE AND Account_Objective__c = '${objectiveId}' ORDER BY Name`
        )
      ).records.map((r) => r['Id']);
    expect(await overdue()).toEqual([late]);
    clock.set('2026-12-01T09:00:00.000Z');
    expect(await overdue()).toEqual([future, late]);
    expect(await store.retrieve('Account_Action__c', done ?? '', ['Is_Overdue__c'])).toMatchObject({
      Is_Overdue__c: false
    });
  });

  it('computes ISBLANK formulas on lookups', async () => {
    const accountId = await createOne(store, 'Account', { Name: 'Placeholder Co' });
    const contactId = await createOne(store, 'Contact', { LastName: 'Known' });
    const [unknown, known] = idsOf(
      await store.create(
        'Stakeholder__c',
        [
          { Name: 'Unknown CFO', Account__c: accountId },
          { Name: 'Known', Account__c: accountId, Contact__c: contactId }
        ],
        ALL
      )
    );
    const result = await store.query(
      `SELECT Id, Is_Placeholder__c FROM Stakeholder__c WHERE Account__c = '${accountId}' ORDER BY Name DESC`
    );
    expect(result.records.map((r) => [r['Id'], r['Is_Placeholder__c']])).toEqual([
      [unknown, true],
      [known, false]
    ]);
  });
});

describe('formulas the store cannot compute', () => {
  const object = (name: string): string =>
    metadataXml(
      'CustomObject',
      `<label>${name}</label><pluralLabel>${name}s</pluralLabel><nameField><label>Name</label><type>Text</type></nameField>` +
        '<deploymentStatus>Deployed</deploymentStatus><sharingModel>ReadWrite</sharingModel>'
    );

  it('stop the store from opening, naming the field', async () => {
    const project = createFixtureProject({
      [`${OBJECTS}/Gadget__c/Gadget__c.object-meta.xml`]: object('Gadget'),
      [`${OBJECTS}/Gadget__c/fields/Score__c.field-meta.xml`]: metadataXml(
        'CustomField',
        '<fullName>Score__c</fullName><label>Score</label><formula>ROUND(1.5, 0)</formula>' +
          '<type>Number</type><precision>18</precision><scale>0</scale>'
      )
    });
    try {
      await expect(openOrgStore({ projectRoot: project.root })).rejects.toThrow(
        "Gadget__c.Score__c: unknown function 'ROUND' in formula: ROUND(1.5, 0)"
      );
    } finally {
      project.remove();
    }
  });

  it('include default values that are not constants', async () => {
    const project = createFixtureProject({
      [`${OBJECTS}/Gadget__c/Gadget__c.object-meta.xml`]: object('Gadget'),
      [`${OBJECTS}/Gadget__c/fields/Code__c.field-meta.xml`]: metadataXml(
        'CustomField',
        '<fullName>Code__c</fullName><label>Code</label><defaultValue>Name &amp; "-1"</defaultValue>' +
          '<type>Text</type><length>20</length>'
      )
    });
    try {
      await expect(openOrgStore({ projectRoot: project.root })).rejects.toThrow(
        `Gadget__c.Code__c: default value 'Name & "-1"' is not supported by the local org (only constants and TODAY())`
      );
    } finally {
      project.remove();
    }
  });
});
