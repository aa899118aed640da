import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { MyCaseloadDocument, PersonDocument, PersonWorkDocument, PersonsDocument, ReferralsDocument } from '../generated/graphql';
import { TestApp } from '../support/test-app';

/**
 * The server executes queries compiled by graphql-jit; graphql-js stays behind a switch
 * (GRAPHQL_EXECUTOR=graphql-js). Both must answer exactly alike, data, nulls from the domain
 * guard and errors included: two servers on copies of the demo data, the same requests.
 */
describe('compiled execution answers as graphql-js does', () => {
  let compiled: TestApp;
  let reference: TestApp;
  const logins = ['cpip.grenoble', 'coord.siao38', 'soignant.csapa38', 'ts.relais38', 'cpip.angers', 'eval.ofdt'];

  beforeAll(async () => {
    [compiled, reference] = await Promise.all([TestApp.start(), TestApp.start({ env: { GRAPHQL_EXECUTOR: 'graphql-js' } })]);
  });

  afterAll(async () => {
    await Promise.all([compiled?.close(), reference?.close()]);
  });

  async function both<T, V extends Record<string, unknown>>(login: string, document: TypedDocumentNode<T, V>, variables?: V): Promise<[unknown, unknown]> {
    const [a, b] = await Promise.all([compiled.as(login).query(document, variables), reference.as(login).query(document, variables)]);
    return [a, b];
  }

  it('pages, persons with every domain, their work and referrals, for every kind of structure', async () => {
    let compared = 0;
    for (const login of logins) {
      const [page, expected] = await both(login, PersonsDocument, { first: 100 });
      expect(page).toEqual(expected);
      const ids = ((page as { data?: { persons?: { edges: { node: { id: string } }[] } } }).data?.persons?.edges ?? []).map((edge) => edge.node.id);
      for (const id of ids.slice(0, 8)) {
        const [person, expectedPerson] = await both(login, PersonDocument, { id });
        expect(person).toEqual(expectedPerson);
        const [work, expectedWork] = await both(login, PersonWorkDocument, { id });
        expect(work).toEqual(expectedWork);
        compared += 2;
      }
      const [caseload, expectedCaseload] = await both(login, MyCaseloadDocument, { first: 20 });
      expect(caseload).toEqual(expectedCaseload);
      const [referrals, expectedReferrals] = await both(login, ReferralsDocument, {});
      expect(referrals).toEqual(expectedReferrals);
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('answers bad variables, unknown ids and forbidden reads with the same errors', async () => {
    const cases: [string, unknown][] = [
      ['cpip.grenoble', { query: 'query ($first: Int) { persons(first: $first) { edges { node { id } } } }', variables: { first: 'many' } }],
      ['cpip.grenoble', { query: 'query ($first: Int) { persons(first: $first) { edges { node { id } } } }', variables: { first: 1000 } }],
      ['cpip.grenoble', { query: '{ person(id: "00000000-0000-4000-8000-000000000000") { id pseudonym } }' }],
      ['eval.ofdt', { query: '{ persons(first: 5) { edges { node { id } } } }' }],
      ['cpip.grenoble', { query: 'query ($id: ID!) { person(id: $id) { id } }', variables: {} }],
    ];
    for (const [login, body] of cases) {
      const [a, b] = await Promise.all(
        [compiled, reference].map(async (app) => {
          const response = await app.post(body, await app.tokenFor(login));
          return { status: response.status, body: await response.json() };
        }),
      );
      expect(a).toEqual(b);
    }
  });
});
