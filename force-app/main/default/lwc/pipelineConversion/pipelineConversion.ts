/**
 * Stage conversion — presentational. Of the deals that first entered each open stage in the lookback window: how
 * many advanced to the next open stage, were won, were lost or are still open, in a table; the months of entry
 * (cohorts) can be shown under each stage. Recent cohorts have had less time, so their open share is larger.
 */
import { LightningElement, api } from 'lwc';
import type { ConversionCounts, StageConversion } from 'c/pipelineMetrics';
import { NO_VALUE, formatMonth, formatNumber, formatPercent } from 'c/atlasFormat';

interface ConversionRow {
  key: string;
  label: string;
  isStage: boolean;
  rowClass: string;
  entered: string;
  advanced: string;
  won: string;
  lost: string;
  open: string;
}

function share(count: number, part: number): string {
  return `${formatNumber(count)} (${formatPercent(part)})`;
}

export default class PipelineConversion extends LightningElement {
  @api conversion?: StageConversion[];
  @api lookbackDays = 365;

  monthsShown = false;

  get hasEntries(): boolean {
    return (this.conversion ?? []).some((stage) => stage.total.entered > 0);
  }

  get emptyText(): string {
    return `No deal entered an open stage in the last ${this.lookbackDays} days.`;
  }

  cells(counts: ConversionCounts): Omit<ConversionRow, 'key' | 'label' | 'isStage' | 'rowClass'> {
    return {
      entered: formatNumber(counts.entered),
      advanced:
        counts.advanced === null || counts.advancedShare === null
          ? NO_VALUE
          : share(counts.advanced, counts.advancedShare),
      won: share(counts.won, counts.wonShare),
      lost: share(counts.lost, counts.lostShare),
      open: share(counts.open, counts.openShare)
    };
  }

  get rows(): ConversionRow[] {
    return (this.conversion ?? []).flatMap((stage, index) => {
      const stageRow: ConversionRow = {
        key: `stage${index}`,
        label: stage.nextStage ? `${stage.label} → ${stage.nextStage}` : `${stage.label} (last open stage)`,
        isStage: true,
        rowClass: 'stage-row',
        ...this.cells(stage.total)
      };
      const months: ConversionRow[] = this.monthsShown
        ? stage.cohorts.map((cohort) => ({
            key: `stage${index}-${cohort.month}`,
            label: `Entered ${formatMonth(cohort.month)}`,
            isStage: false,
            rowClass: 'month-row',
            ...this.cells(cohort)
          }))
        : [];
      return [stageRow, ...months];
    });
  }

  get toggleLabel(): string {
    return this.monthsShown ? 'Hide months of entry' : 'Show months of entry';
  }

  get togglePressed(): string {
    return String(this.monthsShown);
  }

  handleToggleMonths(): void {
    this.monthsShown = !this.monthsShown;
  }
}
