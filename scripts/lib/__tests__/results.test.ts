import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { defaultResultsDir, ResultsFolder } from '../results';

describe('ResultsFolder', () => {
  let dir: string;

  beforeEach(() => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-results-')), 'seed-1');
  });

  afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('creates nothing until there is a row to write', () => {
    new ResultsFolder(dir).writeFailed('Account', ['Name'], []);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('appends success rows under one header, with the key, Id, action and the row values', () => {
    const results = new ResultsFolder(dir);
    const columns = ['Name', 'NumberOfEmployees', 'ParentId'];
    results.writeSuccess('Account', columns, [
      {
        key: 'seed:a1',
        id: '001A',
        action: 'created',
        values: { Name: 'Acme, Inc.', NumberOfEmployees: 120 }
      }
    ]);
    results.writeSuccess('Account', columns, [
      {
        key: 'seed:a2',
        id: '001B',
        action: 'unchanged',
        values: { Name: 'Globex "North"', ParentId: 'seed:a1' }
      }
    ]);
    const rows = parse(fs.readFileSync(results.fileFor('Account', 'success'), 'utf8'), { columns: true });
    expect(rows).toEqual([
      {
        Key: 'seed:a1',
        Id: '001A',
        Action: 'created',
        Name: 'Acme, Inc.',
        NumberOfEmployees: '120',
        ParentId: ''
      },
      {
        Key: 'seed:a2',
        Id: '001B',
        Action: 'unchanged',
        Name: 'Globex "North"',
        NumberOfEmployees: '',
        ParentId: 'seed:a1'
      }
    ]);
  });

  it('writes failures with the error code and message', () => {
    const results = new ResultsFolder(dir);
    results.writeFailed(
      'atlas__Stakeholder__c',
      ['atlas__Influence__c', 'IsKey'],
      [
        {
          key: 'seed:s1',
          id: null,
          errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          message: 'Influence: bad value for restricted picklist field: Huge',
          values: { atlas__Influence__c: 'Huge', IsKey: false }
        }
      ]
    );
    const text = fs.readFileSync(path.join(dir, 'atlas__Stakeholder__c-failed.csv'), 'utf8');
    expect(parse(text, { columns: true })).toEqual([
      {
        Key: 'seed:s1',
        Id: '',
        'Error Code': 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        Message: 'Influence: bad value for restricted picklist field: Huge',
        atlas__Influence__c: 'Huge',
        IsKey: 'false'
      }
    ]);
  });
});

describe('defaultResultsDir', () => {
  it('names the folder after the run time, sortable and without colons', () => {
    expect(defaultResultsDir('/project', 'seed', new Date('2026-11-23T16:04:05.123Z'))).toBe(
      path.join('/project', 'results', 'seed-2026-11-23T16-04-05')
    );
  });
});
