import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { accountService } from '../accounts/account.service';
import { personService } from '../persons/person.service';
import { PersonView } from '../persons/person.type';
import { referralService } from './referral.service';
import { ReferralView } from './referral.type';
import type { RequestContext } from '../context/request-context';
import { DataDomain } from '../policy/data-domain';
import { structureService } from '../structures/structure.service';
import { ServiceView, StructureView } from '../structures/structure.type';
import { appointmentService } from './appointment.service';
import { caseNoteService } from './case-note.service';
import { AppointmentOutcomeArgs, CloseFollowUpArgs, EditCaseNoteArgs, ScheduleAppointmentInput, WriteCaseNoteInput } from './follow-up.inputs';
import { followUpService } from './follow-up.service';
import { AppointmentView, CaseNoteView, FollowUpView } from './follow-up.type';
import './case-note.plan';

@Resolver(() => FollowUpView)
export class FollowUpResolver {
  @Mutation(() => FollowUpView, { description: 'The structure closes its follow-up: its referral completes and its mandate ends.' })
  closeFollowUp(@Ctx() ctx: RequestContext, @Args() args: CloseFollowUpArgs): Promise<FollowUpView> {
    return followUpService.close(ctx, args);
  }

  @FieldResolver(() => PersonView, { description: 'The person followed.' })
  person(@Ctx() ctx: RequestContext, @Root() followUp: FollowUpView): Promise<PersonView> {
    return personService.byId(ctx, followUp.personId);
  }

  @FieldResolver(() => StructureView, { description: 'The structure giving the support.' })
  structure(@Ctx() ctx: RequestContext, @Root() followUp: FollowUpView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, followUp.structureId);
  }

  @FieldResolver(() => ServiceView, { nullable: true, description: 'The service giving the support; null when none is named.' })
  service(@Ctx() ctx: RequestContext, @Root() followUp: FollowUpView): Promise<ServiceView | null> {
    return structureService.optionalServiceById(ctx, followUp.serviceId);
  }

  @FieldResolver(() => ReferralView, { nullable: true, description: 'The referral that opened it, when you may see it.' })
  referral(@Ctx() ctx: RequestContext, @Root() followUp: FollowUpView): Promise<ReferralView | null> {
    return referralService.optionalById(ctx, followUp.referralId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The worker in charge.' })
  workerName(@Ctx() ctx: RequestContext, @Root() followUp: FollowUpView): Promise<string | null> {
    return accountService.displayNameOf(ctx, followUp.workerId);
  }
}

@Resolver(() => AppointmentView)
export class AppointmentResolver {
  @Mutation(() => AppointmentView, { description: 'A structure with a full mandate schedules an appointment in a domain it writes.' })
  scheduleAppointment(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ScheduleAppointmentInput, { description: 'The appointment, its domain and the person.' }) input: ScheduleAppointmentInput,
  ): Promise<AppointmentView> {
    return appointmentService.schedule(ctx, input);
  }

  @Mutation(() => AppointmentView, { description: 'Held, missed (no-show) or cancelled: recorded by the structure holding it.' })
  recordAppointmentOutcome(@Ctx() ctx: RequestContext, @Args() args: AppointmentOutcomeArgs): Promise<AppointmentView> {
    return appointmentService.recordOutcome(ctx, args);
  }

  @FieldResolver(() => PersonView, { description: 'The person the appointment is with.' })
  person(@Ctx() ctx: RequestContext, @Root() appointment: AppointmentView): Promise<PersonView> {
    return personService.byId(ctx, appointment.personId);
  }

  @FieldResolver(() => StructureView, { description: 'The structure holding the appointment.' })
  structure(@Ctx() ctx: RequestContext, @Root() appointment: AppointmentView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, appointment.structureId);
  }
}

@Resolver(() => CaseNoteView)
export class CaseNoteResolver {
  @Mutation(() => CaseNoteView, { description: 'A note in a domain you write; notes are append-only after 24 hours.' })
  writeCaseNote(@Ctx() ctx: RequestContext, @Arg('input', () => WriteCaseNoteInput, { description: 'The note, its domain and the person.' }) input: WriteCaseNoteInput): Promise<CaseNoteView> {
    return caseNoteService.write(ctx, input);
  }

  @Mutation(() => CaseNoteView, { description: "Its author's structure edits a note within 24 hours." })
  editCaseNote(@Ctx() ctx: RequestContext, @Args() args: EditCaseNoteArgs): Promise<CaseNoteView> {
    return caseNoteService.edit(ctx, args);
  }

  @FieldResolver(() => PersonView, { description: 'The person the note is about.' })
  person(@Ctx() ctx: RequestContext, @Root() note: CaseNoteView): Promise<PersonView> {
    return personService.byId(ctx, note.personId);
  }

  @FieldResolver(() => StructureView, { description: 'The structure whose worker wrote the note.' })
  authorStructure(@Ctx() ctx: RequestContext, @Root() note: CaseNoteView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, note.authorStructureId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The display name of the worker who wrote the note; null when the account is unknown.',
  })
  authorName(@Ctx() ctx: RequestContext, @Root() note: CaseNoteView): Promise<string | null> {
    return accountService.displayNameOf(ctx, note.authorAccountId);
  }

  @FieldResolver(() => CaseNoteView, { nullable: true, description: 'The note this one corrects, when you may read it.' })
  corrects(@Ctx() ctx: RequestContext, @Root() note: CaseNoteView): Promise<CaseNoteView | null> {
    return caseNoteService.correctedBy(ctx, note.correctsId);
  }
}

/** The follow-ups, appointments and case notes of a person, added to Person from here. */
@Resolver(() => PersonView)
export class PersonFollowUpsResolver {
  @FieldResolver(() => [FollowUpView], { description: 'Follow-ups you may see: your own, others under the policy.' })
  followUps(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<FollowUpView[]> {
    return followUpService.ofPerson(ctx, person.id);
  }
  @FieldResolver(() => [AppointmentView], { description: 'Appointments you may see, under the policy of their domain.' })
  appointments(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<AppointmentView[]> {
    return appointmentService.ofPerson(ctx, person.id);
  }
  @FieldResolver(() => [CaseNoteView], { description: 'Case notes you may read, newest first.' })
  caseNotes(
    @Ctx() ctx: RequestContext,
    @Root() person: PersonView,
    @Arg('domain', () => DataDomain, {
      nullable: true,
      description: 'Only the notes of this domain; every domain you may read when omitted.',
    }) domain?: DataDomain | null,
  ): Promise<CaseNoteView[]> {
    return caseNoteService.ofPerson(ctx, person.id, domain);
  }
}
