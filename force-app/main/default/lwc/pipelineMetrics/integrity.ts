/**
 * Data integrity: the open deals each rule flags, with the reason in words. The rules:
 * - past close date: the close date is before today;
 * - pushed: the close date moved to a later month `pushLimit` times or more;
 * - stale: no activity for longer than `staleCycleShare` (⅔) of the typical cycle, the median won cycle, or
 *   `fallbackCycleDays` when history gives none (a deal with no activity counts from its creation);
 * - no next step; missing amount;
 * - probability mismatch: the probability is more than `probabilityTolerance` points from the stage's default.
 */
import type { FlaggedDeal, GradedFacts, PipelineFacts, RuleFacts } from './factTypes';
import { cycleLength } from './salesPerformance';
import type { MetricSettings } from './settings';

export type IntegrityRule =
  'past-close-date' | 'pushed' | 'stale' | 'no-next-step' | 'missing-amount' | 'probability-mismatch';

/** A flagged deal with what the rule measured (days overdue, pushes, idle days, probability gap) and why. */
export interface FlaggedDealResult extends FlaggedDeal {
  reason: string;
}

export interface IntegrityRuleResult {
  rule: IntegrityRule;
  label: string;
  count: number;
  value: number;
  /** The flagged deals the facts list, most serious first. */
  deals: FlaggedDealResult[];
  /** More deals are flagged than listed. */
  truncated: boolean;
}

export interface StaleLimit {
  /** Median days from creation to close of won deals, or the fallback setting. */
  typicalCycleDays: number;
  source: 'history' | 'setting';
  /** Idle days beyond which a deal is stale. */
  limitDays: number;
}

export interface IntegrityResult {
  rules: IntegrityRuleResult[];
  staleLimit: StaleLimit;
}

export function dataIntegrity(facts: PipelineFacts, settings: MetricSettings): IntegrityResult {
  const { integrity } = facts;
  const staleLimit = staleLimitOf(facts, settings);
  const defaults = new Map(facts.stages.map((stage) => [stage.apiName, stage]));
  const limit = Math.round(staleLimit.limitDays);
  return {
    staleLimit,
    rules: [
      ruleResult(
        'past-close-date',
        'Close date in the past',
        integrity.pastCloseDate,
        (deal) => `Close date ${deal.closeDate} passed ${days(deal.level ?? 0)} ago.`
      ),
      gradedResult(
        'pushed',
        `Close date pushed ${settings.pushLimit}+ times`,
        integrity.pushes,
        (level) => level >= settings.pushLimit,
        (deal) =>
          `Close date pushed to a later month ${times(deal.level ?? 0)} (from ` +
          `${deal.source === 'PushCount' ? 'PushCount' : 'the change history'}).`
      ),
      gradedResult(
        'stale',
        'No recent activity',
        integrity.idleDays,
        (level) => level > staleLimit.limitDays,
        (deal) =>
          `No activity for ${days(deal.level ?? 0)}` +
          `${deal.source === 'createdDate' ? ' (none since it was created)' : ''}; the limit is ${days(limit)}.`
      ),
      ruleResult('no-next-step', 'No next step', integrity.noNextStep, () => 'No next step.'),
      ruleResult('missing-amount', 'No amount', integrity.missingAmount, () => 'No amount.'),
      gradedResult(
        'probability-mismatch',
        'Probability does not match the stage',
        integrity.probabilityGap,
        (level) => level > settings.probabilityTolerance,
        (deal) => {
          const stage = defaults.get(deal.stageName);
          return (
            `Probability is ${deal.level ?? 0} points from the ${stage?.defaultProbability ?? 0}% default of ` +
            `${stage?.label ?? deal.stageName}.`
          );
        }
      )
    ]
  };
}

function staleLimitOf(facts: PipelineFacts, settings: MetricSettings): StaleLimit {
  const cycle = cycleLength(facts, settings);
  const typicalCycleDays = cycle.value ? cycle.value.median : settings.fallbackCycleDays;
  return {
    typicalCycleDays,
    source: cycle.value ? 'history' : 'setting',
    limitDays: typicalCycleDays * settings.staleCycleShare
  };
}

function ruleResult(
  rule: IntegrityRule,
  label: string,
  facts: RuleFacts,
  reason: (deal: FlaggedDeal) => string
): IntegrityRuleResult {
  return {
    rule,
    label,
    count: facts.count,
    value: facts.value,
    deals: facts.deals.map((deal) => withReason(deal, reason)),
    truncated: facts.count > facts.deals.length
  };
}

/** A graded rule under a threshold: the counts of the levels that pass it, and the listed deals that do. */
function gradedResult(
  rule: IntegrityRule,
  label: string,
  facts: GradedFacts,
  flagged: (level: number) => boolean,
  reason: (deal: FlaggedDeal) => string
): IntegrityRuleResult {
  let count = 0;
  let value = 0;
  for (const [level, deals, amount] of facts.levels) {
    if (flagged(level)) {
      count += deals;
      value += amount;
    }
  }
  const deals = facts.deals
    .filter((deal) => flagged(deal.level ?? 0))
    .map((deal) => withReason(deal, reason));
  return { rule, label, count, value, deals, truncated: count > deals.length };
}

function withReason(deal: FlaggedDeal, reason: (deal: FlaggedDeal) => string): FlaggedDealResult {
  return { ...deal, reason: reason(deal) };
}

function days(count: number): string {
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

function times(count: number): string {
  return count === 1 ? 'once' : `${count} times`;
}
