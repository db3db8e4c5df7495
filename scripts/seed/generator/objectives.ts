/**
 * Objectives, strategies and actions of each plan. Objectives are measurable (metric, target, current value) and
 * often aimed at one buying center of the same plan; each has one to three strategies, and each strategy two to
 * four actions with an owner, a team (Marketing for account-based marketing), a due date and a status. An action
 * belongs to its objective and points at a strategy of that same objective. Completed Date is set exactly when an
 * action is Done, and never lies after the anchor date.
 */
import { formatDay, yearEnd, yearStart, type Day } from './dates';
import type { BuyingCenterModel, PlanModel, UserModel } from './model';
import {
  OBJECTIVES,
  type Fill,
  type Measure,
  type ObjectiveTemplate,
  type Team
} from './objective-templates';
import { externalIdObject, externalIdRecord, fit, optionalRef, ref, roundTo } from './records';
import { weights, type Random } from './random';
import type { SeedObject, SeedRecord } from './types';

export interface ObjectiveContext {
  random: Random;
  anchor: Day;
  marketingUser: UserModel;
}

/** The owner of an action of `team`; partner-led actions are often owned by nobody on our side. */
type OwnerOf = (team: Team) => string | undefined;

function ownerOf(context: ObjectiveContext, plan: PlanModel): OwnerOf {
  return (team) => {
    if (team === 'Marketing') return context.marketingUser.key;
    if (team === 'Executive') return plan.sponsorKey;
    return team === 'Partner' && context.random.chance(0.5) ? undefined : plan.ownerKey;
  };
}

function objectiveStatus(random: Random, plan: PlanModel, due: Day, anchor: Day): string {
  if (!plan.isCurrent || due < anchor) return random.weighted(weights(['Achieved', 55], ['Missed', 45]));
  return random.weighted(weights(['On Track', 45], ['At Risk', 30], ['Not Started', 15], ['Achieved', 10]));
}

function currentValue(random: Random, measure: Measure, status: string): number {
  if (status === 'Achieved') return measure.target;
  if (status === 'Not Started') return measure.baseline;
  const reached = status === 'Missed' ? random.between(0.3, 0.9) : random.between(0.1, 0.8);
  const value = measure.baseline + (measure.target - measure.baseline) * reached;
  return measure.target >= 1_000 ? roundTo(value, 10) : Math.round(value);
}

function strategyStatus(random: Random, plan: PlanModel): string {
  if (!plan.isCurrent) return random.weighted(weights(['Completed', 70], ['Dropped', 30]));
  return random.weighted(weights(['Active', 60], ['Proposed', 25], ['Completed', 10], ['Dropped', 5]));
}

interface ActionState {
  status: string;
  completed?: Day;
}

function actionState(random: Random, plan: PlanModel, due: Day, anchor: Day): ActionState {
  const done = (day: Day): ActionState => ({ status: 'Done', completed: Math.min(day, anchor - 1) });
  if (!plan.isCurrent) return random.chance(0.75) ? done(due + random.int(-10, 10)) : { status: 'Cancelled' };
  const status =
    due < anchor
      ? random.weighted(
          weights(['Done', 60], ['In Progress', 15], ['Blocked', 5], ['Not Started', 10], ['Cancelled', 10])
        )
      : random.weighted(weights(['Not Started', 55], ['In Progress', 35], ['Blocked', 5], ['Done', 5]));
  if (status !== 'Done') return { status };
  return done(due < anchor ? due + random.int(-10, 5) : anchor - random.int(1, 20));
}

class ObjectiveBuilder {
  readonly objectives: SeedRecord[] = [];
  readonly strategies: SeedRecord[] = [];
  readonly actions: SeedRecord[] = [];
  private readonly context: ObjectiveContext;

  constructor(context: ObjectiveContext) {
    this.context = context;
  }

  addPlan(plan: PlanModel): void {
    const { random } = this.context;
    const owners = ownerOf(this.context, plan);
    const templates = random.sample(OBJECTIVES, plan.isCurrent ? random.int(2, 4) : random.int(2, 3));
    templates.forEach((template, index) => {
      const center: BuyingCenterModel | null =
        template.perCenter || random.chance(0.3) ? random.pick(plan.buyingCenters) : null;
      this.addObjective(plan, template, center, `obj-${plan.key.slice('plan-'.length)}-${index + 1}`, owners);
    });
  }

  private addObjective(
    plan: PlanModel,
    template: ObjectiveTemplate,
    center: BuyingCenterModel | null,
    key: string,
    owners: OwnerOf
  ): void {
    const { random, anchor } = this.context;
    const start = yearStart(plan.year);
    const end = yearEnd(plan.year);
    const competitor = random.pick(
      center !== null && center.entrenched.length > 0 ? center.entrenched : plan.competitors
    );
    const fill: Fill = {
      center: center?.name ?? plan.account.name,
      share: center === null ? 0 : Math.round((100 * center.ourRevenue) / center.wallet),
      competitor: competitor.name,
      year: plan.year
    };
    const measure = template.measure(random, fill);
    const due = random.int(start + 90, end);
    const status = objectiveStatus(random, plan, due, anchor);
    this.objectives.push(
      externalIdRecord(
        key,
        {
          Name: fit(measure.name, 80),
          Description__c: template.description,
          Success_Metric__c: measure.metric,
          Target_Value__c: measure.target,
          Current_Value__c: currentValue(random, measure, status),
          Due_Date__c: formatDay(due),
          Status__c: status
        },
        {
          Account_Plan__c: ref('Account_Plan__c', plan.key),
          Buying_Center__c: optionalRef('Buying_Center__c', center?.key)
        }
      )
    );
    let actionNumber = 0;
    random.sample(template.strategies, random.int(1, template.strategies.length)).forEach((strategy, s) => {
      const strategyKey = `str-${key.slice('obj-'.length)}-${s + 1}`;
      this.strategies.push(
        externalIdRecord(
          strategyKey,
          {
            Name: fit(strategy.name, 80),
            Description__c: strategy.description,
            Status__c: strategyStatus(random, plan)
          },
          { Account_Objective__c: ref('Account_Objective__c', key) }
        )
      );
      for (const action of random.sample(strategy.actions, random.int(2, strategy.actions.length))) {
        actionNumber++;
        const actionDue = random.int(start + 14, due);
        const state = actionState(random, plan, actionDue, anchor);
        this.actions.push(
          externalIdRecord(
            `act-${key.slice('obj-'.length)}-${actionNumber}`,
            {
              Name: fit(action.name, 80),
              Description__c: action.description,
              Owning_Team__c: action.team,
              Status__c: state.status,
              Due_Date__c: formatDay(actionDue),
              Completed_Date__c: state.completed === undefined ? undefined : formatDay(state.completed)
            },
            {
              Account_Objective__c: ref('Account_Objective__c', key),
              Account_Strategy__c: ref('Account_Strategy__c', strategyKey),
              Action_Owner__c: optionalRef('User', owners(action.team))
            }
          )
        );
      }
    });
  }
}

export interface GeneratedObjectives {
  objectives: SeedObject;
  strategies: SeedObject;
  actions: SeedObject;
}

export function generateObjectives(
  context: ObjectiveContext,
  plans: readonly PlanModel[]
): GeneratedObjectives {
  const builder = new ObjectiveBuilder(context);
  for (const plan of plans) builder.addPlan(plan);
  return {
    objectives: externalIdObject('Account_Objective__c', builder.objectives),
    strategies: externalIdObject('Account_Strategy__c', builder.strategies),
    actions: externalIdObject('Account_Action__c', builder.actions)
  };
}
