/**
 * The org's opportunity stages, as the generator uses them. Stages are never named here: open stages are placed by
 * their position in the sales process (early, middle, late), closed ones by their IsWon flag.
 */
import type { OrgStage } from './types';

export interface StageModel {
  /** Open stages in the org's order. */
  open: OrgStage[];
  /** The first won stage, or null when the org has none. */
  won: OrgStage | null;
  /** The first closed stage that is not won, or null when the org has none. */
  lost: OrgStage | null;
}

export function readStages(stages: readonly OrgStage[]): StageModel {
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.apiName)) throw new RangeError(`stage '${stage.apiName}' is listed twice`);
    names.add(stage.apiName);
  }
  const ordered = [...stages].sort((a, b) => a.sortOrder - b.sortOrder);
  const open = ordered.filter((s) => !s.isClosed);
  if (open.length === 0) throw new RangeError('the org needs at least one open opportunity stage');
  return {
    open,
    won: ordered.find((s) => s.isClosed && s.isWon) ?? null,
    lost: ordered.find((s) => s.isClosed && !s.isWon) ?? null
  };
}

/** Position of an open stage in the sales process: 0 for the first open stage, 1 for the last. */
export function progress(model: StageModel, stage: OrgStage): number {
  const index = model.open.indexOf(stage);
  if (index < 0) return 1;
  return model.open.length === 1 ? 1 : index / (model.open.length - 1);
}

export type SalesPhase = 'early' | 'middle' | 'late';

/** The phase at a position (0 to 1) in the sales process. */
export function phaseAt(position: number): SalesPhase {
  if (position < 0.34) return 'early';
  return position < 0.67 ? 'middle' : 'late';
}

export function phaseOf(model: StageModel, stage: OrgStage): SalesPhase {
  return phaseAt(progress(model, stage));
}
