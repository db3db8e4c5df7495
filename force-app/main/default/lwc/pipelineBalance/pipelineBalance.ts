/**
 * Stage balance — presentational. Per open stage: the deals and value it holds, split into rocks, stones and
 * pebbles (sizes relative to the median open deal), and whether the stage is too thin to carry the period; how
 * much rides on the largest deal (a warning or a flag past the thresholds); and the advice to keep no more than
 * six open stages. A stage's deal count is a button that fires `drilldown` (a `DrillDownRequest`) for its deals.
 */
import { LightningElement, api } from 'lwc';
import type { SizeBand, StageBalance, StageBalanceResult } from 'c/pipelineMetrics';
import {
  DEFAULT_CURRENCY,
  NO_VALUE,
  formatCompactCurrency,
  formatCount,
  formatNumber,
  formatPercent
} from 'c/atlasFormat';
import { drillDownEvent, focusControlIn } from 'c/pipelineDrillDown';

interface BandCell {
  key: SizeBand;
  count: string;
  value: string;
}

interface BalanceRow {
  key: string;
  stageName: string;
  label: string;
  count: number;
  countText: string;
  drillLabel: string;
  /** Value, share of the open value, and the deals without an amount. */
  value: string;
  bands: BandCell[];
  thin: boolean;
}

/** A finding under the table: how much rides on the largest deal, the thin stages, the advice on stages. */
interface Finding {
  key: 'concentration' | 'thin-stages' | 'stage-advice';
  iconName: string;
  /** The icon's colour; none for information. */
  variant?: 'success' | 'warning' | 'error';
  label: string;
  text: string;
  /** The deal it is about, linked. */
  dealName?: string;
  dealUrl?: string;
}

const BANDS: readonly SizeBand[] = ['rock', 'stone', 'pebble'];

export default class PipelineBalance extends LightningElement {
  @api balance?: StageBalanceResult;
  @api currencyCode = DEFAULT_CURRENCY;

  /** Puts the focus back on the button that opened a drill-down. */
  @api
  focusControl(controlKey: string): boolean {
    return focusControlIn(this.template, controlKey);
  }

  money(value: number): string {
    return formatCompactCurrency(value, this.currencyCode);
  }

  get hasStages(): boolean {
    return (this.balance?.stages.length ?? 0) > 0;
  }

  get rows(): BalanceRow[] {
    return (this.balance?.stages ?? []).map((stage, index) => this.row(stage, index));
  }

  row(stage: StageBalance, index: number): BalanceRow {
    return {
      key: `stage${index}`,
      stageName: stage.stageName,
      label: stage.label,
      count: stage.count,
      countText: formatNumber(stage.count),
      drillLabel: `View the ${formatCount(stage.count, 'deal')} at ${stage.label}`,
      value: [
        this.money(stage.value),
        stage.valueShare === null ? NO_VALUE : formatPercent(stage.valueShare),
        ...(stage.missingAmount > 0 ? [`${formatNumber(stage.missingAmount)} without amount`] : [])
      ].join(' · '),
      bands: BANDS.map((band) => ({
        key: band,
        count: formatNumber(stage.bands[band].count),
        value: this.money(stage.bands[band].value)
      })),
      thin: stage.thin
    };
  }

  get totals(): BandCell[] {
    const totals = this.balance?.bands.totals;
    return BANDS.map((band) => ({
      key: band,
      count: formatNumber(totals?.[band].count ?? 0),
      value: this.money(totals?.[band].value ?? 0)
    }));
  }

  get bandsText(): string {
    const bands = this.balance?.bands;
    if (!bands || bands.medianAmount === null || bands.rockFrom === null || bands.pebbleBelow === null) {
      return 'No open deal has an amount, so deals cannot be sized into rocks, stones and pebbles.';
    }
    return (
      `Rocks are ${this.money(bands.rockFrom)} or more (${formatNumber(bands.rockMedianMultiple, 2)}× the ` +
      `median open deal of ${this.money(bands.medianAmount)}); pebbles are under ${this.money(bands.pebbleBelow)}; ` +
      'stones are in between.'
    );
  }

  get findings(): (Finding & { className: string })[] {
    return [this.concentration(), this.thinStages(), this.stageCountAdvice()]
      .filter((finding): finding is Finding => finding !== null)
      .map((finding) => ({ ...finding, className: `${finding.key} slds-media slds-var-m-top_small` }));
  }

  concentration(): Finding | null {
    const concentration = this.balance?.concentration;
    if (!concentration || concentration.share === null || !concentration.largest) {
      return null;
    }
    const { largest, share, level, warnShare, flagShare } = concentration;
    const text =
      `The largest deal, ${largest.name} (${this.money(largest.amount ?? 0)}), is ${formatPercent(share)} of ` +
      'the open value.';
    const deal = { dealName: largest.name, dealUrl: `/lightning/r/Opportunity/${largest.id}/view` };
    if (level === 'flag') {
      return {
        key: 'concentration',
        iconName: 'utility:error',
        variant: 'error',
        label: 'Concentration risk',
        text: `${text} Above ${formatPercent(flagShare)}, losing it changes the period: add deals beside it.`,
        ...deal
      };
    }
    if (level === 'warn') {
      return {
        key: 'concentration',
        iconName: 'utility:warning',
        variant: 'warning',
        label: 'Concentrated',
        text: `${text} Above ${formatPercent(warnShare)}, the period leans on it.`,
        ...deal
      };
    }
    return {
      key: 'concentration',
      iconName: 'utility:success',
      variant: 'success',
      label: 'Spread',
      text: `${text} No single deal carries more than ${formatPercent(warnShare)}.`
    };
  }

  thinStages(): Finding | null {
    const balance = this.balance;
    if (!balance || balance.thinStages.length === 0) {
      return null;
    }
    const labels = balance.stages.filter((stage) => stage.thin).map((stage) => stage.label);
    return {
      key: 'thin-stages',
      iconName: 'utility:warning',
      variant: 'warning',
      label: 'Thin stages',
      text:
        `${labels.join(', ')} ${labels.length === 1 ? 'holds' : 'hold'} fewer than ` +
        `${formatCount(balance.thinStageMinDeals, 'open deal')}: nothing to fall back on at the end of the period.`
    };
  }

  stageCountAdvice(): Finding | null {
    const advice = this.balance?.stageCountAdvice;
    return advice
      ? { key: 'stage-advice', iconName: 'utility:info', label: 'Too many stages', text: advice }
      : null;
  }

  handleDrillDown(event: Event): void {
    const controlKey = (event.currentTarget as HTMLElement).dataset.controlKey ?? '';
    const row = this.rows.find((candidate) => candidate.key === controlKey);
    if (row) {
      this.dispatchEvent(
        drillDownEvent({
          bucket: 'open',
          stageName: row.stageName,
          fromDate: null,
          toDate: null,
          heading: `Open deals at ${row.label}`,
          controlKey
        })
      );
    }
  }
}
