import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { MandateState } from '../policy/access-policy';
import type { GuardedView } from '../policy/domain-guard';
import { PageInfoView } from '../shared/pagination';
import { DateScalar, DateTimeScalar } from '../shared/scalars';
import type { PersonHousing } from './person-housing.entity';
import type { PersonJudicialDetail } from './person-judicial-detail.entity';
import type { PersonJudicial } from './person-judicial.entity';
import type { PersonSocial } from './person-social.entity';
import type { IdentityRecord, PersonRecord } from './person.rows';
import { EmploymentStatus, HousingStatus, JudicialMeasure, RightKind, RightStatus } from './person.enums';
import type { RightStepChange } from './right-step-change.entity';
import type { RightStep } from './right-step.entity';
import { Node } from '../shared/node';

/** The id of the structure a domain row names as its last writer. */
function writerId(row: { writtenBy: { id: string } | null }): string | null {
  return row.writtenBy?.id ?? null;
}

@ObjectType('Person', { implements: Node, description: 'A person in the shared record, as the viewer may see them.', simpleResolvers: true })
export class PersonView {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Stable and non-identifying.' })
  pseudonym!: string;

  /** The same id, under the name the domain guard reads. */
  personId!: string;

  static from(person: PersonRecord): PersonView {
    return Object.assign(new PersonView(), { id: person.id, personId: person.id, pseudonym: person.pseudonym });
  }
}

@ObjectType('PersonIdentity', { simpleResolvers: true })
export class PersonIdentityView implements GuardedView {
  personId!: string;
  writtenById!: string | null;

  @Field(() => String)
  firstName!: string;

  @Field(() => String)
  lastName!: string;

  @Field(() => DateScalar, { nullable: true })
  birthDate!: string | null;

  @Field(() => String, { nullable: true, description: 'F, M or X, as written on identity papers.' })
  sex!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => Int, { description: 'Give it back as expectedVersion when updating.' })
  version!: number;

  static from(row: IdentityRecord): PersonIdentityView {
    return Object.assign(new PersonIdentityView(), {
      personId: row.person.id,
      writtenById: writerId(row),
      firstName: row.firstName,
      lastName: row.lastName,
      birthDate: row.birthDate,
      sex: row.sex,
      phone: row.phone,
      email: row.email,
      version: row.version,
    });
  }
}

@ObjectType('JudicialSituation')
export class JudicialSituationView implements GuardedView {
  personId!: string;
  writtenById!: string | null;
  establishmentId!: string | null;

  @Field(() => DateScalar, { nullable: true })
  expectedReleaseDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Actual release date, once released.' })
  releasedOn!: string | null;

  @Field(() => JudicialMeasure, { nullable: true })
  measure!: JudicialMeasure | null;

  @Field(() => Boolean, { nullable: true, description: 'Court-ordered care; null under a pending mandate (it reveals health).' })
  careObligation!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Null under a pending mandate.' })
  version!: number | null;

  static from(row: PersonJudicial): JudicialSituationView {
    return Object.assign(new JudicialSituationView(), {
      personId: row.person.id,
      writtenById: writerId(row),
      establishmentId: row.establishment?.id ?? null,
      expectedReleaseDate: row.expectedReleaseDate,
      releasedOn: row.releasedOn,
      measure: row.measure,
      careObligation: row.careObligation,
      version: row.version,
    });
  }

  /** What a pending mandate shows: establishment, expected release date, measure. */
  coreOnly(): JudicialSituationView {
    return Object.assign(new JudicialSituationView(), this, { releasedOn: null, careObligation: null, version: null });
  }
}

@ObjectType('JudicialDetail')
export class JudicialDetailView implements GuardedView {
  personId!: string;
  writtenById!: string | null;

  @Field(() => String, { nullable: true })
  offence!: string | null;

  @Field(() => DateScalar, { nullable: true })
  sentenceEndDate!: string | null;

  @Field(() => String, { nullable: true })
  prisonNumber!: string | null;

  @Field(() => Int)
  version!: number;

  static from(row: PersonJudicialDetail): JudicialDetailView {
    return Object.assign(new JudicialDetailView(), {
      personId: row.person.id,
      writtenById: writerId(row),
      offence: row.offence,
      sentenceEndDate: row.sentenceEndDate,
      prisonNumber: row.prisonNumber,
      version: row.version,
    });
  }
}

@ObjectType('RightStepChange', { description: 'One change of a right step: who, when, from which status.' })
export class RightStepChangeView {
  /** Null when the policy removes the actor (records.ts, REMOVE_ACTOR). */
  structureId!: string | null;
  accountId!: string;

  @Field(() => RightStatus, { nullable: true, description: 'Null for the first status of the step.' })
  fromStatus!: RightStatus | null;

  @Field(() => RightStatus)
  toStatus!: RightStatus;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => DateTimeScalar)
  at!: Date;

  static from(change: RightStepChange, actorShown = true): RightStepChangeView {
    return Object.assign(new RightStepChangeView(), {
      structureId: actorShown ? change.structure.id : null,
      accountId: change.account.id,
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      note: actorShown ? change.note : null,
      at: change.createdAt,
    });
  }
}

@ObjectType('RightStep', { description: 'One right to open before or after release, and where it stands.' })
export class RightStepView {
  writtenById!: string | null;
  personId!: string;
  /** Under an ended mandate, the history shows only this structure's changes. */
  historyOnlyOf!: string | null;

  @Field(() => Int)
  version!: number;

  @Field(() => RightKind)
  kind!: RightKind;

  @Field(() => RightStatus)
  status!: RightStatus;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @Field(() => String, { nullable: true })
  note!: string | null;

  static from(row: RightStep): RightStepView {
    return Object.assign(new RightStepView(), {
      writtenById: row.updatedByStructure?.id ?? null,
      personId: row.person.id,
      historyOnlyOf: null,
      version: row.version,
      kind: row.kind,
      status: row.status,
      updatedAt: row.updatedAt,
      note: row.note,
    });
  }
}

@ObjectType('SocialSituation')
export class SocialSituationView implements GuardedView {
  personId!: string;
  writtenById!: string | null;

  @Field(() => [RightStepView])
  rights!: RightStepView[];

  @Field(() => String, { nullable: true })
  resources!: string | null;

  @Field(() => String, { nullable: true })
  employment!: string | null;

  @Field(() => EmploymentStatus, { nullable: true })
  employmentStatus!: EmploymentStatus | null;

  @Field(() => Int)
  version!: number;

  static from(row: PersonSocial, rights: RightStep[]): SocialSituationView {
    return Object.assign(new SocialSituationView(), {
      personId: row.person.id,
      writtenById: writerId(row),
      rights: rights.map(RightStepView.from),
      resources: row.resources,
      employment: row.employment,
      employmentStatus: row.employmentStatus,
      version: row.version,
    });
  }

  /** Under an ended mandate: the right steps the structure updated, and the rest only if it wrote it. */
  ownedBy(structureId: string): SocialSituationView | null {
    const rights = this.rights
      .filter((step) => step.writtenById === structureId)
      .map((step) => Object.assign(new RightStepView(), step, { historyOnlyOf: structureId }));
    const ownRow = this.writtenById === structureId;
    if (!ownRow && rights.length === 0) return null;
    return Object.assign(new SocialSituationView(), this, {
      rights,
      ...(ownRow ? {} : { resources: null, employment: null, employmentStatus: null }),
    });
  }
}

@ObjectType('HousingSituation')
export class HousingSituationView implements GuardedView {
  personId!: string;
  writtenById!: string | null;

  @Field(() => HousingStatus)
  status!: HousingStatus;

  @Field(() => DateScalar, { nullable: true })
  shelterRequestedAt!: string | null;

  @Field(() => Int)
  version!: number;

  static from(row: PersonHousing): HousingSituationView {
    return Object.assign(new HousingSituationView(), {
      personId: row.person.id,
      writtenById: writerId(row),
      status: row.status,
      shelterRequestedAt: row.shelterRequestedAt,
      version: row.version,
    });
  }
}

@ObjectType('PersonEdge', { simpleResolvers: true })
export class PersonEdgeView {
  @Field(() => String)
  cursor!: string;

  @Field(() => PersonView)
  node!: PersonView;
}

@ObjectType('PersonConnection', { simpleResolvers: true })
export class PersonConnectionView {
  @Field(() => [PersonEdgeView])
  edges!: PersonEdgeView[];

  @Field(() => PageInfoView)
  pageInfo!: PageInfoView;

  /** The mandate filter of the page, for totalCount. */
  mandate!: MandateState | null;
  /** The name search of the page, for totalCount. */
  search!: string | null;
}
