import { Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  connectionOf,
  DateScalar,
  type SortKey,
  type IntegratedCareBoardRecord,
  type LocalAuthorityRecord,
  type PoliceForceAreaRecord,
} from '@safeguarding/shared';

export enum LocalAuthorityStatus {
  LIVE = 'LIVE',
  TERMINATED = 'TERMINATED',
}
registerEnumType(LocalAuthorityStatus, { name: 'LocalAuthorityStatus' });

/** A local authority area from the ONS/DfE reference data. */
@ObjectType({ description: "An English upper-tier local authority area (children's services authority)" })
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

  @Field(() => DateScalar, { nullable: true, description: 'The last day of this code; null while it is live' })
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

export enum LocalAuthorityChange {
  RECODED = 'RECODED',
  MERGED = 'MERGED',
  SPLIT = 'SPLIT',
}
registerEnumType(LocalAuthorityChange, {
  name: 'LocalAuthorityChange',
  description:
    'What a reorganisation did to an authority: its area got a new code unchanged (RECODED), went wholly into one successor with other areas (MERGED), or was divided between several successors (SPLIT)',
  valuesConfig: {
    RECODED: { description: 'One successor with the same area and a new GSS code' },
    MERGED: { description: 'The whole area went into one successor that other areas also joined' },
    SPLIT: { description: 'The area was divided between several successors' },
  },
});

@ObjectType({ description: "An authority that took over a terminated one's area, or part of it" })
export class LocalAuthoritySuccession {
  @Field(() => LocalAuthorityChange)
  change!: LocalAuthorityChange;

  @Field(() => DateScalar, { description: 'The first day of the successor' })
  effectiveDate!: string;

  @Field(() => LocalAuthority)
  localAuthority!: LocalAuthority;
}

@ObjectType({ description: 'An integrated care board (the NHS statutory partner since July 2022)' })
export class IntegratedCareBoard {
  @Field({ description: 'NHS ODS code, e.g. QNX' })
  odsCode!: string;

  @Field({ description: 'ONS GSS code (E54…)' })
  gssCode!: string;

  @Field()
  name!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the board came into being, where the data says' })
  validFrom!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The board's last day (a merger or reorganisation); null while it exists",
  })
  validTo!: string | null;

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

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Where the data gives one, the first day of this force area',
  })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The force area's last day; null while it exists" })
  validTo!: string | null;

  static of(record: PoliceForceAreaRecord): PoliceForceArea {
    return Object.assign(new PoliceForceArea(), {
      gssCode: record.gssCode,
      name: record.name,
      country: record.country,
      validFrom: record.validFrom,
      validTo: record.validTo,
    });
  }
}

@ObjectType({
  description:
    "An integrated care board whose area overlaps a local authority's: under the Children Act 2004 s16E (and s16Q for child death review) it may be the authority's safeguarding partner",
})
export class LocalAuthorityBoardOverlap {
  @Field(() => IntegratedCareBoard)
  integratedCareBoard!: IntegratedCareBoard;

  @Field(() => Number, {
    nullable: true,
    description: "The share of the local authority's area within the board's (0 to 1), where the source gives it",
  })
  share!: number | null;

  @Field({ description: 'How the overlap was derived (the ONS lookups it rests on)' })
  basis!: string;
}

// Reference data is read from files into memory: pages are cut there, with the same cursors and bounds as a list read from SQL.
export const LocalAuthorityConnection = connectionOf<LocalAuthority>(
  () => LocalAuthority,
  'LocalAuthority',
  'A page of local authorities by name; totalCount is counted only when asked for',
);
export const IntegratedCareBoardConnection = connectionOf<IntegratedCareBoard>(
  () => IntegratedCareBoard,
  'IntegratedCareBoard',
  'A page of integrated care boards by name; totalCount is counted only when asked for',
);
export const PoliceForceAreaConnection = connectionOf<PoliceForceArea>(
  () => PoliceForceArea,
  'PoliceForceArea',
  'A page of police force areas by name; totalCount is counted only when asked for',
);

/** By name; the code makes the order total (a name can outlive its code: a recoded authority keeps it). */
export const localAuthorityOrder: readonly SortKey<LocalAuthority>[] = [
  { column: 'name', value: (la) => la.name },
  { column: 'gssCode', value: (la) => la.gssCode },
];
export const integratedCareBoardOrder: readonly SortKey<IntegratedCareBoard>[] = [
  { column: 'name', value: (icb) => icb.name },
  { column: 'odsCode', value: (icb) => icb.odsCode },
];
export const policeForceAreaOrder: readonly SortKey<PoliceForceArea>[] = [
  { column: 'name', value: (area) => area.name },
  { column: 'gssCode', value: (area) => area.gssCode },
];
