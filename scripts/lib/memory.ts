/**
 * V8 collects old garbage lazily: a load that parses and builds a few MB per call leaves hundreds of MB of garbage
 * before a full collection runs, and the process's memory grows with it. Between objects and around Bulk jobs the
 * loader asks for a full collection, which keeps a large seed's peak memory close to what it really holds. It can
 * only when Node runs with `--expose-gc` (as `npm run seed` does); otherwise this does nothing.
 */
export function releaseMemory(): void {
  globalThis.gc?.();
}
