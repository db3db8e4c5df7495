/**
 * Account plans for key accounts: the current year's plan for every key account and, for three in five of them
 * (the first always), last year's archived plan. A plan splits the account into 3-6 buying centers (divisions, business units, a geography,
 * group functions) with their wallet, our revenue (always below the wallet), a sales goal between the two, the
 * relationship and the growth trend, and records the competitors present in the account and where they are
 * entrenched.
 */
import { formatDay, quarterLabel, yearEnd, yearOf, yearStart, type Day } from './dates';
import { industryNamed } from './industries';
import type {
  AccountModel,
  BuyingCenterModel,
  CompetitorModel,
  ContactModel,
  OpportunityModel,
  PlanModel,
  Region,
  UserModel
} from './model';
import { externalIdObject, externalIdRecord, fit, formatAmount, optionalRef, ref, roundTo } from './records';
import { weights, type Random } from './random';
import type { SeedObject, SeedRecord } from './types';

type Relationship =
  'Strategic Partner' | 'Preferred Supplier' | 'Approved Vendor' | 'Transactional' | 'No Relationship';

/** Our share of a buying center's wallet, by relationship. */
const WALLET_SHARE: Record<Relationship, [number, number]> = {
  'Strategic Partner': [0.4, 0.7],
  'Preferred Supplier': [0.25, 0.45],
  'Approved Vendor': [0.1, 0.25],
  Transactional: [0.02, 0.1],
  'No Relationship': [0, 0]
};

const RELATIONSHIPS = weights<Relationship>(
  ['Strategic Partner', 15],
  ['Preferred Supplier', 25],
  ['Approved Vendor', 30],
  ['Transactional', 20],
  ['No Relationship', 10]
);

interface FunctionCenter {
  name: string;
  department: string;
}

const FUNCTION_CENTERS: readonly FunctionCenter[] = [
  { name: 'Group IT', department: 'IT' },
  { name: 'Finance Shared Services', department: 'Finance' },
  { name: 'Global Procurement', department: 'Procurement' },
  { name: 'Supply Chain Operations', department: 'Supply Chain' },
  { name: 'Marketing & Digital', department: 'Marketing' },
  { name: 'HR & Workplace', department: 'Human Resources' }
];

const GEOGRAPHIES = ['North America', 'EMEA', 'Asia Pacific', 'Latin America'];

const INITIATIVES = [
  'Consolidate regional data warehouses onto one cloud platform',
  'Cut the monthly financial close from ten days to five',
  'Real-time visibility of inventory across plants and warehouses',
  'Replace spreadsheet-based planning with driver-based forecasts',
  'Meet new ESG reporting obligations with audited data',
  'Give every store manager a daily performance dashboard',
  'Reduce IT run costs by 15% through vendor consolidation',
  'Launch a customer data platform for personalised offers',
  'Move core systems off the ageing on-premise data center',
  'Harmonise master data after the last acquisition'
];

const VISIONS = [
  'Become the strategic data partner of {account}: standardise every business unit on our platform.',
  'Move from a departmental supplier to an enterprise agreement with {account} within two years.',
  'Be the first call for {account} whenever a business unit starts a data or analytics project.'
];

const POSITIONS = weights(['Entrenched', 25], ['Established', 35], ['Challenging', 30], ['Displaced', 10]);
const THREATS = weights(['High', 30], ['Medium', 45], ['Low', 25]);
const CENTER_TYPES_OF_DIVISIONS = weights(['Division', 60], ['Business Unit', 40]);
type Growth = 'Growing' | 'Stable' | 'Declining';
const GROWTH = weights<Growth>(['Growing', 40], ['Stable', 40], ['Declining', 20]);
const VIEWS = weights(['On Track', 50], ['At Risk', 35], ['Off Track', 15]);

export interface PlanContext {
  random: Random;
  anchor: Day;
  contactsByAccount: ReadonlyMap<string, ContactModel[]>;
  opportunitiesByAccount: ReadonlyMap<string, OpportunityModel[]>;
  competitors: readonly CompetitorModel[];
  sponsor: (region: Region) => UserModel;
}

interface CenterDraft {
  name: string;
  type: string;
  department: string | null;
  relationship: Relationship;
  growth: Growth;
  /** This year's wallet; last year's follows from the growth trend. */
  wallet: number;
}

/** Last year's wallet as a share of this year's, by growth trend. */
const LAST_YEAR_WALLET: Record<Growth, [number, number]> = {
  Growing: [0.8, 0.92],
  Stable: [0.96, 1.02],
  Declining: [1.05, 1.15]
};

/** 3-6 buying centers: divisions or business units of the account's industry, a geography, group functions. */
function centerDrafts(random: Random, account: AccountModel): CenterDraft[] {
  const count = random.int(3, 6);
  const divisions = random.sample(industryNamed(account.industry).divisions, random.int(2, 3));
  const centers: Pick<CenterDraft, 'name' | 'type' | 'department'>[] = divisions.map((name) => ({
    name,
    type: random.weighted(CENTER_TYPES_OF_DIVISIONS),
    department: null
  }));
  if (random.chance(0.5))
    centers.push({ name: random.pick(GEOGRAPHIES), type: 'Geography', department: null });
  for (const fn of random.shuffle(FUNCTION_CENTERS)) {
    if (centers.length >= count) break;
    centers.push({ name: fn.name, type: 'Function', department: fn.department });
  }
  return centers.slice(0, count).map((center) => ({
    ...center,
    relationship: random.weighted(RELATIONSHIPS),
    growth: random.weighted(GROWTH),
    wallet: roundTo(random.int(600_000, 9_000_000), 50_000)
  }));
}

/** The same buying center a year earlier: its wallet before this year's growth or decline. */
function lastYear(random: Random, draft: CenterDraft): CenterDraft {
  const wallet = roundTo(draft.wallet * random.between(...LAST_YEAR_WALLET[draft.growth]), 50_000);
  return { ...draft, wallet };
}

function leaderFor(
  random: Random,
  draft: CenterDraft,
  contacts: readonly ContactModel[],
  used: Set<string>
): ContactModel | null {
  const senior = contacts.filter((c) => c.level <= 2 && !used.has(c.key));
  // A group function is led by someone of that function, or by nobody we know yet.
  const pool = draft.department === null ? senior : senior.filter((c) => c.department === draft.department);
  if (pool.length === 0) return null;
  const leader = random.pick(pool);
  used.add(leader.key);
  return leader;
}

/** Deals won up to the end of the plan's year (up to today for the current plan). */
function engagementHistory(context: PlanContext, plan: PlanModel): string {
  const until = Math.min(yearEnd(plan.year), context.anchor);
  const deals = context.opportunitiesByAccount.get(plan.account.key) ?? [];
  const won = deals.filter((o) => o.outcome === 'won' && o.closeDay <= until);
  if (won.length === 0) return 'No purchases yet; first meetings held with the central IT team.';
  return context.random
    .sample(won, 2)
    .map(
      (o) =>
        `Won ${o.product.name} in ${quarterLabel(o.closeDay)}${o.amount === null ? '' : ` (${formatAmount(o.amount)})`}.`
    )
    .join('\n');
}

class PlanBuilder {
  readonly plans: PlanModel[] = [];
  readonly planRecords: SeedRecord[] = [];
  readonly centerRecords: SeedRecord[] = [];
  readonly competitorRecords: SeedRecord[] = [];
  private readonly context: PlanContext;

  constructor(context: PlanContext) {
    this.context = context;
  }

  add(account: AccountModel, year: number, isCurrent: boolean, drafts: readonly CenterDraft[]): void {
    const { random, anchor } = this.context;
    const key = `plan-${account.key.slice('acct-'.length)}-${year}`;
    const centers: BuyingCenterModel[] = drafts.map((draft, index) => {
      const [low, high] = WALLET_SHARE[draft.relationship];
      const ourRevenue = Math.min(
        roundTo(draft.wallet * random.between(low, high), 5_000),
        draft.wallet - 50_000
      );
      return {
        key: `bc-${key.slice('plan-'.length)}-${index + 1}`,
        name: draft.name,
        department: draft.department,
        relationship: draft.relationship,
        wallet: draft.wallet,
        ourRevenue,
        salesGoal: ourRevenue + roundTo((draft.wallet - ourRevenue) * random.between(0.1, 0.35), 5_000),
        entrenched: []
      };
    });
    const planCompetitors = random.sample(this.context.competitors, random.int(2, 4));
    const status = isCurrent
      ? random.weighted(weights(['Active', 70], ['Under Review', 20], ['Draft', 10]))
      : 'Archived';
    const plan: PlanModel = {
      key,
      account,
      isCurrent,
      year,
      ownerKey: account.ownerKey,
      sponsorKey: this.context.sponsor(account.region).key,
      status,
      lastReviewedDay:
        status === 'Draft'
          ? null
          : isCurrent
            ? anchor - random.int(5, 80)
            : yearEnd(year) - random.int(0, 30),
      nextReviewDay: isCurrent ? anchor + random.int(5, 60) : null,
      buyingCenters: centers,
      competitors: planCompetitors
    };
    this.plans.push(plan);
    planCompetitors.forEach((competitor, index) => this.addCompetitor(plan, competitor, index + 1));
    const leaders = new Set<string>();
    drafts.forEach((draft, index) =>
      this.addCenter(plan, draft, centers[index] as BuyingCenterModel, leaders)
    );
    this.planRecords.push(this.planRecord(plan));
  }

  private planRecord(plan: PlanModel): SeedRecord {
    const { random } = this.context;
    const salesGoals = plan.buyingCenters.reduce((sum, center) => sum + center.salesGoal, 0);
    const reviewed = plan.lastReviewedDay !== null;
    const suffix = ` - FY${plan.year} Account Plan`;
    return externalIdRecord(
      plan.key,
      {
        Name: `${fit(plan.account.name, 80 - suffix.length)}${suffix}`,
        Status__c: plan.status,
        Period_Start__c: formatDay(yearStart(plan.year)),
        Period_End__c: formatDay(yearEnd(plan.year)),
        Customer_View__c: reviewed ? random.weighted(VIEWS) : undefined,
        Our_View__c: reviewed ? random.weighted(VIEWS) : undefined,
        Last_Reviewed_Date__c: plan.lastReviewedDay === null ? undefined : formatDay(plan.lastReviewedDay),
        Next_Review_Date__c: plan.nextReviewDay === null ? undefined : formatDay(plan.nextReviewDay),
        Revenue_Goal__c: roundTo(salesGoals * random.between(0.9, 1.1), 10_000),
        Vision__c: random.pick(VISIONS).replace('{account}', plan.account.name)
      },
      {
        Account__c: ref('Account', plan.account.key),
        Plan_Owner__c: ref('User', plan.ownerKey),
        Executive_Sponsor__c: ref('User', plan.sponsorKey)
      }
    );
  }

  private addCompetitor(plan: PlanModel, competitor: CompetitorModel, number: number): void {
    const { random, anchor } = this.context;
    const where = random.chance(0.8) ? random.pick(plan.buyingCenters) : null;
    where?.entrenched.push(competitor);
    this.competitorRecords.push(
      externalIdRecord(
        `acomp-${plan.key.slice('plan-'.length)}-${number}`,
        {
          Position__c: random.weighted(POSITIONS),
          Threat_Level__c: random.weighted(THREATS),
          Products_In_Use__c: fit(competitor.primaryProducts, 255),
          Notes__c: `Contract up for renewal in ${quarterLabel(anchor + random.int(60, 400))}.`
        },
        {
          Account_Plan__c: ref('Account_Plan__c', plan.key),
          Competitor__c: ref('Competitor__c', competitor.key),
          Buying_Center__c: optionalRef('Buying_Center__c', where?.key)
        }
      )
    );
  }

  private addCenter(
    plan: PlanModel,
    draft: CenterDraft,
    center: BuyingCenterModel,
    leaders: Set<string>
  ): void {
    const { random } = this.context;
    const contacts = this.context.contactsByAccount.get(plan.account.key) ?? [];
    const leader = leaderFor(random, draft, contacts, leaders);
    const initiatives = random.sample(INITIATIVES, random.int(2, 3)).map((line) => `- ${line}`);
    this.centerRecords.push(
      externalIdRecord(
        center.key,
        {
          Name: fit(draft.name, 80),
          Center_Type__c: draft.type,
          Wallet__c: center.wallet,
          Our_Revenue__c: center.ourRevenue,
          Sales_Goal__c: center.salesGoal,
          Relationship_Status__c: draft.relationship,
          Growth_Trend__c: draft.growth,
          Business_Initiatives__c: initiatives.join('\n'),
          Competitive_Environment__c: competitiveEnvironment(center),
          Engagement_History__c: engagementHistory(this.context, plan)
        },
        { Account_Plan__c: ref('Account_Plan__c', plan.key), Leader__c: optionalRef('Contact', leader?.key) }
      )
    );
  }
}

function competitiveEnvironment(center: BuyingCenterModel): string {
  if (center.entrenched.length === 0)
    return 'No competitor entrenched; the usual alternatives are in-house builds.';
  return center.entrenched.map((c) => `${c.name} is entrenched here (${c.primaryProducts}).`).join('\n');
}

export interface GeneratedPlans {
  plans: PlanModel[];
  objects: { plans: SeedObject; buyingCenters: SeedObject; accountCompetitors: SeedObject };
}

export function generatePlans(context: PlanContext, keyAccounts: readonly AccountModel[]): GeneratedPlans {
  const builder = new PlanBuilder(context);
  const year = yearOf(context.anchor);
  keyAccounts.forEach((account, index) => {
    const drafts = centerDrafts(context.random, account);
    if (index % 5 < 3)
      builder.add(
        account,
        year - 1,
        false,
        drafts.map((d) => lastYear(context.random, d))
      );
    builder.add(account, year, true, drafts);
  });
  return {
    plans: builder.plans,
    objects: {
      plans: externalIdObject('Account_Plan__c', builder.planRecords),
      buyingCenters: externalIdObject('Buying_Center__c', builder.centerRecords),
      accountCompetitors: externalIdObject('Account_Competitor__c', builder.competitorRecords)
    }
  };
}
