import { type GraphQLResolveInfo, Kind, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, parse } from 'graphql';
import { prefetchOf } from '../../src/persons/person.prefetch';

/** The resolve info of the first root field of a query, as far as prefetchOf reads it. */
function infoOf(query: string): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments } as unknown as GraphQLResolveInfo;
}

describe('reading a persons page ahead', () => {
  it('sees identity, referrals and their receivers under edges.node', () => {
    expect(prefetchOf(infoOf('{ persons { edges { node { identity { lastName } referrals { toStructure { name } } } } } }'))).toEqual({
      identity: true,
      referrals: true,
      receivers: true,
    });
  });

  it('sees them through aliases, fragments and inline fragments', () => {
    const query = `{ persons { e: edges { ... on PersonEdge { node { ...P } } } } }
      fragment P on Person { who: identity { lastName } ... { referrals { id } } }`;
    expect(prefetchOf(infoOf(query))).toEqual({ identity: true, referrals: true, receivers: false });
  });

  it('reads nothing ahead for fields elsewhere or absent', () => {
    expect(prefetchOf(infoOf('{ persons { edges { cursor node { id pseudonym } } pageInfo { hasNextPage } } }'))).toEqual({
      identity: false,
      referrals: false,
      receivers: false,
    });
    expect(prefetchOf(infoOf('{ persons { totalCount } }'))).toEqual({ identity: false, referrals: false, receivers: false });
  });
});
