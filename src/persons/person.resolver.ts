import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MandateState } from '../policy/access-policy';
import { DataDomain } from '../policy/data-domain';
import { PersonData } from '../policy/domain-guard';
import type { RequestContext } from '../context/request-context';
import { structureService } from '../structures/structure.service';
import { StructureView } from '../structures/structure.type';
import {
  PersonsArgs,
  RegisterPersonInput,
  UpdateIdentityInput,
  UpdateJudicialDetailInput,
  UpdateJudicialSituationInput,
  UpdateSocialSituationInput,
} from './person.inputs';
import type { MaybePromise } from '../shared/maybe-async';
import { personService } from './person.service';
import './person.plan';
import { UpdateRightStepArgs } from './rights.inputs';
import { rightsService } from './rights.service';
import {
  JudicialDetailView,
  JudicialSituationView,
  PersonConnectionView,
  PersonIdentityView,
  PersonView,
  RightStepChangeView,
  RightStepView,
  SocialSituationView,
} from './person.type';

const VERSION = { nullable: true, description: 'The version you read; CONFLICT when the data changed since.' };

@Resolver(() => PersonView)
export class PersonResolver {
  @Query(() => PersonView, { nullable: true, description: 'Null alike for an unknown id and a person outside your mandates.' })
  person(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: "The person's id." }) id: string): Promise<PersonView | null> {
    return personService.get(ctx, id);
  }

  @Query(() => PersonConnectionView, { description: "Persons under your structure's mandates, in registration order." })
  persons(@Ctx() ctx: RequestContext, @Args() args: PersonsArgs): Promise<PersonConnectionView> {
    return personService.list(ctx, args);
  }

  @Mutation(() => PersonView, { description: 'A SPIP registers a detainee and holds the file.' })
  registerPerson(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterPersonInput, { description: 'Who the person is, and the judicial situation at registration.' }) input: RegisterPersonInput): Promise<PersonView> {
    return personService.register(ctx, input);
  }

  @Mutation(() => PersonView, { description: "Corrects the person's identity; for a structure with a full mandate that may write IDENTITY." })
  updateIdentity(
    @Ctx() ctx: RequestContext,
    @Arg('personId', () => ID, { description: 'The person whose identity changes.' }) personId: string,
    @Arg('input', () => UpdateIdentityInput, { description: 'The whole identity as it is to be: every field, given or not, is set.' }) input: UpdateIdentityInput,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion?: number | null,
  ): Promise<PersonView> {
    return personService.updateIdentity(ctx, personId, input, expectedVersion);
  }

  @Mutation(() => PersonView, { description: 'The SPIP holding the file sets the judicial situation (only a PROBATION_OFFICER writes JUDICIAL).' })
  updateJudicialSituation(
    @Ctx() ctx: RequestContext,
    @Arg('personId', () => ID, { description: 'The person whose judicial situation changes.' }) personId: string,
    @Arg('input', () => UpdateJudicialSituationInput, { description: 'The whole judicial situation as it is to be.' }) input: UpdateJudicialSituationInput,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion?: number | null,
  ): Promise<PersonView> {
    return personService.updateJudicial(ctx, personId, input, expectedVersion);
  }

  @Mutation(() => PersonView, { description: 'The SPIP holding the file sets the offence, sentence end and prison number (JUDICIAL_DETAIL).' })
  updateJudicialDetail(
    @Ctx() ctx: RequestContext,
    @Arg('personId', () => ID, { description: 'The person whose judicial detail changes.' }) personId: string,
    @Arg('input', () => UpdateJudicialDetailInput, { description: 'The whole judicial detail as it is to be.' }) input: UpdateJudicialDetailInput,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion?: number | null,
  ): Promise<PersonView> {
    return personService.updateJudicialDetail(ctx, personId, input, expectedVersion);
  }

  @Mutation(() => PersonView, { description: 'Sets resources and employment; for a structure with a full mandate that may write SOCIAL.' })
  updateSocialSituation(
    @Ctx() ctx: RequestContext,
    @Arg('personId', () => ID, { description: 'The person whose social situation changes.' }) personId: string,
    @Arg('input', () => UpdateSocialSituationInput, { description: 'The resources and employment as they are to be.' }) input: UpdateSocialSituationInput,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion?: number | null,
  ): Promise<PersonView> {
    return personService.updateSocial(ctx, personId, input, expectedVersion);
  }

  @FieldResolver(() => MandateState, { description: "Your structure's mandate on the person." })
  mandate(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<MandateState> {
    return personService.mandate(ctx, person.id);
  }

  @FieldResolver(() => [DataDomain], {
    description: 'What the viewer may read on this person; a null domain field outside this list means hidden, not empty.',
  })
  visibleDomains(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<DataDomain[]> {
    return personService.visibleDomains(ctx, person.id);
  }

  @FieldResolver(() => [DataDomain], { description: 'What the viewer may write on this person now.' })
  writableDomains(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<DataDomain[]> {
    return personService.writableDomains(ctx, person.id);
  }

  @PersonData(DataDomain.IDENTITY)
  @FieldResolver(() => PersonIdentityView, {
    nullable: true,
    description: 'Names, birth date, sex and contact (IDENTITY domain). Null when the viewer may not read IDENTITY for this person; for a restricted person, null to anyone but the holding SPIP and the structures it named (they see the pseudonym).',
  })
  identity(@Ctx() ctx: RequestContext, @Root() person: PersonView): MaybePromise<PersonIdentityView | null> {
    return personService.identityOf(ctx, person.id);
  }

  @PersonData(DataDomain.JUDICIAL)
  @FieldResolver(() => JudicialSituationView, {
    nullable: true,
    description: 'Establishment, expected release date, measure and care obligation (JUDICIAL domain), readable under a pending or full mandate. Null when the viewer may not read JUDICIAL for this person.',
  })
  judicial(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<JudicialSituationView | null> {
    return personService.judicialOf(ctx, person.id);
  }

  @PersonData(DataDomain.SOCIAL)
  @FieldResolver(() => SocialSituationView, {
    nullable: true,
    description: "Right steps, resources and employment (SOCIAL domain). Null when the viewer may not read SOCIAL: a CSAPA needs the person's consent, and a pending mandate never shows it.",
  })
  social(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<SocialSituationView | null> {
    return personService.socialOf(ctx, person.id);
  }
}

@Resolver(() => PersonConnectionView)
export class PersonConnectionResolver {
  @FieldResolver(() => Int, { description: 'Persons in all pages, under the same mandates and filter.' })
  totalCount(@Ctx() ctx: RequestContext, @Root() connection: PersonConnectionView): Promise<number> {
    return personService.count(ctx, connection.mandate, connection.search);
  }
}

@Resolver(() => JudicialSituationView)
export class JudicialSituationResolver {
  @FieldResolver(() => StructureView, { nullable: true, description: 'The prison where the person is held.' })
  establishment(@Ctx() ctx: RequestContext, @Root() judicial: JudicialSituationView): StructureView | null | Promise<StructureView | null> {
    return structureService.optionalById(ctx, judicial.establishmentId);
  }

  @PersonData(DataDomain.JUDICIAL_DETAIL)
  @FieldResolver(() => JudicialDetailView, { nullable: true, description: 'Null unless JUDICIAL_DETAIL is visible.' })
  detail(@Ctx() ctx: RequestContext, @Root() judicial: JudicialSituationView): Promise<JudicialDetailView | null> {
    return personService.judicialDetailOf(ctx, judicial.personId);
  }
}

@Resolver(() => RightStepView)
export class RightStepResolver {
  @PersonData(DataDomain.SOCIAL)
  @Mutation(() => SocialSituationView, { nullable: true, description: 'Sets where a right stands; the change is kept in its history.' })
  updateRightStep(@Ctx() ctx: RequestContext, @Args() args: UpdateRightStepArgs): Promise<SocialSituationView | null> {
    return rightsService.update(ctx, args);
  }

  @FieldResolver(() => [RightStepChangeView], { description: 'Who changed the step, when, from which status; newest first.' })
  history(@Ctx() ctx: RequestContext, @Root() step: RightStepView): Promise<RightStepChangeView[]> {
    return rightsService.historyOf(ctx, step);
  }
}

@Resolver(() => RightStepChangeView)
export class RightStepChangeResolver {
  @FieldResolver(() => StructureView, {
    nullable: true,
    description: 'The structure that made the change; null when naming it would tell of care the viewer may not know.',
  })
  structure(@Ctx() ctx: RequestContext, @Root() change: RightStepChangeView): StructureView | null | Promise<StructureView | null> {
    return change.structureId ? structureService.byId(ctx, change.structureId) : null;
  }
}
