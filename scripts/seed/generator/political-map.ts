/**
 * Political maps of key accounts: the account-level map (senior contacts, a few people whose power exceeds their
 * title, and placeholders for roles nobody has identified yet) and maps for the largest open deals. Each person has
 * a decision role, a stance (every account map has a blocker or two), an influence and our coverage; some powerful
 * people are covered by nobody. Reports To links placeholders, and contacts without a manager, to someone more
 * senior on the same map, so it never loops. Lines of influence connect two different people of the same map.
 */
import type {
  AccountModel,
  BuyingCenterModel,
  ContactModel,
  Level,
  OpportunityModel,
  PlanModel
} from './model';
import { EXECUTIVE } from './org-chart';
import { externalIdObject, externalIdRecord, fit, optionalRef, pad, ref } from './records';
import { weights, type Random, type Weighted } from './random';
import type { SeedObject, SeedRecord } from './types';

interface Person {
  key: string;
  name: string;
  title: string;
  level: Level;
  department: string;
  contact: ContactModel | null;
  /** Influence beyond the title: a manager or analyst the decision makers listen to. */
  hiddenPower: boolean;
  role: string;
  stance: string;
  influence: string;
  coveredBy: string | null;
  reportsTo: Person | null;
}

interface Placeholder {
  title: string;
  level: Level;
  department: string;
}

const ACCOUNT_PLACEHOLDERS: readonly Placeholder[] = [
  { title: 'Chief Procurement Officer', level: 0, department: 'Procurement' },
  { title: 'Chief Digital Officer', level: 0, department: EXECUTIVE },
  { title: 'Head of IT Procurement', level: 2, department: 'Procurement' },
  { title: 'Head of Data Governance', level: 2, department: 'IT' },
  { title: 'Group Treasurer', level: 2, department: 'Finance' },
  { title: 'Works Council Representative', level: 4, department: 'Human Resources' }
];

const DEAL_PLACEHOLDER: Placeholder = {
  title: 'Procurement lead for this deal',
  level: 3,
  department: 'Procurement'
};

const ROLES_BY_LEVEL: Record<Level, Weighted<string>[]> = {
  0: weights(['Decision Maker', 45], ['Economic Buyer', 45], ['Influencer', 10]),
  1: weights(
    ['Decision Maker', 35],
    ['Influencer', 30],
    ['Economic Buyer', 15],
    ['Technical Evaluator', 10],
    ['Coach', 10]
  ),
  2: weights(
    ['Technical Evaluator', 35],
    ['Influencer', 30],
    ['Coach', 15],
    ['Gatekeeper', 10],
    ['Decision Maker', 10]
  ),
  3: weights(
    ['Technical Evaluator', 30],
    ['User', 25],
    ['Coach', 20],
    ['Gatekeeper', 15],
    ['Influencer', 10]
  ),
  4: weights(['User', 45], ['Technical Evaluator', 25], ['Influencer', 15], ['Coach', 15])
};

const INFLUENCE_BY_LEVEL: Record<Level, Weighted<string>[]> = {
  0: weights(['High', 80], ['Medium', 20]),
  1: weights(['High', 50], ['Medium', 40], ['Low', 10]),
  2: weights(['High', 20], ['Medium', 55], ['Low', 25]),
  3: weights(['Medium', 40], ['Low', 60]),
  4: weights(['Medium', 30], ['Low', 70])
};

const STANCES = weights(
  ['Champion', 12],
  ['Supporter', 28],
  ['Neutral', 35],
  ['Non-Supporter', 15],
  ['Blocker', 10]
);
const COVERAGE = weights(['Strong', 30], ['Moderate', 45], ['Weak', 25]);
const LINE_TYPES = weights(['Influences', 60], ['Allies', 20], ['Rivals', 20]);
const LINE_STRENGTHS = weights(['Strong', 30], ['Moderate', 50], ['Weak', 20]);

const NOTES: Record<string, string[]> = {
  Champion: [
    'Introduced us to the CFO; sees the project as a career move.',
    'Shares the internal evaluation criteria with us.'
  ],
  Supporter: ['Liked the demo; needs a business case to defend us internally.'],
  'Non-Supporter': [
    'Worried about the migration effort for their team.',
    'Prefers to extend the tools already in place.'
  ],
  Blocker: [
    'Sponsored the incumbent rollout and sees our platform as a threat.',
    'Pushes for an in-house build.'
  ]
};

const LINE_NOTES: Record<string, string> = {
  Influences: 'Asks for their opinion before every steering committee.',
  Allies: 'Worked together at their previous employer.',
  Rivals: 'Competing for the same transformation budget.'
};

/** Strictly higher up means a smaller rank: the CEO ranks above the other C-levels. */
function rank(person: { level: Level; department: string }): number {
  return person.level * 2 + (person.department === EXECUTIVE ? 0 : 1);
}

export interface MapContext {
  random: Random;
  contactsByAccount: ReadonlyMap<string, ContactModel[]>;
  opportunitiesByAccount: ReadonlyMap<string, OpportunityModel[]>;
  currentPlans: ReadonlyMap<string, PlanModel>;
}

class MapBuilder {
  readonly stakeholders: SeedRecord[] = [];
  readonly lines: SeedRecord[] = [];
  private readonly context: MapContext;
  private isFirstMap = true;

  constructor(context: MapContext) {
    this.context = context;
  }

  addAccount(account: AccountModel): void {
    const { random } = this.context;
    const contacts = this.context.contactsByAccount.get(account.key) ?? [];
    const senior = contacts.filter((c) => c.level <= 1 || (c.level === 2 && random.chance(0.6)));
    const hidden = random.sample(
      contacts.filter((c) => c.level >= 3),
      random.int(1, 2)
    );
    const chosen = [...senior.slice(0, 12), ...hidden];
    const placeholders = random.sample(ACCOUNT_PLACEHOLDERS, random.int(1, 3));
    const prefix = `${account.key.slice('acct-'.length)}-acct`;
    // Our side: the account manager, the plan's executive sponsor and the owners of the account's deals.
    const sponsor = this.context.currentPlans.get(account.key)?.sponsorKey;
    const dealOwners = (this.context.opportunitiesByAccount.get(account.key) ?? []).map((o) => o.ownerKey);
    const coverers = [
      ...new Set([account.ownerKey, ...(sponsor === undefined ? [] : [sponsor]), ...dealOwners])
    ];
    const people = this.people(prefix, chosen, hidden, placeholders, coverers, new Map());
    this.emit(account, prefix, people, null, this.isFirstMap || random.chance(0.7));
    this.isFirstMap = false;
    const onAccountMap = new Map(
      people.flatMap((p) => (p.contact === null ? [] : [[p.contact.key, p] as const]))
    );
    for (const opportunity of this.dealsWithMaps(account))
      this.addDeal(account, opportunity, contacts, onAccountMap);
  }

  /** The two largest open stones and rocks of the account. */
  private dealsWithMaps(account: AccountModel): OpportunityModel[] {
    return (this.context.opportunitiesByAccount.get(account.key) ?? [])
      .filter((o) => o.outcome === 'open' && o.band !== 'pebble' && o.contacts.length > 0)
      .sort((a, b) => (b.amount ?? 0) - (a.amount ?? 0) || (a.key < b.key ? -1 : 1))
      .slice(0, 2);
  }

  /** A deal's map: its contact roles and a few other senior people, seen as on the account map. */
  private addDeal(
    account: AccountModel,
    opportunity: OpportunityModel,
    contacts: readonly ContactModel[],
    onAccountMap: ReadonlyMap<string, Person>
  ): void {
    const { random } = this.context;
    const others = contacts.filter((c) => c.level <= 2 && !opportunity.contacts.includes(c));
    const chosen = [...opportunity.contacts, ...random.sample(others, random.int(1, 3))];
    const placeholders = random.chance(0.4) ? [DEAL_PLACEHOLDER] : [];
    const prefix = opportunity.key.slice('opp-'.length);
    const coverers = [opportunity.ownerKey, account.ownerKey];
    const people = this.people(prefix, chosen, [], placeholders, coverers, onAccountMap);
    this.emit(account, prefix, people, opportunity, false);
  }

  private people(
    prefix: string,
    contacts: readonly ContactModel[],
    hidden: readonly ContactModel[],
    placeholders: readonly Placeholder[],
    coverers: readonly string[],
    onAccountMap: ReadonlyMap<string, Person>
  ): Person[] {
    const { random } = this.context;
    const people: Person[] = contacts.map((contact) => ({
      key: '',
      name: `${contact.firstName} ${contact.lastName}`,
      title: contact.title,
      level: contact.level,
      department: contact.department,
      contact,
      hiddenPower: hidden.includes(contact),
      role: '',
      stance: '',
      influence: '',
      coveredBy: null,
      reportsTo: null
    }));
    for (const placeholder of placeholders) {
      people.push({
        ...placeholder,
        key: '',
        name: `${placeholder.title} (to be identified)`,
        contact: null,
        hiddenPower: false,
        role: '',
        stance: 'Neutral',
        influence: '',
        coveredBy: null,
        reportsTo: null
      });
    }
    people.sort((a, b) => rank(a) - rank(b));
    people.forEach((person, index) => {
      person.key = `sh-${prefix}-${pad(index + 1, 2)}`;
      person.role =
        person.department === 'Procurement' && random.chance(0.6)
          ? 'Gatekeeper'
          : random.weighted(ROLES_BY_LEVEL[person.level]);
      // Someone already on the account map keeps their influence and coverage, and mostly their stance.
      const known = person.contact === null ? undefined : onAccountMap.get(person.contact.key);
      person.influence =
        known?.influence ?? (person.hiddenPower ? 'High' : random.weighted(INFLUENCE_BY_LEVEL[person.level]));
      if (person.contact !== null) {
        const drawn =
          person.role === 'Coach' ? random.pick(['Champion', 'Supporter']) : random.weighted(STANCES);
        person.stance = known !== undefined && random.chance(0.85) ? known.stance : drawn;
        const uncovered = random.chance(person.influence === 'High' ? 0.25 : 0.35);
        person.coveredBy = known !== undefined ? known.coveredBy : uncovered ? null : random.pick(coverers);
      }
      const needsManager =
        person.contact === null || (person.contact.reportsToKey === null && random.chance(0.7));
      if (needsManager) person.reportsTo = this.managerOnMap(person, people.slice(0, index));
    });
    return people;
  }

  /** The closest person above on the map, in the same department when there is one. */
  private managerOnMap(person: Person, above: readonly Person[]): Person | null {
    const higher = above.filter((p) => rank(p) < rank(person));
    const sameDepartment = higher.filter((p) => p.department === person.department);
    const pool = sameDepartment.length > 0 ? sameDepartment : higher.filter((p) => p.level === 0);
    return pool.length === 0 ? null : (pool[pool.length - 1] as Person);
  }

  private emit(
    account: AccountModel,
    prefix: string,
    people: Person[],
    opportunity: OpportunityModel | null,
    needsBlocker: boolean
  ): void {
    const { random } = this.context;
    const contacts = people.filter((p) => p.contact !== null);
    if (needsBlocker && !contacts.some((p) => p.stance === 'Blocker')) {
      const candidates = contacts.filter((p) => p.role !== 'Coach' && p.level <= 2);
      if (candidates.length > 0) random.pick(candidates).stance = 'Blocker';
    }
    if (opportunity === null && !contacts.some((p) => p.influence === 'High' && p.coveredBy === null)) {
      const powerful = contacts.filter((p) => p.influence === 'High');
      if (powerful.length > 0 && random.chance(0.5)) random.pick(powerful).coveredBy = null;
    }
    const centers = this.context.currentPlans.get(account.key)?.buyingCenters ?? [];
    for (const person of people) this.stakeholders.push(this.record(account, person, opportunity, centers));
    this.addLines(prefix, people);
  }

  private record(
    account: AccountModel,
    person: Person,
    opportunity: OpportunityModel | null,
    centers: readonly BuyingCenterModel[]
  ): SeedRecord {
    const { random } = this.context;
    const center =
      centers.find((c) => c.department === person.department) ??
      (random.chance(0.5) && centers.length > 0 ? random.pick(centers) : null);
    const notes = NOTES[person.stance];
    return externalIdRecord(
      person.key,
      {
        Name: fit(person.name, 80),
        Title__c: fit(person.title, 128),
        Decision_Role__c: person.role,
        Stance__c: person.stance,
        Influence__c: person.influence,
        Coverage_Strength__c: person.coveredBy === null ? 'None' : random.weighted(COVERAGE),
        Notes__c: notes !== undefined && random.chance(0.5) ? random.pick(notes) : undefined
      },
      {
        Account__c: ref('Account', account.key),
        Contact__c: optionalRef('Contact', person.contact?.key),
        Opportunity__c: optionalRef('Opportunity', opportunity?.key),
        Buying_Center__c: optionalRef('Buying_Center__c', center?.key),
        Covered_By__c: optionalRef('User', person.coveredBy),
        Reports_To__c: optionalRef('Stakeholder__c', person.reportsTo?.key)
      }
    );
  }

  /** About one line per two people; never a line from a person to themselves, never two lines between the same pair. */
  private addLines(prefix: string, people: readonly Person[]): void {
    const { random } = this.context;
    if (people.length < 2) return;
    const wanted = Math.round(people.length / 2) + random.int(0, 1);
    const pairs = new Set<string>();
    for (let attempt = 0; pairs.size < wanted && attempt < wanted * 4; attempt++) {
      const type = random.weighted(LINE_TYPES);
      const [from, to] = type === 'Influences' ? influencePair(random, people) : random.sample(people, 2);
      if (from === undefined || to === undefined || from === to) continue;
      const pair = [from.key, to.key].sort().join('|');
      if (pairs.has(pair)) continue;
      pairs.add(pair);
      this.lines.push(
        externalIdRecord(
          `il-${prefix}-${pad(pairs.size, 2)}`,
          {
            Line_Type__c: type,
            Strength__c: random.weighted(LINE_STRENGTHS),
            Notes__c: random.chance(0.5) ? LINE_NOTES[type] : undefined
          },
          {
            From_Stakeholder__c: ref('Stakeholder__c', from.key),
            To_Stakeholder__c: ref('Stakeholder__c', to.key)
          }
        )
      );
    }
  }
}

/** Power flows to the top: a less senior person (often a hidden power) influences a more senior one. */
function influencePair(random: Random, people: readonly Person[]): [Person | undefined, Person | undefined] {
  const from = random.pick(
    people.some((p) => p.hiddenPower) && random.chance(0.5) ? people.filter((p) => p.hiddenPower) : people
  );
  const seniors = people.filter((p) => rank(p) < rank(from));
  return [from, seniors.length > 0 ? random.pick(seniors) : undefined];
}

export interface GeneratedMaps {
  stakeholders: SeedObject;
  influenceLines: SeedObject;
}

export function generatePoliticalMaps(
  context: MapContext,
  keyAccounts: readonly AccountModel[]
): GeneratedMaps {
  const builder = new MapBuilder(context);
  for (const account of keyAccounts) builder.addAccount(account);
  return {
    stakeholders: externalIdObject('Stakeholder__c', builder.stakeholders, ['Reports_To__c']),
    influenceLines: externalIdObject('Influence_Line__c', builder.lines)
  };
}
