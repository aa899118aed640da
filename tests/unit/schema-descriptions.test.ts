import type { GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../../src/server/schema';
import { descriptionProblem, schemaElements } from '../support/schema-descriptions';

/**
 * The public schema documents itself: partner developers read it in their IDE, so every type,
 * field, argument, input field and enum value says what it means, not only what it is called.
 */
describe('every element of the public schema has a description', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it('lists the schema elements it checks', () => {
    const paths = schemaElements(schema).map((element) => element.path);
    // Types, fields, arguments, input fields and enum values are all reached.
    expect(paths).toEqual(
      expect.arrayContaining(['Person', 'Person.caseNotes', 'Person.caseNotes(domain:)', 'ActionInput.title', 'Role.EVALUATOR', 'DateTime']),
    );
    // Introspection types and the built-in scalars are graphql-js's, not ours.
    expect(paths.filter((path) => path.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(path))).toEqual([]);
  });

  it('describes each of them in a few words that are not its name', () => {
    const problems = schemaElements(schema)
      .map((element) => ({ path: element.path, problem: descriptionProblem(element) }))
      .filter((entry) => entry.problem !== null)
      .map((entry) => `${entry.path}: ${entry.problem}`);
    expect(problems).toEqual([]);
  });
});
