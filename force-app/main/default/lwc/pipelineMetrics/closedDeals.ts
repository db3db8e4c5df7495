/**
 * Closed deals: won and lost in the lookback window (by close date), won in the period, and the length of each
 * won deal's cycle in whole days from creation to close.
 */
import type { Calendar } from './calendar';
import type { ClosedDealsFacts } from './factTypes';
import { addDeal, emptyTally } from './tally';
import type { Deal } from './types';

export class ClosedDealsCollector {
  private readonly calendar: Calendar;
  private readonly won = emptyTally();
  private readonly lost = emptyTally();
  private readonly wonInPeriod = emptyTally();
  private readonly cycles = new Map<number, number>();
  private wonWithAmount = 0;

  constructor(calendar: Calendar) {
    this.calendar = calendar;
  }

  /**
   * A closed deal. It belongs to the window when its close date is on or after the window's first day; a close
   * date after today (a deal closed ahead of its date) still makes it history.
   */
  add(deal: Deal, closeDay: number, createdDay: number): void {
    if (deal.isWon && this.calendar.inPeriod(closeDay)) {
      addDeal(this.wonInPeriod, deal.amount);
    }
    if (closeDay < this.calendar.windowStart) {
      return;
    }
    if (!deal.isWon) {
      addDeal(this.lost, deal.amount);
      return;
    }
    addDeal(this.won, deal.amount);
    this.wonWithAmount += deal.amount === null ? 0 : 1;
    const cycle = Math.max(0, closeDay - createdDay);
    this.cycles.set(cycle, (this.cycles.get(cycle) ?? 0) + 1);
  }

  facts(): ClosedDealsFacts {
    return {
      won: this.won,
      lost: this.lost,
      wonWithAmount: this.wonWithAmount,
      wonInPeriod: this.wonInPeriod,
      cycleDays: [...this.cycles].sort(([a], [b]) => a - b)
    };
  }
}
