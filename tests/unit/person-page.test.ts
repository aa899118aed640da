import { type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type OperationDefinitionNode, parse } from 'graphql';
import '../../src/persons/identity.page-part';
import { askedParts } from '../../src/persons/person-page';
import '../../src/support/referral.page-part';

/** The resolve info of the first root field of a query, as far as the page parts read it. */
function infoOf(query: string): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments } as unknown as GraphQLResolveInfo;
}

describe('reading a persons page ahead: the parts the query asks for', () => {
  it('sees identity, referrals and their receivers under edges.node', () => {
    expect(askedParts(infoOf('{ persons { edges { node { identity { lastName } referrals { toStructure { name } } } } } }'))).toEqual([
      'identity',
      'referrals',
      'referral receivers',
    ]);
  });

  it('sees them through aliases, fragments and inline fragments', () => {
    const query = `{ persons { e: edges { ... on PersonEdge { node { ...P } } } } }
      fragment P on Person { who: identity { lastName } ... { referrals { id } } }`;
    expect(askedParts(infoOf(query))).toEqual(['identity', 'referrals']);
  });

  it('reads nothing ahead for fields elsewhere or absent', () => {
    expect(askedParts(infoOf('{ persons { edges { cursor node { id pseudonym } } pageInfo { hasNextPage } } }'))).toEqual([]);
    expect(askedParts(infoOf('{ persons { totalCount } }'))).toEqual([]);
  });
});
