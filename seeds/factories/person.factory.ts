import type { EntityData } from '@mikro-orm/core';
import { Factory } from '@mikro-orm/seeder';
import { PersonHousing } from '../../src/housing/person-housing.entity';
import { PersonIdentity } from '../../src/persons/person-identity.entity';
import { PersonJudicialDetail } from '../../src/persons/person-judicial-detail.entity';
import { PersonJudicial } from '../../src/persons/person-judicial.entity';
import { PersonSocial } from '../../src/persons/person-social.entity';
import { Person } from '../../src/persons/person.entity';
import { EmploymentStatus, HousingStatus, JudicialMeasure, type Sex } from '../../src/persons/person.enums';
import { newPseudonym } from '../../src/persons/pseudonym';
import type { Structure } from '../../src/structures/structure.entity';
import { uniqueSuffix } from './sequence';

/** What a SPIP knows when it registers a person, with test-friendly defaults. */
export interface PersonInput {
  spip: Structure;
  pseudonym?: string;
  firstName?: string;
  lastName?: string;
  birthDate?: string | null;
  sex?: Sex | null;
  establishment?: Structure | null;
  expectedReleaseDate?: string | null;
  releasedOn?: string | null;
  measure?: JudicialMeasure;
  careObligation?: boolean;
  offence?: string | null;
  sentenceEndDate?: string | null;
  prisonNumber?: string | null;
  housingStatus?: HousingStatus;
  shelterRequestedAt?: string | null;
  resources?: string | null;
  employment?: string | null;
  employmentStatus?: EmploymentStatus;
}

export interface PersonRecord {
  person: Person;
  identity: PersonIdentity;
  judicial: PersonJudicial;
  judicialDetail: PersonJudicialDetail;
  social: PersonSocial;
  housing: PersonHousing;
}

export class PersonFactory extends Factory<Person, PersonInput> {
  readonly model = Person;

  protected definition(input?: PersonInput): EntityData<Person> {
    return { pseudonym: input?.pseudonym ?? newPseudonym(), spip: input?.spip, registeredBy: input?.spip };
  }

  /** A registered person with the domains a SPIP fills in at registration (not yet flushed). */
  makeRecord(input: PersonInput): PersonRecord {
    const person = this.makeOne(input);
    const identity = new PersonIdentity(person, input.firstName ?? 'Test', input.lastName ?? `Person ${uniqueSuffix()}`);
    identity.birthDate = input.birthDate ?? null;
    identity.sex = input.sex ?? null;
    const judicial = new PersonJudicial(person);
    judicial.establishment = input.establishment ?? null;
    judicial.expectedReleaseDate = input.expectedReleaseDate ?? null;
    judicial.releasedOn = input.releasedOn ?? null;
    judicial.measure = input.measure ?? JudicialMeasure.NONE;
    judicial.careObligation = input.careObligation ?? false;
    const judicialDetail = new PersonJudicialDetail(person);
    judicialDetail.offence = input.offence ?? null;
    judicialDetail.sentenceEndDate = input.sentenceEndDate ?? null;
    judicialDetail.prisonNumber = input.prisonNumber ?? null;
    const social = new PersonSocial(person);
    social.resources = input.resources ?? null;
    social.employment = input.employment ?? null;
    social.employmentStatus = input.employmentStatus ?? EmploymentStatus.UNKNOWN;
    const housing = new PersonHousing(person, input.housingStatus ?? HousingStatus.UNKNOWN);
    housing.shelterRequestedAt = input.shelterRequestedAt ?? null;
    for (const row of [identity, judicial, judicialDetail, social, housing]) row.writtenBy = input.spip;
    this.em.persist([identity, judicial, judicialDetail, social, housing]);
    return { person, identity, judicial, judicialDetail, social, housing };
  }

  /** Same as makeRecord, flushed. */
  async createRecord(input: PersonInput): Promise<PersonRecord> {
    const record = this.makeRecord(input);
    await this.em.flush();
    return record;
  }
}
