import { DEFAULT_OPPORTUNITY_STAGES } from '../../../../tools/schema/standard-objects';
import { cycles, keyProblems, recordsOf, referenceProblems, schemaProblems } from './checks';
import { CUSTOM_STAGES, DEFAULT_STAGES, VARIANTS, dataset, options, projectSchema } from './fixtures';

describe.each(VARIANTS)('%s', (_, overrides) => {
  const data = (): ReturnType<typeof dataset> => dataset(overrides);
  const stages = options(overrides).stages;

  it('writes only existing, createable fields with valid values, and every required field', () => {
    expect(schemaProblems(projectSchema(), data(), stages)).toEqual([]);
  });

  it('keys every record uniquely on its key field', () => {
    expect(keyProblems(projectSchema(), data())).toEqual([]);
  });

  it('points every reference at an existing record of the right object, loaded before it', () => {
    expect(referenceProblems(data())).toEqual([]);
  });

  it('never loops through a self reference', () => {
    const loops = data().objects.flatMap((object) =>
      object.selfReferences.flatMap((field) => cycles(object.records, field))
    );
    expect(loops).toEqual([]);
  });
});

describe('stages', () => {
  it('uses only the org stages it is given', () => {
    const names = new Set(CUSTOM_STAGES.map((s) => s.apiName));
    const data = dataset({ stages: CUSTOM_STAGES, seed: 7 });
    const used = [
      ...recordsOf(data, 'Opportunity').map((r) => r.fields['StageName']),
      ...recordsOf(data, 'Opportunity_Change__c').flatMap((r) => [
        r.fields['Stage_Name__c'],
        r.fields['Previous_Stage_Name__c']
      ])
    ].filter((name) => name !== undefined);
    expect(used.filter((name) => !names.has(String(name)))).toEqual([]);
    expect(new Set(recordsOf(data, 'Opportunity').map((r) => r.fields['StageName']))).toEqual(names);
  });

  it('with the default stages, only writes values of the standard StageName picklist', () => {
    expect(DEFAULT_STAGES.map((s) => s.apiName)).toEqual(DEFAULT_OPPORTUNITY_STAGES.map((s) => s.ApiName));
    const picklist = new Set(DEFAULT_OPPORTUNITY_STAGES.map((s) => s.ApiName));
    const stages = recordsOf(dataset(), 'Opportunity').map((r) => String(r.fields['StageName']));
    expect(stages.filter((s) => !picklist.has(s))).toEqual([]);
  });

  it('leaves Probability to the stage default', () => {
    expect(recordsOf(dataset(), 'Opportunity').filter((r) => 'Probability' in r.fields)).toEqual([]);
  });
});
