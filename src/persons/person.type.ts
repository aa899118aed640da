import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { MandateState } from '../policy/access-policy';
import type { GuardedView } from '../policy/domain-guard';
import { PageInfoView } from '../shared/pagination';
import { DateScalar, DateTimeScalar } from '../shared/scalars';
import type { PersonJudicialDetail } from './person-judicial-detail.entity';
import type { PersonJudicial } from './person-judicial.entity';
import type { PersonSocial } from './person-social.entity';
import type { IdentityRecord, PersonRecord } from './person.rows';
import { EmploymentStatus, JudicialMeasure, RightKind, RightStatus } from './person.enums';
import type { RightStepChange } from './right-step-change.entity';
import type { RightStep } from './right-step.entity';
import { Node } from '../shared/node';

/** The id of the structure a domain row names as its last writer. */
export function writerId(row: { writtenBy: { id: string } | null }): string | null {
  return row.writtenBy?.id ?? null;
}

@ObjectType('Person', { implements: Node, description: 'A person in the shared record, as the viewer may see them.', simpleResolvers: true })
export class PersonView {
  @Field(() => ID, { description: "The person's id in the shared record; stable, and the same for every structure." })
  id!: string;

  @Field(() => String, { description: 'Stable and non-identifying.' })
  pseudonym!: string;

  /** The same id, under the name the domain guard reads. */
  personId!: string;

  static from(person: PersonRecord): PersonView {
    return Object.assign(new PersonView(), { id: person.id, personId: person.id, pseudonym: person.pseudonym });
  }
}

@ObjectType('PersonIdentity', {
  simpleResolvers: true,
  description: 'Who the person is (IDENTITY domain): names, birth date, sex and contact, as the SPIP registered them or a partner corrected them.',
})
export class PersonIdentityView implements GuardedView {
  personId!: string;
  writtenById!: string | null;

  @Field(() => String, { description: 'First name, as written on identity papers.' })
  firstName!: string;

  @Field(() => String, { description: 'Last name (birth name or usual name), as written on identity papers.' })
  lastName!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date of birth; null when unknown.' })
  birthDate!: string | null;

  @Field(() => String, { nullable: true, description: 'F, M or X, as written on identity papers.' })
  sex!: string | null;

  @Field(() => String, { nullable: true, description: 'A phone number to reach the person; null when none is known.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'An email address to reach the person; null when none is known.' })
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

@ObjectType('JudicialSituation', {
  description: 'The judicial core a partner needs to prepare release (JUDICIAL domain): where the person is held, when release is expected and under which measure. Shown under a pending mandate too, without the care obligation.',
})
export class JudicialSituationView implements GuardedView {
  personId!: string;
  writtenById!: string | null;
  establishmentId!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The release date the SPIP expects; null when unknown. Referrals are usually made within the 6 months before it.',
  })
  expectedReleaseDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Actual release date, once released.' })
  releasedOn!: string | null;

  @Field(() => JudicialMeasure, {
    nullable: true,
    description: 'The judicial measure the person is released under; NONE for a release at the end of the sentence; null when not recorded yet.',
  })
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

@ObjectType('JudicialDetail', {
  description: 'What only the justice side may read (JUDICIAL_DETAIL domain): offence, sentence end and prison number. Shown to the SPIP alone.',
})
export class JudicialDetailView implements GuardedView {
  personId!: string;
  writtenById!: string | null;

  @Field(() => String, { nullable: true, description: "The offence the person was sentenced for, in the SPIP's words; null when not recorded." })
  offence!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date the sentence ends, which may come after release under a measure; null when not recorded.',
  })
  sentenceEndDate!: string | null;

  @Field(() => String, { nullable: true, description: 'The person\'s prison registration number ("numéro d\'écrou"); null when not recorded.' })
  prisonNumber!: string | null;

  @Field(() => Int, { description: 'The version of the judicial detail; give it back as expectedVersion when updating.' })
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

  @Field(() => RightStatus, { description: 'The status the step moved to.' })
  toStatus!: RightStatus;

  @Field(() => String, {
    nullable: true,
    description: 'The note written with the change; null when there was none or when naming its author would tell of care the viewer may not know.',
  })
  note!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the change was made.' })
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

  @Field(() => Int, { description: 'The version of the step; give it back as expectedVersion to updateRightStep.' })
  version!: number;

  @Field(() => RightKind, { description: 'Which right the step is about (ID card, RSA, health insurance...).' })
  kind!: RightKind;

  @Field(() => RightStatus, { description: 'Where the step stands: to do, submitted, obtained or refused.' })
  status!: RightStatus;

  @Field(() => DateTimeScalar, { description: 'When the step last changed.' })
  updatedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'A note on the step (the office it was filed with, what is missing); null when there is none or when it would name a CSAPA the viewer may not know of.',
  })
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

@ObjectType('SocialSituation', {
  description: 'Rights being opened, resources and employment (SOCIAL domain); written by the structures that read it under a full mandate.',
})
export class SocialSituationView implements GuardedView {
  personId!: string;
  writtenById!: string | null;

  @Field(() => [RightStepView], { description: 'The rights to open ("ouverture des droits"), one step per kind that has been recorded.' })
  rights!: RightStepView[];

  @Field(() => String, { nullable: true, description: "The person's resources (income, benefits), as free text." })
  resources!: string | null;

  @Field(() => String, { nullable: true, description: "The person's employment situation, as free text (employer, contract, training)." })
  employment!: string | null;

  @Field(() => EmploymentStatus, {
    nullable: true,
    description: 'The employment situation as a category, used for outcomes; null when not recorded.',
  })
  employmentStatus!: EmploymentStatus | null;

  @Field(() => Int, { description: 'The version of the social situation; give it back as expectedVersion when updating.' })
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


@ObjectType('PersonEdge', { simpleResolvers: true, description: 'One person of a page, with its position.' })
export class PersonEdgeView {
  @Field(() => String, { description: "The person's position in the list: give it as after to continue from there." })
  cursor!: string;

  @Field(() => PersonView, { description: 'The person, as the viewer may see them.' })
  node!: PersonView;
}

@ObjectType('PersonConnection', { simpleResolvers: true, description: 'A page of persons, with the total under the same mandates and filter.' })
export class PersonConnectionView {
  @Field(() => [PersonEdgeView], { description: 'The persons of this page, each with its cursor.' })
  edges!: PersonEdgeView[];

  @Field(() => PageInfoView, { description: 'Where the page stands in the list, and how to ask for the next one.' })
  pageInfo!: PageInfoView;

  /** The mandate filter of the page, for totalCount. */
  mandate!: MandateState | null;
  /** The name search of the page, for totalCount. */
  search!: string | null;
}
