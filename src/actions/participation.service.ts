import { Account } from '../accounts/account.entity';
import { auditWrite } from '../audit/audit.service';
import { Person } from '../persons/person.entity';
import { recordDomain } from '../policy/access-policy';
import { assertAllowed } from '../policy/authz';
import { Permission } from '../policy/permissions';
import type { RequestContext } from '../context/request-context';
import { PARTICIPATION_RECORD } from '../policy/record-kinds';
import { BadUserInputError, ConflictError, ForbiddenError } from '../shared/errors';
import { parseId } from '../shared/ids';
import { assertVersion } from '../context/transaction';
import { writeForPerson, writeRecord } from '../policy/person-write';
import { Structure } from '../structures/structure.entity';
import { structureLoaders } from '../structures/structure.loaders';
import { Action } from './action.entity';
import type { EnrolInActionInput, ParticipationInput } from './action.inputs';
import { ActionParticipation } from './participation.entity';
import { ParticipationView } from './participation.type';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Participation of persons in actions: person-level data, recorded by the carrier for
 * the persons it follows, read under the record domain of the carrier (SOCIAL, or
 * HEALTH_SUMMARY when a CSAPA carries the action). Evaluators see it only in outcomes.
 */
export class ParticipationService {
  /** Participations of a visible person the viewer may see (batched). */
  async ofPerson(ctx: RequestContext, personId: string): Promise<ParticipationView[]> {
    const shown = (await ctx.access.visibleRecords(PARTICIPATION_RECORD, personId)).map(({ row }) => ctx.em.map(ActionParticipation, row));
    return shown.map(ParticipationView.from);
  }

  /** The carrier enrols a person it follows (full mandate) in its action. */
  async enrol(ctx: RequestContext, input: EnrolInActionInput): Promise<ParticipationView> {
    assertAllowed(ctx.viewer, Permission.PARTICIPATION_MANAGE);
    const actionId = parseId(input.actionId, 'actionId');
    const personId = parseId(input.personId, 'personId');
    const action = await ctx.em.findOne(Action, actionId);
    if (!action) throw new BadUserInputError('actionId is not an action of the record', 'actionId');
    if (action.carrier.id !== ctx.viewer.structureId) throw new ForbiddenError('Only the carrier structure enrols persons in its action');
    const own = (await structureLoaders(ctx).structureById.load(ctx.viewer.structureId))!;
    await ctx.access.assertCanWriteUnderFullMandate(personId, recordDomain(own.kind), 'Enrolling a person');
    const enrolledOn = input.enrolledOn ?? today();
    if (enrolledOn > today()) throw new BadUserInputError('enrolledOn must be today or earlier', 'enrolledOn');
    const rule = { what: 'Enrolling a person', domain: recordDomain(own.kind) };
    const participation = await writeForPerson(ctx, personId, rule, async (em) => {
      const open = await em.count(ActionParticipation, { action: actionId, person: personId, endedOn: null });
      if (open > 0) throw new ConflictError('The person already takes part in this action');
      const created = new ActionParticipation(
        em.getReference(Action, actionId),
        em.getReference(Person, personId),
        em.getReference(Structure, ctx.viewer.structureId),
        em.getReference(Account, ctx.viewer.accountId),
        enrolledOn,
      );
      em.persist(created);
      auditWrite(ctx, { personId, domains: [recordDomain(own.kind)], action: 'enrolInAction', ids: { participationId: created.id } });
      return created;
    });
    return ParticipationView.from(participation);
  }

  /** The enrolling structure records attendance, and the end of the participation. */
  async record(ctx: RequestContext, id: string, input: ParticipationInput, expectedVersion?: number | null): Promise<ParticipationView> {
    assertAllowed(ctx.viewer, Permission.PARTICIPATION_MANAGE);
    const participationId = parseId(id, 'id');
    const target = { entity: ActionParticipation, declaration: PARTICIPATION_RECORD, id: participationId, label: 'Participation' };
    const rule = (found: ActionParticipation) => ({
      what: 'Recording attendance',
      actor: { structureId: found.structure.id, refusal: 'Only the enrolling structure records attendance' },
    });
    const participation = await writeRecord(ctx, target, rule, async (found, em) => {
      assertVersion('The participation', found.version, expectedVersion);
      if (input.endedOn && (input.endedOn < found.enrolledOn || input.endedOn > today())) {
        throw new BadUserInputError(`endedOn must be between the enrolment (${found.enrolledOn}) and today`, 'endedOn');
      }
      found.sessionsAttended = input.sessionsAttended;
      found.groupSessions = input.groupSessions;
      found.coInterventions = input.coInterventions;
      found.endedOn = input.endedOn ?? null;
      const kind = (await structureLoaders(ctx).structureById.load(found.structure.id))!.kind;
      auditWrite(ctx, { personId: found.person.id, domains: [recordDomain(kind)], action: 'recordParticipation', ids: { participationId } });
      return found;
    });
    return ParticipationView.from(participation);
  }
}

export const participationService = new ParticipationService();
