/** Shared by the store's and the SOQL translator's tests: the project, a pinned clock, and record helpers. */
import path from 'node:path';
import type { OrgStore, SaveResult, SObjectRecord } from '../../contracts';
import { openOrgStore } from '..';

export const PROJECT_ROOT = path.resolve(__dirname, '../../../..');

/** A clock tests can move: Monday 23 November 2026, 10:00 UTC, unless set. */
export class TestClock {
  now = new Date('2026-11-23T10:00:00.000Z');

  set(iso: string): void {
    this.now = new Date(iso);
  }
}

export async function openTestStore(
  clock = new TestClock(),
  projectRoot = PROJECT_ROOT,
  dataDir?: string
): Promise<OrgStore> {
  return openOrgStore({ projectRoot, dataDir, now: () => clock.now });
}

/** The ids of successful results; fails the test with the errors otherwise. */
export function idsOf(results: SaveResult[]): string[] {
  const failures = results.filter((result) => !result.success);
  if (failures.length > 0) throw new Error(`save failed: ${JSON.stringify(failures)}`);
  return results.map((result) => result.id ?? '');
}

export async function createOne(store: OrgStore, objectName: string, record: SObjectRecord): Promise<string> {
  const [id] = idsOf(await store.create(objectName, [record], { allOrNone: true }));
  return id ?? '';
}

/** The error codes of each result. */
export function codes(results: SaveResult[]): string[][] {
  return results.map((result) => result.errors.map((error) => error.errorCode));
}

/** A record's fields without its `attributes` (and without the fields named in `omit`). */
export function fieldsOf(record: SObjectRecord, ...omit: string[]): SObjectRecord {
  return Object.fromEntries(
    Object.entries(record).filter(([key]) => key !== 'attributes' && !omit.includes(key))
  );
}
