import path from 'node:path';
import { componentProjects, typecheck } from '../typecheck';
import { lineOf, withProjectCopy } from './project-copy';

const COMPONENT = 'force-app/main/default/lwc/stageGuide/stageGuide.ts';

describe('typecheck of components against the generated platform declarations', () => {
  jest.setTimeout(60_000);
  const project = withProjectCopy();

  async function componentFindings(): Promise<Awaited<ReturnType<typeof typecheck>>['findings']> {
    const { findings } = await typecheck(project().root, componentProjects(project().root));
    return findings;
  }

  it('passes the components as they are', async () => {
    expect(await componentFindings()).toEqual([]);
  });

  it('fails on a component importing an Apex method that does not exist, at its file and line', async () => {
    const file = project().edit(COMPONENT, (source) =>
      source.replace('StageSettingsController.getStages', 'StageSettingsController.getStageList')
    );

    const findings = await componentFindings();

    expect(findings).toEqual([
      expect.objectContaining({
        file,
        line: lineOf(file, 'StageSettingsController.getStageList'),
        source: 'tsc'
      })
    ]);
    expect(findings[0]?.message).toContain("'@salesforce/apex/StageSettingsController.getStageList'");
  });

  it('fails on a component importing a field that does not exist', async () => {
    const file = project().edit(COMPONENT, (source) =>
      source.replace('Opportunity.LastStageChangeDate', 'Opportunity.Last_Stage_Change__c')
    );

    const findings = await componentFindings();

    expect(findings).toContainEqual(
      expect.objectContaining({ file, line: lineOf(file, 'Opportunity.Last_Stage_Change__c') })
    );
  });

  it('fails on a type error in a component, at its file and line', async () => {
    const file = project().edit(COMPONENT, (source) =>
      source.replace(
        'return stagePace(this.daysInStage, this.currentStage?.expectedDays);',
        "return stagePace(this.daysInStage, 'three weeks');"
      )
    );

    const findings = await componentFindings();

    expect(findings).toEqual([
      expect.objectContaining({ file, line: lineOf(file, "'three weeks'"), source: 'tsc' })
    ]);
    expect(findings[0]?.message).toMatch(/^TS2345/);
    expect(path.relative(project().root, findings[0]?.file ?? '')).toBe(COMPONENT);
  });
});
