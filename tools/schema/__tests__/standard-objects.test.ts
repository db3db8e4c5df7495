import { labelFromName } from '../field-builders';
import {
  DEFAULT_OPPORTUNITY_STAGES,
  STANDARD_CHILD_RELATIONSHIP_NAMES,
  STANDARD_OBJECTS
} from '../standard-objects';
import type { FieldDescriptor, ObjectDescriptor } from '../types';

function object(name: string): ObjectDescriptor {
  const found = STANDARD_OBJECTS.find((o) => o.name === name);
  if (found === undefined) throw new Error(`${name} is not in the catalog`);
  return found;
}

function fieldOf(objectName: string, fieldName: string): FieldDescriptor {
  const found = object(objectName).fields.find((f) => f.name === fieldName);
  if (found === undefined) throw new Error(`${objectName}.${fieldName} is not in the catalog`);
  return found;
}

describe('the standard object catalog', () => {
  it('has the real key prefixes', () => {
    expect(Object.fromEntries(STANDARD_OBJECTS.map((o) => [o.name, o.keyPrefix]))).toEqual({
      User: '005',
      UserRole: '00E',
      Account: '001',
      Contact: '003',
      Opportunity: '006',
      OpportunityStage: '01J',
      OpportunityContactRole: '00K',
      OpportunityHistory: '008',
      OpportunityFieldHistory: '017',
      Product2: '01t',
      Task: '00T',
      Event: '00U',
      ForecastingQuota: '0J9'
    });
  });

  it.each(STANDARD_OBJECTS.map((o) => [o.name, o] as const))(
    '%s lists Id first, has no duplicate fields and only read-only system fields',
    (_name, descriptor) => {
      expect(descriptor.fields[0]).toMatchObject({
        name: 'Id',
        type: 'id',
        createable: false,
        nillable: false
      });
      const names = descriptor.fields.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      for (const system of descriptor.fields.filter((f) =>
        ['CreatedDate', 'SystemModstamp', 'IsDeleted'].includes(f.name)
      )) {
        expect(system).toMatchObject({ createable: false, updateable: false });
      }
      expect(descriptor.custom).toBe(false);
    }
  );

  it('follows the real objects where system fields differ', () => {
    const names = (o: string): string[] => object(o).fields.map((f) => f.name);
    expect(names('UserRole')).not.toContain('CreatedDate');
    expect(names('UserRole')).toContain('LastModifiedById');
    expect(names('OpportunityHistory')).not.toContain('LastModifiedDate');
    expect(names('OpportunityFieldHistory')).not.toContain('SystemModstamp');
    expect(names('Contact')).toEqual(
      expect.arrayContaining(['CreatedById', 'LastModifiedDate', 'SystemModstamp'])
    );
  });

  it('ships the default sales stages on Opportunity.StageName and OpportunityHistory.StageName', () => {
    const stages = DEFAULT_OPPORTUNITY_STAGES.map((s) => s.ApiName);
    expect(stages).toEqual([
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
    expect(fieldOf('Opportunity', 'StageName').picklistValues.map((v) => v.value)).toEqual(stages);
    expect(fieldOf('OpportunityHistory', 'StageName').picklistValues.map((v) => v.value)).toEqual(stages);
    expect(DEFAULT_OPPORTUNITY_STAGES.filter((s) => s.IsClosed).map((s) => [s.ApiName, s.IsWon])).toEqual([
      ['Closed Won', true],
      ['Closed Lost', false]
    ]);
  });

  it('describes the Opportunity fields pipeline health reads', () => {
    expect(fieldOf('Opportunity', 'ExpectedRevenue')).toMatchObject({
      type: 'currency',
      calculated: true,
      createable: false
    });
    expect(fieldOf('Opportunity', 'PushCount')).toMatchObject({ type: 'int', updateable: false });
    expect(fieldOf('Opportunity', 'LastStageChangeDate')).toMatchObject({
      type: 'datetime',
      createable: false
    });
    expect(fieldOf('Opportunity', 'CloseDate')).toMatchObject({ type: 'date', nillable: false });
    expect(fieldOf('Opportunity', 'Probability')).toMatchObject({ type: 'percent', precision: 3, scale: 0 });
    expect(fieldOf('Opportunity', 'ForecastCategoryName').picklistValues.map((v) => v.value)).toEqual([
      'Omitted',
      'Pipeline',
      'Best Case',
      'Commit',
      'Closed'
    ]);
  });

  it('keeps history read-only and activities polymorphic', () => {
    for (const f of object('OpportunityHistory').fields) expect(f.createable).toBe(false);
    expect(fieldOf('OpportunityFieldHistory', 'OldValue').type).toBe('anyType');
    expect(fieldOf('Task', 'WhoId')).toMatchObject({
      referenceTo: ['Contact', 'Lead'],
      relationshipName: 'Who'
    });
    expect(fieldOf('Task', 'Status').picklistValues.find((v) => v.defaultValue)?.value).toBe('Not Started');
    expect(fieldOf('Task', 'Priority')).toMatchObject({ defaultedOnCreate: true, nillable: false });
    expect(fieldOf('Event', 'DurationInMinutes').type).toBe('int');
    expect(fieldOf('OpportunityContactRole', 'Role').picklistValues.map((v) => v.value)).toContain(
      'Economic Buyer'
    );
    expect(fieldOf('Contact', 'ReportsToId')).toMatchObject({
      referenceTo: ['Contact'],
      relationshipName: 'ReportsTo'
    });
  });

  it('names child relationships only for fields that exist', () => {
    for (const key of Object.keys(STANDARD_CHILD_RELATIONSHIP_NAMES)) {
      const [objectName = '', fieldName = ''] = key.split('.');
      expect(fieldOf(objectName, fieldName).type).toBe('reference');
    }
  });
});

describe('labelFromName', () => {
  it.each([
    ['AccountId', 'Account ID'],
    ['LastStageChangeDate', 'Last Stage Change Date'],
    ['Id', 'ID'],
    ['Wallet_Share__c', 'Wallet Share']
  ])('%s → %s', (name, label) => {
    expect(labelFromName(name)).toBe(label);
  });
});
