/**
 * The org's stages in sales-process order. Stages are always the org's own (passed in), ordered by `sortOrder`;
 * no stage name is known to these rules.
 */
import type { StageDefinition } from './types';

export interface StageModel {
  /** The stages ordered by `sortOrder`. */
  readonly stages: readonly StageDefinition[];
  /** Position in `stages` of each stage name. */
  readonly positions: ReadonlyMap<string, number>;
  /** Position of the first open stage that requires a decision maker; -1 when no stage does. */
  readonly gatePosition: number;
}

export function stageModel(stages: readonly StageDefinition[]): StageModel {
  const ordered = [...stages].sort((a, b) => a.sortOrder - b.sortOrder);
  const positions = new Map<string, number>();
  ordered.forEach((stage, position) => {
    if (positions.has(stage.apiName)) {
      throw new RangeError(`stage '${stage.apiName}' is listed twice`);
    }
    positions.set(stage.apiName, position);
  });
  return {
    stages: ordered,
    positions,
    gatePosition: ordered.findIndex((stage) => !stage.isClosed && stage.requiresDecisionMaker === true)
  };
}
