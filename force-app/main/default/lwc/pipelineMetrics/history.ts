/**
 * The deals' pasts, from their dated changes: the changes grouped by deal, and each deal's replay — the stages it
 * stayed in and for how long, how often its close date moved to a later month, and its stage, amount and close
 * date on any past day.
 *
 * How a row is read (see `DealChange`): a row with a stage and no previous stage is the deal's creation, which sets
 * its first stage and only records its amount and close date; any other row changes a field when the value after
 * differs from the value before (a close date, which is required, changes only from one date to another). Rows are
 * applied in time order to the state replayed so far, so a change reported twice (by the platform's history and by
 * the package's records) is applied once.
 *
 * Layout. Rows arrive in any order, and reading each deal's rows from the row objects would jump across memory
 * 250,000 times. Instead the rows are read twice in the order they arrived: once to count each deal's rows, once to
 * write each row's numbers into a record (eight numbers, one cache line) in its deal's run of slots. A deal's
 * records are then contiguous; they are put in time order when the deal is read, rows of the same time keeping the
 * order they arrived in. Stages are numbered: the org's stages by their position in the sales process, any other
 * name a row or a deal carries (an inactive or renamed stage) after them. A missing stage is -1, a missing amount or
 * close date NaN; an unreadable close date counts as missing.
 */
import { MS_PER_DAY, monthIndex, parseDay, parseOptionalDay, parseTimestamp } from './dates';
import type { StageModel } from './stageModel';
import type { Deal, DealChange } from './types';

/** A deal as it is now, with its stage number and the days every rule reads. */
export interface DealNow {
  deal: Deal;
  stage: number;
  closeDay: number;
  /**
   * The day the deal was created: the day of its `createdDate`, or of its oldest change when that is earlier (see
   * `Deal.createdDate`). Never after the deal's first change.
   */
  createdDay: number;
}

/**
 * A deal's stays in stages, oldest first: the i-th stay is in stage `stage[i]`, entered on day `enter[i]` and left
 * on day `exit[i]` (NaN: still there, or unknown). One list serves every deal: replaying a deal refills it, so that
 * 50,000 replays allocate nothing.
 */
export class StayList {
  count = 0;
  stage = new Int32Array(16);
  enter = new Float64Array(16);
  exit = new Float64Array(16);

  push(stage: number, enter: number, exit: number): void {
    if (this.count === this.stage.length) {
      this.stage = grown(this.stage, new Int32Array(this.count * 2));
      this.enter = grown(this.enter, new Float64Array(this.count * 2));
      this.exit = grown(this.exit, new Float64Array(this.count * 2));
    }
    this.stage[this.count] = stage;
    this.enter[this.count] = enter;
    this.exit[this.count] = exit;
    this.count++;
  }
}

function grown<T extends Int32Array | Float64Array>(values: T, larger: T): T {
  larger.set(values);
  return larger;
}

/** A deal's stage number, amount and close day on some day. */
export interface DealState {
  stage: number;
  amount: number | null;
  closeDay: number;
}

export interface ChangeTable {
  /** The history of the deal at a position of the deals list. */
  historyOf(deal: number): DealHistory;
  /** The number of a stage name (its position for an org stage). */
  stageNumber(name: string): number;
  /** Changes of deals that are not in scope, ignored. */
  readonly unmatched: number;
  /** Deals with at least one change. */
  readonly dealsWithChanges: number;
}

/* The record in slot s: records[s * FIELDS + field]. */
const TIME = 0;
const STAGE = 1;
const PREVIOUS_STAGE = 2;
const AMOUNT = 3;
const PREVIOUS_AMOUNT = 4;
const CLOSE_DAY = 5;
const PREVIOUS_CLOSE_DAY = 6;
/** UTC day of the change. */
const DAY = 7;
const FIELDS = 8;

/** Beyond this many rows a deal's history is sorted rather than put in order by insertion. */
const INSERTION_LIMIT = 32;

/** Two record values are the same, NaN (missing) included. */
function same(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** One deal's rows, oldest first, and its replay. */
export class DealHistory {
  private readonly records: Float64Array;
  /** `order[from] … order[to - 1]` are the slots of the deal's rows, oldest first. */
  private readonly order: Int32Array;
  private readonly from: number;
  private readonly to: number;

  constructor(records: Float64Array, order: Int32Array, from: number, to: number) {
    this.records = records;
    this.order = order;
    this.from = from;
    this.to = to;
  }

  /**
   * Replays the deal's stays into `stays`, oldest first. The deal starts, on the day it was created, in the stage
   * its first stage change left (or the one its creation row names). Without any stage change it has one stay, in
   * its current stage, entered when the platform last saw its stage change (`LastStageChangeDate`) or else when it
   * was created. When the replay does not end in the deal's current stage the history is incomplete: the deal moved
   * there on its `LastStageChangeDate` if that is known, and the time it left the replayed stage is otherwise
   * unknown.
   */
  replayStays(deal: DealNow, stays: StayList): void {
    stays.count = 0;
    let current = -1;
    let enter = deal.createdDay;
    for (let index = this.from; index < this.to; index++) {
      const base = this.baseAt(index);
      if (!this.changesStage(base)) {
        continue;
      }
      const stage = this.read(base, STAGE);
      if (current === -1) {
        const previous = this.read(base, PREVIOUS_STAGE);
        current = previous === -1 ? stage : previous;
      }
      if (stage !== current) {
        const day = this.dayOf(base);
        stays.push(current, enter, day);
        current = stage;
        enter = day;
      }
    }
    if (current === -1) {
      const lastChange = parseOptionalDay(deal.deal.lastStageChangeDate);
      const entered = lastChange !== null && lastChange > deal.createdDay ? lastChange : deal.createdDay;
      stays.push(deal.stage, entered, Number.NaN);
      return;
    }
    if (current !== deal.stage) {
      const lastChange = parseOptionalDay(deal.deal.lastStageChangeDate);
      const moved = lastChange !== null && lastChange >= enter ? lastChange : Number.NaN;
      stays.push(current, enter, moved);
      enter = Number.isNaN(moved) ? enter : moved;
    }
    stays.push(deal.stage, enter, Number.NaN);
  }

  /** Times the close date moved to a later calendar month, over the whole history (as `PushCount` counts them). */
  pushes(): number {
    let current = Number.NaN;
    let pushes = 0;
    for (let index = this.from; index < this.to; index++) {
      const base = this.baseAt(index);
      const after = this.read(base, CLOSE_DAY);
      if (!this.changesCloseDate(base) || after === current) {
        continue;
      }
      const before = Number.isNaN(current) ? this.read(base, PREVIOUS_CLOSE_DAY) : current;
      if (!Number.isNaN(before) && monthIndex(after) > monthIndex(before)) {
        pushes++;
      }
      current = after;
    }
    return pushes;
  }

  /**
   * The deal's stage, amount and close day at the end of `day`, written into `state`: for each field, the value
   * before the first change of it made after that day, or the current value when it has not changed since. Reading
   * backwards from the current record means today's state is always the record itself, even when older history is
   * missing.
   */
  stateAt(deal: DealNow, day: number, state: DealState): DealState {
    state.stage = deal.stage;
    state.amount = deal.deal.amount;
    state.closeDay = deal.closeDay;
    let stageFound = false;
    let amountFound = false;
    let closeFound = false;
    for (let index = this.from; index < this.to; index++) {
      const base = this.baseAt(index);
      if (this.dayOf(base) <= day) {
        continue;
      }
      if (!stageFound && this.changesStage(base)) {
        const previous = this.read(base, PREVIOUS_STAGE);
        state.stage = previous === -1 ? this.read(base, STAGE) : previous;
        stageFound = true;
      }
      if (!amountFound && this.changesAmount(base)) {
        const previous = this.read(base, PREVIOUS_AMOUNT);
        state.amount = Number.isNaN(previous) ? null : previous;
        amountFound = true;
      }
      if (!closeFound && this.changesCloseDate(base)) {
        state.closeDay = this.read(base, PREVIOUS_CLOSE_DAY);
        closeFound = true;
      }
    }
    return state;
  }

  /** The day of the deal's oldest row; Infinity without rows. */
  firstDay(): number {
    return this.to > this.from ? this.dayOf(this.baseAt(this.from)) : Infinity;
  }

  /** The day of the deal's last row; -Infinity without rows. */
  lastDay(): number {
    return this.to > this.from ? this.dayOf(this.baseAt(this.to - 1)) : -Infinity;
  }

  /** Where the record of the deal's `index`-th row starts. */
  private baseAt(index: number): number {
    return (this.order[index] ?? 0) * FIELDS;
  }

  private read(base: number, field: number): number {
    return this.records[base + field] ?? Number.NaN;
  }

  private dayOf(base: number): number {
    return this.read(base, DAY);
  }

  /** A stage and no previous stage: the deal's creation. */
  private isCreation(base: number): boolean {
    return this.read(base, PREVIOUS_STAGE) === -1 && this.read(base, STAGE) !== -1;
  }

  private changesStage(base: number): boolean {
    const stage = this.read(base, STAGE);
    return stage !== -1 && stage !== this.read(base, PREVIOUS_STAGE);
  }

  private changesAmount(base: number): boolean {
    const previous = this.read(base, PREVIOUS_AMOUNT);
    return !same(this.read(base, AMOUNT), previous) && !(Number.isNaN(previous) && this.isCreation(base));
  }

  /**
   * A close date is required, so a row changes it only from a known date to another: a row without the previous
   * date is a creation, which records it.
   */
  private changesCloseDate(base: number): boolean {
    const after = this.read(base, CLOSE_DAY);
    const previous = this.read(base, PREVIOUS_CLOSE_DAY);
    return !Number.isNaN(after) && !Number.isNaN(previous) && after !== previous;
  }
}

export function groupChanges(
  changes: readonly DealChange[],
  dealPositions: ReadonlyMap<string, number>,
  model: StageModel
): ChangeTable {
  const stageNumbers = new Map(model.positions);
  const stageNumber = (name: string | null): number => {
    if (name === null) {
      return -1;
    }
    let number = stageNumbers.get(name);
    if (number === undefined) {
      number = stageNumbers.size;
      stageNumbers.set(name, number);
    }
    return number;
  };
  const { owner, start, unmatched, dealsWithChanges } = countRows(changes, dealPositions);
  const records = new Float64Array((changes.length - unmatched) * FIELDS);
  const order = new Int32Array(changes.length - unmatched);
  const next = start.slice(0, -1);
  for (let row = 0; row < changes.length; row++) {
    const deal = owner[row] ?? -1;
    if (deal < 0) {
      continue;
    }
    const change = changes[row] as DealChange;
    const slot = next[deal] ?? 0;
    next[deal] = slot + 1;
    order[slot] = slot;
    const at = parseTimestamp(change.changedAt);
    if (Number.isNaN(at)) {
      throw new RangeError(
        `change of deal ${change.dealId} has an unreadable changedAt: '${change.changedAt}'`
      );
    }
    const closeChanged = change.closeDate !== change.previousCloseDate;
    const base = slot * FIELDS;
    records[base + TIME] = at;
    records[base + DAY] = Math.floor(at / MS_PER_DAY);
    records[base + STAGE] = stageNumber(change.stageName);
    records[base + PREVIOUS_STAGE] = stageNumber(change.previousStageName);
    records[base + AMOUNT] = change.amount ?? Number.NaN;
    records[base + PREVIOUS_AMOUNT] = change.previousAmount ?? Number.NaN;
    records[base + CLOSE_DAY] = closeChanged ? readDay(change.closeDate) : Number.NaN;
    records[base + PREVIOUS_CLOSE_DAY] = closeChanged ? readDay(change.previousCloseDate) : Number.NaN;
  }
  const byTime = (a: number, b: number): number =>
    (records[a * FIELDS + TIME] ?? 0) - (records[b * FIELDS + TIME] ?? 0) || a - b;
  return {
    unmatched,
    dealsWithChanges,
    stageNumber,
    historyOf(deal: number): DealHistory {
      const from = start[deal] ?? 0;
      const to = start[deal + 1] ?? 0;
      timeOrder(order, from, to, byTime);
      return new DealHistory(records, order, from, to);
    }
  };
}

function readDay(date: string | null): number {
  return date === null ? Number.NaN : parseDay(date);
}

/**
 * The deal of each row (-1 when not in scope), and where each deal's run of slots starts: deal d's rows go to
 * slots `start[d]` … `start[d + 1] - 1`.
 */
function countRows(
  changes: readonly DealChange[],
  dealPositions: ReadonlyMap<string, number>
): { owner: Int32Array; start: Int32Array; unmatched: number; dealsWithChanges: number } {
  const owner = new Int32Array(changes.length);
  const start = new Int32Array(dealPositions.size + 1);
  let unmatched = 0;
  for (let row = 0; row < changes.length; row++) {
    const deal = dealPositions.get((changes[row] as DealChange).dealId) ?? -1;
    owner[row] = deal;
    if (deal < 0) {
      unmatched++;
    } else {
      start[deal + 1] = (start[deal + 1] ?? 0) + 1;
    }
  }
  let dealsWithChanges = 0;
  for (let deal = 0; deal + 1 < start.length; deal++) {
    const rows = start[deal + 1] ?? 0;
    dealsWithChanges += rows === 0 ? 0 : 1;
    start[deal + 1] = rows + (start[deal] ?? 0);
  }
  return { owner, start, unmatched, dealsWithChanges };
}

/** Puts `order[from…to)` in time order, keeping arrival order between rows of the same time. */
function timeOrder(
  order: Int32Array,
  from: number,
  to: number,
  byTime: (a: number, b: number) => number
): void {
  if (to - from > INSERTION_LIMIT) {
    order.subarray(from, to).sort(byTime);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const row = order[i] ?? 0;
    let j = i - 1;
    while (j >= from && byTime(order[j] ?? 0, row) > 0) {
      order[j + 1] = order[j] ?? 0;
      j--;
    }
    order[j + 1] = row;
  }
}
