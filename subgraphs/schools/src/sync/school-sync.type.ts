import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { School } from '../school/school.entity';

export enum SchoolUpsertOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
}
registerEnumType(SchoolUpsertOutcome, {
  name: 'SchoolUpsertOutcome',
  description: 'What a bulk sync did with one row; a REJECTED row changed nothing',
});

@ObjectType({ description: 'The outcome of one row of a bulk school sync' })
export class SchoolUpsertResult {
  @Field(() => Int, { description: 'Position of the row in the request, from 0' })
  row!: number;

  @Field()
  urn!: string;

  @Field(() => SchoolUpsertOutcome)
  outcome!: SchoolUpsertOutcome;

  @Field(() => School, { nullable: true, description: 'The school as stored; null when the row was rejected' })
  school!: School | null;

  @Field(() => String, { nullable: true, description: 'For a rejected row, the field at fault (e.g. laestab)' })
  field!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For a rejected row, why, naming the field and the format expected',
  })
  reason!: string | null;

  static accepted(
    row: number,
    outcome: Exclude<SchoolUpsertOutcome, SchoolUpsertOutcome.REJECTED>,
    school: School,
  ): SchoolUpsertResult {
    return Object.assign(new SchoolUpsertResult(), {
      row,
      urn: school.urn,
      outcome,
      school,
      field: null,
      reason: null,
    });
  }

  static rejected(row: number, urn: string, field: string, message: string): SchoolUpsertResult {
    return Object.assign(new SchoolUpsertResult(), {
      row,
      urn,
      outcome: SchoolUpsertOutcome.REJECTED,
      school: null,
      field,
      reason: `${field}: ${message}`,
    });
  }
}
