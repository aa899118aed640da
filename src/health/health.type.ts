import { Field, Int, ObjectType } from 'type-graphql';
import type { GuardedView } from '../policy/domain-guard';
import { DateScalar } from '../shared/scalars';
import type { PersonHealthRecord } from './health-record.entity';
import type { PersonHealthSummary } from './health-summary.entity';

@ObjectType('HealthSummary', { description: 'What a care attestation says: in care or not, where, since when.' })
export class HealthSummaryView implements GuardedView {
  personId!: string;
  writtenById!: string | null;
  careStructureId!: string | null;

  @Field(() => Boolean, { description: 'Whether the person is in care now.' })
  inCare!: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'Since when the person is in care, as the care attestation says; null when unknown.' })
  since!: string | null;

  static from(row: PersonHealthSummary): HealthSummaryView {
    return Object.assign(new HealthSummaryView(), {
      personId: row.person.id,
      writtenById: row.writtenBy?.id ?? null,
      careStructureId: row.careStructure?.id ?? null,
      inCare: row.inCare,
      since: row.since,
    });
  }
}

@ObjectType('HealthRecord', { description: 'Kept by the CSAPA that follows the person, under medical secrecy.' })
export class HealthRecordView implements GuardedView {
  personId!: string;
  writtenById!: string | null;

  @Field(() => [String], { description: 'The substances the person uses, as the CSAPA records them.' })
  substances!: string[];

  @Field(() => String, { nullable: true, description: "The person's current treatment (e.g. opioid substitution); null when none is recorded." })
  treatment!: string | null;

  @Field(() => String, { nullable: true, description: "The CSAPA's care notes; null when none." })
  notes!: string | null;

  @Field(() => Int, { description: "The health record's version; give it back as expectedVersion when recording." })
  version!: number;

  static from(row: PersonHealthRecord): HealthRecordView {
    return Object.assign(new HealthRecordView(), {
      personId: row.person.id,
      writtenById: row.writtenBy?.id ?? null,
      substances: row.substances,
      treatment: row.treatment,
      notes: row.notes,
      version: row.version,
    });
  }
}
