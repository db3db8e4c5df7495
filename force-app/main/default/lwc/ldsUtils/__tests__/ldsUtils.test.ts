import { reduceErrors } from 'c/ldsUtils';

describe('reduceErrors', () => {
  it('reads the message of an Apex error', () => {
    expect(reduceErrors({ body: { message: 'Insufficient access to Stage_Setting__mdt' } })).toEqual([
      'Insufficient access to Stage_Setting__mdt'
    ]);
  });

  it('reads page and field errors of a record save, in order', () => {
    const error = {
      body: {
        output: {
          errors: [{ message: 'Record is locked' }],
          fieldErrors: { Amount: [{ message: 'Amount must be positive' }] }
        }
      }
    };
    expect(reduceErrors(error)).toEqual(['Record is locked', 'Amount must be positive']);
  });

  it('reads UI API page and field errors and lists of bodies', () => {
    const error = {
      body: [
        { pageErrors: [{ message: 'Page problem' }], fieldErrors: { Name: [{ message: 'Name required' }] } },
        { message: 'Second body' }
      ]
    };
    expect(reduceErrors(error)).toEqual(['Page problem', 'Name required', 'Second body']);
  });

  it('reads JavaScript errors, strings and HTTP status texts, dropping blanks and repeats', () => {
    expect(
      reduceErrors([
        new Error('Network down'),
        'Plain text',
        { statusText: 'Service Unavailable' },
        '  ',
        'Plain text'
      ])
    ).toEqual(['Network down', 'Plain text', 'Service Unavailable']);
  });

  it('returns nothing for no error', () => {
    expect(reduceErrors(undefined)).toEqual([]);
    expect(reduceErrors([null, {}])).toEqual([]);
  });

  it('falls back to the error message when a body has none', () => {
    expect(reduceErrors({ body: {}, message: 'Fetch failed' })).toEqual(['Fetch failed']);
  });
});
