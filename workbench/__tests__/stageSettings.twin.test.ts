/**
 * The StageSettingsController twin against the local org: the org's active stages in order, merged with the
 * package's stage settings, as the Apex returns them to a component (null properties left out).
 */
import { getStages } from '../twins/StageSettingsController';
import { startTwinOrg, type TwinOrg } from './twin-org';

let twins: TwinOrg;

beforeAll(async () => {
  twins = await startTwinOrg();
}, 60_000);

afterAll(() => twins.close());

describe('StageSettingsController.getStages twin', () => {
  it("returns the org's active stages in sales-process order", async () => {
    const stages = await getStages(twins.context());
    expect(stages.map((stage) => stage.apiName)).toEqual([
      'Prospecting',
      'Qualification',
      'Needs Analysis',
      'Value Proposition',
      'Id. Decision Makers',
      'Perception Analysis',
      'Proposal/Price Quote',
      'Negotiation/Review',
      'Closed Won',
      'Closed Lost'
    ]);
    expect(stages.map((stage) => stage.sortOrder)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('merges each stage with its setting', async () => {
    const stages = await getStages(twins.context());
    const negotiation = stages.find((stage) => stage.apiName === 'Negotiation/Review');
    expect(negotiation).toMatchObject({
      label: 'Negotiation/Review',
      probability: 90,
      isClosed: false,
      isWon: false,
      forecastCategory: 'Pipeline',
      expectedDays: 14,
      requiresDecisionMaker: true
    });
    expect(negotiation?.exitCriteria).toMatch(/^Final price, terms and contract redlines agreed/);
  });

  it('leaves out the settings of a stage that has none, as Aura leaves out null properties', async () => {
    const won = (await getStages(twins.context())).find((stage) => stage.apiName === 'Closed Won');
    expect(won).toEqual({
      apiName: 'Closed Won',
      label: 'Closed Won',
      sortOrder: 9,
      probability: 100,
      isClosed: true,
      isWon: true,
      forecastCategory: 'Closed',
      requiresDecisionMaker: false
    });
  });
});
