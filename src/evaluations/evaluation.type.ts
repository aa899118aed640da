import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars';
import type { Evaluation } from './evaluation.entity';
import type { IndicatorPart } from './indicator-part.entity';
import type { Indicator } from './indicator.entity';

@ObjectType('Evaluation', { description: 'The evaluation of an action over a period.' })
export class EvaluationView {
  @Field(() => ID, { description: "The evaluation's id." })
  id!: string;

  actionId!: string;

  authorId!: string | null;

  @Field(() => DateScalar, { description: 'The first day of the period evaluated.' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'The last day of the period evaluated.' })
  periodEnd!: string;

  @Field(() => String, { nullable: true, description: 'The qualitative assessment ("bilan").' })
  assessment!: string | null;

  @Field(() => [String], { description: 'The weaknesses the evaluation found.' })
  weaknesses!: string[];

  @Field(() => [String], { description: 'The perspectives it draws for the action.' })
  perspectives!: string[];

  @Field(() => Int, { description: 'Give it back as expectedVersion when updating.' })
  version!: number;

  static from(evaluation: Evaluation): EvaluationView {
    return Object.assign(new EvaluationView(), {
      id: evaluation.id,
      actionId: evaluation.action.id,
      authorId: evaluation.author?.id ?? null,
      periodStart: evaluation.periodStart,
      periodEnd: evaluation.periodEnd,
      assessment: evaluation.assessment,
      weaknesses: evaluation.weaknesses,
      perspectives: evaluation.perspectives,
      version: evaluation.version,
    });
  }
}

@ObjectType('IndicatorPart', { description: 'The part of an indicator in one département.' })
export class IndicatorPartView {
  @Field(() => String, { description: 'INSEE code of the département.' })
  departement!: string;

  @Field(() => Float, { nullable: true, description: "The indicator's value in that département; null when not given." })
  value!: number | null;

  static from(part: IndicatorPart): IndicatorPartView {
    return Object.assign(new IndicatorPartView(), { departement: part.departement, value: part.value });
  }
}

@ObjectType('Indicator', { description: 'A quantitative indicator of an evaluation.' })
export class IndicatorView {
  id!: string;

  @Field(() => String, { nullable: true, description: 'Stable machine name, e.g. PEOPLE_REACHED.' })
  code!: string | null;

  @Field(() => String, { description: 'What the indicator counts, in words, e.g. people reached.' })
  name!: string;

  @Field(() => Float, { nullable: true, description: "The indicator's value for the whole period; null when not given." })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'The unit of the value, e.g. persons or sessions; null when not given.' })
  unit!: string | null;

  static from(indicator: Indicator): IndicatorView {
    return Object.assign(new IndicatorView(), {
      id: indicator.id,
      code: indicator.code,
      name: indicator.name,
      value: indicator.value,
      unit: indicator.unit,
    });
  }
}
