/**
 * Open deals each data-integrity rule may flag. Rules without threshold (close date passed, no next step, no
 * amount) are decided here; rules whose threshold is a metric setting (pushes, idle days, probability gap) are
 * recorded by level, so the metrics can apply any threshold exactly.
 */
import { parseOptionalDay } from './dates';
import type { IntegrityFacts } from './factTypes';
import type { DealHistory, DealNow } from './history';
import type { StageModel } from './stageModel';
import { GradedCollector, RuleCollector } from './tally';
import type { Deal } from './types';

export class IntegrityCollector {
  private readonly model: StageModel;
  private readonly today: number;
  private readonly pastCloseDate: RuleCollector;
  private readonly noNextStep: RuleCollector;
  private readonly missingAmount: RuleCollector;
  private readonly pushes: GradedCollector;
  private readonly idleDays: GradedCollector;
  private readonly probabilityGap: GradedCollector;

  constructor(model: StageModel, today: number, cap: number) {
    this.model = model;
    this.today = today;
    this.pastCloseDate = new RuleCollector(cap);
    this.noNextStep = new RuleCollector(cap);
    this.missingAmount = new RuleCollector(cap);
    this.pushes = new GradedCollector(cap);
    this.idleDays = new GradedCollector(cap);
    this.probabilityGap = new GradedCollector(cap);
  }

  /**
   * An open deal. Its pushes are the larger of the count replayed from its history and the platform's
   * `PushCount`: both count the same event (the close date moved to a later month), the history also covers
   * backfilled changes the platform never saw, and `PushCount` covers changes older than the history kept.
   */
  add(deal: Deal, now: DealNow, history: DealHistory): void {
    if (now.closeDay < this.today) {
      this.pastCloseDate.add(deal, this.today - now.closeDay);
    }
    if (deal.nextStep === null || deal.nextStep.trim() === '') {
      this.noNextStep.add(deal);
    }
    if (deal.amount === null) {
      this.missingAmount.add(deal);
    }
    const fromHistory = history.pushes();
    const fromPlatform = deal.pushCount ?? 0;
    if (Math.max(fromHistory, fromPlatform) > 0) {
      const fromPlatformWins = fromPlatform > fromHistory;
      this.pushes.add(
        deal,
        fromPlatformWins ? fromPlatform : fromHistory,
        fromPlatformWins ? 'PushCount' : 'history'
      );
    }
    const lastActivity = parseOptionalDay(deal.lastActivityDate);
    this.idleDays.add(
      deal,
      Math.max(0, this.today - (lastActivity ?? now.createdDay)),
      lastActivity === null ? 'createdDate' : 'lastActivityDate'
    );
    const stage = this.model.stages[now.stage];
    if (stage && deal.probability !== null) {
      this.probabilityGap.add(deal, Math.abs(deal.probability - stage.defaultProbability));
    }
  }

  facts(): IntegrityFacts {
    return {
      pastCloseDate: this.pastCloseDate.facts(),
      noNextStep: this.noNextStep.facts(),
      missingAmount: this.missingAmount.facts(),
      pushes: this.pushes.facts(),
      idleDays: this.idleDays.facts(),
      probabilityGap: this.probabilityGap.facts()
    };
  }
}
