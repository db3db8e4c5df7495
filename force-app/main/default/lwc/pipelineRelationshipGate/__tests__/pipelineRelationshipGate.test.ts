/** Tests of the relationship gate panel: failing and warned deals, uncovered people, and why it cannot check. */
import PipelineRelationshipGate from 'c/pipelineRelationshipGate';
import type { GateBasis, Measured, RelationshipGate } from 'c/pipelineMetrics';
import { formatCompactCurrency, formatDate } from 'c/atlasFormat';
import {
  PIPELINE,
  STAGES,
  factsOf,
  healthOf,
  rowsWith
} from '../../pipelineHealth/__tests__/pipelineFixtures';
import { all, flush, mount, one, textOf, unmountAll } from '../../pipelineHealth/__tests__/componentHelpers';

type Gate = Measured<RelationshipGate, GateBasis>;

function render(relationships: Gate = healthOf().relationships): HTMLElement {
  return mount('c-pipeline-relationship-gate', PipelineRelationshipGate, { relationships });
}

function links(element: Element): [string, string][] {
  return [...element.querySelectorAll('a')].map((link) => [
    link.textContent ?? '',
    link.getAttribute('href') ?? ''
  ]);
}

describe('c-pipeline-relationship-gate', () => {
  afterEach(unmountAll);

  it('lists the deals past the gate without a decision maker or with one against us, linked', async () => {
    const element = render();
    await flush();

    expect(textOf(element, '.checked')).toBe(
      `4 open deals (${formatCompactCurrency(280000)}) at or past Id. Decision Makers, the first stage that ` +
        'requires a decision maker.'
    );
    const groups = all(element, '.finding-group');
    expect(groups.map((group) => group.dataset.group)).toEqual([
      'noDecisionMaker',
      'blocking',
      'nonSupporting'
    ]);
    expect(groups.map((group) => group.querySelector('h4')?.textContent?.trim())).toEqual([
      'No decision maker identified: Fails the gate',
      'Decision maker is a Blocker: Fails the gate',
      'Decision maker is a Non-Supporter: Warning'
    ]);
    expect(
      groups.map(
        (group) => (group.querySelector('h4 lightning-icon') as unknown as { iconName: string }).iconName
      )
    ).toEqual(['utility:error', 'utility:error', 'utility:warning']);
    expect(links(groups[0] as Element)).toEqual([
      ['Nod publishers', '/lightning/r/Opportunity/006000000000O10AAA/view']
    ]);
    expect(groups[0]?.querySelector('li')?.textContent).toContain(
      `Perception Analysis · ${formatCompactCurrency(35000)} · closes ${formatDate('2026-12-01')}`
    );
    expect(links(groups[1] as Element)).toEqual([
      ['Fourth Coffee global', '/lightning/r/Opportunity/006000000000O08AAA/view']
    ]);
    expect(groups[2]?.textContent).toContain(`1 deal, ${formatCompactCurrency(5000)}.`);
    expect(element.shadowRoot?.querySelector('.all-clear')).toBeNull();
  });

  it('names the powerful people nobody covers, with links to them and their deal', async () => {
    const element = render();
    await flush();

    const uncovered = one(element, '.uncovered');
    expect(uncovered.querySelector('p')?.textContent).toBe(
      '1 high-influence person on 1 deal is covered by nobody on our team.'
    );
    expect(links(uncovered)).toEqual([
      ['Dana Reyes', '/lightning/r/Stakeholder__c/a01000000000003AAA/view'],
      ['Fourth Coffee global', '/lightning/r/Opportunity/006000000000O08AAA/view']
    ]);
    expect(uncovered.querySelector('.person-detail')?.textContent).toBe(
      '· Technical Evaluator, Neutral · on'
    );
  });

  it('says how many are listed when there are more than the facts keep', async () => {
    const stakeholders = (PIPELINE.stakeholders ?? []).map((person) => ({
      ...person,
      coveredBy: null,
      influence: 'High'
    }));
    const element = render(
      healthOf(factsOf(rowsWith({ stakeholders, settings: { listCap: 1 } }))).relationships
    );
    await flush();

    expect(textOf(element, '.uncovered p')).toBe(
      '4 high-influence people on 3 deals are covered by nobody on our team. 1 person listed.'
    );
    unmountAll();

    const unmapped = render(
      healthOf(factsOf(rowsWith({ stakeholders: [], settings: { listCap: 1 } }))).relationships
    );
    await flush();
    const group = one(unmapped, '.finding-group');
    expect(group.querySelector('h4')?.textContent?.trim()).toBe(
      'No decision maker identified: Fails the gate'
    );
    expect(group.querySelectorAll('li')).toHaveLength(1);
    expect(group.textContent).toContain('1 deal of 4 listed.');
  });

  it('is all clear when every deal past the gate has a decision maker on our side and everyone is covered', async () => {
    const stakeholders = ['001000000000008AAA', '001000000000009AAA', '001000000000010AAA'].map(
      (accountId, index) => ({
        id: `a0100000000010${index}AAA`,
        name: null,
        accountId,
        dealId: null,
        decisionRole: 'Economic Buyer',
        stance: 'Champion',
        influence: 'High',
        coveredBy: '005000000000001AAA'
      })
    );
    const element = render(
      healthOf(
        factsOf(rowsWith({ stakeholders: [...stakeholders, ...(PIPELINE.stakeholders ?? []).slice(0, 1)] }))
      ).relationships
    );
    await flush();

    expect(textOf(element, '.all-clear')).toContain(
      'Every one of them has a decision maker who is not against us'
    );
    expect(all(element, '.finding-group')).toHaveLength(0);
    expect(element.shadowRoot?.querySelector('.uncovered')).toBeNull();
  });

  it('says why the gate cannot be checked', async () => {
    const unread = render(healthOf(factsOf(rowsWith({ stakeholders: undefined }))).relationships);
    await flush();
    expect(textOf(unread, '.reason')).toBe('The political maps were not read.');
    unmountAll();

    const ungated = STAGES.map((stage) => ({ ...stage, requiresDecisionMaker: false }));
    const element = render(healthOf(factsOf(undefined, ungated)).relationships);
    await flush();
    expect(textOf(element, '.reason')).toBe(
      'No stage requires a decision maker: set Requires Decision Maker on a Stage Setting.'
    );
    expect(element.shadowRoot?.querySelector('.checked')).toBeNull();
  });
});
