import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars';
import type { ActionParticipation } from './participation.entity';

@ObjectType('Participation', { description: "A person's participation in an action: enrolment and attendance." })
export class ParticipationView {
  @Field(() => ID, { description: "The participation's id." })
  id!: string;

  actionId!: string;
  personId!: string;
  structureId!: string;

  @Field(() => DateScalar, { description: 'When the person was enrolled.' })
  enrolledOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the participation ended; null while it goes on.' })
  endedOn!: string | null;

  @Field(() => Int, { description: 'Individual sessions the person attended.' })
  sessionsAttended!: number;

  @Field(() => Int, { description: 'Group sessions the person attended.' })
  groupSessions!: number;

  @Field(() => Int, { description: 'Sessions held jointly with another professional (co-interventions) the person attended.' })
  coInterventions!: number;

  @Field(() => Int, { description: "The participation's version; give it back as expectedVersion when recording." })
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
