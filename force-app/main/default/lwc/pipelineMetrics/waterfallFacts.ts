/**
 * The pipeline change waterfall: each deal's state at the two days, read back from its history, puts it in one
 * category. Amounts are summed in whole cents, so start + new + pulled in + increased − won − decreased − pushed out
 * − lost = end holds exactly, whatever the number of deals.
 */
import type { Calendar } from './calendar';
import { formatDay, requireDay } from './dates';
import type { Tally, WaterfallFacts } from './factTypes';
import type { DealHistory, DealNow, DealState } from './history';
import type { StageModel } from './stageModel';
import { emptyTally } from './tally';
import type { Deal } from './types';

type Category = Exclude<keyof WaterfallFacts, 'from' | 'to'>;

/** Where a deal stood on a day: in the period's open pipeline (its amount in cents), closed, or elsewhere. */
type Standing = number | 'won' | 'lost' | 'out';

export class WaterfallCollector {
  private readonly model: StageModel;
  private readonly calendar: Calendar;
  private readonly from: number;
  private readonly to: number;
  /** The state being read, reused from deal to deal. */
  private readonly state: DealState = { stage: -1, amount: null, closeDay: 0 };
  /** Deals and cents per category. */
  private readonly cents: Record<Category, Tally> = {
    start: emptyTally(),
    new: emptyTally(),
    pulledIn: emptyTally(),
    increased: emptyTally(),
    won: emptyTally(),
    decreased: emptyTally(),
    pushedOut: emptyTally(),
    lost: emptyTally(),
    end: emptyTally()
  };

  constructor(model: StageModel, calendar: Calendar, days: { from: string; to: string }) {
    this.model = model;
    this.calendar = calendar;
    this.from = requireDay(days.from, 'waterfall.from');
    this.to = requireDay(days.to, 'waterfall.to');
    if (this.to < this.from) {
      throw new RangeError(`the waterfall ends (${days.to}) before it starts (${days.from})`);
    }
  }

  add(deal: Deal, now: DealNow, history: DealHistory): void {
    // Without a change after `from`, the deal stood then as it stands now: a closed deal is in neither pipeline.
    const settled = history.lastDay() <= this.from;
    if (now.createdDay > this.to || (settled && deal.isClosed)) {
      return;
    }
    const end = this.standing(deal, now, history, this.to);
    const start =
      now.createdDay > this.from ? null : settled ? end : this.standing(deal, now, history, this.from);
    if (typeof start === 'number' && typeof end === 'number') {
      this.count('start', start);
      this.count('end', end);
      if (end !== start) {
        this.count(end > start ? 'increased' : 'decreased', Math.abs(end - start));
      }
    } else if (typeof start === 'number') {
      this.count('start', start);
      this.count(end === 'won' || end === 'lost' ? end : 'pushedOut', start);
    } else if (typeof end === 'number') {
      this.count(start === null ? 'new' : 'pulledIn', end);
      this.count('end', end);
    }
  }

  facts(): WaterfallFacts {
    const tally = (category: Category): Tally => ({
      count: this.cents[category].count,
      value: this.cents[category].value / 100
    });
    return {
      from: formatDay(this.from),
      to: formatDay(this.to),
      start: tally('start'),
      new: tally('new'),
      pulledIn: tally('pulledIn'),
      increased: tally('increased'),
      won: tally('won'),
      decreased: tally('decreased'),
      pushedOut: tally('pushedOut'),
      lost: tally('lost'),
      end: tally('end')
    };
  }

  /** A stage the org does not list is read from the deal when it is the deal's current stage, else as open. */
  private standing(deal: Deal, now: DealNow, history: DealHistory, day: number): Standing {
    const state = history.stateAt(now, day, this.state);
    const stage = this.model.stages[state.stage];
    const current = state.stage === now.stage;
    const isClosed = stage ? stage.isClosed : current && deal.isClosed;
    if (isClosed) {
      return (stage ? stage.isWon : deal.isWon) ? 'won' : 'lost';
    }
    return this.calendar.inPeriod(state.closeDay) ? Math.round((state.amount ?? 0) * 100) : 'out';
  }

  private count(category: Category, cents: number): void {
    this.cents[category].count++;
    this.cents[category].value += cents;
  }
}
