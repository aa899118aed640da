import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type FieldResolverMetadata = ReturnType<typeof getMetadataStorage>['fieldResolvers'][number];
type ParamMetadata = NonNullable<FieldResolverMetadata['params']>[number];

/** The resolvers made direct (for tests and diagnostics). */
export const directResolvers = new WeakSet<GraphQLFieldResolver<unknown, unknown>>();

/**
 * Field resolvers that take only their parent (`@Root()`) and the request context (`@Ctx()`),
 * with no middleware and no roles, are called directly: type-graphql's generic path (resolver
 * instance lookup, parameter list rebuilt and sorted, middleware chain) costs more than the
 * resolvers themselves on a page of persons, where they run hundreds of times. Everything
 * else (arguments to validate, `@Info()`, middlewares) keeps type-graphql's path; the domain
 * guard is put around the result afterwards (guardPersonData), direct or not, and a resolver
 * whose parent is not yet an instance of its type goes through type-graphql to be converted.
 * Returns how many fields were made direct.
 */
export function directFieldResolvers(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const instances = new Map<Function, Record<string, (...args: unknown[]) => unknown>>();
  let count = 0;
  for (const metadata of storage.fieldResolvers) {
    if (metadata.kind !== 'external' || !metadata.getObjectType) continue;
    if ((metadata.middlewares?.length ?? 0) > 0 || (metadata.roles?.length ?? 0) > 0) continue;
    const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
    if (params.some((param) => (param.kind !== 'root' && param.kind !== 'context') || (param.kind === 'root' && param.propertyName))) continue;
    const objectClass = metadata.getObjectType();
    const typeName = storage.objectTypes.find((type) => type.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!isObjectType(type)) continue;
    const field = type.getFields()[metadata.schemaName];
    if (!field?.resolve) continue;
    let instance = instances.get(metadata.target);
    if (!instance) {
      instance = new (metadata.target as new () => Record<string, (...args: unknown[]) => unknown>)();
      instances.set(metadata.target, instance);
    }
    field.resolve = direct(instance, metadata.methodName, params, field.resolve);
    directResolvers.add(field.resolve);
    count += 1;
  }
  return count;
}

function direct(
  instance: Record<string, (...args: unknown[]) => unknown>,
  methodName: string,
  params: ParamMetadata[],
  generic: GraphQLFieldResolver<unknown, unknown>,
): GraphQLFieldResolver<unknown, unknown> {
  const method = instance[methodName];
  const rootTypes = params.map((param) => (param.kind === 'root' && param.getType ? param.getType() : null));
  const read = params.map((param) => {
    if (param.kind === 'root') return (root: unknown) => root;
    const property = (param as { propertyName?: string }).propertyName;
    return (_root: unknown, context: unknown) => (property ? (context as Record<string, unknown>)[property] : context);
  });
  return (root, args, context, info) => {
    for (const rootType of rootTypes) {
      if (typeof rootType === 'function' && root != null && !(root instanceof rootType)) return generic(root, args, context, info);
    }
    return method.apply(
      instance,
      read.map((value) => value(root, context)),
    );
  };
}
