/**
 * The relationship gate, from the political maps: open deals at or past the first stage that requires a decision
 * maker must have one, and that person must not be against us.
 *
 * The people of a deal are those mapped on it plus those on its account's own map (stakeholders with no
 * opportunity); people mapped on another opportunity of the account do not count.
 */
import type { GatedDeal, GateRuleFacts, RelationshipFacts, UncoveredStakeholder } from './factTypes';
import type { StageModel } from './stageModel';
import { addDeal, compareText, dealRef, emptyTally, largestFirst, TopList } from './tally';
import type { Deal, StakeholderFact } from './types';

/** `Decision_Role__c` values that make someone the decision maker. */
export const DECISION_MAKER_ROLES: readonly string[] = ['Decision Maker', 'Economic Buyer'];
/** `Stance__c` of a decision maker that fails the gate. */
export const BLOCKING_STANCE = 'Blocker';
/** `Stance__c` of a decision maker that is a warning. */
export const NON_SUPPORTING_STANCE = 'Non-Supporter';
/** `Influence__c` of a powerful person. */
export const HIGH_INFLUENCE = 'High';

/** Deals failing one gate rule: all counted, the largest `cap` listed. */
class GateRuleCollector {
  private readonly tally = emptyTally();
  private readonly top: TopList<{ deal: Deal; decisionMakers: number }>;

  constructor(cap: number) {
    this.top = new TopList(cap, (a, b) => largestFirst(a.deal, b.deal));
  }

  add(deal: Deal, decisionMakers: number): void {
    addDeal(this.tally, deal.amount);
    this.top.offer({ deal, decisionMakers });
  }

  facts(): GateRuleFacts {
    const deals = this.top
      .items()
      .map(({ deal, decisionMakers }): GatedDeal => ({ ...dealRef(deal), decisionMakers }));
    return { ...this.tally, deals };
  }
}

/** Largest deal first, then by deal and by person. */
function uncoveredOrder(a: UncoveredStakeholder, b: UncoveredStakeholder): number {
  return largestFirst(a.deal, b.deal) || compareText(a.id ?? '', b.id ?? '');
}

const NONE: readonly StakeholderFact[] = [];

export class RelationshipCollector {
  private readonly model: StageModel;
  private readonly byDeal = new Map<string, StakeholderFact[]>();
  private readonly byAccount = new Map<string, StakeholderFact[]>();
  private readonly checked = emptyTally();
  private readonly noDecisionMaker: GateRuleCollector;
  private readonly blocking: GateRuleCollector;
  private readonly nonSupporting: GateRuleCollector;
  private readonly uncovered: TopList<UncoveredStakeholder>;
  private uncoveredPeople = 0;
  private uncoveredDeals = 0;

  constructor(model: StageModel, stakeholders: readonly StakeholderFact[], cap: number) {
    this.model = model;
    this.noDecisionMaker = new GateRuleCollector(cap);
    this.blocking = new GateRuleCollector(cap);
    this.nonSupporting = new GateRuleCollector(cap);
    this.uncovered = new TopList(cap, uncoveredOrder);
    for (const person of stakeholders) {
      const map = person.dealId === null ? this.byAccount : this.byDeal;
      const key = person.dealId ?? person.accountId;
      const people = map.get(key);
      if (people) {
        people.push(person);
      } else {
        map.set(key, [person]);
      }
    }
  }

  /**
   * An open deal, at the stage of that number (see `groupChanges`): checked when its stage is the gate stage or a
   * later stage of the org.
   */
  add(deal: Deal, stageNumber: number): void {
    const gate = this.model.gatePosition;
    if (gate < 0 || stageNumber < gate || stageNumber >= this.model.stages.length) {
      return;
    }
    addDeal(this.checked, deal.amount);
    let decisionMakers = 0;
    let blocking = false;
    let nonSupporting = false;
    let uncovered = 0;
    for (const people of [this.byDeal.get(deal.id) ?? NONE, this.byAccount.get(deal.accountId) ?? NONE]) {
      for (const person of people) {
        if (DECISION_MAKER_ROLES.includes(person.decisionRole ?? '')) {
          decisionMakers++;
          blocking ||= person.stance === BLOCKING_STANCE;
          nonSupporting ||= person.stance === NON_SUPPORTING_STANCE;
        }
        if (person.influence === HIGH_INFLUENCE && !person.coveredBy) {
          uncovered++;
          this.uncovered.offer({
            id: person.id ?? null,
            name: person.name ?? null,
            decisionRole: person.decisionRole,
            stance: person.stance,
            deal: dealRef(deal)
          });
        }
      }
    }
    if (decisionMakers === 0) {
      this.noDecisionMaker.add(deal, 0);
    } else if (blocking) {
      this.blocking.add(deal, decisionMakers);
    } else if (nonSupporting) {
      this.nonSupporting.add(deal, decisionMakers);
    }
    this.uncoveredPeople += uncovered;
    this.uncoveredDeals += uncovered > 0 ? 1 : 0;
  }

  facts(): RelationshipFacts {
    const gate = this.model.stages[this.model.gatePosition];
    return {
      gateStage: gate ? gate.apiName : null,
      checked: this.checked,
      noDecisionMaker: this.noDecisionMaker.facts(),
      blockingDecisionMaker: this.blocking.facts(),
      nonSupportingDecisionMaker: this.nonSupporting.facts(),
      uncoveredPowerful: {
        count: this.uncoveredPeople,
        deals: this.uncoveredDeals,
        people: this.uncovered.items()
      }
    };
  }
}
