/**
 * The relationship gate (data/relationshipGate.json). Default stages; Id. Decision Makers requires a decision
 * maker, so open deals there or later are checked:
 *
 *   deal  stage                  amount  people                                                   result
 *   G1    Proposal/Price Quote   50,000  DM Supporter; Influencer High uncovered; User Medium     passes; 1 uncovered
 *   G2    Negotiation/Review     40,000  account map: Economic Buyer Blocker                      fails (blocker)
 *   G3    Id. Decision Makers    30,000  DM Non-Supporter                                         warning
 *   G4    Perception Analysis    20,000  Gatekeeper High uncovered (a DM mapped on another deal)  fails (no DM); 1 uncovered
 *   G5    Qualification          10,000  nobody                                                   before the gate
 *   G6    Closed Won              9,000  —                                                        closed
 */
import { computePipelineHealth, relationshipGate } from 'c/pipelineMetrics';
import type { Deal, StageDefinition, StakeholderFact } from 'c/pipelineMetrics';
import data from './data/relationshipGate.json';
import { DEFAULT_STAGES, factsOf } from './pipelineTestData';

const deals = data.deals as Deal[];
const stakeholders = data.stakeholders as StakeholderFact[];
const gate = relationshipGate(factsOf({ deals, stakeholders })).value;

describe('relationship gate', () => {
  it('checks the open deals at or past the first stage that requires a decision maker', () => {
    expect(gate?.gateStage).toBe('Id. Decision Makers');
    // G1 + G2 + G3 + G4.
    expect(gate?.checked).toEqual({ count: 4, value: 140_000 });
  });

  it('fails deals without a decision maker, or with one who blocks', () => {
    expect(gate?.noDecisionMaker).toMatchObject({ count: 1, value: 20_000, truncated: false });
    expect(gate?.noDecisionMaker.deals[0]).toMatchObject({
      id: '006G4',
      nextStep: 'Call the sponsor',
      severity: 'fail',
      decisionMakers: 0,
      reason: 'No decision maker identified.'
    });
    // The Economic Buyer is on G2's account map, which applies to every deal of the account.
    expect(gate?.blockingDecisionMaker.deals[0]).toMatchObject({
      id: '006G2',
      severity: 'fail',
      decisionMakers: 1,
      reason: 'A decision maker is a Blocker.'
    });
  });

  it('lists the failing deals largest first', () => {
    const larger = { ...(deals[3] as Deal), id: '006G7', amount: 60_000, accountId: '001G7' };
    const failing = relationshipGate(factsOf({ deals: [...deals, larger], stakeholders })).value
      ?.noDecisionMaker;
    expect(failing?.deals.map((deal) => [deal.id, deal.amount])).toEqual([
      ['006G7', 60_000],
      ['006G4', 20_000]
    ]);
  });

  it('warns when a decision maker is a Non-Supporter', () => {
    expect(gate?.nonSupportingDecisionMaker.deals.map((deal) => [deal.id, deal.severity])).toEqual([
      ['006G3', 'warn']
    ]);
  });

  it('lists the powerful people nobody on our team covers, largest deal first', () => {
    expect(gate?.uncoveredPowerful).toMatchObject({ count: 2, deals: 2, truncated: false });
    expect(
      gate?.uncoveredPowerful.people.map((person) => [person.name, person.deal.id, person.reason])
    ).toEqual([
      ['Sam Power', '006G1', 'Sam Power on Deal 006G1 is covered by nobody on our team.'],
      ['Max Gate', '006G4', 'Max Gate on Deal 006G4 is covered by nobody on our team.']
    ]);
    expect(gate?.uncoveredPowerful.people[0]?.deal).toEqual({
      id: '006G1',
      name: 'Deal 006G1',
      accountId: '001G1',
      ownerId: '005000000000001',
      stageName: 'Proposal/Price Quote',
      amount: 50_000,
      closeDate: '2026-12-15',
      nextStep: 'Call the sponsor'
    });
  });

  it('names an unnamed person by influence', () => {
    const anonymous = stakeholders.map(({ id: _id, name: _name, ...person }) => person);
    const people = relationshipGate(factsOf({ deals, stakeholders: anonymous })).value?.uncoveredPowerful
      .people;
    expect(people?.[0]).toMatchObject({ id: null, name: null });
    expect(people?.[0]?.reason).toBe(
      'A High-influence person on Deal 006G1 is covered by nobody on our team.'
    );
  });

  it('says when the political maps were not read', () => {
    expect(relationshipGate(factsOf({ deals }))).toMatchObject({
      status: 'no-data',
      reason: 'The political maps were not read.',
      basis: { mapsRead: false, gateStage: null }
    });
  });

  it('says when no stage requires a decision maker', () => {
    const stages: StageDefinition[] = DEFAULT_STAGES.map((stage) => ({
      ...stage,
      requiresDecisionMaker: false
    }));
    const health = computePipelineHealth(factsOf({ stages, deals, stakeholders }));
    expect(health.relationships).toMatchObject({
      status: 'not-configured',
      reason: 'No stage requires a decision maker: set Requires Decision Maker on a Stage Setting.'
    });
  });
});
