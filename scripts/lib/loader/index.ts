/**
 * Loads a dataset object by object, in the dataset's order (parents before children). Objects an interrupted run
 * finished without failures are skipped (their Ids come from the checkpoint); mapped objects are not written at
 * all, their keys pointing at records the org already has.
 */
import type { SeedDataset, SeedObject } from '../../seed/generator/types';
import type { ObjectInfo } from '../target';
import { releaseMemory } from '../memory';
import { loadObject, type LoadContext, type ObjectSummary } from './object-loader';
import type { ObjectShape } from './shape';

export type { LoadContext, ObjectSummary } from './object-loader';

export interface DatasetLoad {
  dataset: SeedDataset;
  shapes: Map<string, ObjectShape>;
  /** The org's description of each written object, by dataset object name. */
  infos: Map<string, ObjectInfo>;
  /** Objects matched to the org's own records instead of written: key → Id. */
  mapped: Map<string, Map<string, string>>;
}

/** Objects that records point at: their key → Id maps are kept (in memory and in the checkpoint). */
export function referencedObjects(shapes: Iterable<ObjectShape>): Set<string> {
  const referenced = new Set<string>();
  for (const shape of shapes) {
    for (const target of shape.references.values()) {
      referenced.add(target);
    }
    if (shape.selfReferences.length > 0) {
      referenced.add(shape.object);
    }
  }
  return referenced;
}

async function loadOne(
  seedObject: SeedObject,
  load: DatasetLoad,
  context: LoadContext
): Promise<ObjectSummary> {
  const name = seedObject.object;
  const summary = {
    object: name,
    apiName: context.names.apiName(name),
    records: seedObject.records.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    resumed: false
  };
  const mapped = load.mapped.get(name);
  if (mapped !== undefined) {
    for (const [key, id] of mapped) {
      context.state.ids.set(name, key, id);
    }
    return { ...summary, method: 'mapped' };
  }
  const checkpoint = context.state.object(name);
  // A finished object is skipped unless some of its rows failed: those get another chance, as in a fresh run.
  if (checkpoint.done && Object.keys(checkpoint.failed).length === 0) {
    return { ...summary, ...checkpoint.counts, method: 'none', resumed: true };
  }
  const shape = load.shapes.get(name);
  const info = load.infos.get(name);
  if (shape === undefined || info === undefined) {
    throw new Error(`${name} was not described before loading`);
  }
  return loadObject(seedObject, shape, info, context);
}

/**
 * Loads every object in order. Each object's records are released once it is loaded: a large dataset then shrinks
 * as it goes instead of staying whole in memory to the end.
 */
export async function loadDataset(
  load: DatasetLoad,
  context: Omit<LoadContext, 'isReferenced'>
): Promise<ObjectSummary[]> {
  const referenced = referencedObjects(load.shapes.values());
  const objectContext: LoadContext = { ...context, isReferenced: (object) => referenced.has(object) };
  const summaries: ObjectSummary[] = [];
  for (const seedObject of load.dataset.objects) {
    summaries.push(await loadOne(seedObject, load, objectContext));
    seedObject.records = [];
    releaseMemory();
  }
  return summaries;
}
