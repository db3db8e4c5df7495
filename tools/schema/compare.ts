/** Locale-independent ordering (code units), so generated output is the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byName<T extends { name: string }>(a: T, b: T): number {
  return compareStrings(a.name, b.name);
}
