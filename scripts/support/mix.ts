/**
 * The mix of `npm run soak`, shared with `npm run bench:peer -- --mix`: six operations as
 * partners use them, from five accounts of different roles, weighted by repetition (ten entries:
 * one write in ten). The peer's documents for the same operations are in scripts/peer/documents.ts.
 */

export const MIX_OPERATIONS = ['persons', 'caseload', 'person', 'referrals', 'outcomes', 'write'] as const;
export type MixOperation = (typeof MIX_OPERATIONS)[number];

/** Passerelle's documents. */
export const PASSERELLE_MIX: Record<MixOperation, string> = {
  persons: `query Persons { persons(first: 20) { totalCount edges { cursor node { id pseudonym identity { firstName lastName } referrals { id status toStructure { name } } } } } }`,
  caseload: `query Caseload { myCaseload(first: 50) { edges { node { person { id pseudonym } flags } } } }`,
  person: `query Person($id: ID!) { person(id: $id) { id pseudonym identity { lastName } caseNotes { id text } timeline(first: 10) { edges { node { id } } } } }`,
  referrals: `query Referrals { referrals { id status person { id pseudonym } } }`,
  outcomes: `query Outcomes { programOutcomes(from: "2019-01-01", to: "2024-12-31", groupBy: [DEPARTEMENT]) { rows { group } } }`,
  write: `mutation Note($input: WriteCaseNoteInput!) { writeCaseNote(input: $input) { id } }`,
};

/** The entries of the mix, in the order the clients take them, with the account of each. */
export const MIX: readonly { name: MixOperation; login: string }[] = [
  { name: 'persons', login: 'cpip.grenoble' },
  { name: 'persons', login: 'cpip.grenoble' },
  { name: 'caseload', login: 'cpip.grenoble' },
  { name: 'person', login: 'cpip.grenoble' },
  { name: 'person', login: 'cpip.grenoble' },
  { name: 'referrals', login: 'ts.relais38' },
  { name: 'referrals', login: 'soignant.csapa38' },
  { name: 'referrals', login: 'coord.siao38' },
  { name: 'outcomes', login: 'eval.ofdt' },
  { name: 'write', login: 'cpip.grenoble' },
];

/** The account whose persons `person` reads and `write` writes on (its persons under a full mandate). */
export const MIX_PERSONS_LOGIN = 'cpip.grenoble';

/** Who wrote it (the clients of both servers write the same text). */
export const noteText = (sequence: number): string => `Entretien de suivi n° ${sequence}`;

export const pick = <T>(items: readonly T[], sequence: number): T => items[sequence % items.length];

/** Passerelle's variables of one request of the mix. */
export function passerelleVariables(name: MixOperation, personIds: readonly string[], sequence: number): Record<string, unknown> | undefined {
  if (name === 'person') return { id: pick(personIds, sequence) };
  if (name === 'write') return { input: { personId: pick(personIds, sequence), domain: 'JUDICIAL', text: noteText(sequence) } };
  return undefined;
}
