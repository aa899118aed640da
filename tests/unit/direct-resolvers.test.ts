import 'reflect-metadata';
import { type GraphQLObjectType, type GraphQLSchema, isObjectType } from 'graphql';
import { directResolvers } from '../../src/server/direct-resolvers';
import { buildAppSchema } from '../../src/server/schema';
import { DATA_DOMAIN_EXTENSION, guardedResolvers } from '../../src/policy/domain-guard';

describe('direct field resolvers', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  const field = (type: string, name: string) => (schema.getType(type) as GraphQLObjectType).getFields()[name];

  it('calls parent-and-context resolvers directly (the receiving structure of a referral, the referrals of a person)', () => {
    expect(directResolvers.has(field('Referral', 'toStructure').resolve!)).toBe(true);
    expect(directResolvers.has(field('Person', 'referrals').resolve!)).toBe(true);
  });

  it('never bypasses the domain guard (outermost on every marked field), arguments or mutations', () => {
    const types = Object.values(schema.getTypeMap()).filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'));
    let guarded = 0;
    for (const type of types) {
      for (const candidate of Object.values(type.getFields())) {
        const direct = candidate.resolve !== undefined && directResolvers.has(candidate.resolve);
        if (candidate.extensions?.[DATA_DOMAIN_EXTENSION]) {
          // Direct or not inside, the guard is the resolver the executor calls.
          guarded += 1;
          expect({ field: `${type.name}.${candidate.name}`, direct, guarded: guardedResolvers.has(candidate.resolve as never) }).toEqual({
            field: `${type.name}.${candidate.name}`,
            direct: false,
            guarded: true,
          });
        }
        if (candidate.args.length > 0 || type.name === 'Mutation' || type.name === 'Query') expect(direct).toBe(false);
      }
    }
    expect(guarded).toBeGreaterThan(5);
  });
});
