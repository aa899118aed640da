import { Kind } from 'graphql';
import { newPseudonym, pseudonymFromKey } from '../../src/persons/pseudonym';
import { departementArrayCheck, enumArrayCheck } from '../../src/shared/checks';
import { isDepartement } from '../../src/shared/departement';
import { parseId } from '../../src/shared/ids';
import { DateScalar } from '../../src/shared/scalars';
import { BadUserInputError } from '../../src/shared/errors';

describe('ids', () => {
  it('accepts a UUID, lower-cased', () => {
    expect(parseId('5F0C2A4E-8B1D-4C2E-9A7F-0D3E6B9C1A22', 'id')).toBe('5f0c2a4e-8b1d-4c2e-9a7f-0d3e6b9c1a22');
  });

  it('rejects anything else, naming the argument', () => {
    expect(() => parseId('42', 'personId')).toThrow(BadUserInputError);
    try {
      parseId("' or 1=1 --", 'personId');
    } catch (error) {
      expect((error as BadUserInputError).argumentName).toBe('personId');
    }
  });
});

describe('départements', () => {
  it.each(['01', '38', '49', '95', '2A', '2B', '971', '976'])('%s is one', (code) => expect(isDepartement(code)).toBe(true));
  it.each(['00', '20', '96', '977', '2C', '1', '380', ''])('%s is not', (code) => expect(isDepartement(code)).toBe(false));
});

describe('check constraint builders', () => {
  it('lists the enum values', () => {
    expect(enumArrayCheck('needs', { A: 'A', B: 'B' })).toBe(`needs <@ array['A', 'B']::text[]`);
  });

  it('matches each array element against the département pattern', () => {
    const pattern = new RegExp(departementArrayCheck('d').match(/~ '(.*)'$/)![1]);
    expect(pattern.test(['44', '49', '2A'].join(' '))).toBe(true);
    expect(pattern.test('')).toBe(true);
    expect(pattern.test(['44', '999'].join(' '))).toBe(false);
  });
});

describe('pseudonyms', () => {
  it('look like P- and eight unambiguous characters', () => {
    for (let i = 0; i < 50; i++) expect(newPseudonym()).toMatch(/^P-[0-9A-HJKMNP-TV-Z]{8}$/);
  });

  it('are stable for a key', () => {
    expect(pseudonymFromKey('story:pending-relais')).toBe(pseudonymFromKey('story:pending-relais'));
    expect(pseudonymFromKey('story:pending-relais')).not.toBe(pseudonymFromKey('story:no-referral'));
  });
});

describe('the Date scalar', () => {
  it('is named as in the contract and keeps calendar dates as YYYY-MM-DD', () => {
    expect(DateScalar.name).toBe('Date');
    expect(DateScalar.parseValue('2026-03-01')).toBe('2026-03-01');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2019-12-31' }, {})).toBe('2019-12-31');
    expect(DateScalar.serialize('2019-01-01')).toBe('2019-01-01');
  });

  it('rejects impossible dates', () => {
    expect(() => DateScalar.parseValue('2026-02-30')).toThrow();
    expect(() => DateScalar.parseValue('01/03/2026')).toThrow();
  });
});
