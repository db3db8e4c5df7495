/** Fingerprints of a dataset, for tests and for comparing two runs (or a dataset with what an org holds). */
import { createHash } from 'node:crypto';
import type { SeedDataset, SeedRecord } from './types';

function byKey(a: SeedRecord, b: SeedRecord): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function sortedEntries<T>(values: Record<string, T>): [string, T][] {
  return Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * SHA-256 (hex) over every object in load order and its records sorted by key, with fields and references sorted
 * by name: independent of record order and of the order fields were written in.
 */
export function datasetDigest(dataset: SeedDataset): string {
  const hash = createHash('sha256');
  for (const object of dataset.objects) {
    hash.update(
      JSON.stringify([object.object, object.keyField, object.naturalKey ?? null, object.selfReferences])
    );
    hash.update('\n');
    for (const record of [...object.records].sort(byKey)) {
      hash.update(
        JSON.stringify([record.key, sortedEntries(record.fields), sortedEntries(record.references)])
      );
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}

/** Records in all objects. */
export function countRecords(dataset: SeedDataset): number {
  return dataset.objects.reduce((sum, object) => sum + object.records.length, 0);
}
