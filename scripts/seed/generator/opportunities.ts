/**
 * Opportunities across the org's own stages. Closed deals (won and lost) fill the last six quarters; open deals
 * sit mostly in early stages and close this quarter or in the next two, except the ones whose close date already
 * passed. Amounts follow "rocks, stones and pebbles": many small deals, some medium, few large. Integrity problems
 * real pipelines have are seeded on purpose: close dates in the past, stale deals, missing next steps and amounts.
 */
import { formatDay, quarterOf, shiftQuarter, type Day } from './dates';
import type {
  AccountModel,
  Band,
  CompetitorModel,
  OpportunityModel,
  Outcome,
  ProductModel,
  Region,
  Segment,
  UserModel
} from './model';
import { externalIdObject, externalIdRecord, fit, pad, ref, roundTo } from './records';
import type { Random, Weighted } from './random';
import { phaseOf, progress, type SalesPhase, type StageModel } from './stages';
import type { OrgStage, SeedObject, SeedRecord } from './types';
import { rotation, usersWithRole } from './users';

const DEALS_PER_ACCOUNT: Record<Segment, [number, number]> = {
  key: [10, 18],
  large: [5, 9],
  mid: [3, 6],
  small: [1, 3]
};

const BAND_WEIGHTS: Record<Segment, [number, number, number]> = {
  key: [40, 42, 18],
  large: [55, 35, 10],
  mid: [68, 28, 4],
  small: [85, 15, 0]
};

interface BandRange {
  band: Band;
  min: number;
  max: number;
  /** Days from creation to close. */
  cycle: [number, number];
}

const BANDS: readonly BandRange[] = [
  { band: 'pebble', min: 8_000, max: 60_000, cycle: [20, 90] },
  { band: 'stone', min: 60_000, max: 300_000, cycle: [45, 180] },
  { band: 'rock', min: 300_000, max: 2_500_000, cycle: [90, 300] }
];

/** Closed deals close within this many days before the anchor date (six quarters). */
const HISTORY_DAYS = 540;
const OVERDUE_SHARE = 0.12;
const STALE_SHARE = 0.15;
/** A stale deal was last touched this many days before the anchor date. */
const STALE_DAYS: [number, number] = [46, 76];
const NO_NEXT_STEP_SHARE = 0.15;
const NO_AMOUNT_SHARE = 0.04;
const NO_DECISION_SHARE = 0.25;

type OpportunityType =
  | 'New Customer'
  | 'Existing Customer - Upgrade'
  | 'Existing Customer - Replacement'
  | 'Existing Customer - Downgrade';

const NAME_SUFFIXES: Record<OpportunityType, string[]> = {
  'New Customer': ['Pilot', 'Initial Rollout', 'Proof of Value', 'Platform Selection'],
  'Existing Customer - Upgrade': ['Expansion', 'Upgrade', 'Phase 2', 'Additional Seats', 'Global Rollout'],
  'Existing Customer - Replacement': ['Replacement', 'Migration', 'Consolidation'],
  'Existing Customer - Downgrade': ['Renewal', 'Contract Renewal']
};

const NEXT_STEPS: Record<SalesPhase, string[]> = {
  early: [
    'Discovery call with the IT architecture team',
    'Qualify budget and timeline with the sponsor',
    'Send customer stories from the same industry',
    'Map the buying committee and find the economic buyer',
    'Book a first meeting with the head of data'
  ],
  middle: [
    'Run the solution demo for the business users',
    'Agree success criteria for the proof of value',
    'Technical deep-dive on integration and security',
    'Build the business case with the finance team',
    'Reference call with an existing customer'
  ],
  late: [
    'Send the revised proposal and pricing',
    'Legal review of the master subscription agreement',
    'Answer the security questionnaire from procurement',
    'Executive sponsor call to confirm the decision date',
    'Agree the implementation plan and start date'
  ]
};

interface Timing {
  createdDay: Day;
  closeDay: Day;
  lastTouchedDay: Day;
}

interface Context {
  random: Random;
  stages: StageModel;
  anchor: Day;
  products: readonly ProductModel[];
  competitors: readonly CompetitorModel[];
  overlayRep: (region: Region) => UserModel;
}

function outcomeWeights(stages: StageModel, account: AccountModel): Weighted<Outcome>[] {
  return [
    { value: 'open', weight: account.isCustomer ? 50 : 60 },
    { value: 'won', weight: stages.won !== null && account.isCustomer ? 17 : 0 },
    { value: 'lost', weight: stages.lost !== null ? (account.isCustomer ? 33 : 40) : 0 }
  ];
}

/** Early stages weigh most: each later open stage is a little less likely than the one before. */
function stageWeights(stages: readonly OrgStage[]): Weighted<OrgStage>[] {
  const n = stages.length;
  return stages.map((stage, i) => ({ value: stage, weight: n - i + n / 3 }));
}

/** The stages a deal went through from `entry` to `last`, skipping an intermediate stage now and then. */
function stagePath(random: Random, open: readonly OrgStage[], last: OrgStage): OrgStage[] {
  const lastIndex = open.indexOf(last);
  const entryIndex = lastIndex > 0 && random.chance(0.15) ? 1 : 0;
  const path: OrgStage[] = [];
  for (let i = entryIndex; i < lastIndex; i++) {
    if (i === entryIndex || random.chance(0.85)) path.push(open[i] as OrgStage);
  }
  path.push(last);
  return path;
}

function pathFor(context: Context, outcome: Outcome): OrgStage[] {
  const { random, stages } = context;
  const open = stages.open;
  if (outcome === 'open') return stagePath(random, open, random.weighted(stageWeights(open)));
  if (outcome === 'won') {
    const lastIndex = open.length > 1 && random.chance(0.3) ? open.length - 2 : open.length - 1;
    return [...stagePath(random, open, open[lastIndex] as OrgStage), stages.won as OrgStage];
  }
  return [...stagePath(random, open, random.weighted(stageWeights(open))), stages.lost as OrgStage];
}

function amountFor(random: Random, range: BandRange, product: ProductModel): number {
  const logUniform = Math.exp(random.between(Math.log(range.min), Math.log(range.max)));
  const raw = logUniform * Math.min(1.4, Math.max(0.6, product.priceFactor));
  return roundTo(raw, raw < 100_000 ? 500 : 5_000);
}

function openCloseDay(context: Context, phase: SalesPhase): Day {
  const { random, anchor } = context;
  if (random.chance(OVERDUE_SHARE)) return anchor - random.int(1, 60);
  const currentShare = phase === 'late' ? 60 : 35;
  const offset = random.weighted([
    { value: 0, weight: currentShare },
    { value: 1, weight: 35 },
    { value: 2, weight: 100 - currentShare - 35 }
  ]);
  const quarter = shiftQuarter(quarterOf(anchor), offset);
  return random.int(Math.max(quarter.start, anchor + 1), Math.max(quarter.end, anchor + 1));
}

function timingFor(
  context: Context,
  range: BandRange,
  outcome: Outcome,
  stage: OrgStage,
  stale: boolean
): Timing {
  const { random, anchor, stages } = context;
  const cycle = random.int(...range.cycle);
  if (outcome !== 'open') {
    const closeDay = anchor - random.int(1, HISTORY_DAYS);
    return { createdDay: closeDay - cycle, closeDay, lastTouchedDay: closeDay };
  }
  const closeDay = openCloseDay(context, phaseOf(stages, stage));
  const age = Math.round(cycle * (0.25 + 0.75 * progress(stages, stage)) * random.between(0.6, 1.2));
  const createdDay = Math.min(anchor - Math.max(7, age) - (stale ? STALE_DAYS[1] + 14 : 0), closeDay - 14);
  const lastTouchedDay = stale ? anchor - random.int(...STALE_DAYS) : anchor - 1;
  return { createdDay, closeDay, lastTouchedDay };
}

function lossReason(context: Context): string {
  const { random } = context;
  if (random.chance(NO_DECISION_SHARE)) {
    return random.pick([
      'No decision: the project was deprioritised after a budget freeze.',
      'No decision: the sponsor left and nobody took the project over.',
      'No decision: the customer kept the current tools for another year.'
    ]);
  }
  const competitor = random.pick(context.competitors).name;
  return random.pick([
    `Lost to ${competitor} on price.`,
    `Lost to ${competitor}: their sponsor sat on the steering committee.`,
    `Lost to ${competitor}, already installed in the business unit.`,
    'Lost: the customer chose to build in-house with its integrator.'
  ]);
}

function descriptionFor(context: Context, opportunity: OpportunityModel): string {
  const { random } = context;
  const scope = `${opportunity.product.name} for ${random.pick([
    'the group data office',
    'finance and controlling',
    'the supply chain team',
    'regional operations',
    'the digital team',
    'all business units'
  ])}.`;
  if (opportunity.outcome === 'lost') return `${scope} ${lossReason(context)}`;
  if (opportunity.outcome === 'won') {
    const term = random.pick(['one-year', 'two-year', 'three-year']);
    return `${scope} Signed a ${term} subscription; won against ${random.pick(context.competitors).name}.`;
  }
  return `${scope} ${random.pick([
    'Replaces spreadsheets and an ageing reporting server.',
    'Part of the customer’s cloud migration programme.',
    'Driven by new regulatory reporting requirements.',
    'Sponsor wants results before the next budget cycle.'
  ])}`;
}

function typeFor(random: Random, account: AccountModel): OpportunityType {
  if (!account.isCustomer) return 'New Customer';
  return random.weighted<OpportunityType>([
    { value: 'New Customer', weight: 10 },
    { value: 'Existing Customer - Upgrade', weight: 60 },
    { value: 'Existing Customer - Replacement', weight: 22 },
    { value: 'Existing Customer - Downgrade', weight: 8 }
  ]);
}

function accountOpportunities(
  context: Context,
  account: AccountModel,
  records: SeedRecord[]
): OpportunityModel[] {
  const { random, stages } = context;
  const [min, max] = DEALS_PER_ACCOUNT[account.segment];
  const count = account.isCustomer
    ? random.int(min, max)
    : Math.max(1, Math.round(random.int(min, max) * 0.6));
  const bandWeights = BAND_WEIGHTS[account.segment];
  const result: OpportunityModel[] = [];
  for (let i = 0; i < count; i++) {
    // A customer has won business with us: its first deal is a won one.
    const outcome =
      i === 0 && account.isCustomer && stages.won !== null
        ? 'won'
        : random.weighted(outcomeWeights(stages, account));
    const product = random.weighted(context.products.map((p) => ({ value: p, weight: p.dealWeight })));
    const range = random.weighted(BANDS.map((b, index) => ({ value: b, weight: bandWeights[index] ?? 0 })));
    const path = pathFor(context, outcome);
    const stage = path[path.length - 1] as OrgStage;
    const stale = outcome === 'open' && random.chance(STALE_SHARE);
    const timing = timingFor(context, range, outcome, stage, stale);
    const type = typeFor(random, account);
    const owner =
      account.segment === 'key' && random.chance(0.25)
        ? context.overlayRep(account.region).key
        : account.ownerKey;
    const missingAmount =
      outcome === 'open' && phaseOf(stages, stage) === 'early' && random.chance(NO_AMOUNT_SHARE);
    const opportunity: OpportunityModel = {
      key: `opp-${pad(account.number, 4)}-${pad(i + 1, 2)}`,
      name: fit(`${account.name} - ${product.name} ${random.pick(NAME_SUFFIXES[type])}`, 120),
      account,
      ownerKey: owner,
      product,
      band: range.band,
      amount: missingAmount ? null : amountFor(random, range, product),
      outcome,
      stage,
      path,
      createdDay: timing.createdDay,
      closeDay: timing.closeDay,
      lastTouchedDay: timing.lastTouchedDay,
      stale,
      contacts: []
    };
    result.push(opportunity);
    records.push(toRecord(context, opportunity, type));
  }
  return result;
}

function toRecord(context: Context, opportunity: OpportunityModel, type: OpportunityType): SeedRecord {
  const { random, stages } = context;
  const nextStep =
    opportunity.outcome === 'open' && !random.chance(NO_NEXT_STEP_SHARE)
      ? random.pick(NEXT_STEPS[phaseOf(stages, opportunity.stage)])
      : undefined;
  return externalIdRecord(
    opportunity.key,
    {
      Name: opportunity.name,
      StageName: opportunity.stage.apiName,
      Amount: opportunity.amount,
      CloseDate: formatDay(opportunity.closeDay),
      Type: type,
      LeadSource: random.chance(0.9)
        ? random.weighted([
            { value: 'Partner Referral', weight: 25 },
            { value: 'Web', weight: 20 },
            { value: 'Phone Inquiry', weight: 10 },
            { value: 'Purchased List', weight: 5 },
            { value: 'Other', weight: 40 }
          ])
        : undefined,
      NextStep: nextStep,
      Description: descriptionFor(context, opportunity)
    },
    { AccountId: ref('Account', opportunity.account.key), OwnerId: ref('User', opportunity.ownerKey) }
  );
}

export interface GeneratedOpportunities {
  opportunities: OpportunityModel[];
  object: SeedObject;
}

export function generateOpportunities(
  random: Random,
  accounts: readonly AccountModel[],
  products: readonly ProductModel[],
  competitors: readonly CompetitorModel[],
  users: readonly UserModel[],
  stages: StageModel,
  anchor: Day
): GeneratedOpportunities {
  const overlayRep = rotation(usersWithRole(users, 'Sales Rep'));
  const context: Context = { random, stages, anchor, products, competitors, overlayRep };
  const records: SeedRecord[] = [];
  const opportunities = accounts.flatMap((account) => accountOpportunities(context, account, records));
  return { opportunities, object: externalIdObject('Opportunity', records) };
}
