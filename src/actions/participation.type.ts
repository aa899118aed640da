import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars';
import type { ActionParticipation } from './participation.entity';

@ObjectType('Participation', { description: "A person's participation in an action: enrolment and attendance." })
export class ParticipationView {
  @Field(() => ID)
  id!: string;

  actionId!: string;
  personId!: string;
  structureId!: string;

  @Field(() => DateScalar)
  enrolledOn!: string;

  @Field(() => DateScalar, { nullable: true })
  endedOn!: string | null;

  @Field(() => Int)
  sessionsAttended!: number;

  @Field(() => Int)
  groupSessions!: number;

  @Field(() => Int)
  coInterventions!: number;

  @Field(() => Int)
  version!: number;

  static from(participation: ActionParticipation): ParticipationView {
    return Object.assign(new ParticipationView(), {
      id: participation.id,
      actionId: participation.action.id,
      personId: participation.person.id,
      structureId: participation.structure.id,
      enrolledOn: participation.enrolledOn,
      endedOn: participation.endedOn,
      sessionsAttended: participation.sessionsAttended,
      groupSessions: participation.groupSessions,
      coInterventions: participation.coInterventions,
      version: participation.version,
    });
  }
}
