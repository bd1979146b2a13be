import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, type LocalAuthorityRecord } from '@safeguarding/shared';

export enum LocalAuthorityStatus {
  LIVE = 'LIVE',
  TERMINATED = 'TERMINATED',
}
registerEnumType(LocalAuthorityStatus, { name: 'LocalAuthorityStatus' });

/** A local authority area from the ONS/DfE reference data (DOMAIN.md §5). */
@ObjectType({ description: 'An English upper-tier local authority area (children\'s services authority)' })
export class LocalAuthority {
  @Field({ description: 'ONS GSS code; codes change on reorganisation, so they carry validity dates' })
  gssCode!: string;

  @Field()
  name!: string;

  @Field({ description: 'DfE 3-digit LA code' })
  dfeCode!: string;

  @Field(() => LocalAuthorityStatus)
  status!: LocalAuthorityStatus;

  @Field(() => DateScalar)
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true })
  validTo!: string | null;

  static of(record: LocalAuthorityRecord): LocalAuthority {
    return Object.assign(new LocalAuthority(), {
      gssCode: record.gssCode,
      name: record.name,
      dfeCode: record.dfeCode,
      status: record.status === 'live' ? LocalAuthorityStatus.LIVE : LocalAuthorityStatus.TERMINATED,
      validFrom: record.validFrom,
      validTo: record.validTo,
    });
  }
}
