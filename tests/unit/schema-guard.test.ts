import { type GraphQLSchema, getNamedType, isObjectType } from 'graphql';
import { DATA_DOMAIN_EXTENSION } from '../../src/policy/domain-guard';
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
});
