import { z } from 'zod';
import {
  inTransaction,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  isoDate,
  newId,
  NotFoundError,
  partnershipAdministratorRoles,
  selfAssessmentDesignationsChanged,
  uuidPattern,
  validateInput,
  type ReferenceData,
  type SubgraphContext,
} from '@safeguarding/shared';
import { actsForLocalAuthority } from './school-record.policy';
import { SchoolDesignation } from './school-designation.entity';
import {
  designateLimits,
  type DesignateSchoolsInput,
  type EndSchoolDesignationInput,
} from './school-designation.input';
import { SchoolRepository } from './school.repository';
import { designatedSchoolsShown, type SchoolsDesignated } from './school-designation.type';
import { schoolSafeguarding } from '../self-assessment/self-assessment.module';

const uuid = z.string().trim().toLowerCase().regex(uuidPattern, 'must be a uuid');
const urn = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be a URN: exactly 6 digits');

function designateSchema(reference: ReferenceData) {
  const live = new Set(reference.liveLocalAuthorities.map((la) => la.dfeCode));
  return z
    .object({
      partnershipId: uuid,
      urns: z.array(urn).max(designateLimits.urns, `must list at most ${designateLimits.urns} URNs`),
      localAuthorityDfeCodes: z
        .array(
          z
            .string()
            .trim()
            .regex(/^\d{3}$/, 'must be a DfE LA code: 3 digits')
            .refine((code) => live.has(code), 'is not the DfE code of a live local authority'),
        )
        .max(
          designateLimits.localAuthorityDfeCodes,
          `must list at most ${designateLimits.localAuthorityDfeCodes} LA codes`,
        ),
      designatedFrom: isoDate,
    })
    .refine((input) => input.urns.length + input.localAuthorityDfeCodes.length > 0, {
      error: 'name at least one URN or LA code',
      path: ['urns'],
    });
}

const endSchema = z.object({ partnershipId: uuid, urn, designatedUntil: isoDate });

const outsideArea =
  "the school's local authority is not in this partnership's area as this graph knows it (no school of it designated by the partnership): its own staff, acting in the partnership, designate the first";

/**
 * Designation by a partnership's administrators. Partnerships and their footprints live in the
 * partnerships subgraph, which this one cannot query: the footprint's LA codes come in the input,
 * checked against the reference data, and the partnership must be one the caller's token acts in.
 * Designating a school makes the partnership one of those holding its records, so it is confined
 * to the partnership's area as this subgraph knows it: a local authority where the partnership
 * designates some school already, or the caller's own local authority (the partner for that area).
 */
export class SchoolDesignationService {
  constructor(private readonly ctx: SubgraphContext) {}

  async designate(input: DesignateSchoolsInput): Promise<SchoolsDesignated> {
    this.ctx.scope.requirePartnershipRole(input.partnershipId, partnershipAdministratorRoles);
    const valid = validateInput(designateSchema(this.ctx.reference), input);
    const schools = await inTransaction(this.ctx.db, async (manager) => {
      const repository = new SchoolRepository(manager, this.ctx.scope);
      const named = valid.urns.length > 0 ? await repository.findByUrns(valid.urns) : [];
      const missing = valid.urns.findIndex((u) => !named.some((school) => school.urn === u));
      if (missing >= 0)
        throw new BadUserInputError(
          `input.urns.${missing}`,
          `no school with URN ${valid.urns[missing] ?? ''} is registered`,
        );
      const { coveredBy } = await repository.holdersOf(
        [],
        [...new Set([...valid.localAuthorityDfeCodes, ...named.map((school) => school.localAuthorityDfeCode)])],
        this.ctx.today,
      );
      const covers = (dfeCode: string) =>
        (coveredBy.get(dfeCode) ?? []).includes(valid.partnershipId) || actsForLocalAuthority(this.ctx.scope, dfeCode);
      const outsideCode = valid.localAuthorityDfeCodes.findIndex((code) => !covers(code));
      if (outsideCode >= 0) throw new ForbiddenError(`input.localAuthorityDfeCodes.${outsideCode}: ${outsideArea}`);
      const outsideUrn = valid.urns.findIndex(
        (u) => !covers(named.find((school) => school.urn === u)?.localAuthorityDfeCode ?? ''),
      );
      if (outsideUrn >= 0) throw new ForbiddenError(`input.urns.${outsideUrn}: ${outsideArea}`);
      const footprint =
        valid.localAuthorityDfeCodes.length > 0 ? await repository.openSchoolsIn(valid.localAuthorityDfeCodes) : [];
      const all = [...new Map([...named, ...footprint].map((school) => [school.urn, school])).values()];
      const existing = await repository.designationsOfPartnership(
        valid.partnershipId,
        all.map((s) => s.urn),
      );
      const designations = all.map((school): SchoolDesignation | null => {
        const previous = existing.find((d) => d.urn === school.urn);
        // A designation in force already is left as it is; an ended one is renewed.
        if (previous && (previous.designatedUntil === null || previous.designatedUntil >= valid.designatedFrom))
          return null;
        return Object.assign(new SchoolDesignation(), {
          id: previous?.id ?? newId(),
          partnershipId: valid.partnershipId,
          urn: school.urn,
          schoolName: school.name,
          designatedFrom: valid.designatedFrom,
          designatedUntil: null,
        });
      });
      await repository.saveDesignations(designations.filter((d): d is SchoolDesignation => d !== null));
      await selfAssessmentDesignationsChanged(
        manager,
        schoolSafeguarding,
        this.ctx.now,
        this.ctx.today,
        valid.partnershipId,
        all.map((school) => school.urn),
      );
      return all;
    });
    this.ctx.logger.info({ partnershipId: valid.partnershipId, schools: schools.length }, 'schools designated');
    const byUrn = [...schools].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
    return {
      totalCount: schools.length,
      schools: byUrn.slice(0, designatedSchoolsShown),
      hasMore: schools.length > designatedSchoolsShown,
    };
  }

  async end(input: EndSchoolDesignationInput): Promise<boolean> {
    this.ctx.scope.requirePartnershipRole(input.partnershipId, partnershipAdministratorRoles);
    const valid = validateInput(endSchema, input);
    await inTransaction(this.ctx.db, async (manager) => {
      const repository = new SchoolRepository(manager, this.ctx.scope);
      const [designation] = await repository.designationsOfPartnership(valid.partnershipId, [valid.urn]);
      if (!designation) throw new NotFoundError('School designation', `${valid.partnershipId}/${valid.urn}`);
      if (designation.designatedUntil !== null && designation.designatedUntil < valid.designatedUntil) {
        throw new ConflictError(`the designation already ended on ${designation.designatedUntil}`);
      }
      if (valid.designatedUntil < designation.designatedFrom) {
        throw new BadUserInputError(
          'input.designatedUntil',
          `must not be before the designation began (${designation.designatedFrom})`,
        );
      }
      await repository.saveDesignations([
        Object.assign(new SchoolDesignation(), designation, { designatedUntil: valid.designatedUntil }),
      ]);
      await selfAssessmentDesignationsChanged(
        manager,
        schoolSafeguarding,
        this.ctx.now,
        this.ctx.today,
        valid.partnershipId,
        [valid.urn],
      );
    });
    return true;
  }
}
