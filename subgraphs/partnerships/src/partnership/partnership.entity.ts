import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgencyReference, connectionOf, DateScalar } from '@safeguarding/shared';

export enum PartnershipStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  DISSOLVED = 'DISSOLVED',
}
registerEnumType(PartnershipStatus, {
  name: 'PartnershipStatus',
  description: 'DRAFT until the lead partners sign off the arrangements; ACTIVE while in force; DISSOLVED after',
});

/** The three statutory safeguarding partners (Children Act 2004 s16E). */
export enum PartnerKind {
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  INTEGRATED_CARE_BOARD = 'INTEGRATED_CARE_BOARD',
  POLICE = 'POLICE',
}
registerEnumType(PartnerKind, { name: 'PartnerKind' });

/** A local safeguarding arrangement: the partners' joint arrangements for one or more LA areas. */
@ObjectType({ description: 'Local safeguarding arrangements for one or more local authority areas' })
@Directive('@key(fields: "id")')
@Entity('partnerships')
// The keyset order of the partnership lists (Query.partnerships, yearlyReportCompliance): name, then id.
@Index(['name', 'id'])
export class Partnership {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Field()
  @Column('varchar', { length: 200 })
  name!: string;

  @Field(() => PartnershipStatus)
  @Index()
  @Column('varchar', { length: 16 })
  status!: PartnershipStatus;

  @Field(() => DateScalar, { nullable: true, description: 'When the arrangements came into force' })
  @Column('date', { nullable: true })
  activeFrom!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { nullable: true })
  dissolvedOn!: string | null;
}

/** One local authority area in a partnership's footprint. */
@Entity('partnership_areas')
export class PartnershipArea {
  @PrimaryColumn('varchar', { length: 36 })
  partnershipId!: string;

  @PrimaryColumn('varchar', { length: 9 })
  @Index()
  localAuthorityGssCode!: string;

  @ManyToOne(() => Partnership, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partnershipId' })
  partnership?: Partnership;
}

@ObjectType({ description: 'A named office holder acting for a statutory partner' })
export class SafeguardingOfficer {
  @Field()
  name!: string;

  @Field({ description: 'The office held, e.g. "Chief Executive"' })
  office!: string;

  @Field(() => DateScalar)
  since!: string;
}

/** A statutory partner of a partnership; the organisation itself lives in the agencies subgraph. */
@ObjectType({ description: 'A statutory safeguarding partner of the arrangements' })
@Entity('statutory_partners')
@Index(['partnershipId', 'organisationId'], { unique: true })
export class StatutoryPartner {
  @Field(() => ID, { description: 'This partner within this partnership (names its lead and delegates)' })
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field(() => PartnerKind)
  @Column('varchar', { length: 24 })
  kind!: PartnerKind;

  @Column('varchar', { length: 36 })
  organisationId!: string;

  @Field({ description: 'The official code the partner was named by: GSS for LAs and police, ODS for ICBs' })
  @Column('varchar', { length: 9 })
  code!: string;

  @Field(() => AgencyReference, { nullable: true, description: 'The partner organisation' })
  organisation(): AgencyReference {
    return AgencyReference.of(this.organisationId);
  }

  // The Lead Safeguarding Partner (WT 2023): the office holder who signs off for this partner.
  @Column('varchar', { length: 200, nullable: true })
  leadName!: string | null;

  @Column('varchar', { length: 200, nullable: true })
  leadOffice!: string | null;

  @Column('date', { nullable: true })
  leadNamedOn!: string | null;

  @Field(() => SafeguardingOfficer, {
    nullable: true,
    description: 'The Lead Safeguarding Partner: the chief executive or chief officer',
  })
  leadSafeguardingPartner(): SafeguardingOfficer | null {
    return this.leadName && this.leadOffice && this.leadNamedOn
      ? Object.assign(new SafeguardingOfficer(), {
          name: this.leadName,
          office: this.leadOffice,
          since: this.leadNamedOn,
        })
      : null;
  }

  @ManyToOne(() => Partnership, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partnershipId' })
  partnership?: Partnership;
}

/** A senior officer to whom a Lead Safeguarding Partner delegates functions; the LSP stays accountable. */
@ObjectType({ description: 'A Delegated Safeguarding Partner and the functions delegated to them' })
@Entity('delegated_safeguarding_partners')
export class DelegatedSafeguardingPartner {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnerId!: string;

  @Field()
  @Column('varchar', { length: 200 })
  name!: string;

  @Field()
  @Column('varchar', { length: 200 })
  office!: string;

  @Field(() => [String])
  @Column('simple-json')
  functions!: string[];

  @Field(() => DateScalar)
  @Column('date')
  delegatedFrom!: string;

  @ManyToOne(() => StatutoryPartner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partnerId' })
  partner?: StatutoryPartner;
}

export const DelegatedSafeguardingPartnerConnection = connectionOf<DelegatedSafeguardingPartner>(
  () => DelegatedSafeguardingPartner,
  'DelegatedSafeguardingPartner',
  "A page of a statutory partner's delegates, earliest delegated first",
);
