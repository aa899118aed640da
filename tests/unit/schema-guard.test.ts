import { type GraphQLResolveInfo, type GraphQLSchema, defaultFieldResolver, getNamedType, isObjectType } from 'graphql';
import { Decision } from '../../src/policy/access-policy';
import { DATA_DOMAIN_EXTENSION, guardedResolvers } from '../../src/policy/domain-guard';
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
  // Records the policy engine decides one by one (TRANSFER, TIMELINE_ENTRY).
  'transfers',
  'timeline',
  // Shown to the SPIP holding the file only; no person data.
  'restriction',
  // A date, no person data.
  'pseudonymisedAt',
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
      'PersonFile',
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

  it('puts the guard on every marked mutation, outermost', () => {
    const mutation = schema.getMutationType()!;
    const marked = Object.values(mutation.getFields()).filter((field) => field.extensions?.[DATA_DOMAIN_EXTENSION]);
    expect(marked.map((field) => field.name).sort()).toEqual(['recordHealth', 'updateRightStep']);
    for (const field of marked) expect(guardedResolvers.has(field.resolve as never)).toBe(true);
  });

  it('guards every marked field of every type outermost, and nothing else', () => {
    for (const type of Object.values(schema.getTypeMap()).filter(isObjectType)) {
      for (const field of Object.values(type.getFields())) {
        const guarded = field.resolve !== undefined && guardedResolvers.has(field.resolve as never);
        expect({ field: `${type.name}.${field.name}`, guarded }).toEqual({ field: `${type.name}.${field.name}`, guarded: Boolean(field.extensions?.[DATA_DOMAIN_EXTENSION]) });
      }
    }
  });

  it('answers at once, without a promise, when the decision and the value are held (a page read ahead)', () => {
    const person = schema.getType('Person');
    if (!isObjectType(person)) throw new Error('no Person type');
    const field = person.getFields().identity;
    const info = { parentType: person, fieldName: 'identity' } as unknown as GraphQLResolveInfo;
    const identity = { person: { id: 'person' }, writtenBy: null, firstName: 'Ada', lastName: 'Lovelace' };
    const readAudit = { record: jest.fn() };
    const loaders = new Map();
    const context = {
      access: { decision: () => Decision.ALLOW },
      readAudit,
      viewer: { structureId: 'structure' },
      loaders,
      em: {},
    };
    // The identity loader holds the value: primed as a page would.
    const { personLoaders } = jest.requireActual('../../src/persons/person.loaders') as typeof import('../../src/persons/person.loaders');
    personLoaders(context as never).identityByPerson.prime('person', identity as never);
    const answer = field.resolve!({ id: 'person', personId: 'person' }, {}, context, info);
    expect(answer).not.toBeInstanceOf(Promise);
    expect(answer).toMatchObject({ firstName: 'Ada' });
    expect(readAudit.record).toHaveBeenCalledWith('person', 'IDENTITY');
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
