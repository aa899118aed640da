import type { EntityManager } from '@mikro-orm/postgresql';

/** Makes one module's DataLoaders for one request, bound to that request's EntityManager. */
export type LoaderFactory<T> = (em: EntityManager) => T;

/** The DataLoaders made for one request, by the factory that made them. */
export type RequestLoaders = Map<LoaderFactory<unknown>, unknown>;

/**
 * A module's DataLoaders for this request: made on first use from the request's
 * EntityManager, then the same for the rest of the request, and never beyond it.
 * Each module keeps its factory beside its tables.
 */
export function loadersOf<T>(ctx: { em: EntityManager; loaders: RequestLoaders }, factory: LoaderFactory<T>): T {
  if (!ctx.loaders.has(factory)) ctx.loaders.set(factory, factory(ctx.em));
  return ctx.loaders.get(factory) as T;
}
