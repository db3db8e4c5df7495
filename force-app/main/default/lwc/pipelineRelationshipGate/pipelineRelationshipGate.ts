/**
 * Relationship gate — presentational. Of the open deals at or past the first stage that requires a decision maker:
 * those with none identified, with one who is a Blocker (both fail) or a Non-Supporter (a warning), and the
 * high-influence people on them whom nobody on our team covers, each linked to its record. When the gate cannot
 * be checked (no political maps read, or no stage requires a decision maker) it says why.
 */
import { LightningElement, api } from 'lwc';
import STAKEHOLDER_OBJECT from '@salesforce/schema/Stakeholder__c';
import type { GateBasis, GateFinding, GateFindings, Measured, RelationshipGate } from 'c/pipelineMetrics';
import {
  DEFAULT_CURRENCY,
  NO_VALUE,
  formatCompactCurrency,
  formatCount,
  formatDate,
  formatNumber
} from 'c/atlasFormat';

interface DealItem {
  key: string;
  name: string;
  url: string;
  detail: string;
}

interface FindingGroup {
  key: string;
  title: string;
  severityLabel: string;
  iconName: string;
  variant: 'error' | 'warning';
  summary: string;
  deals: DealItem[];
  truncatedText: string | null;
}

interface PersonItem {
  key: string;
  name: string;
  url: string | null;
  /** Role in the decision and stance, leading to the deal's link. */
  detail: string;
  dealName: string;
  dealUrl: string;
}

function recordUrl(objectApiName: string, recordId: string): string {
  return `/lightning/r/${objectApiName}/${recordId}/view`;
}

export default class PipelineRelationshipGate extends LightningElement {
  @api relationships?: Measured<RelationshipGate, GateBasis>;
  @api currencyCode = DEFAULT_CURRENCY;

  get gate(): RelationshipGate | null {
    return this.relationships?.status === 'ok' ? this.relationships.value : null;
  }

  get reason(): string {
    return this.relationships?.reason ?? 'The political maps were not read.';
  }

  get checkedText(): string {
    const gate = this.gate;
    if (!gate) {
      return '';
    }
    return (
      `${formatCount(gate.checked.count, 'open deal')} (${formatCompactCurrency(gate.checked.value, this.currencyCode)}) ` +
      `at or past ${gate.gateLabel}, the first stage that requires a decision maker.`
    );
  }

  dealItem(deal: GateFinding, group: string): DealItem {
    const amount = deal.amount === null ? NO_VALUE : formatCompactCurrency(deal.amount, this.currencyCode);
    return {
      key: `${group}-${deal.id}`,
      name: deal.name,
      url: recordUrl('Opportunity', deal.id),
      detail: `${deal.stageName} · ${amount} · closes ${formatDate(deal.closeDate)}`
    };
  }

  group(
    key: string,
    title: string,
    findings: GateFindings,
    severity: GateFinding['severity']
  ): FindingGroup | null {
    if (findings.count === 0) {
      return null;
    }
    const fails = severity === 'fail';
    return {
      key,
      title,
      severityLabel: fails ? 'Fails the gate' : 'Warning',
      iconName: fails ? 'utility:error' : 'utility:warning',
      variant: fails ? 'error' : 'warning',
      summary:
        `${formatCount(findings.count, 'deal')}, ` +
        `${formatCompactCurrency(findings.value, this.currencyCode)}.`,
      deals: findings.deals.map((deal) => this.dealItem(deal, key)),
      truncatedText: findings.truncated
        ? `${formatCount(findings.deals.length, 'deal')} of ${formatNumber(findings.count)} listed.`
        : null
    };
  }

  get groups(): FindingGroup[] {
    const gate = this.gate;
    if (!gate) {
      return [];
    }
    return [
      this.group('noDecisionMaker', 'No decision maker identified', gate.noDecisionMaker, 'fail'),
      this.group('blocking', 'Decision maker is a Blocker', gate.blockingDecisionMaker, 'fail'),
      this.group(
        'nonSupporting',
        'Decision maker is a Non-Supporter',
        gate.nonSupportingDecisionMaker,
        'warn'
      )
    ].filter((group): group is FindingGroup => group !== null);
  }

  get people(): PersonItem[] {
    return (this.gate?.uncoveredPowerful.people ?? []).map((person, index) => ({
      key: `person${index}`,
      name: person.name ?? 'A high-influence person',
      url: person.id ? recordUrl(STAKEHOLDER_OBJECT.objectApiName, person.id) : null,
      detail: `· ${[person.decisionRole, person.stance].filter(Boolean).join(', ') || 'Role not set'} · on`,
      dealName: person.deal.name,
      dealUrl: recordUrl('Opportunity', person.deal.id)
    }));
  }

  get uncoveredText(): string | null {
    const uncovered = this.gate?.uncoveredPowerful;
    if (!uncovered || uncovered.count === 0) {
      return null;
    }
    const listed = uncovered.truncated
      ? ` ${formatCount(uncovered.people.length, 'person', 'people')} listed.`
      : '';
    return (
      `${formatCount(uncovered.count, 'high-influence person', 'high-influence people')} on ` +
      `${formatCount(uncovered.deals, 'deal')} ${uncovered.count === 1 ? 'is' : 'are'} covered by nobody on our ` +
      `team.${listed}`
    );
  }

  get allClear(): boolean {
    return this.gate !== null && this.groups.length === 0 && this.uncoveredText === null;
  }
}
