import { InputError } from '../errors';
import { objectShape } from '../loader/shape';
import { orgNames } from '../names';
import { checkObject, objectInfo, problemsMessage, type FieldInfo, type ObjectInfo } from '../target';
import type { SeedObject } from '../../seed/generator/types';

function field(name: string, overrides: Partial<FieldInfo> = {}): FieldInfo {
  return {
    name,
    type: 'string',
    createable: true,
    updateable: true,
    externalId: false,
    idLookup: false,
    scale: undefined,
    referenceTo: [],
    ...overrides
  };
}

function info(apiName: string, fields: FieldInfo[]): ObjectInfo {
  return { apiName, fields: new Map(fields.map((f) => [f.name.toLowerCase(), f])) };
}

const stakeholders: SeedObject = {
  object: 'Stakeholder__c',
  keyField: 'External_Id__c',
  selfReferences: ['Reports_To__c'],
  records: [
    {
      key: 'seed:sh-1',
      fields: { External_Id__c: 'seed:sh-1', Stance__c: 'Champion' },
      references: {
        Account__c: { object: 'Account', key: 'seed:acct-1' },
        Reports_To__c: { object: 'Stakeholder__c', key: 'seed:sh-2' }
      }
    }
  ]
};

const names = orgNames('atlas');
const shape = objectShape(stakeholders);
const global = { name: 'atlas__Stakeholder__c', createable: true };

function healthyFields(): FieldInfo[] {
  return [
    field('atlas__External_Id__c', { externalId: true }),
    field('atlas__Stance__c'),
    field('atlas__Account__c', { type: 'reference', referenceTo: ['Account'], updateable: false }),
    field('atlas__Reports_To__c', { type: 'reference', referenceTo: ['atlas__Stakeholder__c'] })
  ];
}

describe('checkObject', () => {
  it('accepts an object whose fields exist and are writable (a master-detail may be create-only)', () => {
    expect(checkObject(shape, names, global, info('atlas__Stakeholder__c', healthyFields()))).toEqual([]);
  });

  it('reports a missing object', () => {
    expect(checkObject(shape, names, undefined, undefined)).toEqual([
      { subject: 'atlas__Stakeholder__c', reason: 'object missing' }
    ]);
  });

  it('reports an object the user cannot create', () => {
    const [problem] = checkObject(shape, names, { ...global, createable: false }, info('x', healthyFields()));
    expect(problem?.reason).toMatch(/object not createable for the running user/);
  });

  it('reports every missing, unwritable or wrongly typed field with the reason', () => {
    const fields = [
      field('atlas__External_Id__c'),
      field('atlas__Account__c', { type: 'reference', referenceTo: ['Contact'] }),
      field('atlas__Reports_To__c', {
        type: 'reference',
        updateable: false,
        referenceTo: ['atlas__Stakeholder__c']
      })
    ];
    expect(checkObject(shape, names, global, info('atlas__Stakeholder__c', fields))).toEqual([
      {
        subject: 'atlas__Stakeholder__c.atlas__External_Id__c',
        reason: 'not an external id, so records cannot be upserted on it'
      },
      { subject: 'atlas__Stakeholder__c.atlas__Stance__c', reason: 'field missing' },
      { subject: 'atlas__Stakeholder__c.atlas__Account__c', reason: 'points to Contact, not Account' },
      {
        subject: 'atlas__Stakeholder__c.atlas__Reports_To__c',
        reason: 'not updateable, and it is set in a second pass once every record exists'
      }
    ]);
  });

  it('reports a field hidden or read-only for the running user', () => {
    const fields = healthyFields().map((f) =>
      f.name === 'atlas__Stance__c' ? { ...f, createable: false, updateable: false } : f
    );
    expect(checkObject(shape, names, global, info('atlas__Stakeholder__c', fields))).toEqual([
      {
        subject: 'atlas__Stakeholder__c.atlas__Stance__c',
        reason: 'not createable for the running user (field-level security, or a field the platform sets)'
      }
    ]);
  });
});

describe('problemsMessage', () => {
  it('lists every problem and says nothing was written', () => {
    const message = problemsMessage([
      { subject: 'atlas__Sales_Target__c', reason: 'object missing' },
      { subject: 'Account.atlas__External_Id__c', reason: 'field missing' }
    ]);
    expect(message).toContain('The org cannot take this data (2 problems); nothing was written:');
    expect(message).toContain('  atlas__Sales_Target__c: object missing');
    expect(message).toContain('  Account.atlas__External_Id__c: field missing');
    expect(new InputError(message).name).toBe('InputError');
  });
});

describe('objectInfo', () => {
  it('keeps what the loader needs from a describe, tolerating fields a describe leaves out', () => {
    const described = objectInfo({
      name: 'Account',
      fields: [
        {
          name: 'AnnualRevenue',
          type: 'currency',
          createable: true,
          updateable: true,
          externalId: false,
          scale: 2
        },
        { name: 'Id', type: 'id', createable: false, updateable: false, externalId: false, idLookup: true }
      ]
    } as unknown as Parameters<typeof objectInfo>[0]);
    expect(described.fields.get('annualrevenue')).toMatchObject({
      scale: 2,
      idLookup: false,
      referenceTo: []
    });
    expect(described.fields.get('id')).toMatchObject({ idLookup: true, scale: undefined });
  });
});
