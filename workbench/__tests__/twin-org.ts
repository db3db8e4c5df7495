/**
 * A small, hand-made org for the twin and server tests: an in-memory local org with three sellers (a manager, a rep
 * who reports to her, another rep), two accounts, seven deals around today with a little history, a political map,
 * sales targets and pipeline snapshots. Dates are relative to today (the local org stamps creation with the real
 * clock), so every number the tests assert follows from the rows below.
 *
 * | deal          | owner   | account | stage                | amount  | close    |
 * | ------------- | ------- | ------- | -------------------- | ------- | -------- |
 * | Acme Expand   | rep     | Acme    | Prospecting          | 100,000 | today+30 |
 * | Acme Renew    | rep     | Acme    | Negotiation/Review   | 50,000  | today−5  |
 * | Acme Pilot    | rep     | Acme    | Closed Won           | 20,000  | today−20 |
 * | Globex Trial  | rep     | Globex  | Qualification        | none    | today+90 |
 * | Globex Big    | manager | Globex  | Proposal/Price Quote | 300,000 | today+10 |
 * | Acme Lost     | other   | Acme    | Closed Lost          | 40,000  | today−100|
 * | Globex Old    | other   | Globex  | Closed Won           | 10,000  | today−400|
 *
 * The period is today−30 … today+60. Snapshots (yesterday's, and an older day's that must be ignored) sum the rep's
 * and the other rep's open deals; their close quarters start today+10 (in the period) or today−40 (before it).
 */
import { Connection } from 'jsforce';
import { startLocalOrg, type LocalOrg } from '../../local-org/src/server';
import { projectRoot } from '../../tools/lib/files';
import { DEFAULT_ROW_BUDGET, type TwinContext } from '../twins/context';

export interface TwinOrg {
  org: LocalOrg;
  connection: Connection;
  today: string;
  period: { start: string; end: string };
  users: { manager: string; rep: string; other: string };
  accounts: { acme: string; globex: string };
  deals: Record<DealKey, string>;
  contactId: string;
  /** A twin context for a user (the rep unless told), today and the default budget unless told. */
  context(overrides?: Partial<Omit<TwinContext, 'connection'>>): TwinContext;
  close(): Promise<void>;
}

export type DealKey =
  'acmeExpand' | 'acmeRenew' | 'acmePilot' | 'globexTrial' | 'globexBig' | 'acmeLost' | 'globexOld';

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function create(
  connection: Connection,
  object: string,
  fields: Record<string, unknown>
): Promise<string> {
  const result = await connection.sobject(object).create(fields);
  if (!result.success) {
    throw new Error(`${object} was not created: ${JSON.stringify(result.errors)}`);
  }
  return result.id;
}

async function createUser(
  connection: Connection,
  profileId: string,
  name: string,
  managerId?: string
): Promise<string> {
  const [firstName, lastName] = name.split(' ');
  const slug = name.toLowerCase().replace(/\s+/g, '.');
  return create(connection, 'User', {
    FirstName: firstName,
    LastName: lastName,
    Username: `${slug}@twins.test`,
    Email: `${slug}@twins.test`,
    Alias: slug.slice(0, 8),
    TimeZoneSidKey: 'Europe/Paris',
    LocaleSidKey: 'en_US',
    EmailEncodingKey: 'UTF-8',
    LanguageLocaleKey: 'en_US',
    ProfileId: profileId,
    ...(managerId === undefined ? {} : { ManagerId: managerId })
  });
}

export async function startTwinOrg(): Promise<TwinOrg> {
  const org = await startLocalOrg({ projectRoot: projectRoot(__dirname), port: 0 });
  const connection = new Connection({
    instanceUrl: org.instanceUrl,
    accessToken: org.accessToken,
    version: org.apiVersion
  });
  const today = new Date().toISOString().slice(0, 10);
  const day = (offset: number): string => addDays(today, offset);
  const admin = await connection.query<{ ProfileId: string }>('SELECT ProfileId FROM User LIMIT 1');
  const profileId = admin.records[0]?.ProfileId ?? '';
  const manager = await createUser(connection, profileId, 'Maria Manager');
  const rep = await createUser(connection, profileId, 'Riley Rep', manager);
  const other = await createUser(connection, profileId, 'Olga Other');
  const acme = await create(connection, 'Account', { Name: 'Acme' });
  const globex = await create(connection, 'Account', { Name: 'Globex' });

  const deal = (
    name: string,
    owner: string,
    account: string,
    stage: string,
    amount: number | null,
    close: number,
    nextStep: string | null
  ) =>
    create(connection, 'Opportunity', {
      Name: name,
      OwnerId: owner,
      AccountId: account,
      StageName: stage,
      Amount: amount,
      CloseDate: day(close),
      NextStep: nextStep
    });
  const deals: Record<DealKey, string> = {
    acmeExpand: await deal('Acme Expand', rep, acme, 'Prospecting', 100_000, 30, 'Demo to the sponsor'),
    acmeRenew: await deal('Acme Renew', rep, acme, 'Negotiation/Review', 50_000, -5, null),
    acmePilot: await deal('Acme Pilot', rep, acme, 'Closed Won', 20_000, -20, null),
    globexTrial: await deal('Globex Trial', rep, globex, 'Qualification', null, 90, 'Scope the trial'),
    globexBig: await deal(
      'Globex Big',
      manager,
      globex,
      'Proposal/Price Quote',
      300_000,
      10,
      'Send the quote'
    ),
    acmeLost: await deal('Acme Lost', other, acme, 'Closed Lost', 40_000, -100, null),
    globexOld: await deal('Globex Old', other, globex, 'Closed Won', 10_000, -400, null)
  };
  await create(connection, 'Opportunity_Change__c', {
    Opportunity__c: deals.acmeExpand,
    Change_Date__c: `${day(-60)}T09:00:00.000Z`,
    Stage_Name__c: 'Prospecting',
    Amount__c: 100_000,
    Close_Date__c: day(30)
  });
  const contactId = await create(connection, 'Contact', { LastName: 'Blocking', AccountId: acme });
  await create(connection, 'Stakeholder__c', {
    Name: 'Bea Blocker',
    Account__c: acme,
    Decision_Role__c: 'Decision Maker',
    Stance__c: 'Blocker',
    Influence__c: 'High'
  });
  for (const [seller, amount, start, end] of [
    [rep, 200_000, -30, 60],
    [manager, 100_000, -30, 60],
    [other, 999, 100, 190]
  ] as const) {
    await create(connection, 'Sales_Target__c', {
      Seller__c: seller,
      Period_Start__c: day(start),
      Period_End__c: day(end),
      Period_Type__c: 'Quarter',
      Target_Amount__c: amount
    });
  }
  for (const [date, seller, stage, quarter, count, amount] of [
    [-1, rep, 'Prospecting', 10, 3, 30_000],
    [-1, rep, 'Qualification', -40, 2, 5_000],
    [-1, other, 'Prospecting', 10, 7, 70_000],
    [-8, rep, 'Prospecting', 10, 99, 990_000]
  ] as const) {
    await create(connection, 'Pipeline_Snapshot__c', {
      Snapshot_Date__c: day(date),
      Seller__c: seller,
      Stage_Name__c: stage,
      Close_Quarter_Start__c: day(quarter),
      Deal_Count__c: count,
      Amount__c: amount,
      External_Id__c: `snap:${day(date)}:${seller}:${stage}:${day(quarter)}`
    });
  }
  return {
    org,
    connection,
    today,
    period: { start: day(-30), end: day(60) },
    users: { manager, rep, other },
    accounts: { acme, globex },
    deals,
    contactId,
    context: (overrides = {}) => ({
      connection,
      userId: rep,
      today,
      rowBudget: DEFAULT_ROW_BUDGET,
      ...overrides
    }),
    close: () => org.close()
  };
}
