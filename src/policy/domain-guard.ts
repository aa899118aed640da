import { Extensions, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Decision } from './access-policy';
import type { DataDomain } from './data-domain';

/** The field extension that names the data domain a field of person data belongs to. */
export const DATA_DOMAIN_EXTENSION = 'dataDomain';

/**
 * Marks a field as person data of a domain and puts the domain guard on it: the guard then
 * decides, per person, null or value. Mark and guard go together, so no marked field is
 * unguarded; fields without a mark (ids, names of structures...) do not pay for a guard.
 */
export function PersonData(domain: DataDomain): MethodDecorator & PropertyDecorator {
  const mark = Extensions({ [DATA_DOMAIN_EXTENSION]: domain }) as MethodDecorator & PropertyDecorator;
  const guard = UseMiddleware(DomainGuard) as MethodDecorator & PropertyDecorator;
  return ((target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    mark(target, key, descriptor!);
    guard(target, key, descriptor!);
  }) as MethodDecorator & PropertyDecorator;
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

/**
 * The one place where fields of person data are scoped: every field marked with
 * PersonData(domain) resolves to null unless the policy lets the viewer read that
 * domain of that person; what it shows is recorded for the audit log.
 */
export const DomainGuard: MiddlewareFn<RequestContext> = async ({ root, info, context }, next) => {
  const domain = info.parentType.getFields()[info.fieldName]?.extensions?.[DATA_DOMAIN_EXTENSION] as DataDomain | undefined;
  if (!domain) return next();
  // A field of a person (Person.identity) names the person in its parent; a mutation
  // answering with domain data (recordHealth) names it in its value, checked before it leaves.
  const parentPersonId = (root as { personId?: string } | undefined)?.personId;
  let value: GuardedView | null | undefined;
  if (!parentPersonId) value = (await next()) as GuardedView | null;
  const personId = parentPersonId ?? value?.personId;
  if (!personId) return null;
  const decision = await context.access.decision(personId, domain, 'read');
  if (decision === Decision.DENY) return null;
  if (parentPersonId) value = (await next()) as GuardedView | null;
  const shown = value === null || value === undefined ? null : narrow(value, decision, context.viewer.structureId);
  if (shown !== null || decision === Decision.ALLOW) context.readAudit.record(personId, domain);
  return shown;
};
