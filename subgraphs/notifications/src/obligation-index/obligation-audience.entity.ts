import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The owning subgraph's rule of who may see an obligation, one row per value, so that visibility is
 * a join in the query and pages and counts are right (never a filter after the page was cut).
 * Clauses, with the semantics of `audienceAdmits`:
 * - ORGANISATION (an organisation id) together with ORGANISATION_ROLE (a role, or `*` for any role)
 *   of the same `groupIndex`: 0 is the audience's main organisation list, 1… its further groups,
 *   each pairing its own organisations with its own roles (a file transfer's schools' DSLs, and
 *   anyone of their local authorities);
 * - PARTNERSHIP (a partnership id) together with PARTNERSHIP_ROLE (a role);
 * - NATIONAL_ROLE (a role that sees it wherever it acts).
 */
export const audienceClauses = [
  'ORGANISATION',
  'ORGANISATION_ROLE',
  'PARTNERSHIP',
  'PARTNERSHIP_ROLE',
  'NATIONAL_ROLE',
] as const;
export type AudienceClause = (typeof audienceClauses)[number];

/** ORGANISATION_ROLE's value when the owner named no role: any role of those organisations. */
export const anyRole = '*';

@Entity('obligation_audience')
@Index('IDX_obligation_audience_value', ['clause', 'value', 'obligationId'])
export class ObligationAudienceEntry {
  @PrimaryColumn('varchar', { length: 36 })
  obligationId!: string;

  @PrimaryColumn('varchar', { length: 20 })
  clause!: AudienceClause;

  @PrimaryColumn('varchar', { length: 64 })
  value!: string;

  /** Pairs an ORGANISATION row with the ORGANISATION_ROLE rows of its own group; 0 for every other clause. */
  @PrimaryColumn('int', { default: 0 })
  groupIndex!: number;

  static of(obligationId: string, clause: AudienceClause, value: string, groupIndex = 0): ObligationAudienceEntry {
    return Object.assign(new ObligationAudienceEntry(), { obligationId, clause, value, groupIndex });
  }
}
