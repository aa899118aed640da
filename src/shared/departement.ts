/** INSEE département codes: 01-95 (Corsica is 2A and 2B, no 20) and 971-976 overseas. */
export const DEPARTEMENT_PATTERN = '^(0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5]|2A|2B|97[1-6])$';

const DEPARTEMENT = new RegExp(DEPARTEMENT_PATTERN);

export function isDepartement(value: string): boolean {
  return DEPARTEMENT.test(value);
}
