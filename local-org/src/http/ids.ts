/**
 * Ids for the HTTP layer's own records (Bulk jobs `750…`, query locators `01g…`), made like record ids. Each
 * sequence starts at a random counter so ids from two runs of the server do not meet.
 */
import { randomInt } from 'node:crypto';
import { composeId } from '../ids';

export class IdSequence {
  private readonly keyPrefix: string;
  private counter = randomInt(1, 1_000_000_000);

  constructor(keyPrefix: string) {
    this.keyPrefix = keyPrefix;
  }

  nextId(): string {
    this.counter += 1;
    return composeId(this.keyPrefix, this.counter);
  }
}
