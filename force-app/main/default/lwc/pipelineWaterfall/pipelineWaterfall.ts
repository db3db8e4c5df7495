/**
 * Pipeline change waterfall — presentational. How the open pipeline closing in the period moved between two days:
 * start, then new, pulled in and increased (added), won, decreased, pushed out and lost (taken away), to the end.
 * An SVG waterfall with a text summary for screen readers, and the same steps in a table.
 */
import { LightningElement, api } from 'lwc';
import type { Measured, Waterfall, WaterfallBasis, WaterfallStep } from 'c/pipelineMetrics';
import {
  DEFAULT_CURRENCY,
  formatCompactCurrency,
  formatCount,
  formatCurrency,
  formatDate,
  formatDateRange,
  formatNumber,
  formatSignedCompactCurrency
} from 'c/atlasFormat';

/** The chart's drawing box: one column of `COLUMN` units per step, bars `HEIGHT` units high at most. */
const COLUMN = 100;
const BAR = 64;
const HEIGHT = 200;

interface StepBar {
  key: string;
  label: string;
  amount: string;
  x: string;
  y: string;
  width: string;
  height: string;
  barClass: string;
}

/** The signed value a step adds to the running total (start and end are totals, not moves); never -0. */
function signedValue(step: WaterfallStep): number {
  return step.sign === 0 || step.value === 0 ? step.value : step.sign * step.value;
}

export default class PipelineWaterfall extends LightningElement {
  @api waterfall?: Measured<Waterfall, WaterfallBasis>;
  @api currencyCode = DEFAULT_CURRENCY;

  get isAvailable(): boolean {
    return this.waterfall?.status === 'ok';
  }

  get reason(): string {
    return this.waterfall?.reason ?? 'The waterfall was not computed.';
  }

  get steps(): WaterfallStep[] {
    return this.waterfall?.status === 'ok' ? this.waterfall.value.steps : [];
  }

  get caption(): string {
    const basis = this.waterfall?.basis;
    if (!basis?.from || !basis.to) {
      return '';
    }
    return (
      `Open pipeline closing ${formatDateRange(basis.period.start, basis.period.end)}, from ` +
      `${formatDate(basis.from)} to ${formatDate(basis.to)}.`
    );
  }

  amountOf(step: WaterfallStep): string {
    return step.sign === 0
      ? formatCompactCurrency(step.value, this.currencyCode)
      : formatSignedCompactCurrency(signedValue(step), this.currencyCode);
  }

  /** The labels under the chart line up with its columns. */
  get labelsStyle(): string {
    return `grid-template-columns: repeat(${this.steps.length}, minmax(0, 1fr));`;
  }

  get chartWidth(): string {
    return String(this.steps.length * COLUMN);
  }

  get chartHeight(): string {
    return String(HEIGHT);
  }

  get viewBox(): string {
    return `0 0 ${this.chartWidth} ${this.chartHeight}`;
  }

  get bars(): StepBar[] {
    const steps = this.steps;
    let running = 0;
    const spans = steps.map((step) => {
      if (step.sign === 0) {
        running = step.value;
        return { low: 0, high: step.value };
      }
      const before = running;
      running += signedValue(step);
      return { low: Math.min(before, running), high: Math.max(before, running) };
    });
    const top = Math.max(0, ...spans.map((span) => span.high));
    const scale = top > 0 ? HEIGHT / top : 0;
    return steps.map((step, index) => {
      const span = spans[index] ?? { low: 0, high: 0 };
      const height = (span.high - span.low) * scale;
      let barClass = 'bar-total';
      if (step.sign > 0) {
        barClass = 'bar-up';
      } else if (step.sign < 0) {
        barClass = 'bar-down';
      }
      return {
        key: step.key,
        label: step.label,
        amount: this.amountOf(step),
        x: String(index * COLUMN + (COLUMN - BAR) / 2),
        y: (HEIGHT - span.high * scale).toFixed(2),
        width: String(BAR),
        height: height.toFixed(2),
        barClass
      };
    });
  }

  get chartLabel(): string {
    return [
      'Pipeline change waterfall.',
      ...this.steps.map(
        (step) => `${step.label}: ${this.amountOf(step)}, ${formatCount(step.count, 'deal')}.`
      )
    ].join(' ');
  }

  get rows(): { key: string; label: string; deals: string; exact: string }[] {
    return this.steps.map((step) => ({
      key: step.key,
      label: step.label,
      deals: formatNumber(step.count),
      exact: formatCurrency(signedValue(step), this.currencyCode)
    }));
  }

  /** The steps should add up to the end to the cent; when the facts say otherwise, the panel says so. */
  get differenceText(): string | null {
    const waterfall = this.waterfall;
    if (waterfall?.status !== 'ok' || waterfall.value.difference === 0) {
      return null;
    }
    return (
      `The steps do not add up to the end value: they differ by ` +
      `${formatCurrency(waterfall.value.difference, this.currencyCode)}.`
    );
  }
}
