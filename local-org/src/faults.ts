/**
 * Fault injection for tests and benchmarks: the failures a loader meets against a real org, at chosen rates and
 * reproducible with a seed.
 *
 *   ATLAS_FAULTS='{"http503":0.1,"http429":0.05,"dropConnection":0.02,"lockRows":0.05,"latencyMs":20,"seed":7}'
 *
 * - `http503` / `http429`: share of API calls answered 503 SERVER_UNAVAILABLE / 429 REQUEST_LIMIT_EXCEEDED.
 * - `dropConnection`: share of API calls whose socket is destroyed without an answer; for writes, half of those are
 *   dropped after the write was applied (the client cannot tell), the other half before.
 * - `lockRows`: share of rows of sObject Collections and Bulk ingest writes that fail with UNABLE_TO_LOCK_ROW and are
 *   not written (with allOrNone the whole call fails).
 * - `latencyMs`: added to every API call.
 * - `seed`: makes the sequence of faults repeatable (the same requests in the same order meet the same faults).
 */
import { seededRandom } from '../../tools/lib/random';

export interface FaultSettings {
  http503?: number;
  http429?: number;
  dropConnection?: number;
  lockRows?: number;
  latencyMs?: number;
  seed?: number;
}

const RATE_KEYS = ['http503', 'http429', 'dropConnection', 'lockRows'] as const;
const KNOWN_KEYS: ReadonlySet<string> = new Set([...RATE_KEYS, 'latencyMs', 'seed']);

/** Validates fault settings from JSON (environment or admin endpoint); throws an Error naming the bad key. */
export function parseFaultSettings(input: unknown): FaultSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error('Fault settings must be a JSON object such as {"http503":0.1,"seed":7}');
  }
  const settings: FaultSettings = {};
  for (const [key, value] of Object.entries(input)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new Error(`Unknown fault setting "${key}": use ${[...KNOWN_KEYS].join(', ')}`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`Fault setting "${key}" must be a number`);
    }
    if ((RATE_KEYS as readonly string[]).includes(key) && (value < 0 || value > 1)) {
      throw new Error(`Fault setting "${key}" is a rate between 0 and 1, not ${value}`);
    }
    if ((key === 'latencyMs' || key === 'seed') && value < 0) {
      throw new Error(`Fault setting "${key}" must not be negative`);
    }
    settings[key as keyof FaultSettings] = value;
  }
  return settings;
}

/** Reads `ATLAS_FAULTS`; undefined when unset or empty. */
export function faultSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): FaultSettings | undefined {
  const text = env.ATLAS_FAULTS?.trim();
  if (!text) {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`ATLAS_FAULTS is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseFaultSettings(json);
}

/** What happens to one API call before its handler runs. */
export type CallFault = 'none' | 'http503' | 'http429' | 'dropBefore' | 'dropAfterWrite';

export interface FaultCounts {
  http503: number;
  http429: number;
  droppedBefore: number;
  droppedAfterWrite: number;
  lockedRows: number;
}

export class FaultInjector {
  private settings: FaultSettings = {};
  private random: () => number = seededRandom(0);
  private readonly counts: FaultCounts = {
    http503: 0,
    http429: 0,
    droppedBefore: 0,
    droppedAfterWrite: 0,
    lockedRows: 0
  };

  constructor(settings: FaultSettings = {}) {
    this.configure(settings);
  }

  /** Replaces the settings and restarts the seeded sequence. */
  configure(settings: FaultSettings): void {
    this.settings = { ...settings };
    this.random = seededRandom(settings.seed ?? Date.now());
  }

  current(): FaultSettings {
    return { ...this.settings };
  }

  get latencyMs(): number {
    return this.settings.latencyMs ?? 0;
  }

  /** Decides the fate of one call; `isWrite` lets a drop fall after the write is applied. */
  decideCall(isWrite: boolean): CallFault {
    const { http503 = 0, http429 = 0, dropConnection = 0 } = this.settings;
    if (http503 === 0 && http429 === 0 && dropConnection === 0) {
      return 'none';
    }
    const draw = this.random();
    if (draw < http503) {
      this.counts.http503 += 1;
      return 'http503';
    }
    if (draw < http503 + http429) {
      this.counts.http429 += 1;
      return 'http429';
    }
    if (draw < http503 + http429 + dropConnection) {
      if (isWrite && this.random() < 0.5) {
        this.counts.droppedAfterWrite += 1;
        return 'dropAfterWrite';
      }
      this.counts.droppedBefore += 1;
      return 'dropBefore';
    }
    return 'none';
  }

  /** For each of `count` rows, whether it meets UNABLE_TO_LOCK_ROW. */
  lockedRows(count: number): boolean[] {
    const rate = this.settings.lockRows ?? 0;
    const locked: boolean[] = [];
    for (let index = 0; index < count; index += 1) {
      const isLocked = rate > 0 && this.random() < rate;
      if (isLocked) {
        this.counts.lockedRows += 1;
      }
      locked.push(isLocked);
    }
    return locked;
  }

  faultCounts(): FaultCounts {
    return { ...this.counts };
  }
}
