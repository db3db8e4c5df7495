/**
 * Salesforce record ids: a 3-character key prefix naming the object, a 12-character body and, in the 18-character
 * form the API returns, a 3-character checksum that encodes the case of the first 15 characters. The checksum makes
 * the 18-character form safe to compare without regard to case; the 15-character form is case-sensitive.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_CHARACTERS = /^[0-9A-Za-z]+$/;
/** The body's first three characters: the instance ("pod") two and one reserved, as in real ids. */
const BODY_HEAD = 'Lo0';
const COUNTER_WIDTH = 9;

function isUpperCaseLetter(character: string): boolean {
  return character >= 'A' && character <= 'Z';
}

/** The three checksum characters of a 15-character id: one per 5-character chunk, bit i set when character i is A-Z. */
export function idChecksum(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let position = 0; position < 5; position += 1) {
      if (isUpperCaseLetter(id15.charAt(chunk * 5 + position))) bits |= 1 << position;
    }
    suffix += CHECKSUM_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** Restores the case of the first 15 characters of an 18-character id from its checksum, or null if it cannot. */
function restoreCase(id18: string): string | null {
  let restored = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    const bits = CHECKSUM_ALPHABET.indexOf(id18.charAt(15 + chunk).toUpperCase());
    if (bits < 0) return null;
    for (let position = 0; position < 5; position += 1) {
      const character = id18.charAt(chunk * 5 + position);
      restored += (bits & (1 << position)) === 0 ? character.toLowerCase() : character.toUpperCase();
    }
  }
  return idChecksum(restored) === id18.slice(15).toUpperCase() ? restored : null;
}

/**
 * The canonical 18-character form of `id`, or null when `id` is not a well-formed id. A 15-character id is taken
 * with its case as given; an 18-character id in any case is read through its checksum, as Salesforce reads it, so
 * `001lo000000001aAAA` and `001LO000000001AAAA` name the same record only if their checksums say so.
 */
export function normalizeId(id: string): string | null {
  if (!ID_CHARACTERS.test(id)) return null;
  if (id.length === 15) return id + idChecksum(id);
  if (id.length !== 18) return null;
  const id15 = restoreCase(id);
  return id15 === null ? null : id15 + idChecksum(id15);
}

/** The object part of an id: its first three characters. */
export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}

function toBase62(value: number, width: number): string {
  let text = '';
  let rest = value;
  while (rest > 0) {
    text = BASE62.charAt(rest % 62) + text;
    rest = Math.floor(rest / 62);
  }
  return text.padStart(width, '0');
}

/**
 * The 18-character id of the `counter`-th record the org creates, for an object with `keyPrefix`. Nine base-62
 * digits hold every safe integer (62^9 > 2^53), so any valid counter fits.
 */
export function composeId(keyPrefix: string, counter: number): string {
  if (!/^[0-9A-Za-z]{3}$/.test(keyPrefix)) throw new Error(`invalid key prefix '${keyPrefix}'`);
  if (!Number.isSafeInteger(counter) || counter < 1) throw new Error(`invalid id counter ${counter}`);
  const id15 = keyPrefix + BODY_HEAD + toBase62(counter, COUNTER_WIDTH);
  return id15 + idChecksum(id15);
}
