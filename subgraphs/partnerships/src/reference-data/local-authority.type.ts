import { Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  DateScalar,
  type IntegratedCareBoardRecord,
  type LocalAuthorityRecord,
  type PoliceForceAreaRecord,
} from '@safeguarding/shared';

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

  /** Set for a terminated code: the GSS code that replaced it. */
  successorGssCode!: string | null;

  static of(record: LocalAuthorityRecord, successor?: LocalAuthorityRecord): LocalAuthority {
    return Object.assign(new LocalAuthority(), {
      successorGssCode: successor?.gssCode ?? null,
      gssCode: record.gssCode,
      name: record.name,
      dfeCode: record.dfeCode,
      status: record.status === 'live' ? LocalAuthorityStatus.LIVE : LocalAuthorityStatus.TERMINATED,
      validFrom: record.validFrom,
      validTo: record.validTo,
    });
  }
}

@ObjectType({ description: 'An integrated care board (the NHS statutory partner since July 2022)' })
export class IntegratedCareBoard {
  @Field({ description: 'NHS ODS code, e.g. QNX' })
  odsCode!: string;

  @Field({ description: 'ONS GSS code (E54…)' })
  gssCode!: string;

  @Field()
  name!: string;

  static of(record: IntegratedCareBoardRecord): IntegratedCareBoard {
    return Object.assign(new IntegratedCareBoard(), record);
  }
}

@ObjectType({ description: 'A police force area; its chief officer of police is the statutory partner' })
export class PoliceForceArea {
  @Field({ description: 'ONS GSS code (E23… in England)' })
  gssCode!: string;

  @Field()
  name!: string;

  @Field()
  country!: string;

  static of(record: PoliceForceAreaRecord): PoliceForceArea {
    return Object.assign(new PoliceForceArea(), { gssCode: record.gssCode, name: record.name, country: record.country });
  }
}
