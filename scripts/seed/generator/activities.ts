/**
 * Tasks and events. Nothing references an activity, so activities take whatever the dataset's record budget leaves:
 * the budget is spread over deals (more on open and larger deals), accounts and plan reviews. Most activities lie in
 * the past; open deals also have follow-ups scheduled in the next weeks, except the stale ones, whose last activity
 * is weeks old. Each activity is about a deal, an account or a plan (WhatId) and usually a contact of that account
 * (WhoId), and is owned by the deal's or account's owner.
 */
import { formatDateTime, formatDay, type Day } from './dates';
import type { AccountModel, ContactModel, OpportunityModel, PlanModel } from './model';
import { externalIdObject, externalIdRecord, optionalRef, pad, ref } from './records';
import { weights, type Random } from './random';
import { phaseAt, progress, type SalesPhase, type StageModel } from './stages';
import type { SeedObject, SeedRecord, SeedReference } from './types';

type Topic = SalesPhase | 'won' | 'account';

const TOPICS: Record<Topic, string[]> = {
  early: [
    'discovery follow-up',
    'current reporting landscape',
    'project timeline and budget',
    'introduction to the platform',
    'who else is involved in the decision'
  ],
  middle: [
    'demo feedback',
    'proof of value success criteria',
    'integration requirements',
    'business case inputs',
    'reference call arrangements'
  ],
  late: [
    'proposal questions',
    'pricing and discount approval',
    'contract redlines',
    'security questionnaire',
    'implementation start date'
  ],
  won: ['kick-off planning', 'onboarding and training plan', 'success plan for the first 90 days'],
  account: [
    'quarterly business review',
    'renewal check-in',
    'new release briefing',
    'customer advisory board invitation',
    'executive briefing follow-up'
  ]
};

const TASK_KINDS = weights<'Call' | 'Email' | 'Other'>(['Call', 45], ['Email', 35], ['Other', 20]);
const PRIORITIES = weights(['High', 20], ['Normal', 65], ['Low', 15]);
const EVENT_FORMATS = ['Meeting', 'Workshop', 'Video call'];
const DURATIONS = [30, 60, 60, 90, 120];
const EVENT_SHARE = 0.4;
const NO_CONTACT_SHARE = 0.1;

/** What a set of activities is about, and how many it gets. */
interface Subject {
  account: AccountModel;
  what: SeedReference;
  ownerKey: string;
  /** The topic of an activity on `day`. */
  topicOn: (day: Day) => Topic;
  /** Contacts to pick the activity's contact from (the deal's first). */
  people: readonly ContactModel[];
  /** Range of days for past activities, and the last day of scheduled ones (null: none scheduled). */
  firstDay: Day;
  lastPastDay: Day;
  lastScheduledDay: Day | null;
  /** A deal someone is working on: its first activity falls within the last RECENT_DAYS days. */
  workedOn: boolean;
  weight: number;
}

/** A deal worked on had an activity in the last three weeks. */
const RECENT_DAYS = 21;

export interface ActivityContext {
  random: Random;
  anchor: Day;
  stages: StageModel;
  contactsByAccount: ReadonlyMap<string, ContactModel[]>;
}

/**
 * Topics follow the deal: early topics at its start, late ones near its current stage (the close, for a closed deal),
 * onboarding after a win.
 */
function dealTopics(context: ActivityContext, opportunity: OpportunityModel): (day: Day) => Topic {
  const reached = opportunity.outcome === 'open' ? progress(context.stages, opportunity.stage) : 1;
  const span = Math.max(1, opportunity.lastTouchedDay - opportunity.createdDay);
  return (day) => {
    if (opportunity.outcome === 'won' && day > opportunity.closeDay) return 'won';
    const elapsed = Math.min(1, Math.max(0, (day - opportunity.createdDay) / span));
    return phaseAt(elapsed * reached);
  };
}

function dealSubject(context: ActivityContext, opportunity: OpportunityModel): Subject {
  const { anchor, stages } = context;
  const size = opportunity.band === 'rock' ? 2 : opportunity.band === 'stone' ? 1.4 : 1;
  const accountContacts = context.contactsByAccount.get(opportunity.account.key) ?? [];
  const base = {
    account: opportunity.account,
    what: ref('Opportunity', opportunity.key),
    ownerKey: opportunity.ownerKey,
    people: opportunity.contacts.length > 0 ? opportunity.contacts : accountContacts,
    firstDay: opportunity.createdDay,
    topicOn: dealTopics(context, opportunity)
  };
  if (opportunity.outcome === 'open') {
    if (opportunity.stale) {
      const lastPastDay = opportunity.lastTouchedDay;
      return { ...base, lastPastDay, lastScheduledDay: null, workedOn: false, weight: 2 * size };
    }
    const weight = (3 + 4 * progress(stages, opportunity.stage)) * size;
    return { ...base, lastPastDay: anchor - 1, lastScheduledDay: anchor + 30, workedOn: true, weight };
  }
  const won = opportunity.outcome === 'won';
  return {
    ...base,
    lastPastDay: won ? Math.min(opportunity.closeDay + 30, anchor - 1) : opportunity.closeDay,
    lastScheduledDay: null,
    workedOn: false,
    weight: (won ? 3 : 2) * size
  };
}

function accountSubject(context: ActivityContext, account: AccountModel): Subject {
  return {
    account,
    what: ref('Account', account.key),
    ownerKey: account.ownerKey,
    topicOn: () => 'account',
    people: context.contactsByAccount.get(account.key) ?? [],
    firstDay: context.anchor - 365,
    lastPastDay: context.anchor - 1,
    lastScheduledDay: context.anchor + 21,
    workedOn: false,
    weight: account.segment === 'key' ? 6 : 1.5
  };
}

/** Largest-remainder split of `total` in proportion to `weights`. */
function apportion(total: number, weightsOf: readonly number[]): number[] {
  const sum = weightsOf.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weightsOf.map(() => 0);
  const exact = weightsOf.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, index) => ({ index, rest: value - Math.floor(value) }));
  byRemainder.sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left-- <= 0) break;
    counts[index] = (counts[index] as number) + 1;
  }
  return counts;
}

class ActivityBuilder {
  readonly tasks: SeedRecord[] = [];
  readonly events: SeedRecord[] = [];
  private readonly sequence = new Map<string, number>();
  private readonly context: ActivityContext;

  constructor(context: ActivityContext) {
    this.context = context;
  }

  private nextKey(kind: 'task' | 'event', account: AccountModel): string {
    const counter = `${kind}|${account.key}`;
    const n = (this.sequence.get(counter) ?? 0) + 1;
    this.sequence.set(counter, n);
    return `${kind}-${pad(account.number, 4)}-${pad(n, 4)}`;
  }

  addFor(subject: Subject, count: number): void {
    const { random, anchor } = this.context;
    for (let i = 0; i < count; i++) {
      const first = Math.min(subject.firstDay, subject.lastPastDay);
      const recent = i === 0 && subject.workedOn;
      const scheduled = !recent && subject.lastScheduledDay !== null && random.chance(0.15);
      const day = scheduled
        ? random.int(anchor, subject.lastScheduledDay as Day)
        : random.int(
            recent ? Math.max(first, subject.lastPastDay - RECENT_DAYS) : first,
            subject.lastPastDay
          );
      const who =
        subject.people.length > 0 && !random.chance(NO_CONTACT_SHARE) ? random.pick(subject.people) : null;
      const topic = random.pick(TOPICS[subject.topicOn(day)]);
      if (random.chance(EVENT_SHARE)) this.addEvent(subject, day, who, topic);
      else this.addTask(subject, day, who, topic);
    }
  }

  private addTask(subject: Subject, day: Day, who: ContactModel | null, topic: string): void {
    const { random, anchor } = this.context;
    const kind = random.weighted(TASK_KINDS);
    const status =
      day < anchor
        ? random.weighted(
            weights(['Completed', 88], ['Not Started', 6], ['In Progress', 4], ['Waiting on someone else', 2])
          )
        : random.weighted(weights(['Not Started', 70], ['In Progress', 20], ['Waiting on someone else', 10]));
    const subjectLine = kind === 'Other' ? `Follow up: ${topic}` : `${kind}: ${topic}`;
    this.tasks.push(
      externalIdRecord(
        this.nextKey('task', subject.account),
        {
          Subject: withWhom(subjectLine, who),
          ActivityDate: formatDay(day),
          Status: status,
          Priority: random.weighted(PRIORITIES),
          Type: kind,
          CallDurationInSeconds:
            kind === 'Call' && status === 'Completed' ? random.int(3, 45) * 60 : undefined
        },
        activityReferences(subject, who)
      )
    );
  }

  private addEvent(subject: Subject, day: Day, who: ContactModel | null, topic: string): void {
    const { random } = this.context;
    const format = random.pick(EVENT_FORMATS);
    const location =
      format === 'Video call'
        ? 'Video call'
        : random.chance(0.75)
          ? `${subject.account.place.city} office`
          : 'Our office';
    this.events.push(
      externalIdRecord(
        this.nextKey('event', subject.account),
        {
          Subject: withWhom(`${format}: ${topic}`, who),
          ActivityDateTime: formatDateTime(day, random.int(16, 34) * 30),
          ActivityDate: formatDay(day),
          DurationInMinutes: random.pick(DURATIONS),
          Location: location,
          Type: 'Meeting'
        },
        activityReferences(subject, who)
      )
    );
  }

  /** A review meeting on the plan itself, on its last and next review dates. */
  addPlanReviews(plan: PlanModel): void {
    const { random } = this.context;
    for (const day of [plan.lastReviewedDay, plan.nextReviewDay]) {
      if (day === null) continue;
      this.events.push(
        externalIdRecord(
          this.nextKey('event', plan.account),
          {
            Subject: `Account plan review FY${plan.year}`,
            ActivityDateTime: formatDateTime(day, random.int(16, 30) * 30),
            ActivityDate: formatDay(day),
            DurationInMinutes: 90,
            Location: 'Video call',
            Type: 'Meeting'
          },
          { WhatId: ref('Account_Plan__c', plan.key), OwnerId: ref('User', plan.ownerKey) }
        )
      );
    }
  }
}

function withWhom(line: string, who: ContactModel | null): string {
  return who === null ? capitalise(line) : `${capitalise(line)} (${who.firstName} ${who.lastName})`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function activityReferences(
  subject: Subject,
  who: ContactModel | null
): Record<string, SeedReference | undefined> {
  return {
    WhatId: subject.what,
    WhoId: optionalRef('Contact', who?.key),
    OwnerId: ref('User', subject.ownerKey)
  };
}

export interface GeneratedActivities {
  tasks: SeedObject;
  events: SeedObject;
}

/** Exactly `budget` activities (none when the budget is zero or less), plan reviews first. */
export function generateActivities(
  context: ActivityContext,
  accounts: readonly AccountModel[],
  opportunitiesByAccount: ReadonlyMap<string, OpportunityModel[]>,
  currentPlans: readonly PlanModel[],
  budget: number
): GeneratedActivities {
  const builder = new ActivityBuilder(context);
  for (const plan of currentPlans) {
    if (builder.events.length + 2 <= budget) builder.addPlanReviews(plan);
  }
  const subjects = accounts.flatMap((account) => [
    accountSubject(context, account),
    ...(opportunitiesByAccount.get(account.key) ?? []).map((o) => dealSubject(context, o))
  ]);
  const counts = apportion(
    budget - builder.events.length,
    subjects.map((s) => s.weight)
  );
  subjects.forEach((subject, index) => builder.addFor(subject, counts[index] ?? 0));
  return {
    tasks: externalIdObject('Task', builder.tasks),
    events: externalIdObject('Event', builder.events)
  };
}
