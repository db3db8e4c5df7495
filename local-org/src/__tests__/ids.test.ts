import { composeId, idChecksum, keyPrefixOf, normalizeId } from '../ids';

describe('Salesforce ids', () => {
  // Published 15 → 18 conversions (Salesforce developer community test data and worked examples).
  it.each([
    ['a01M00000062mPg', 'a01M00000062mPgIAI'],
    ['001M000000qfPyS', '001M000000qfPySIAU'],
    ['a0FE000000D6r3F', 'a0FE000000D6r3FMAR'],
    ['0F9E000000092w2', '0F9E000000092w2KAA'],
    ['a0RE000000IJmcN', 'a0RE000000IJmcNMAT'],
    ['a0D30000001n7Pi', 'a0D30000001n7PiEAI'],
    ['00570000001ZwTi', '00570000001ZwTiAAK'],
    ['aaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaAAA'],
    ['AbCdEfGhIjKlMnO', 'AbCdEfGhIjKlMnOVKV'],
    ['aBcDEfgHIJKLMNO', 'aBcDEfgHIJKLMNO025']
  ])('converts %s to %s', (id15, id18) => {
    expect(normalizeId(id15)).toBe(id18);
    expect(idChecksum(id15)).toBe(id18.slice(15));
  });

  it('computes the checksum bit by bit: bit i of chunk c is set when character 5c+i is upper case', () => {
    // Chunks '00570', '00000', '1ZwTi': only Z (bit 1) and T (bit 3) of the last chunk are upper case → 10 → 'K'.
    expect(idChecksum('00570000001ZwTi')).toBe('AAK');
    expect(idChecksum('ZZZZZZZZZZZZZZZ')).toBe('555');
  });

  it('reads an 18-character id in any case through its checksum', () => {
    expect(normalizeId('001M000000QFPYSIAU')).toBe('001M000000qfPySIAU');
    expect(normalizeId('001m000000qfpysiau')).toBe('001M000000qfPySIAU');
    expect(normalizeId('001M000000qfPySIAU')).toBe('001M000000qfPySIAU');
  });

  it('keeps 15-character ids case-sensitive: the same letters in another case are another record', () => {
    expect(normalizeId('001m000000QFpYs')).not.toBe(normalizeId('001M000000qfPyS'));
  });

  it('rejects malformed ids', () => {
    expect(normalizeId('')).toBeNull();
    expect(normalizeId('001M000000qfPy')).toBeNull();
    expect(normalizeId('001M000000qfPyS!')).toBeNull();
    expect(normalizeId('001M000000qfPyS-AU')).toBeNull();
    expect(normalizeId('001M000000qfPySIAUX')).toBeNull();
    expect(normalizeId('001M000000qfPyS999')).toBeNull();
  });

  it('composes 18-character ids from a key prefix and a counter', () => {
    const id = composeId('006', 1);
    expect(id).toHaveLength(18);
    expect(keyPrefixOf(id)).toBe('006');
    expect(normalizeId(id)).toBe(id);
    expect(normalizeId(id.toLowerCase())).toBe(id);
    expect(composeId('006', 62)).not.toBe(composeId('006', 61));
    expect(composeId('006', 62).slice(0, 15)).toBe('006Lo0000000010');
  });

  it('refuses key prefixes and counters that cannot make an id', () => {
    expect(() => composeId('06', 1)).toThrow("invalid key prefix '06'");
    expect(() => composeId('006', 0)).toThrow('invalid id counter 0');
    expect(() => composeId('006', 2 ** 53)).toThrow('invalid id counter');
    expect(composeId('006', Number.MAX_SAFE_INTEGER)).toHaveLength(18);
  });
});
