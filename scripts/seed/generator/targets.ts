/**
 * Quarterly sales targets for every seller (reps and account managers) for the previous, current and next quarter.
 * A target grows on what the seller actually won per quarter over the last year, so coverage and attainment come
 * out realistic; sellers with little history get their role's floor. The seller owns the record (the convention
 * that shares targets up the role hierarchy).
 */
import { formatDay, quarterOf, shiftQuarter, type Day, type Quarter } from './dates';
import type { OpportunityModel, UserModel } from './model';
import { externalIdObject, externalIdRecord, ref, roundTo } from './records';
import type { Random } from './random';
import type { SeedObject, SeedRecord } from './types';

const FLOOR = { 'Sales Rep': 75_000, 'Account Manager': 200_000 } as const;

function wonLastYear(opportunities: readonly OpportunityModel[], anchor: Day): Map<string, number> {
  const current = quarterOf(anchor);
  const from = shiftQuarter(current, -4).start;
  const to = shiftQuarter(current, -1).end;
  const won = new Map<string, number>();
  for (const o of opportunities) {
    if (o.outcome !== 'won' || o.closeDay < from || o.closeDay > to) continue;
    won.set(o.ownerKey, (won.get(o.ownerKey) ?? 0) + (o.amount ?? 0));
  }
  return won;
}

function targetKey(seller: UserModel, quarter: Quarter): string {
  const person = seller.key.slice(0, seller.key.indexOf('.seed@'));
  return `tgt-${person}-${quarter.year}q${quarter.quarter}`;
}

export function generateTargets(
  random: Random,
  users: readonly UserModel[],
  opportunities: readonly OpportunityModel[],
  anchor: Day
): SeedObject {
  const won = wonLastYear(opportunities, anchor);
  const current = quarterOf(anchor);
  const records: SeedRecord[] = [];
  for (const seller of users) {
    if (seller.role !== 'Sales Rep' && seller.role !== 'Account Manager') continue;
    const perQuarter = (won.get(seller.key) ?? 0) / 4;
    let target = Math.max(FLOOR[seller.role], roundTo(perQuarter * random.between(1.1, 1.3), 5_000));
    for (const offset of [-1, 0, 1]) {
      const quarter = shiftQuarter(current, offset);
      records.push(
        externalIdRecord(
          targetKey(seller, quarter),
          {
            Period_Type__c: 'Quarter',
            Period_Start__c: formatDay(quarter.start),
            Period_End__c: formatDay(quarter.end),
            Target_Amount__c: target
          },
          { Seller__c: ref('User', seller.key), OwnerId: ref('User', seller.key) }
        )
      );
      target = roundTo(target * random.between(1, 1.08), 5_000);
    }
  }
  return externalIdObject('Sales_Target__c', records);
}
