/**
 * White space maps: for each plan, about two thirds of the buying center × product grid is filled; the empty,
 * plausible cells are where new business comes from. Cells are Installed more often where the relationship is
 * strong; a Competitor cell names one of the plan's account competitors (preferably one entrenched in that buying
 * center); an Open Opportunity cell links an open opportunity of the account for the same product, which only the
 * current plan can have (last year's open deals have closed since).
 */
import { quarterLabel, type Day } from './dates';
import type { BuyingCenterModel, CompetitorModel, OpportunityModel, PlanModel, ProductModel } from './model';
import { externalIdObject, externalIdRecord, optionalRef, pad, ref, roundTo } from './records';
import { weights, type Random } from './random';
import type { SeedObject, SeedRecord } from './types';

type CellStatus = 'Installed' | 'Open Opportunity' | 'Qualified Idea' | 'Competitor' | 'Not a Fit';

const FILLED_SHARE = 0.68;

const INSTALLED_WEIGHT: Record<string, number> = {
  'Strategic Partner': 45,
  'Preferred Supplier': 35,
  'Approved Vendor': 22,
  Transactional: 12,
  'No Relationship': 0
};

const NOT_A_FIT_NOTES = [
  'Covered centrally by group IT.',
  'Regulation keeps this data on premise for now.',
  'Too small for a dedicated project.',
  'No plants or sites in scope.'
];

const IDEA_NOTES = [
  'Raised by the sponsor at the last quarterly business review.',
  'Fits the initiative to consolidate reporting tools.',
  'Budget expected in the next planning cycle.'
];

export interface WhiteSpaceContext {
  random: Random;
  anchor: Day;
  products: readonly ProductModel[];
  opportunitiesByAccount: ReadonlyMap<string, OpportunityModel[]>;
}

interface Cell {
  status: CellStatus;
  amount?: number;
  competitor?: CompetitorModel;
  opportunity?: OpportunityModel;
  notes?: string;
}

function potential(random: Random, product: ProductModel): number {
  return roundTo(random.between(20_000, 400_000) * product.priceFactor, 5_000);
}

function cellFor(
  context: WhiteSpaceContext,
  plan: PlanModel,
  center: BuyingCenterModel,
  product: ProductModel,
  openDeals: OpportunityModel[]
): Cell {
  const { random, anchor } = context;
  const deal = plan.isCurrent ? openDeals.find((o) => o.product === product) : undefined;
  const status = random.weighted(
    weights<CellStatus>(
      ['Installed', INSTALLED_WEIGHT[center.relationship] ?? 0],
      ['Open Opportunity', deal === undefined ? 0 : 30],
      ['Qualified Idea', 20],
      ['Competitor', center.entrenched.length > 0 ? 30 : 15],
      ['Not a Fit', 10]
    )
  );
  switch (status) {
    case 'Open Opportunity': {
      const opportunity = deal as OpportunityModel;
      openDeals.splice(openDeals.indexOf(opportunity), 1);
      return { status, opportunity, amount: opportunity.amount ?? undefined };
    }
    case 'Competitor': {
      const competitor = random.pick(center.entrenched.length > 0 ? center.entrenched : plan.competitors);
      const notes = `${competitor.name} contract ends in ${quarterLabel(anchor + random.int(30, 540))}.`;
      return { status, competitor, amount: potential(random, product), notes };
    }
    case 'Installed':
      return {
        status,
        amount: potential(random, product),
        notes: `Live since ${plan.year - random.int(0, 4)}.`
      };
    case 'Qualified Idea':
      return { status, amount: potential(random, product), notes: random.pick(IDEA_NOTES) };
    case 'Not a Fit':
      return { status, notes: random.pick(NOT_A_FIT_NOTES) };
  }
}

export function generateWhiteSpace(context: WhiteSpaceContext, plans: readonly PlanModel[]): SeedObject {
  const { random } = context;
  const columns = context.products.filter((p) => p.inWhiteSpace);
  const records: SeedRecord[] = [];
  for (const plan of plans) {
    // Each open deal fills at most one cell.
    const openDeals = (context.opportunitiesByAccount.get(plan.account.key) ?? []).filter(
      (o) => o.outcome === 'open'
    );
    plan.buyingCenters.forEach((center) => {
      columns.forEach((product, column) => {
        if (!random.chance(FILLED_SHARE)) return;
        const cell = cellFor(context, plan, center, product, openDeals);
        records.push(
          externalIdRecord(
            `ws-${center.key.slice('bc-'.length)}-${pad(column + 1, 2)}`,
            { Status__c: cell.status, Amount__c: cell.amount, Notes__c: cell.notes },
            {
              Buying_Center__c: ref('Buying_Center__c', center.key),
              Product__c: ref('Product2', product.key),
              Competitor__c: optionalRef('Competitor__c', cell.competitor?.key),
              Opportunity__c: optionalRef('Opportunity', cell.opportunity?.key)
            }
          )
        );
      });
    });
  }
  return externalIdObject('White_Space_Cell__c', records);
}
