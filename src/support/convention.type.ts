import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars';
import type { Convention } from './convention.entity';

@ObjectType('Convention', { description: 'An agreement under which a structure receives referrals from a partner, with a yearly quota.' })
export class ConventionView {
  @Field(() => ID, { description: "The convention's id." })
  id!: string;

  @Field(() => String, { nullable: true, description: "The convention's title; null when not given." })
  title!: string | null;

  structureId!: string;
  partnerId!: string;
  serviceId!: string | null;

  @Field(() => Int, { description: 'Referrals a year the convention provides for.' })
  yearlyQuota!: number;

  @Field(() => DateScalar, { description: 'The first day the convention applies.' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day the convention applies; null when open-ended.' })
  validTo!: string | null;

  static from(convention: Convention): ConventionView {
    return Object.assign(new ConventionView(), {
      id: convention.id,
      title: convention.title,
      structureId: convention.structure.id,
      partnerId: convention.partner.id,
      serviceId: convention.service?.id ?? null,
      yearlyQuota: convention.yearlyQuota,
      validFrom: convention.validFrom,
      validTo: convention.validTo,
    });
  }
}
