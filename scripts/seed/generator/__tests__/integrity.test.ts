import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedDataset, SeedRecord } from '../types';
import { indexRecords, recordsOf, refKey } from './checks';
import { ANCHOR_DATE, VARIANTS, dataset, options, projectSchema } from './fixtures';

type Rule = (data: SeedDataset) => SeedRecord[];

const num = (record: SeedRecord, field: string): number => Number(record.fields[field] ?? 0);
const text = (record: SeedRecord, field: string): string | undefined => {
  const value = record.fields[field];
  return value === undefined || value === null ? undefined : String(value);
};

/** The package's validation rules, each as the records that would fail it. */
const VALIDATION_RULES: Record<string, Rule> = {
  'Account_Action__c.Completed_Date_When_Done': (d) =>
    recordsOf(d, 'Account_Action__c').filter(
      (r) => r.fields['Status__c'] === 'Done' && !('Completed_Date__c' in r.fields)
    ),
  'Account_Plan__c.Period_End_After_Start': (d) =>
    recordsOf(d, 'Account_Plan__c').filter(
      (r) => String(r.fields['Period_End__c']) <= String(r.fields['Period_Start__c'])
    ),
  'Buying_Center__c.Our_Revenue_Not_Negative': (d) =>
    recordsOf(d, 'Buying_Center__c').filter((r) =>
      ['Wallet__c', 'Our_Revenue__c', 'Sales_Goal__c'].some((f) => num(r, f) < 0)
    ),
  'Influence_Line__c.Not_Self': (d) =>
    recordsOf(d, 'Influence_Line__c').filter(
      (r) => refKey(r, 'From_Stakeholder__c') === refKey(r, 'To_Stakeholder__c')
    ),
  'Sales_Target__c.Period_End_After_Start': (d) =>
    recordsOf(d, 'Sales_Target__c').filter(
      (r) => String(r.fields['Period_End__c']) <= String(r.fields['Period_Start__c'])
    ),
  'Sales_Target__c.Target_Not_Negative': (d) =>
    recordsOf(d, 'Sales_Target__c').filter((r) => num(r, 'Target_Amount__c') < 0),
  'White_Space_Cell__c.Competitor_Required_When_Held': (d) =>
    recordsOf(d, 'White_Space_Cell__c').filter(
      (r) => r.fields['Status__c'] === 'Competitor' && !('Competitor__c' in r.references)
    ),
  'White_Space_Cell__c.Opportunity_Required_When_Open': (d) =>
    recordsOf(d, 'White_Space_Cell__c').filter(
      (r) => r.fields['Status__c'] === 'Open Opportunity' && !('Opportunity__c' in r.references)
    )
};

function projectValidationRules(): string[] {
  const objectsDir = join(projectSchema().projectRoot, 'force-app', 'main', 'default', 'objects');
  return readdirSync(objectsDir).flatMap((object) => {
    let files: string[] = [];
    try {
      files = readdirSync(join(objectsDir, object, 'validationRules'));
    } catch {
      return [];
    }
    return files.map((file) => `${object}.${file.replace('.validationRule-meta.xml', '')}`);
  });
}

function groupBy(records: readonly SeedRecord[], field: string): Map<string, SeedRecord[]> {
  const groups = new Map<string, SeedRecord[]>();
  for (const record of records) {
    const key = refKey(record, field) ?? '';
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  return groups;
}

const keys = (records: readonly SeedRecord[]): string[] => records.map((r) => r.key);

it('checks every validation rule of the package', () => {
  expect(Object.keys(VALIDATION_RULES).sort()).toEqual(projectValidationRules().sort());
});

describe.each(VARIANTS)('%s', (_, overrides) => {
  const data = (): SeedDataset => dataset(overrides);
  const stages = options(overrides).stages;
  const stageNamed = (name: unknown) => stages.find((s) => s.apiName === name);
  const isOpen = (opportunity: SeedRecord | undefined): boolean =>
    stageNamed(opportunity?.fields['StageName'])?.isClosed === false;

  it.each(Object.keys(VALIDATION_RULES))('respects %s', (rule) => {
    expect(keys((VALIDATION_RULES[rule] as Rule)(data()))).toEqual([]);
  });

  it('sets an action Completed Date exactly when it is Done, never in the future', () => {
    const wrong = recordsOf(data(), 'Account_Action__c').filter(
      (r) =>
        (r.fields['Status__c'] === 'Done') !== 'Completed_Date__c' in r.fields ||
        String(r.fields['Completed_Date__c'] ?? '') > ANCHOR_DATE
    );
    expect(keys(wrong)).toEqual([]);
  });

  it('links an action to a strategy of its own objective', () => {
    const strategies = indexRecords(data()).get('Account_Strategy__c');
    const wrong = recordsOf(data(), 'Account_Action__c').filter((action) => {
      const strategy = strategies?.get(refKey(action, 'Account_Strategy__c') ?? '');
      return (
        strategy === undefined ||
        refKey(strategy, 'Account_Objective__c') !== refKey(action, 'Account_Objective__c')
      );
    });
    expect(keys(wrong)).toEqual([]);
  });

  it('keeps buying centers of competitors and objectives within their own plan', () => {
    const centers = indexRecords(data()).get('Buying_Center__c');
    const wrong = [
      ...recordsOf(data(), 'Account_Competitor__c'),
      ...recordsOf(data(), 'Account_Objective__c')
    ].filter((r) => {
      const center = refKey(r, 'Buying_Center__c');
      return (
        center !== undefined &&
        refKey(centers?.get(center) as SeedRecord, 'Account_Plan__c') !== refKey(r, 'Account_Plan__c')
      );
    });
    expect(keys(wrong)).toEqual([]);
  });

  it('gives each plan 3-6 buying centers with our revenue below the wallet and the goal in between', () => {
    const byPlan = groupBy(recordsOf(data(), 'Buying_Center__c'), 'Account_Plan__c');
    expect([...byPlan.values()].filter((centers) => centers.length < 3 || centers.length > 6)).toEqual([]);
    const wrong = recordsOf(data(), 'Buying_Center__c').filter(
      (r) =>
        !(num(r, 'Our_Revenue__c') < num(r, 'Wallet__c')) ||
        num(r, 'Sales_Goal__c') < num(r, 'Our_Revenue__c') ||
        num(r, 'Sales_Goal__c') > num(r, 'Wallet__c')
    );
    expect(keys(wrong)).toEqual([]);
    expect(byPlan.size).toBe(recordsOf(data(), 'Account_Plan__c').length);
  });

  it('plans the current year for every planned account, and the previous year for some', () => {
    const year = Number(ANCHOR_DATE.slice(0, 4));
    const byAccount = groupBy(recordsOf(data(), 'Account_Plan__c'), 'Account__c');
    const years = [...byAccount.values()].map((plans) =>
      plans.map((p) => Number(text(p, 'Period_Start__c')?.slice(0, 4))).sort()
    );
    expect(years.filter((y) => y[y.length - 1] !== year)).toEqual([]);
    expect(years.some((y) => y.join() === `${year - 1},${year}`)).toBe(true);
    const previous = recordsOf(data(), 'Account_Plan__c').filter((p) =>
      text(p, 'Period_Start__c')?.startsWith(String(year - 1))
    );
    expect(previous.filter((p) => p.fields['Status__c'] !== 'Archived')).toEqual([]);
  });

  it('keeps the white space coherent with the plan competitors and the account open deals', () => {
    const index = indexRecords(data());
    const competitorsOfPlan = new Map<string, Set<string>>();
    for (const ac of recordsOf(data(), 'Account_Competitor__c')) {
      const plan = refKey(ac, 'Account_Plan__c') ?? '';
      competitorsOfPlan.set(
        plan,
        (competitorsOfPlan.get(plan) ?? new Set()).add(refKey(ac, 'Competitor__c') ?? '')
      );
    }
    const wrong: string[] = [];
    const grid = new Set<string>();
    for (const cell of recordsOf(data(), 'White_Space_Cell__c')) {
      const center = index.get('Buying_Center__c')?.get(refKey(cell, 'Buying_Center__c') ?? '') as SeedRecord;
      const planKey = refKey(center, 'Account_Plan__c') ?? '';
      const plan = index.get('Account_Plan__c')?.get(planKey) as SeedRecord;
      const status = cell.fields['Status__c'];
      const competitor = refKey(cell, 'Competitor__c');
      const opportunityKey = refKey(cell, 'Opportunity__c');
      const opportunity = index.get('Opportunity')?.get(opportunityKey ?? '');
      if ((competitor !== undefined) !== (status === 'Competitor'))
        wrong.push(`${cell.key}: competitor vs status`);
      if (competitor !== undefined && competitorsOfPlan.get(planKey)?.has(competitor) !== true) {
        wrong.push(`${cell.key}: competitor not in the plan`);
      }
      if ((opportunityKey !== undefined) !== (status === 'Open Opportunity'))
        wrong.push(`${cell.key}: deal vs status`);
      if (
        opportunityKey !== undefined &&
        (!isOpen(opportunity) ||
          refKey(opportunity as SeedRecord, 'AccountId') !== refKey(plan, 'Account__c'))
      ) {
        wrong.push(`${cell.key}: not an open deal of the plan's account`);
      }
      const gridCell = `${refKey(cell, 'Buying_Center__c')}|${refKey(cell, 'Product__c')}`;
      if (grid.has(gridCell)) wrong.push(`${cell.key}: second cell for ${gridCell}`);
      grid.add(gridCell);
    }
    expect(wrong).toEqual([]);
    const statuses = new Set(recordsOf(data(), 'White_Space_Cell__c').map((c) => c.fields['Status__c']));
    expect(statuses).toEqual(
      new Set(['Installed', 'Open Opportunity', 'Qualified Idea', 'Competitor', 'Not a Fit'])
    );
  });

  it('keeps each stakeholder, and the lines between them, on one account', () => {
    const index = indexRecords(data());
    const accountOf = (object: string, key: string | undefined, field: string): string | undefined => {
      const record = key === undefined ? undefined : index.get(object)?.get(key);
      return record === undefined ? undefined : refKey(record, field);
    };
    const wrong: string[] = [];
    for (const s of recordsOf(data(), 'Stakeholder__c')) {
      const account = refKey(s, 'Account__c');
      const checks: [string, string | undefined, string][] = [
        ['Contact', refKey(s, 'Contact__c'), 'AccountId'],
        ['Opportunity', refKey(s, 'Opportunity__c'), 'AccountId'],
        ['Stakeholder__c', refKey(s, 'Reports_To__c'), 'Account__c']
      ];
      for (const [object, key, field] of checks) {
        if (key !== undefined && accountOf(object, key, field) !== account)
          wrong.push(`${s.key}: ${object} of another account`);
      }
      const center = refKey(s, 'Buying_Center__c');
      if (
        center !== undefined &&
        accountOf(
          'Account_Plan__c',
          accountOf('Buying_Center__c', center, 'Account_Plan__c'),
          'Account__c'
        ) !== account
      ) {
        wrong.push(`${s.key}: buying center of another account`);
      }
      if ('Covered_By__c' in s.references === (s.fields['Coverage_Strength__c'] === 'None'))
        wrong.push(`${s.key}: coverage`);
      if (!('Contact__c' in s.references) && s.fields['Title__c'] === undefined)
        wrong.push(`${s.key}: placeholder without title`);
    }
    for (const line of recordsOf(data(), 'Influence_Line__c')) {
      const from = accountOf('Stakeholder__c', refKey(line, 'From_Stakeholder__c'), 'Account__c');
      if (
        from === undefined ||
        from !== accountOf('Stakeholder__c', refKey(line, 'To_Stakeholder__c'), 'Account__c')
      ) {
        wrong.push(`${line.key}: crosses accounts`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('shows what a political map must show: blockers, placeholders, powerful people nobody covers', () => {
    const stakeholders = recordsOf(data(), 'Stakeholder__c');
    expect(stakeholders.some((s) => s.fields['Stance__c'] === 'Blocker')).toBe(true);
    expect(stakeholders.some((s) => !('Contact__c' in s.references) && 'Reports_To__c' in s.references)).toBe(
      true
    );
    expect(
      stakeholders.some((s) => s.fields['Influence__c'] === 'High' && !('Covered_By__c' in s.references))
    ).toBe(true);
    expect(stakeholders.some((s) => 'Opportunity__c' in s.references)).toBe(true);
    const roles = new Set(stakeholders.map((s) => s.fields['Decision_Role__c']));
    expect(roles.has('Decision Maker') && roles.has('Economic Buyer')).toBe(true);
  });

  it('gives each opportunity with contact roles exactly one primary, from its own account', () => {
    const index = indexRecords(data());
    const wrong: string[] = [];
    for (const [opportunity, roles] of groupBy(
      recordsOf(data(), 'OpportunityContactRole'),
      'OpportunityId'
    )) {
      if (roles.filter((r) => r.fields['IsPrimary'] === true).length !== 1)
        wrong.push(`${opportunity}: primaries`);
      const account = refKey(index.get('Opportunity')?.get(opportunity) as SeedRecord, 'AccountId');
      for (const role of roles) {
        if (
          refKey(index.get('Contact')?.get(refKey(role, 'ContactId') ?? '') as SeedRecord, 'AccountId') !==
          account
        ) {
          wrong.push(`${role.key}: contact of another account`);
        }
      }
    }
    expect(wrong).toEqual([]);
    const standard = [
      'Decision Maker',
      'Economic Buyer',
      'Technical Buyer',
      'Evaluator',
      'Influencer',
      'Business User',
      'Executive Sponsor',
      'Other'
    ];
    const used = new Set(recordsOf(data(), 'OpportunityContactRole').map((r) => String(r.fields['Role'])));
    expect([...used].filter((role) => !standard.includes(role))).toEqual([]);
  });

  it('backfills history that starts at creation and ends in the current state of each opportunity', () => {
    const history = groupBy(recordsOf(data(), 'Opportunity_Change__c'), 'Opportunity__c');
    const wrong: string[] = [];
    for (const opportunity of recordsOf(data(), 'Opportunity')) {
      const changes = history.get(opportunity.key) ?? [];
      const dates = changes.map((c) => String(c.fields['Change_Date__c']));
      const first = changes[0];
      const last = changes[changes.length - 1];
      if (first === undefined || last === undefined) {
        wrong.push(`${opportunity.key}: no history`);
        continue;
      }
      if ([...dates].sort().join() !== dates.join() || new Set(dates).size !== dates.length)
        wrong.push(`${opportunity.key}: dates out of order`);
      if (dates.some((d) => d.slice(0, 10) >= ANCHOR_DATE))
        wrong.push(`${opportunity.key}: change dated today or later`);
      if (
        ['Previous_Stage_Name__c', 'Previous_Amount__c', 'Previous_Close_Date__c'].some(
          (f) => f in first.fields
        )
      ) {
        wrong.push(`${opportunity.key}: creation has previous values`);
      }
      changes.slice(1).forEach((change, i) => {
        const before = changes[i] as SeedRecord;
        const pairs: [string, string][] = [
          ['Previous_Stage_Name__c', 'Stage_Name__c'],
          ['Previous_Amount__c', 'Amount__c'],
          ['Previous_Close_Date__c', 'Close_Date__c']
        ];
        if (pairs.some(([previous, current]) => change.fields[previous] !== before.fields[current]))
          wrong.push(`${change.key}: broken chain`);
        const order = (name: unknown): number => stageNamed(name)?.sortOrder ?? NaN;
        if (!(order(change.fields['Stage_Name__c']) >= order(before.fields['Stage_Name__c'])))
          wrong.push(`${change.key}: stage went back`);
      });
      if (
        last.fields['Stage_Name__c'] !== opportunity.fields['StageName'] ||
        last.fields['Amount__c'] !== opportunity.fields['Amount'] ||
        last.fields['Close_Date__c'] !== opportunity.fields['CloseDate']
      ) {
        wrong.push(`${opportunity.key}: history does not end in the current state`);
      }
      if (!isOpen(opportunity) && dates[dates.length - 1]?.slice(0, 10) !== opportunity.fields['CloseDate'])
        wrong.push(`${opportunity.key}: not closed on its close date`);
      for (const change of changes) {
        if (change.fields['Probability__c'] !== stageNamed(change.fields['Stage_Name__c'])?.probability)
          wrong.push(`${change.key}: probability`);
        if (change.fields['Source__c'] !== 'Backfill') wrong.push(`${change.key}: source`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('pushes close dates to a later month, before the new close date, several times for a few deals', () => {
    const pushes = recordsOf(data(), 'Opportunity_Change__c').filter(
      (c) =>
        c.fields['Previous_Close_Date__c'] !== undefined &&
        String(c.fields['Close_Date__c']) > String(c.fields['Previous_Close_Date__c'])
    );
    const wrong = pushes.filter(
      (c) =>
        String(c.fields['Close_Date__c']).slice(0, 7) <=
          String(c.fields['Previous_Close_Date__c']).slice(0, 7) ||
        String(c.fields['Change_Date__c']).slice(0, 10) >= String(c.fields['Close_Date__c'])
    );
    expect(keys(wrong)).toEqual([]);
    const perDeal = groupBy(pushes, 'Opportunity__c');
    expect([...perDeal.values()].some((p) => p.length >= 2)).toBe(true);
    const pulledIn = recordsOf(data(), 'Opportunity_Change__c').filter(
      (c) => String(c.fields['Close_Date__c']) < String(c.fields['Previous_Close_Date__c'] ?? '')
    );
    expect(keys(pulledIn)).toEqual([]);
  });

  it('draws contacts in org charts: managers are more senior, cross-account managers only in a sibling subsidiary', () => {
    const index = indexRecords(data());
    const seniority = (title: string): number => {
      if (/^Chief of Staff/.test(title)) return 1;
      if (/^Chief|^General Counsel/.test(title)) return title === 'Chief Executive Officer' ? -1 : 0;
      if (/^(VP|Vice President|Deputy)/.test(title)) return 1;
      if (/Director|Controller/.test(title)) return 2;
      if (/Manager|Business Partner/.test(title)) return 3;
      return 4;
    };
    const wrong: string[] = [];
    let siblings = 0;
    for (const contact of recordsOf(data(), 'Contact')) {
      const managerKey = refKey(contact, 'ReportsToId');
      if (managerKey === undefined) continue;
      const manager = index.get('Contact')?.get(managerKey) as SeedRecord;
      if (!(seniority(String(manager.fields['Title'])) < seniority(String(contact.fields['Title']))))
        wrong.push(`${contact.key}: reports to a peer or junior`);
      const [own, theirs] = [refKey(contact, 'AccountId'), refKey(manager, 'AccountId')].map((k) =>
        index.get('Account')?.get(k ?? '')
      );
      if (own === theirs) continue;
      const sameParent =
        own !== undefined &&
        theirs !== undefined &&
        refKey(own, 'ParentId') !== undefined &&
        refKey(own, 'ParentId') === refKey(theirs, 'ParentId');
      if (sameParent) siblings++;
      else wrong.push(`${contact.key}: reports into an account that is not a sibling`);
    }
    expect(wrong).toEqual([]);
    expect(siblings).toBeGreaterThan(0);
    const byAccount = groupBy(recordsOf(data(), 'Contact'), 'AccountId');
    const withMissingManager = [...byAccount.values()].filter(
      (people) =>
        people.some((c) => c.fields['Title'] === 'Chief Executive Officer') &&
        people.some(
          (c) => c.fields['Title'] !== 'Chief Executive Officer' && !('ReportsToId' in c.references)
        )
    );
    expect(withMissingManager.length).toBeGreaterThan(0);
  });

  it('gives every seller a target for the previous, current and next quarter, owned by the seller', () => {
    const bySeller = groupBy(recordsOf(data(), 'Sales_Target__c'), 'Seller__c');
    const starts = ['2026-01-01', '2026-04-01', '2026-07-01'];
    const wrong = [...bySeller.entries()].filter(
      ([seller, targets]) =>
        targets.map((t) => t.fields['Period_Start__c']).join() !== starts.join() ||
        targets.some((t) => refKey(t, 'OwnerId') !== seller || t.fields['Period_Type__c'] !== 'Quarter')
    );
    expect(wrong.map(([seller]) => seller)).toEqual([]);
  });
});

describe('a pipeline worth analysing', () => {
  const data = (): SeedDataset => dataset({ scale: 5_000, seed: 3 });
  const stages = options().stages;
  const openStages = stages.filter((s) => !s.isClosed).map((s) => s.apiName);
  const opportunities = (): SeedRecord[] => recordsOf(data(), 'Opportunity');
  const open = (): SeedRecord[] =>
    opportunities().filter((o) => openStages.includes(String(o.fields['StageName'])));
  const share = (part: number, whole: number): number => part / whole;

  it('weights open deals toward early stages and keeps closed won and lost deals in history', () => {
    const inStage = (name: string | undefined): number =>
      open().filter((o) => o.fields['StageName'] === name).length;
    expect(inStage(openStages[0])).toBeGreaterThan(inStage(openStages[openStages.length - 1]));
    const won = opportunities().filter((o) => o.fields['StageName'] === 'Closed Won');
    const lost = opportunities().filter((o) => o.fields['StageName'] === 'Closed Lost');
    expect(share(won.length, won.length + lost.length)).toBeGreaterThan(0.2);
    expect(share(won.length, won.length + lost.length)).toBeLessThan(0.6);
    expect([...won, ...lost].filter((o) => String(o.fields['CloseDate']) >= ANCHOR_DATE)).toEqual([]);
  });

  it('has many pebbles, some stones and few rocks', () => {
    const amounts = opportunities()
      .map((o) => o.fields['Amount'])
      .filter((a): a is number => typeof a === 'number');
    const pebbles = amounts.filter((a) => a < 60_000).length;
    const stones = amounts.filter((a) => a >= 60_000 && a < 300_000).length;
    const rocks = amounts.filter((a) => a >= 300_000).length;
    expect(pebbles).toBeGreaterThan(stones);
    expect(stones).toBeGreaterThan(rocks);
    expect(rocks).toBeGreaterThan(0);
  });

  it('spreads open close dates over the coming quarters, with some already in the past', () => {
    const closes = open().map((o) => String(o.fields['CloseDate']));
    expect(share(closes.filter((c) => c < ANCHOR_DATE).length, closes.length)).toBeGreaterThan(0.05);
    expect(share(closes.filter((c) => c < ANCHOR_DATE).length, closes.length)).toBeLessThan(0.25);
    expect(closes.some((c) => c >= '2026-07-01' && c < '2026-10-01')).toBe(true);
    expect(closes.some((c) => c >= '2026-10-01')).toBe(true);
  });

  it('leaves the integrity problems real pipelines have: missing next steps and amounts', () => {
    const withoutNextStep = open().filter((o) => !('NextStep' in o.fields)).length;
    expect(share(withoutNextStep, open().length)).toBeGreaterThan(0.05);
    expect(share(withoutNextStep, open().length)).toBeLessThan(0.3);
    expect(open().some((o) => !('Amount' in o.fields))).toBe(true);
  });

  it('dates most activities in the past, and leaves some open deals without recent activity', () => {
    const activities = [...recordsOf(data(), 'Task'), ...recordsOf(data(), 'Event')];
    const past = activities.filter((a) => String(a.fields['ActivityDate']) < ANCHOR_DATE).length;
    expect(share(past, activities.length)).toBeGreaterThan(0.75);
    const lastActivity = new Map<string, string>();
    for (const activity of activities) {
      const what = refKey(activity, 'WhatId') ?? '';
      const day = String(activity.fields['ActivityDate']);
      if (day < ANCHOR_DATE && day > (lastActivity.get(what) ?? '')) lastActivity.set(what, day);
    }
    const quiet = open().filter((o) => (lastActivity.get(o.key) ?? '') < '2026-03-31');
    expect(share(quiet.length, open().length)).toBeGreaterThan(0.05);
    expect(share(quiet.length, open().length)).toBeLessThan(0.4);
  });
});
