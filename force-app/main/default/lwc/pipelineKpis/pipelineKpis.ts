/**
 * Pipeline key numbers — presentational. Coverage against the coverage history requires (naming where the target
 * came from), win rate, average deal size, sales cycle length and sales velocity, each with what it was computed
 * from; a number that cannot be computed shows its reason instead. Buttons under the numbers fire `drilldown`
 * (a `DrillDownRequest`) for the deals behind them.
 */
import { LightningElement, api } from 'lwc';
import type { PipelineHealth, TargetSource } from 'c/pipelineMetrics';
import {
  DEFAULT_CURRENCY,
  NO_VALUE,
  formatCompactCurrency,
  formatCount,
  formatDays,
  formatMultiple,
  formatNumber,
  formatPercent
} from 'c/atlasFormat';
import { drillDownEvent, focusControlIn } from 'c/pipelineDrillDown';
import type { DrillDownRequest } from 'c/pipelineDrillDown';
import type { NoticeVariant } from 'c/atlasNotice';

interface TileStatus {
  variant: NoticeVariant;
  text: string;
}

interface TileAction {
  key: string;
  label: string;
}

interface KpiTile {
  key: string;
  title: string;
  value: string;
  status: TileStatus | null;
  reason: string | null;
  details: { key: string; text: string }[];
  actions: TileAction[];
}

const TARGET_SOURCE_LABELS: Record<TargetSource, string> = {
  ForecastingQuota: 'Collaborative Forecasts quotas',
  SalesTarget: 'Account Atlas sales targets',
  None: 'no target'
};

function details(...texts: (string | null)[]): { key: string; text: string }[] {
  return texts
    .filter((text): text is string => Boolean(text))
    .map((text, index) => ({ key: `d${index}`, text }));
}

export default class PipelineKpis extends LightningElement {
  @api health?: PipelineHealth;
  @api currencyCode = DEFAULT_CURRENCY;

  /** Puts the focus back on the button that opened a drill-down. */
  @api
  focusControl(controlKey: string): boolean {
    return focusControlIn(this.template, controlKey);
  }

  money(value: number): string {
    return formatCompactCurrency(value, this.currencyCode);
  }

  get tiles(): KpiTile[] {
    const health = this.health;
    if (!health) {
      return [];
    }
    return [
      this.coverageTile(health),
      this.winRateTile(health),
      this.dealSizeTile(health),
      this.cycleTile(health),
      this.velocityTile(health)
    ];
  }

  coverageTile(health: PipelineHealth): KpiTile {
    const { coverage, required } = health.coverage;
    const basis = coverage.basis;
    const winRate = health.winRate.byValue;
    const requiredText =
      required.status === 'ok' && winRate.status === 'ok'
        ? `Required: ${formatMultiple(required.value)}, one over the win rate by value ` +
          `(${formatPercent(winRate.value)} over the last ${required.basis.lookbackDays} days).`
        : `Required coverage is not known. ${required.reason ?? ''}`;
    const targetText =
      basis.target === null
        ? null
        : `Target ${this.money(basis.target)} from ${TARGET_SOURCE_LABELS[basis.targetSource]}: ` +
          `${this.money(basis.closedWon)} won, ${this.money(basis.remaining ?? 0)} to go.`;
    let status: TileStatus | null = null;
    if (coverage.status === 'ok' && required.status === 'ok') {
      status =
        coverage.value >= required.value
          ? { variant: 'success', text: 'At or above the required coverage' }
          : { variant: 'warning', text: 'Below the required coverage' };
    }
    return {
      key: 'coverage',
      title: 'Coverage',
      value: coverage.status === 'ok' ? formatMultiple(coverage.value) : NO_VALUE,
      status,
      reason: coverage.reason,
      details: details(
        `${this.money(basis.openInPeriod.value)} open in ${formatCount(basis.openInPeriod.count, 'deal')} ` +
          'closing in the period.',
        targetText,
        requiredText
      ),
      actions:
        basis.openInPeriod.count > 0
          ? [{ key: 'openInPeriod', label: 'View deals closing in the period' }]
          : []
    };
  }

  winRateTile(health: PipelineHealth): KpiTile {
    const { byCount, byValue } = health.winRate;
    const basis = byCount.basis;
    return {
      key: 'winRate',
      title: 'Win rate',
      value: byCount.status === 'ok' ? formatPercent(byCount.value) : NO_VALUE,
      status: null,
      reason: byCount.reason,
      details: details(
        byValue.status === 'ok' ? `By value: ${formatPercent(byValue.value)}.` : null,
        byCount.status === 'ok' && byValue.status !== 'ok' ? byValue.reason : null,
        `${formatCount(basis.wonDeals, 'deal')} won and ${formatNumber(basis.lostDeals)} lost in the last ` +
          `${basis.lookbackDays} days.`
      ),
      actions: [
        ...(basis.wonDeals > 0 ? [{ key: 'won', label: 'View won deals' }] : []),
        ...(basis.lostDeals > 0 ? [{ key: 'lost', label: 'View lost deals' }] : [])
      ]
    };
  }

  dealSizeTile(health: PipelineHealth): KpiTile {
    const size = health.averageDealSize;
    return {
      key: 'averageDealSize',
      title: 'Average deal size',
      value: size.status === 'ok' ? this.money(size.value) : NO_VALUE,
      status: null,
      reason: size.reason,
      details: details(
        size.status === 'ok'
          ? `From ${formatCount(size.basis.wonWithAmount, 'won deal')} with an amount in the last ` +
              `${size.basis.lookbackDays} days.`
          : null
      ),
      actions: []
    };
  }

  cycleTile(health: PipelineHealth): KpiTile {
    const cycle = health.cycleLength;
    return {
      key: 'cycleLength',
      title: 'Sales cycle',
      value: cycle.status === 'ok' ? formatDays(cycle.value.average) : NO_VALUE,
      status: null,
      reason: cycle.reason,
      details: details(
        cycle.status === 'ok'
          ? `On average from creation to close of ${formatCount(cycle.basis.wonDeals, 'won deal')}; ` +
              `median ${formatDays(cycle.value.median)}.`
          : null
      ),
      actions: []
    };
  }

  velocityTile(health: PipelineHealth): KpiTile {
    const velocity = health.velocity;
    const basis = velocity.basis;
    const formula =
      velocity.status === 'ok' && basis.averageDealSize !== null && basis.winRate !== null && basis.cycleDays
        ? `${formatCount(basis.openDeals, 'open deal')} × ${this.money(basis.averageDealSize)} × ` +
          `${formatPercent(basis.winRate)} ÷ ${formatDays(basis.cycleDays)}.`
        : null;
    return {
      key: 'velocity',
      title: 'Sales velocity',
      value: velocity.status === 'ok' ? `${this.money(velocity.value.perDay)} a day` : NO_VALUE,
      status: null,
      reason: velocity.reason,
      details: details(
        velocity.status === 'ok'
          ? `${this.money(velocity.value.perPeriod)} over the ${basis.periodDays}-day period.`
          : null,
        formula
      ),
      actions: []
    };
  }

  drillDownRequest(key: string): DrillDownRequest | null {
    const health = this.health;
    if (!health) {
      return null;
    }
    const window = health.winRate.byCount.basis;
    switch (key) {
      case 'openInPeriod':
        return {
          bucket: 'open',
          stageName: null,
          fromDate: health.period.start,
          toDate: health.period.end,
          heading: 'Open deals closing in the period',
          controlKey: key
        };
      case 'won':
      case 'lost':
        return {
          bucket: key,
          stageName: null,
          fromDate: window.from,
          toDate: window.to,
          heading:
            key === 'won'
              ? `Deals won in the last ${window.lookbackDays} days`
              : `Deals lost in the last ${window.lookbackDays} days`,
          controlKey: key
        };
      default:
        return null;
    }
  }

  handleDrillDown(event: Event): void {
    const request = this.drillDownRequest((event.currentTarget as HTMLElement).dataset.controlKey ?? '');
    if (request) {
      this.dispatchEvent(drillDownEvent(request));
    }
  }
}
