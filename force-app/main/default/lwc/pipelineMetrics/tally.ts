/**
 * Small building blocks of the facts: tallies, deal references, level histograms and capped, ordered deal lists.
 */
import type { DealRef, FlaggedDeal, GradedFacts, RuleFacts, Tally } from './factTypes';
import type { Deal } from './types';

export function emptyTally(): Tally {
  return { count: 0, value: 0 };
}

/** Counts a deal and adds its amount (a missing amount adds nothing). */
export function addDeal(tally: Tally, amount: number | null): void {
  tally.count++;
  tally.value += amount ?? 0;
}

export function dealRef(deal: Deal): DealRef {
  const { id, name, accountId, ownerId, stageName, amount, closeDate, nextStep } = deal;
  return { id, name, accountId, ownerId, stageName, amount, closeDate, nextStep };
}

export function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** Largest amount first (a missing amount last), then by id: the same order every time. */
export function largestFirst(a: DealRef, b: DealRef): number {
  return (b.amount ?? -Infinity) - (a.amount ?? -Infinity) || compareText(a.id, b.id);
}

/**
 * The first `cap` items in an order, kept as they are offered: an item that does not beat the last kept one costs
 * one comparison, so picking 25 deals out of 50,000 never sorts the 50,000.
 */
export class TopList<T> {
  private readonly cap: number;
  private readonly compare: (a: T, b: T) => number;
  private readonly kept: T[] = [];

  constructor(cap: number, compare: (a: T, b: T) => number) {
    this.cap = cap;
    this.compare = compare;
  }

  offer(item: T): void {
    const kept = this.kept;
    if (kept.length === this.cap && (this.cap === 0 || this.compare(item, kept[kept.length - 1] as T) >= 0)) {
      return;
    }
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.compare(item, kept[middle] as T) < 0) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    kept.splice(low, 0, item);
    if (kept.length > this.cap) {
      kept.pop();
    }
  }

  /** The last item kept once the list is full (what a newcomer must beat); undefined before. */
  lastWhenFull(): T | undefined {
    return this.kept.length === this.cap ? this.kept[this.cap - 1] : undefined;
  }

  items(): T[] {
    return [...this.kept];
  }
}

/** A deal picked by a rule, before the list is capped. */
interface Candidate {
  deal: Deal;
  level: number | null;
  source: FlaggedDeal['source'];
}

/** Highest level first, then largest amount, then earliest close date, then id. */
function ruleOrder(a: Candidate, b: Candidate): number {
  return (
    (b.level ?? 0) - (a.level ?? 0) ||
    (b.deal.amount ?? -Infinity) - (a.deal.amount ?? -Infinity) ||
    compareText(a.deal.closeDate, b.deal.closeDate) ||
    compareText(a.deal.id, b.deal.id)
  );
}

/** Offers a deal to a rule's list, unless its level alone keeps it out (the list orders by level first). */
function offerCandidate(top: TopList<Candidate>, candidate: Candidate): void {
  const last = top.lastWhenFull();
  if (last === undefined || (last.level ?? 0) <= (candidate.level ?? 0)) {
    top.offer(candidate);
  }
}

function flagged({ deal, level, source }: Candidate): FlaggedDeal {
  return { ...dealRef(deal), level, source };
}

/** Collects the deals of a rule without threshold: all counted, the first `cap` in rule order listed. */
export class RuleCollector {
  private readonly tally = emptyTally();
  private readonly top: TopList<Candidate>;

  constructor(cap: number) {
    this.top = new TopList(cap, ruleOrder);
  }

  add(deal: Deal, level: number | null = null): void {
    addDeal(this.tally, deal.amount);
    offerCandidate(this.top, { deal, level, source: null });
  }

  facts(): RuleFacts {
    return { ...this.tally, deals: this.top.items().map(flagged) };
  }
}

/** Collects the deals of a graded rule: a count and value per level, and the first `cap` in rule order. */
export class GradedCollector {
  private readonly byLevel = new Map<number, Tally>();
  private readonly top: TopList<Candidate>;

  constructor(cap: number) {
    this.top = new TopList(cap, ruleOrder);
  }

  add(deal: Deal, level: number, source: FlaggedDeal['source'] = null): void {
    let tally = this.byLevel.get(level);
    if (!tally) {
      tally = emptyTally();
      this.byLevel.set(level, tally);
    }
    addDeal(tally, deal.amount);
    offerCandidate(this.top, { deal, level, source });
  }

  facts(): GradedFacts {
    return {
      levels: [...this.byLevel]
        .sort(([a], [b]) => a - b)
        .map(([level, { count, value }]) => [level, count, value]),
      deals: this.top.items().map(flagged)
    };
  }
}
