import { type GraphQLResolveInfo, type GraphQLSchema, defaultFieldResolver, getNamedType, isObjectType } from 'graphql';
import { Decision } from '../../src/policy/access-policy';
import { DATA_DOMAIN_EXTENSION, DomainGuard } from '../../src/policy/domain-guard';
import { buildAppSchema } from '../../src/server/schema';

/**
 * Fields of Person that are not domain data: ids, the viewer's own access, and the lists of
 * records, which the record decision (src/policy/records.ts) filters in their query.
 */
const PERSON_FIELDS_WITHOUT_DOMAIN = [
  'id',
  'pseudonym',
  'mandate',
  'visibleDomains',
  'writableDomains',
  'referrals',
  'consents',
  'followUps',
  'appointments',
  'caseNotes',
  'placements',
  'participations',
];

function domainOf(schema: GraphQLSchema, type: string, field: string): unknown {
  const object = schema.getType(type);
  if (!isObjectType(object)) throw new Error(`${type} is not an object type`);
  return object.getFields()[field]?.extensions?.[DATA_DOMAIN_EXTENSION];
}

describe('every path to person data goes through the domain guard', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it('marks each field of Person with its domain, but for an explicit short list', () => {
    const person = schema.getType('Person');
    if (!isObjectType(person)) throw new Error('no Person type');
    const unmarked = Object.keys(person.getFields()).filter((field) => !domainOf(schema, 'Person', field));
    expect(unmarked.sort()).toEqual([...PERSON_FIELDS_WITHOUT_DOMAIN].sort());
  });

  it('never returns a domain type from an unmarked field', () => {
    const types = Object.values(schema.getTypeMap()).filter(isObjectType);
    const domainTypes = new Set<string>();
    for (const type of types) {
      for (const field of Object.values(type.getFields())) {
        if (field.extensions?.[DATA_DOMAIN_EXTENSION]) domainTypes.add(getNamedType(field.type).name);
      }
    }
    expect([...domainTypes].sort()).toEqual([
      'HealthRecord',
      'HealthSummary',
      'HousingSituation',
      'JudicialDetail',
      'JudicialSituation',
      'PersonIdentity',
      'SocialSituation',
    ]);
    const unguarded = types.flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => domainTypes.has(getNamedType(field.type).name) && !field.extensions?.[DATA_DOMAIN_EXTENSION])
        .map((field) => `${type.name}.${field.name}`),
    );
    expect(unguarded).toEqual([]);
  });

  it('puts the guard on every marked field: denied, the field is null and its resolver never runs', async () => {
    const marked = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .filter((type) => !['Query', 'Mutation'].includes(type.name))
      .flatMap((type) => Object.values(type.getFields()).filter((field) => field.extensions?.[DATA_DOMAIN_EXTENSION]).map((field) => ({ type, field })));
    expect(marked.length).toBeGreaterThanOrEqual(7);
    for (const { type, field } of marked) {
      const info = { parentType: type, fieldName: field.name } as unknown as GraphQLResolveInfo;
      const context = (decision: Decision) => ({
        access: { decision: async () => decision },
        readAudit: { record: jest.fn() },
        viewer: { structureId: 'structure' },
        // No loaders: a resolver that runs fails.
      });
      const root = { id: 'person', personId: 'person' };
      await expect(Promise.resolve(field.resolve!(root, {}, context(Decision.DENY), info))).resolves.toBeNull();
      await expect(Promise.resolve().then(() => field.resolve!(root, {}, context(Decision.ALLOW), info))).rejects.toThrow();
    }
  });

  it('puts the guard on every marked mutation', () => {
    // type-graphql keeps its metadata on the global object; the mutations' middlewares are there.
    const storage = (globalThis as unknown as { TypeGraphQLMetadataStorage: { mutations: { schemaName: string; middlewares: unknown[] }[] } })
      .TypeGraphQLMetadataStorage;
    const mutation = schema.getMutationType()!;
    const marked = Object.values(mutation.getFields()).filter((field) => field.extensions?.[DATA_DOMAIN_EXTENSION]);
    expect(marked.map((field) => field.name).sort()).toEqual(['recordHealth', 'updateRightStep']);
    for (const field of marked) {
      expect(storage.mutations.find((m) => m.schemaName === field.name)?.middlewares).toContain(DomainGuard);
    }
  });

  it('leaves unmarked fields without a guard: a plain field resolves at once, without a promise', () => {
    const person = schema.getType('Person');
    if (!isObjectType(person)) throw new Error('no Person type');
    const field = person.getFields().pseudonym;
    const info = { parentType: person, fieldName: 'pseudonym' } as unknown as GraphQLResolveInfo;
    const resolve = field.resolve ?? defaultFieldResolver;
    expect(resolve({ id: 'person', personId: 'person', pseudonym: 'P-1' }, {}, {}, info)).toBe('P-1');
  });
});
