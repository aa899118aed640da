import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DataDomain } from '../policy/data-domain';
import { DateTimeScalar } from '../shared/scalars';
import type { Consent } from './consent.entity';

@ObjectType('Consent', { description: "The person's consent to share one domain with a structure, or with every structure holding a mandate." })
export class ConsentView {
  @Field(() => ID, { description: "The consent's id." })
  id!: string;

  personId!: string;
  recipientId!: string | null;
  recordedById!: string;

  @Field(() => DataDomain, { description: 'The data domain the person consents to share.' })
  domain!: DataDomain;

  @Field(() => DateTimeScalar, { description: 'When the consent was recorded.' })
  givenAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the consent expires; null when it does not. An expired consent counts as revoked.',
  })
  expiresAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the consent was revoked; null while not revoked.' })
  revokedAt!: Date | null;

  @Field(() => Boolean, { description: 'Given, not revoked, not expired.' })
  inForce!: boolean;

  @Field(() => Int, { description: "The consent's version." })
  version!: number;

  static from(consent: Consent, now = new Date()): ConsentView {
    return Object.assign(new ConsentView(), {
      id: consent.id,
      personId: consent.person.id,
      recipientId: consent.recipient?.id ?? null,
      recordedById: consent.recordedByStructure.id,
      domain: consent.domain,
      givenAt: consent.givenAt,
      expiresAt: consent.expiresAt,
      revokedAt: consent.revokedAt,
      inForce: consent.revokedAt === null && (consent.expiresAt === null || consent.expiresAt > now),
      version: consent.version,
    });
  }
}
