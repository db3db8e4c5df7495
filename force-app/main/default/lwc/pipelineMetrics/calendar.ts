/**
 * The days the facts are built around, as UTC day numbers: today, the lookback window and the period.
 */
import { requireDay } from './dates';
import type { Period } from './types';

export class Calendar {
  readonly today: number;
  /** First day of the lookback window, which ends today: `lookbackDays` days in all. */
  readonly windowStart: number;
  readonly periodStart: number;
  readonly periodEnd: number;

  constructor(today: string, period: Period, lookbackDays: number) {
    if (!Number.isInteger(lookbackDays) || lookbackDays < 1) {
      throw new RangeError(`lookbackDays must be a whole number of days, at least 1: ${lookbackDays}`);
    }
    this.today = requireDay(today, 'today');
    this.windowStart = this.today - lookbackDays + 1;
    this.periodStart = requireDay(period.start, 'period.start');
    this.periodEnd = requireDay(period.end, 'period.end');
    if (this.periodEnd < this.periodStart) {
      throw new RangeError(`the period ends (${period.end}) before it starts (${period.start})`);
    }
  }

  inPeriod(day: number): boolean {
    return day >= this.periodStart && day <= this.periodEnd;
  }

  /** Whether a day falls in the lookback window. */
  inWindow(day: number): boolean {
    return day >= this.windowStart && day <= this.today;
  }
}
