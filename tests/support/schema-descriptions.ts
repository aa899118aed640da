import {
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';

/** One element of the public schema that can carry a description, by its path. */
export interface SchemaElement {
  /** `Person`, `Person.referrals`, `Query.persons(first:)`, `Role.EVALUATOR`, `ActionInput.title`. */
  path: string;
  /** The last part of the path: what a description must not merely repeat. */
  name: string;
  description: string | null | undefined;
}

/**
 * Every named type (introspection types and graphql-js's built-in scalars aside), field,
 * argument, input field and enum value of the schema, with its description.
 */
export function schemaElements(schema: GraphQLSchema): SchemaElement[] {
  const elements: SchemaElement[] = [];
  const types = Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type))
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const type of types) {
    elements.push({ path: type.name, name: type.name, description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const fieldPath = `${type.name}.${field.name}`;
        elements.push({ path: fieldPath, name: field.name, description: field.description });
        for (const arg of field.args) {
          elements.push({ path: `${fieldPath}(${arg.name}:)`, name: arg.name, description: arg.description });
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        elements.push({ path: `${type.name}.${field.name}`, name: field.name, description: field.description });
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        elements.push({ path: `${type.name}.${value.name}`, name: value.name, description: value.description });
      }
    }
  }
  return elements;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

function normalised(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Why an element's description does not tell a partner developer anything; null when it does. */
export function descriptionProblem(element: SchemaElement): string | null {
  const text = element.description?.trim() ?? '';
  if (text === '') return 'no description';
  if (normalised(text) === normalised(element.name)) return 'the description only repeats the name';
  if (words(text).length < 3) return `too short (fewer than 3 words): "${text}"`;
  return null;
}
