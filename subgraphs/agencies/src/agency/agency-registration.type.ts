import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Agency } from './agency.entity';

export enum AgencyRegistrationOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
}
registerEnumType(AgencyRegistrationOutcome, {
  name: 'AgencyRegistrationOutcome',
  description: 'What a bulk registration did with one row; a REJECTED row changed nothing',
});

@ObjectType({ description: 'The outcome of one row of a bulk registration' })
export class AgencyRegistrationResult {
  @Field(() => Int, { description: 'Position of the row in the request, from 0' })
  row!: number;

  @Field(() => AgencyRegistrationOutcome)
  outcome!: AgencyRegistrationOutcome;

  @Field(() => Agency, { nullable: true, description: 'The agency as stored; null when the row was rejected' })
  agency!: Agency | null;

  @Field(() => String, { nullable: true, description: 'For a rejected row, the field at fault (e.g. odsCode)' })
  field!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For a rejected row, why, naming the field and the format expected',
  })
  reason!: string | null;

  static accepted(
    row: number,
    outcome: Exclude<AgencyRegistrationOutcome, AgencyRegistrationOutcome.REJECTED>,
    agency: Agency,
  ): AgencyRegistrationResult {
    return Object.assign(new AgencyRegistrationResult(), { row, outcome, agency, field: null, reason: null });
  }

  static rejected(row: number, field: string, message: string): AgencyRegistrationResult {
    return Object.assign(new AgencyRegistrationResult(), {
      row,
      outcome: AgencyRegistrationOutcome.REJECTED,
      agency: null,
      field,
      reason: `${field}: ${message}`,
    });
  }
}
