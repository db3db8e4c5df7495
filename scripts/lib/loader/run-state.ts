/**
 * The state of a load as it goes: the Ids written so far (key → Id per object), per-object progress and failures.
 * It is the checkpoint in memory; `save` writes it, at most every `saveIntervalMs` unless forced.
 */
import {
  emptyObjectCheckpoint,
  type CheckpointData,
  type CheckpointFile,
  type ObjectCheckpoint
} from '../checkpoint';

export class IdMap {
  private readonly byObject = new Map<string, Map<string, string>>();

  get(object: string, key: string): string | undefined {
    return this.byObject.get(object)?.get(key);
  }

  set(object: string, key: string, id: string): void {
    this.of(object).set(key, id);
  }

  of(object: string): Map<string, string> {
    let ids = this.byObject.get(object);
    if (ids === undefined) {
      ids = new Map();
      this.byObject.set(object, ids);
    }
    return ids;
  }
}

export class RunState {
  readonly ids = new IdMap();
  /** Keys that had failed in the interrupted run this one resumes, by object. */
  readonly previousFailures = new Map<string, Set<string>>();
  private readonly data: CheckpointData;
  private readonly file: CheckpointFile | null;
  private readonly saveIntervalMs: number;
  private readonly now: () => number;
  private lastSave = Number.NEGATIVE_INFINITY;
  private readonly finishedIds = new Map<string, string>();

  /** `file` null: a run that keeps no checkpoint. */
  constructor(
    data: CheckpointData,
    file: CheckpointFile | null,
    options: { saveIntervalMs: number; now: () => number }
  ) {
    this.data = data;
    this.file = file;
    this.saveIntervalMs = options.saveIntervalMs;
    this.now = options.now;
    for (const [object, checkpoint] of Object.entries(data.objects)) {
      for (const [key, id] of Object.entries(checkpoint.ids)) {
        this.ids.set(object, key, id);
      }
      // The Ids live in `ids` from now on; `save` writes them from there.
      checkpoint.ids = {};
      const failed = Object.keys(checkpoint.failed);
      if (failed.length > 0) {
        this.previousFailures.set(object, new Set(failed));
      }
    }
  }

  get checkpoint(): CheckpointData {
    return this.data;
  }

  object(name: string): ObjectCheckpoint {
    let checkpoint = this.data.objects[name];
    if (checkpoint === undefined) {
      checkpoint = emptyObjectCheckpoint();
      this.data.objects[name] = checkpoint;
    }
    return checkpoint;
  }

  save(force = false): void {
    if (this.file === null || (!force && this.now() - this.lastSave < this.saveIntervalMs)) {
      return;
    }
    this.file.write(this.serialize());
    this.lastSave = this.now();
  }

  /** The checkpoint's JSON, with each object's Ids from the map (those of finished objects written once). */
  private serialize(): string {
    const { objects, ...header } = this.data;
    const parts = Object.entries(objects).map(([name, checkpoint]) => {
      const fields = JSON.stringify({ ...checkpoint, ids: undefined }).slice(0, -1);
      return `${JSON.stringify(name)}:${fields},"ids":${this.idsJson(name, checkpoint.done)}}`;
    });
    return `${JSON.stringify(header).slice(0, -1)},"objects":{${parts.join(',')}}}`;
  }

  private idsJson(name: string, done: boolean): string {
    const cached = this.finishedIds.get(name);
    if (cached !== undefined) {
      return cached;
    }
    const text = JSON.stringify(Object.fromEntries(this.ids.of(name)));
    if (done) {
      this.finishedIds.set(name, text);
    }
    return text;
  }

  /** An object starts loading (again, when an earlier run finished it with failures). */
  startObject(name: string): ObjectCheckpoint {
    const checkpoint = this.object(name);
    checkpoint.done = false;
    this.finishedIds.delete(name);
    return checkpoint;
  }

  /** The run finished: nothing is left to resume. */
  complete(): void {
    this.file?.remove();
  }
}
