/**
 * How deals flowed through the stages, from their replayed stays: time spent in each stage by the stays that ended
 * in the window, the outcome of closed deals that passed through each stage, and entry cohorts.
 *
 * A deal "reached" a stage when it was seen in it: a deal that skipped a stage never added to the value standing
 * in it, which is what the Pipeline Value Factor measures. Closed deals without history reached no open stage.
 */
import type { Calendar } from './calendar';
import { formatMonth, monthIndex } from './dates';
import type { CohortFacts, StageFacts } from './factTypes';
import type { StayList } from './history';
import type { StageModel } from './stageModel';
import { addDeal } from './tally';
import type { Deal } from './types';

export class StageFlowCollector {
  /** Whether the stage at each position is open. */
  private readonly isOpen: readonly boolean[];
  private readonly calendar: Calendar;
  /** The stage facts whose exits, outcomes and cohorts this collector fills (by position). */
  private readonly stages: readonly StageFacts[];
  /** Each stage's cohorts by month number, until `finish` lists them. */
  private readonly cohorts: Map<number, CohortFacts>[];

  constructor(model: StageModel, calendar: Calendar, stages: readonly StageFacts[]) {
    this.isOpen = model.stages.map((stage) => !stage.isClosed);
    this.calendar = calendar;
    this.stages = stages;
    this.cohorts = stages.map(() => new Map<number, CohortFacts>());
  }

  add(deal: Deal, closeDay: number, stays: StayList): void {
    const amount = deal.amount ?? 0;
    const closedInWindow = deal.isClosed && closeDay >= this.calendar.windowStart;
    // Stays are in time order: when the last one began before the window, every entry and exit came before it.
    if (!closedInWindow && (stays.enter[stays.count - 1] ?? 0) < this.calendar.windowStart) {
      return;
    }
    for (let index = 0; index < stays.count; index++) {
      const position = this.openPosition(stays, index);
      const flow = this.stages[position];
      const cohorts = this.cohorts[position];
      if (!flow || !cohorts) {
        continue;
      }
      const enter = stays.enter[index] ?? 0;
      const exit = stays.exit[index] ?? Number.NaN;
      if (this.calendar.inWindow(exit)) {
        const days = exit - enter;
        flow.exits.count++;
        flow.exits.days += days;
        flow.exits.value += amount;
        flow.exits.valueDays += amount * days;
      }
      if (!this.isFirstStay(stays, index, position)) {
        continue;
      }
      if (closedInWindow) {
        addDeal(deal.isWon ? flow.reached.won : flow.reached.lost, deal.amount);
      }
      if (this.calendar.inWindow(enter)) {
        this.countEntry(cohorts, monthIndex(enter), deal, this.advancedAfter(stays, index, position));
      }
    }
  }

  /** Lists each stage's cohorts, oldest month first. */
  finish(): void {
    this.stages.forEach((stage, position) => {
      stage.cohorts = [...(this.cohorts[position] ?? [])]
        .sort(([a], [b]) => a - b)
        .map(([, cohort]) => cohort);
    });
  }

  /** The position of the stay's stage when it is an open stage of the org; -1 otherwise. */
  private openPosition(stays: StayList, index: number): number {
    const stage = stays.stage[index] ?? -1;
    return this.isOpen[stage] === true ? stage : -1;
  }

  private isFirstStay(stays: StayList, index: number, position: number): boolean {
    for (let earlier = 0; earlier < index; earlier++) {
      if (this.openPosition(stays, earlier) === position) {
        return false;
      }
    }
    return true;
  }

  /** Whether a later stay is in a further open stage. */
  private advancedAfter(stays: StayList, index: number, position: number): boolean {
    for (let later = index + 1; later < stays.count; later++) {
      if (this.openPosition(stays, later) > position) {
        return true;
      }
    }
    return false;
  }

  private countEntry(cohorts: Map<number, CohortFacts>, month: number, deal: Deal, advanced: boolean): void {
    let cohort = cohorts.get(month);
    if (!cohort) {
      cohort = { month: formatMonth(month), entered: 0, advanced: 0, won: 0, lost: 0, open: 0 };
      cohorts.set(month, cohort);
    }
    cohort.entered++;
    cohort.advanced += advanced ? 1 : 0;
    if (!deal.isClosed) {
      cohort.open++;
    } else if (deal.isWon) {
      cohort.won++;
    } else {
      cohort.lost++;
    }
  }
}
