import { InputError } from '../errors';
import { detectNamespace, orgNames } from '../names';

describe('orgNames', () => {
  const installed = orgNames('atlas');

  it('prefixes the package objects and their fields where the package is installed', () => {
    expect(installed.apiName('Account_Plan__c')).toBe('atlas__Account_Plan__c');
    expect(installed.apiName('Status__c')).toBe('atlas__Status__c');
  });

  it('prefixes the package fields on standard objects but never standard names', () => {
    expect(installed.apiName('External_Id__c')).toBe('atlas__External_Id__c');
    expect(installed.apiName('Account')).toBe('Account');
    expect(installed.apiName('ReportsToId')).toBe('ReportsToId');
    expect(installed.apiName('Name')).toBe('Name');
  });

  it('leaves names that already carry a namespace alone', () => {
    expect(installed.apiName('atlas__Status__c')).toBe('atlas__Status__c');
  });

  it('changes nothing where the source was deployed without a namespace', () => {
    const source = orgNames(null);
    expect(source.apiName('Account_Plan__c')).toBe('Account_Plan__c');
    expect(source.namespace).toBeNull();
  });
});

describe('detectNamespace', () => {
  it('finds the installed package', () => {
    expect(detectNamespace(['Account', 'atlas__Account_Plan__c'], 'atlas')).toBe('atlas');
  });

  it('finds unpackaged source, whatever the case of the names', () => {
    expect(detectNamespace(['Account', 'account_plan__c'], 'atlas')).toBeNull();
  });

  it('says what to do when the package is not there', () => {
    expect(() => detectNamespace(['Account', 'Contact'], 'atlas')).toThrow(InputError);
    expect(() => detectNamespace(['Account'], 'atlas')).toThrow(
      /neither atlas__Account_Plan__c \(the installed package\) nor Account_Plan__c/
    );
  });
});
