/**
 * Value held vs needed per stage — presentational. For each open stage, the value it holds against the value it
 * must hold to close the target every period (target × Pipeline Value Factor), as an SVG bar chart with a text
 * summary for screen readers, the deal counts and the gap; the same numbers in a table that can be shown. The
 * PVF rule is in the help text; a stage with too little history says so instead of a number.
 */
import { LightningElement, api } from 'lwc';
import type { StageValueFactor, TargetSource, ValueFactors } from 'c/pipelineMetrics';
import {
  DEFAULT_CURRENCY,
  NO_VALUE,
  formatCompactCurrency,
  formatCount,
  formatDays,
  formatNumber,
  formatPercent
} from 'c/atlasFormat';
import type { NoticeVariant } from 'c/atlasNotice';

const TARGET_SOURCE_LABELS: Record<TargetSource, string> = {
  ForecastingQuota: 'Collaborative Forecasts quotas',
  SalesTarget: 'Account Atlas sales targets',
  None: 'no target'
};

interface StageRow {
  key: string;
  label: string;
  deals: string;
  held: string;
  factor: string;
  needed: string;
  gap: string;
  basis: string;
  /** Bar lengths, in percent of the longest bar. */
  heldWidth: string;
  neededWidth: string;
  hasNeeded: boolean;
  status: { variant: NoticeVariant; text: string } | null;
  note: string | null;
  summary: string;
}

/** A bar length in percent of the longest value, with 2 decimals. */
function barWidth(value: number, longest: number): string {
  return longest > 0 ? ((Math.max(0, value) / longest) * 100).toFixed(2) : '0';
}

export default class PipelineStageChart extends LightningElement {
  @api valueFactors?: ValueFactors;
  @api currencyCode = DEFAULT_CURRENCY;

  tableShown = false;

  money(value: number): string {
    return formatCompactCurrency(value, this.currencyCode);
  }

  get formula(): string {
    return this.valueFactors?.formula ?? '';
  }

  get hasStages(): boolean {
    return (this.valueFactors?.stages.length ?? 0) > 0;
  }

  get targetText(): string {
    const factors = this.valueFactors;
    if (!factors || factors.target === null) {
      return 'No target for the period: the value each stage needs cannot be computed.';
    }
    return (
      `Target ${this.money(factors.target)} from ${TARGET_SOURCE_LABELS[factors.targetSource]}, ` +
      `over a ${factors.periodDays}-day period.`
    );
  }

  get rows(): StageRow[] {
    const stages = this.valueFactors?.stages ?? [];
    const longest = Math.max(
      0,
      ...stages.map((stage) => Math.max(stage.held.value, stage.value?.needed ?? 0))
    );
    return stages.map((stage, index) => this.row(stage, index, longest));
  }

  row(stage: StageValueFactor, index: number, longest: number): StageRow {
    const held = this.money(stage.held.value);
    const deals = formatCount(stage.held.count, 'deal');
    const base = {
      key: `stage${index}`,
      label: stage.label,
      deals,
      held,
      heldWidth: barWidth(stage.held.value, longest)
    };
    if (stage.status !== 'ok') {
      return {
        ...base,
        factor: NO_VALUE,
        needed: NO_VALUE,
        gap: NO_VALUE,
        basis: stage.reason,
        neededWidth: '0',
        hasNeeded: false,
        status: null,
        note: 'Too little history to say what it needs.',
        summary: `${stage.label}: ${deals}, ${held} held; too little history to say what it needs.`
      };
    }
    const { factor, needed, gap, winShare, averageDays } = stage.value;
    const basis =
      `${formatPercent(winShare)} of the value that reached it was won; it stays ${formatDays(averageDays)} on ` +
      `average; from ${formatCount(stage.basis.closedDeals, 'closed deal')}.`;
    if (needed === null || gap === null) {
      return {
        ...base,
        factor: formatNumber(factor, 2),
        needed: NO_VALUE,
        gap: NO_VALUE,
        basis,
        neededWidth: '0',
        hasNeeded: false,
        status: null,
        note: `PVF ${formatNumber(factor, 2)}; no target to apply it to.`,
        summary: `${stage.label}: ${deals}, ${held} held; PVF ${formatNumber(factor, 2)}, no target to apply it to.`
      };
    }
    const short = gap < 0;
    const gapText = short ? `${this.money(-gap)} short` : `${this.money(gap)} ahead`;
    return {
      ...base,
      factor: formatNumber(factor, 2),
      needed: this.money(needed),
      gap: gapText,
      basis,
      neededWidth: barWidth(needed, longest),
      hasNeeded: true,
      status: { variant: short ? 'warning' : 'success', text: gapText },
      note: null,
      summary: `${stage.label}: ${deals}, ${held} held, ${this.money(needed)} needed, ${gapText}.`
    };
  }

  get chartLabel(): string {
    return [
      'Value held and value needed (target × PVF) per open stage.',
      ...this.rows.map((row) => row.summary)
    ].join(' ');
  }

  /** The table is always there for screen readers; shown, it scrolls sideways in a narrow column. */
  get tableWrapperClass(): string {
    return this.tableShown
      ? 'table-wrapper slds-scrollable_x slds-var-m-top_small'
      : 'table-wrapper slds-assistive-text';
  }

  get toggleLabel(): string {
    return this.tableShown ? 'Hide the table' : 'Show as a table';
  }

  get togglePressed(): string {
    return String(this.tableShown);
  }

  handleToggleTable(): void {
    this.tableShown = !this.tableShown;
  }
}
