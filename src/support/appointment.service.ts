import { Account } from '../accounts/account.entity';
import { auditWrite } from '../audit/audit.service';
import { OutboxEventType } from '../outbox/outbox-event.entity';
import { recordEvent } from '../outbox/outbox';
import { assertAllowed } from '../policy/authz';
import { Permission } from '../policy/permissions';
import { APPOINTMENT_RECORD } from '../policy/record-kinds';
import { Person } from '../persons/person.entity';
import type { RequestContext } from '../context/request-context';
import { BadUserInputError, ConflictError } from '../shared/errors';
import { parseId } from '../shared/ids';
import { assertVersion } from '../context/transaction';
import { writeForPerson, writeRecord } from '../policy/person-write';
import { Structure } from '../structures/structure.entity';
import { Appointment } from './appointment.entity';
import { AppointmentOutcome, type AppointmentOutcomeArgs, type ScheduleAppointmentInput } from './follow-up.inputs';
import { AppointmentStatus } from './follow-up.enums';
import { FollowUp } from './follow-up.entity';
import { AppointmentView } from './follow-up.type';

const DAY_MS = 86_400_000;

/** Appointments: scheduled and held by a structure with a full mandate, read under their domain's policy. */
export class AppointmentService {
  /** Appointments of a visible person the viewer may see, latest first (batched). */
  async ofPerson(ctx: RequestContext, personId: string): Promise<AppointmentView[]> {
    const shown = (await ctx.access.visibleRecords(APPOINTMENT_RECORD, personId)).map(({ row }) => ctx.em.map(Appointment, row));
    return shown.map(AppointmentView.from);
  }

  /** An appointment the viewer's structure holds (caseload), if any. */
  async ownById(ctx: RequestContext, id: string | null): Promise<AppointmentView | null> {
    if (!id) return null;
    const shown = await ctx.records.get(APPOINTMENT_RECORD, Appointment, id);
    return shown ? AppointmentView.from(shown.record) : null;
  }

  /** A structure with a full mandate schedules an appointment in a domain it writes. */
  async schedule(ctx: RequestContext, input: ScheduleAppointmentInput): Promise<AppointmentView> {
    assertAllowed(ctx.viewer, Permission.APPOINTMENT_MANAGE);
    const personId = parseId(input.personId, 'personId');
    const now = Date.now();
    if (input.scheduledAt.getTime() < now - 365 * DAY_MS || input.scheduledAt.getTime() > now + 2 * 365 * DAY_MS) {
      throw new BadUserInputError('scheduledAt must be within the past year and the next two years', 'scheduledAt');
    }
    const appointment = await writeForPerson(ctx, personId, { what: 'Scheduling an appointment', domain: input.domain }, async (em) => {
      let followUp: FollowUp | null = null;
      if (input.followUpId) {
        followUp = await em.findOne(FollowUp, { id: parseId(input.followUpId, 'followUpId'), person: personId, structure: ctx.viewer.structureId });
        if (!followUp) throw new BadUserInputError("followUpId is not one of your structure's follow-ups of this person", 'followUpId');
      }
      const created = new Appointment(
        em.getReference(Person, personId),
        em.getReference(Structure, ctx.viewer.structureId),
        em.getReference(Account, ctx.viewer.accountId),
        input.domain,
        input.kind,
        input.scheduledAt,
      );
      created.place = input.place?.trim() || null;
      created.followUp = followUp;
      em.persist(created);
      recordEvent(ctx, OutboxEventType.APPOINTMENT_SCHEDULED, {
        personId,
        domain: input.domain,
        payload: { appointmentId: created.id, kind: input.kind, scheduledAt: input.scheduledAt.toISOString() },
      });
      auditWrite(ctx, { personId, domains: [input.domain], action: 'scheduleAppointment', ids: { appointmentId: created.id } });
      return created;
    });
    return AppointmentView.from(appointment);
  }

  /** The holding structure records whether a scheduled appointment was held, missed or cancelled. */
  async recordOutcome(ctx: RequestContext, args: AppointmentOutcomeArgs): Promise<AppointmentView> {
    assertAllowed(ctx.viewer, Permission.APPOINTMENT_MANAGE);
    const id = parseId(args.id, 'id');
    const target = { entity: Appointment, declaration: APPOINTMENT_RECORD, id, label: 'Appointment' };
    const rule = (found: Appointment) => ({
      what: 'Recording an appointment outcome',
      actor: { structureId: found.structure.id, refusal: 'Only the structure holding an appointment records its outcome' },
    });
    const appointment = await writeRecord(ctx, target, rule, async (found, em) => {
      const to = AppointmentStatus[args.outcome];
      if (found.status !== AppointmentStatus.SCHEDULED) {
        throw new ConflictError(`The appointment is ${found.status}; it cannot become ${to}`, { currentStatus: found.status, requestedStatus: to });
      }
      assertVersion('The appointment', found.version, args.expectedVersion);
      const now = new Date();
      if (args.outcome !== AppointmentOutcome.CANCELLED && found.scheduledAt.getTime() > now.getTime() + 3_600_000) {
        throw new BadUserInputError('An appointment still to come cannot be held or missed yet', 'outcome');
      }
      if (args.outcome === AppointmentOutcome.HELD) {
        const heldAt = args.heldAt ?? found.scheduledAt;
        if (heldAt > now || heldAt.getTime() < found.scheduledAt.getTime() - DAY_MS) {
          throw new BadUserInputError('heldAt must be between the day before the scheduled time and now', 'heldAt');
        }
        found.heldAt = heldAt;
      } else if (args.heldAt) {
        throw new BadUserInputError('heldAt only goes with HELD', 'heldAt');
      }
      found.status = to;
      recordEvent(ctx, OutboxEventType.APPOINTMENT_OUTCOME_RECORDED, {
        personId: found.person.id,
        domain: found.domain,
        payload: { appointmentId: found.id, status: to },
      });
      auditWrite(ctx, { personId: found.person.id, domains: [found.domain], action: 'recordAppointmentOutcome', ids: { appointmentId: id } });
      return found;
    });
    return AppointmentView.from(appointment);
  }
}

export const appointmentService = new AppointmentService();
