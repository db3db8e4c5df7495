/**
 * Opportunity contact roles: the people on each deal, more of them and more senior on larger deals, with roles that
 * fit their level; the first one is the primary contact. A few deals have no contact role at all, as in real orgs.
 * The object has no external id: the loader matches rows on (OpportunityId, ContactId), which are unique here.
 */
import type { Band, ContactModel, Level, OpportunityModel } from './model';
import { pad, plainRecord, ref } from './records';
import { weights, type Random, type Weighted } from './random';
import type { SeedObject, SeedRecord } from './types';

const NO_ROLES_SHARE = 0.07;

const PEOPLE_PER_DEAL: Record<Band, [number, number]> = { pebble: [1, 2], stone: [2, 3], rock: [3, 5] };

/** How likely each level (C-level … individual contributor) is to be on a deal of each size. */
const LEVEL_WEIGHTS: Record<Band, readonly number[]> = {
  pebble: [1, 2, 5, 6, 4],
  stone: [2, 4, 6, 5, 3],
  rock: [5, 6, 5, 3, 2]
};

const ROLES_BY_LEVEL: Record<Level, Weighted<string>[]> = {
  0: weights(['Economic Buyer', 40], ['Executive Sponsor', 35], ['Decision Maker', 25]),
  1: weights(['Decision Maker', 45], ['Economic Buyer', 25], ['Executive Sponsor', 15], ['Influencer', 15]),
  2: weights(['Technical Buyer', 35], ['Decision Maker', 25], ['Evaluator', 20], ['Influencer', 20]),
  3: weights(['Evaluator', 35], ['Influencer', 25], ['Technical Buyer', 20], ['Business User', 20]),
  4: weights(['Business User', 40], ['Evaluator', 35], ['Influencer', 15], ['Other', 10])
};

function peopleOnDeal(
  random: Random,
  opportunity: OpportunityModel,
  contacts: readonly ContactModel[]
): ContactModel[] {
  const [min, max] = PEOPLE_PER_DEAL[opportunity.band];
  const count = Math.min(random.int(min, max), contacts.length);
  const levelWeights = LEVEL_WEIGHTS[opportunity.band];
  const pool = [...contacts];
  const chosen: ContactModel[] = [];
  while (chosen.length < count) {
    const next = random.weighted(pool.map((c) => ({ value: c, weight: levelWeights[c.level] ?? 1 })));
    chosen.push(next);
    pool.splice(pool.indexOf(next), 1);
  }
  return chosen;
}

/** Assigns each opportunity its contacts (`OpportunityModel.contacts`) and returns the roles. */
export function generateContactRoles(
  random: Random,
  opportunities: readonly OpportunityModel[],
  contactsByAccount: ReadonlyMap<string, ContactModel[]>
): SeedObject {
  const records: SeedRecord[] = [];
  for (const opportunity of opportunities) {
    const contacts = contactsByAccount.get(opportunity.account.key) ?? [];
    if (contacts.length === 0 || random.chance(NO_ROLES_SHARE)) continue;
    opportunity.contacts = peopleOnDeal(random, opportunity, contacts);
    opportunity.contacts.forEach((contact, index) => {
      records.push(
        plainRecord(
          `ocr-${opportunity.key.slice('opp-'.length)}-${pad(index + 1, 2)}`,
          { Role: random.weighted(ROLES_BY_LEVEL[contact.level]), IsPrimary: index === 0 },
          { OpportunityId: ref('Opportunity', opportunity.key), ContactId: ref('Contact', contact.key) }
        )
      );
    });
  }
  return {
    object: 'OpportunityContactRole',
    keyField: null,
    naturalKey: ['OpportunityId', 'ContactId'],
    selfReferences: [],
    records
  };
}
