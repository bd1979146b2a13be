import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AgencyReference, statutoryOrganisationId, Identifying } from '@safeguarding/shared';

/** The phase of education, as GIAS records it. */
export enum SchoolPhase {
  NURSERY = 'NURSERY',
  PRIMARY = 'PRIMARY',
  MIDDLE_DEEMED_PRIMARY = 'MIDDLE_DEEMED_PRIMARY',
  SECONDARY = 'SECONDARY',
  MIDDLE_DEEMED_SECONDARY = 'MIDDLE_DEEMED_SECONDARY',
  ALL_THROUGH = 'ALL_THROUGH',
  SIXTEEN_PLUS = 'SIXTEEN_PLUS',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}
registerEnumType(SchoolPhase, { name: 'SchoolPhase', description: 'Phase of education (GIAS)' });

/** The establishment status, as GIAS records it. */
export enum SchoolStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  PROPOSED_TO_OPEN = 'PROPOSED_TO_OPEN',
  PROPOSED_TO_CLOSE = 'PROPOSED_TO_CLOSE',
}
registerEnumType(SchoolStatus, { name: 'SchoolStatus', description: 'Establishment status (GIAS)' });

/** A school or other educational establishment registered in GIAS (DOMAIN.md §1). */
@ObjectType({ description: 'A school or other educational establishment, identified by its GIAS URN' })
@Directive('@key(fields: "urn")')
@Entity('schools')
// The register's order (name, URN): a keyset page of `schools` reads its rows from the index, not a sort of every school.
@Index(['name', 'urn'])
export class School {
  @Identifying()
  @Field({ description: 'Unique Reference Number from Get Information About Schools: 6 digits' })
  @PrimaryColumn('varchar', { length: 6 })
  urn!: string;

  @Identifying()
  @Field()
  @Column('varchar', { length: 200 })
  name!: string;

  @Identifying()
  @Field({ description: 'DfE 3-digit LA code followed by the 4-digit establishment number' })
  // Indexed: an MIS looks a school up by the LAESTAB it holds (schoolByCode).
  @Index()
  @Column('varchar', { length: 7 })
  laestab!: string;

  // Kept apart from laestab so that listing an LA's schools can use an index.
  @Index()
  @Column('varchar', { length: 3 })
  localAuthorityDfeCode!: string;

  @Field(() => SchoolPhase)
  @Column('varchar', { length: 24 })
  phase!: SchoolPhase;

  @Field(() => SchoolStatus)
  @Column('varchar', { length: 24 })
  status!: SchoolStatus;

  @Identifying()
  @Field(() => String, { nullable: true, description: 'UK Provider Reference Number: 8 digits, if the school has one' })
  @Index()
  @Column('varchar', { length: 8, nullable: true })
  ukprn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'GIAS type of establishment, e.g. "Academy converter", "Community school"',
  })
  @Column('varchar', { length: 100, nullable: true })
  establishmentType!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'GIAS establishment type group, e.g. "Academies", "Local authority maintained schools"',
  })
  @Column('varchar', { length: 100, nullable: true })
  establishmentTypeGroup!: string | null;

  // The GIAS group UID of the school's trust; a plain column so a sync can name a trust it writes in the same batch.
  @Index()
  @Column('varchar', { length: 10, nullable: true })
  trustUid!: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 10, nullable: true })
  postcode!: string | null;

  @Field(() => AgencyReference, { nullable: true, description: 'The local authority whose area the school is in' })
  localAuthority(): AgencyReference {
    return AgencyReference.of(
      statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: this.localAuthorityDfeCode }),
    );
  }
}
