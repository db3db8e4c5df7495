import { parse } from 'csv-parse/sync';
import { parseBulkError, toCsv } from '../loader/bulk';

describe('toCsv', () => {
  it('writes Bulk API 2.0 CSV: #N/A sets null, an empty cell leaves a field alone', () => {
    const csv = toCsv(
      ['External_Id__c', 'Name', 'IsActive__c', 'Amount__c', 'Description'],
      [
        {
          key: 'k1',
          values: { External_Id__c: 'k1', Name: 'Acme, "Big" Co', IsActive__c: true, Amount__c: 12.5 }
        },
        { key: 'k2', values: { External_Id__c: 'k2', Name: 'Line\nbreak', Description: null } }
      ]
    );
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv).not.toContain('\r');
    expect(parse(csv)).toEqual([
      ['External_Id__c', 'Name', 'IsActive__c', 'Amount__c', 'Description'],
      ['k1', 'Acme, "Big" Co', 'true', '12.5', ''],
      ['k2', 'Line\nbreak', '', '', '#N/A']
    ]);
  });
});

describe('parseBulkError', () => {
  it("splits Salesforce's code:message:fields form", () => {
    expect(parseBulkError('UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--')).toEqual({
      errorCode: 'UNABLE_TO_LOCK_ROW',
      message: 'unable to obtain exclusive access to this record'
    });
    expect(parseBulkError('REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --')).toEqual({
      errorCode: 'REQUIRED_FIELD_MISSING',
      message: 'Required fields are missing: [Name]:Name --'
    });
  });

  it('keeps a message without a code whole', () => {
    expect(parseBulkError('something odd')).toEqual({ errorCode: 'UNKNOWN_ERROR', message: 'something odd' });
  });
});
