import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../shared/scalars';

export enum OutcomeDimension {
  DEPARTEMENT = 'DEPARTEMENT',
  MEASURE = 'MEASURE',
  STRUCTURE_KIND = 'STRUCTURE_KIND',
  ACTION = 'ACTION',
}

registerEnumType(OutcomeDimension, {
  name: 'OutcomeDimension',
  description: 'What the rows of an outcome report are grouped by.',
  valuesConfig: {
    DEPARTEMENT: { description: "The département of the SPIP holding the person's file." },
    MEASURE: { description: 'The judicial measure at release.' },
    STRUCTURE_KIND: { description: 'The kinds of partners that followed the person, e.g. ASSOCIATION+CSAPA, or NONE.' },
    ACTION: { description: 'The action the person took part in (its id), or NONE.' },
  },
});

@ObjectType('SuppressedCount', {
  description: 'A count over persons; suppressed (null) when it counts 1 to 10 persons or could reveal such a cell.',
})
export class SuppressedCountView {
  @Field(() => Int, { nullable: true, description: 'The count; null when suppressed.' })
  value!: number | null;

  @Field(() => Boolean, { description: 'True when the count is withheld, for counting 1 to 10 persons or for revealing such a count.' })
  suppressed!: boolean;
}

@ObjectType('OutcomeRow', {
  description: 'The outcomes of one group of released persons; every count is suppressed when small or when it could reveal a small one.',
})
export class OutcomeRowView {
  @Field(() => [String], { description: 'Group keys, e.g. departement=49 or measure=PROBATION, as key=value strings.' })
  group!: string[];

  @Field(() => SuppressedCountView, { description: 'Persons of the group released in the period.' })
  persons!: SuppressedCountView;

  @Field(() => SuppressedCountView, {
    description: 'Persons housed at release: a placement open on the release date, or a housing status other than NONE and UNKNOWN.',
  })
  housedAtRelease!: SuppressedCountView;

  @Field(() => SuppressedCountView, { description: 'Persons with at least one right step OBTAINED.' })
  rightsOpened!: SuppressedCountView;

  @Field(() => SuppressedCountView, { description: 'Persons whose health summary, as last recorded, says they are in care.' })
  inCare!: SuppressedCountView;

  @Field(() => SuppressedCountView, { description: 'Persons whose employment status, as last recorded, is EMPLOYED or ASSISTED_CONTRACT.' })
  employed!: SuppressedCountView;
}

@ObjectType('OutcomeYear', {
  description: 'A calendar year of the report: its outcomes are served only once published, and never change afterwards.',
})
export class OutcomeYearView {
  @Field(() => Int, { description: 'The calendar year, e.g. 2024.' })
  year!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the year was published; null while it is not, or when it had no cohort when its day came (its rows are then left out).' })
  publishedAt!: Date | null;

  @Field(() => DateScalar, { description: 'The day the year is published (configurable; by default 1 March of the following year).' })
  publicationDate!: string;
}

@ObjectType('OutcomeReport', { description: 'Outcomes of the persons released in whole calendar years, grouped and protected.' })
export class OutcomeReportView {
  @Field(() => DateScalar, { description: 'January 1st of the first year covered.' })
  from!: string;

  @Field(() => DateScalar, { description: 'December 31st of the last year covered.' })
  to!: string;

  @Field(() => [OutcomeDimension], { description: 'The dimensions the rows are grouped by, as asked.' })
  groupBy!: OutcomeDimension[];

  @Field(() => [OutcomeYearView], { description: 'Each year of the period, published or not: rows count the published ones only.' })
  years!: OutcomeYearView[];

  @Field(() => [OutcomeRowView], { description: 'One row per group (or a single total row), counts protected.' })
  rows!: OutcomeRowView[];
}
