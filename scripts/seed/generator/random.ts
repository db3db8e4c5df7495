/**
 * Seeded randomness. Every family of objects draws from its own stream (seed + stream name), so adding a field to
 * contacts does not reshuffle opportunities. Faker shares the stream's randomizer, so names and numbers come from
 * one deterministic sequence; the global `faker` instance is never used.
 */
import { Faker, base, en, generateMersenne53Randomizer, type Randomizer } from '@faker-js/faker';

export interface Weighted<T> {
  value: T;
  weight: number;
}

const UINT32 = 2 ** 32;

/** FNV-1a over the stream name: a stable 32-bit number per stream. */
function streamHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export class Random {
  readonly faker: Faker;
  private readonly randomizer: Randomizer;

  constructor(seed: number, stream: string) {
    this.randomizer = generateMersenne53Randomizer();
    const low = ((seed % UINT32) + UINT32) % UINT32;
    const high = Math.floor(seed / UINT32) >>> 0;
    this.randomizer.seed([low, high, streamHash(stream)]);
    this.faker = new Faker({ locale: [en, base], randomizer: this.randomizer });
  }

  /** A number in [0, 1). */
  next(): number {
    return this.randomizer.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A number in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(options: readonly Weighted<T>[]): T {
    const total = options.reduce((sum, option) => sum + option.weight, 0);
    let point = this.next() * total;
    for (const option of options) {
      point -= option.weight;
      if (point < 0) return option.value;
    }
    const last = options[options.length - 1];
    if (last === undefined) throw new Error('cannot pick from an empty list');
    return last.value;
  }

  /** A copy of `items` in random order. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  /** Up to `count` distinct items of `items`, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }
}

/** Shorthand for weighted options: `weights(['Call', 3], ['Email', 1])`. */
export function weights<T>(...pairs: readonly (readonly [T, number])[]): Weighted<T>[] {
  return pairs.map(([value, weight]) => ({ value, weight }));
}
