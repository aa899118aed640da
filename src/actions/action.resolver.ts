import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ActionInput, EnrolInActionInput, ParticipationInput } from './action.inputs';
import { PersonView } from '../persons/person.type';
import { participationService } from './participation.service';
import { ParticipationView } from './participation.type';
import type { RequestContext } from '../context/request-context';
import { structureService } from '../structures/structure.service';
import { StructureView } from '../structures/structure.type';
import { actionService } from './action.service';
import { ActionConnectionView, ActionView } from './action.type';
import { type Connection, PageArgs } from '../shared/connection';

@Resolver(() => ActionView)
export class ActionResolver {
  @Query(() => [ActionView], { description: 'Programs, most recent first.' })
  actions(@Ctx() ctx: RequestContext): Promise<ActionView[]> {
    return actionService.list(ctx);
  }

  @Query(() => ActionConnectionView, { description: 'Programs, most recent first, a page at a time: the paged form of actions.' })
  actionsConnection(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<Connection<ActionView>> {
    return actionService.page(ctx, page);
  }

  @Query(() => ActionView, { nullable: true, description: 'One action (program), readable by every role; null for an unknown id.' })
  action(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: "The action's id." }) id: string): Promise<ActionView | null> {
    return actionService.get(ctx, id);
  }

  @Mutation(() => ActionView, { description: 'A structure records one of its programs, as its carrier.' })
  createAction(@Ctx() ctx: RequestContext, @Arg('input', () => ActionInput, { description: 'The action record.' }) input: ActionInput): Promise<ActionView> {
    return actionService.create(ctx, input);
  }

  @Mutation(() => ActionView, { description: 'The carrier edits its action.' })
  updateAction(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The action to edit, carried by your structure.' }) id: string,
    @Arg('input', () => ActionInput, { description: 'The whole action record as it is to be.' }) input: ActionInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version of the action you read; CONFLICT when it changed since.',
    }) expectedVersion?: number | null,
  ): Promise<ActionView> {
    return actionService.update(ctx, id, input, expectedVersion);
  }

  @Mutation(() => ParticipationView, { description: 'The carrier enrols a person it follows in its action.' })
  enrolInAction(@Ctx() ctx: RequestContext, @Arg('input', () => EnrolInActionInput, { description: 'The action, the person and the enrolment date.' }) input: EnrolInActionInput): Promise<ParticipationView> {
    return participationService.enrol(ctx, input);
  }

  @Mutation(() => ParticipationView, { description: 'The enrolling structure records attendance and the end of a participation.' })
  recordParticipation(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The participation, recorded by your structure.' }) id: string,
    @Arg('input', () => ParticipationInput, { description: 'Attendance so far and the end date.' }) input: ParticipationInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version of the participation you read; CONFLICT when it changed since.',
    }) expectedVersion?: number | null,
  ): Promise<ParticipationView> {
    return participationService.record(ctx, id, input, expectedVersion);
  }

  @FieldResolver(() => StructureView, { description: 'The carrier structure ("porteur").' })
  carrier(@Ctx() ctx: RequestContext, @Root() action: ActionView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, action.carrierId);
  }
}

@Resolver(() => ParticipationView)
export class ParticipationResolver {
  @FieldResolver(() => ActionView, { description: 'The action the person takes part in.' })
  action(@Ctx() ctx: RequestContext, @Root() participation: ParticipationView): Promise<ActionView> {
    return actionService.byId(ctx, participation.actionId);
  }

  @FieldResolver(() => StructureView, { description: 'The structure that enrolled the person.' })
  structure(@Ctx() ctx: RequestContext, @Root() participation: ParticipationView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, participation.structureId);
  }
}

/** The participations of a person in actions, added to Person from here. */
@Resolver(() => PersonView)
export class PersonParticipationsResolver {
  @FieldResolver(() => [ParticipationView], { description: 'Participations in actions you may see.' })
  participations(@Ctx() ctx: RequestContext, @Root() person: PersonView): Promise<ParticipationView[]> {
    return participationService.ofPerson(ctx, person.id);
  }
}
