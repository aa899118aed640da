import { Account } from '../accounts/account.entity';
import { auditWrite } from '../audit/audit.service';
import { OutboxEventType } from '../outbox/outbox-event.entity';
import { recordEvent } from '../outbox/outbox';
import { assertAllowed } from '../policy/authz';
import { DataDomain } from '../policy/data-domain';
import { Permission } from '../policy/permissions';
import type { RequestContext } from '../context/request-context';
import { RIGHT_STEP_CHANGE_RECORD } from '../policy/record-kinds';
import { parseId } from '../shared/ids';
import { assertVersion } from '../context/transaction';
import { writeForPerson } from '../policy/person-write';
import { Structure } from '../structures/structure.entity';
import { RightStatus, type RightKind } from './person.enums';
import { Person } from './person.entity';
import { RightStepChange } from './right-step-change.entity';
import { RightStep } from './right-step.entity';
import type { UpdateRightStepArgs } from './rights.inputs';
import { personService } from './person.service';
import { RightStepChangeView, type RightStepView, type SocialSituationView } from './person.type';

/** Rights to open (ID card, RSA, ...): the current status of each kind, and the history of every change. */
export class RightsService {
  /**
   * Sets where a right stands for a person, in the SOCIAL domain; the change (who, when,
   * from which status) is kept, and obtaining a right is an event.
   */
  async update(ctx: RequestContext, args: UpdateRightStepArgs): Promise<SocialSituationView | null> {
    assertAllowed(ctx.viewer, Permission.PERSON_WRITE);
    const personId = parseId(args.personId, 'personId');
    await writeForPerson(ctx, personId, { what: 'Updating a right', domain: DataDomain.SOCIAL }, (em) =>
      this.setStatus(ctx, personId, args.kind, args.status, args.note ?? null, args.expectedVersion, 'updateRightStep'),
    );
    return personService.socialOf(ctx, personId);
  }

  /** The step change itself, inside the caller's transaction (also used by a shelter request). */
  async setStatus(
    ctx: RequestContext,
    personId: string,
    kind: RightKind,
    status: RightStatus,
    note: string | null,
    expectedVersion: number | null | undefined,
    action: string,
  ): Promise<RightStep> {
    const { em } = ctx;
    const person = await em.findOneOrFail(Person, personId);
    let step = await em.findOne(RightStep, { person, kind });
    assertVersion(`The ${kind} step`, step?.version ?? 0, expectedVersion);
    const from = step?.status ?? null;
    if (!step) {
      step = new RightStep(person, kind, status);
      em.persist(step);
    }
    step.status = status;
    step.note = note?.trim() || null;
    step.updatedByStructure = em.getReference(Structure, ctx.viewer.structureId);
    step.updatedAt = new Date();
    em.persist(new RightStepChange(step, from, em.getReference(Account, ctx.viewer.accountId), em.getReference(Structure, ctx.viewer.structureId)));
    const payload = { rightStepId: step.id, kind, fromStatus: from, toStatus: status };
    recordEvent(ctx, OutboxEventType.RIGHT_STEP_CHANGED, { personId, domain: DataDomain.SOCIAL, payload });
    if (status === RightStatus.OBTAINED && from !== RightStatus.OBTAINED) {
      recordEvent(ctx, OutboxEventType.RIGHT_OBTAINED, { personId, domain: DataDomain.SOCIAL, payload });
    }
    auditWrite(ctx, { personId, domains: [DataDomain.SOCIAL], action, ids: { rightStepId: step.id } });
    return step;
  }

  /**
   * The changes of one step the viewer sees, newest first (batched): under an ended mandate its
   * own only; a change made by a CSAPA loses its actor and note for whoever may not know of care.
   */
  async historyOf(ctx: RequestContext, step: RightStepView): Promise<RightStepChangeView[]> {
    const rows = await ctx.access.visibleRecords(RIGHT_STEP_CHANGE_RECORD, step.personId);
    return rows
      .map(({ row, actorShown }) => ({ change: ctx.em.map(RightStepChange, row), actorShown }))
      .filter(({ change }) => change.kind === step.kind && (!step.historyOnlyOf || change.structure.id === step.historyOnlyOf))
      .map(({ change, actorShown }) => RightStepChangeView.from(change, actorShown));
  }
}

export const rightsService = new RightsService();
