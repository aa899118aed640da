import { type GraphQLFieldResolver, type GraphQLSchema, defaultFieldResolver, isObjectType } from 'graphql';
import { Extensions } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { whenReady } from '../shared/maybe-async';
import { Decision } from './access-policy';
import type { DataDomain } from './data-domain';

/** The field extension that names the data domain a field of person data belongs to. */
export const DATA_DOMAIN_EXTENSION = 'dataDomain';

/**
 * Marks a field as person data of a domain. The schema is built with the domain guard on
 * every marked field (guardPersonData, in buildAppSchema; a test checks each one), so no
 * marked field is unguarded; fields without a mark (ids, names of structures...) do not pay
 * for a guard.
 */
export function PersonData(domain: DataDomain): MethodDecorator & PropertyDecorator {
  return Extensions({ [DATA_DOMAIN_EXTENSION]: domain }) as MethodDecorator & PropertyDecorator;
}

/** A domain value the guard may narrow: to its judicial core, or to what one structure wrote. */
export interface GuardedView {
  personId: string;
  writtenById: string | null;
  /** The judicial core only (pending mandates). */
  coreOnly?(): GuardedView;
  /** What the structure wrote itself, or null (ended mandates). */
  ownedBy?(structureId: string): GuardedView | null;
}

function narrow(value: GuardedView, decision: Decision, structureId: string): GuardedView | null {
  switch (decision) {
    case Decision.ALLOW:
      return value;
    case Decision.CORE:
      return value.coreOnly ? value.coreOnly() : null;
    case Decision.OWN:
      if (value.ownedBy) return value.ownedBy(structureId);
      return value.writtenById === structureId ? value : null;
    case Decision.DENY:
      return null;
  }
}

/** The resolvers the guard wraps (for tests). */
export const guardedResolvers = new WeakSet<GraphQLFieldResolver<unknown, RequestContext>>();

/**
 * The one place where fields of person data are scoped: every field marked with
 * PersonData(domain) resolves to null unless the policy lets the viewer read that
 * domain of that person; what it shows is recorded for the audit log. Put on the built
 * schema, around each marked field's resolver (queries, nested fields and mutation answers
 * alike); synchronous when the request already holds the decision and the value (a page
 * reads them ahead), so a page of persons does not make a promise per guarded field.
 * Returns how many fields it guards.
 */
export function guardPersonData(schema: GraphQLSchema): number {
  let count = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const domain = field.extensions?.[DATA_DOMAIN_EXTENSION] as DataDomain | undefined;
      if (!domain) continue;
      const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, RequestContext>;
      if (guardedResolvers.has(resolve)) continue;
      field.resolve = guarded(domain, resolve);
      guardedResolvers.add(field.resolve as GraphQLFieldResolver<unknown, RequestContext>);
      count += 1;
    }
  }
  return count;
}

function guarded(domain: DataDomain, resolve: GraphQLFieldResolver<unknown, RequestContext>): GraphQLFieldResolver<unknown, RequestContext> {
  return (root, args, context, info) => {
    // A field of a person (Person.identity) names the person in its parent; a mutation
    // answering with domain data (recordHealth) names it in its value, checked before it leaves.
    const parentPersonId = (root as { personId?: string } | undefined)?.personId;
    if (parentPersonId) {
      return whenReady(context.access.decision(parentPersonId, domain, 'read'), (decision) =>
        decision === Decision.DENY
          ? null
          : whenReady(resolve(root, args, context, info) as GuardedView | null, (value) => shown(context, parentPersonId, domain, decision, value)),
      );
    }
    return whenReady(resolve(root, args, context, info) as GuardedView | null, (value) => {
      const personId = value?.personId;
      if (!personId) return null;
      return whenReady(context.access.decision(personId, domain, 'read'), (decision) =>
        decision === Decision.DENY ? null : shown(context, personId, domain, decision, value),
      );
    });
  };
}

function shown(context: RequestContext, personId: string, domain: DataDomain, decision: Decision, value: GuardedView | null | undefined): GuardedView | null {
  const narrowed = value === null || value === undefined ? null : narrow(value, decision, context.viewer.structureId);
  if (narrowed !== null || decision === Decision.ALLOW) context.readAudit.record(personId, domain);
  return narrowed;
}
