/**
 * The relationship gate as the panel shows it: open deals at or past the gate stage with no decision maker
 * (Decision Maker or Economic Buyer) or with one who is a Blocker fail; one who is a Non-Supporter is a warning;
 * and the powerful (High influence) people on those deals whom nobody on our team covers are listed.
 */
import type { DealRef, GateRuleFacts, PipelineFacts, Tally, UncoveredStakeholder } from './factTypes';
import { available, type Measured, unavailable } from './measured';

export interface GateFinding extends DealRef {
  severity: 'fail' | 'warn';
  decisionMakers: number;
  reason: string;
}

export interface GateFindings extends Tally {
  deals: GateFinding[];
  truncated: boolean;
}

export interface RelationshipGate {
  gateStage: string;
  gateLabel: string;
  /** Open deals at the gate stage or later. */
  checked: Tally;
  noDecisionMaker: GateFindings;
  blockingDecisionMaker: GateFindings;
  nonSupportingDecisionMaker: GateFindings;
  uncoveredPowerful: {
    count: number;
    deals: number;
    people: (UncoveredStakeholder & { reason: string })[];
    truncated: boolean;
  };
}

export interface GateBasis {
  /** Whether political-map data was given to the facts. */
  mapsRead: boolean;
  gateStage: string | null;
}

export function relationshipGate(facts: PipelineFacts): Measured<RelationshipGate, GateBasis> {
  const gate = facts.relationships;
  const basis = { mapsRead: gate !== null, gateStage: gate?.gateStage ?? null };
  if (!gate) {
    return unavailable('no-data', 'The political maps were not read.', basis);
  }
  const stage = facts.stages.find((candidate) => candidate.apiName === gate.gateStage);
  if (!stage) {
    return unavailable(
      'not-configured',
      'No stage requires a decision maker: set Requires Decision Maker on a Stage Setting.',
      basis
    );
  }
  const { uncoveredPowerful } = gate;
  return available(
    {
      gateStage: stage.apiName,
      gateLabel: stage.label,
      checked: gate.checked,
      noDecisionMaker: findings(gate.noDecisionMaker, 'fail', 'No decision maker identified.'),
      blockingDecisionMaker: findings(gate.blockingDecisionMaker, 'fail', 'A decision maker is a Blocker.'),
      nonSupportingDecisionMaker: findings(
        gate.nonSupportingDecisionMaker,
        'warn',
        'A decision maker is a Non-Supporter.'
      ),
      uncoveredPowerful: {
        count: uncoveredPowerful.count,
        deals: uncoveredPowerful.deals,
        people: uncoveredPowerful.people.map((person) => ({
          ...person,
          reason: `${person.name ?? 'A High-influence person'} on ${person.deal.name} is covered by nobody on our team.`
        })),
        truncated: uncoveredPowerful.count > uncoveredPowerful.people.length
      }
    },
    basis
  );
}

function findings(facts: GateRuleFacts, severity: 'fail' | 'warn', reason: string): GateFindings {
  return {
    count: facts.count,
    value: facts.value,
    deals: facts.deals.map((deal) => ({ ...deal, severity, reason })),
    truncated: facts.count > facts.deals.length
  };
}
