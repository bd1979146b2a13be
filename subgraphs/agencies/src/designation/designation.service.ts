import { z } from 'zod';
import {
  inTransaction,
  BadUserInputError,
  ConflictError,
  isoDate,
  connection,
  type Connection,
  nestedPage,
  newId,
  type PageArgs,
  NotFoundError,
  partnershipAdministratorRoles,
  selfAssessmentDesignationsChanged,
  requiredText,
  uuidPattern,
  validateInput,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { section11 } from '../section11/section11.module';
import { AgencyKind, AgencyStatus } from '../agency/agency.entity';
import { AgencyRepository } from '../agency/agency.repository';
import { Designation, designationStatus, DesignationStatus } from './designation.entity';
import type { DesignateRelevantAgencyInput, EndDesignationInput } from './designation.input';
import { agencyDesignationOrder, DesignationRepository, relevantAgencyOrder } from './designation.repository';
import { DesignationConnection } from './designation-connection.type';
import { AgencyConnection, AgencyPageInfo } from '../agency/agency-connection.type';

const uuid = z.string().trim().toLowerCase().regex(uuidPattern, 'must be a uuid');

const designateSchema = z.object({
  partnershipId: uuid,
  agencyId: uuid,
  designatedFrom: isoDate,
  reason: requiredText(500),
});

const endSchema = z.object({
  designationId: uuid,
  designatedUntil: isoDate,
  reason: requiredText(500),
});

export class DesignationService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): DesignationRepository {
    return new DesignationRepository(manager, this.ctx.scope);
  }

  /** A page of the partnership's relevant agencies today, cut in SQL for every partnership asked for at once. */
  async relevantAgencies(partnershipId: string, args: PageArgs): Promise<AgencyConnection> {
    const page = await nestedPage<Designation>({
      list: 'Partnership.relevantAgencies',
      loaders: this.ctx.loaders,
      parent: partnershipId,
      args,
      order: relevantAgencyOrder,
      parentOf: (designation) => designation.partnershipId,
      rows: (ids, after, limit) => this.repository().currentPages(ids, this.ctx.today, after, limit),
      count: (ids) => this.repository().currentCounts(ids, this.ctx.today),
    });
    return Object.assign(new AgencyConnection(), {
      nodes: page.nodes.flatMap((designation) => (designation.agency ? [designation.agency] : [])),
      pageInfo: Object.assign(new AgencyPageInfo(), { endCursor: page.endCursor, hasNextPage: page.hasNextPage }),
      count: page.count,
    });
  }

  /** Current designations for anyone; the whole history for the staff of the partnership that made them. */
  /** A page of the agency's designations, cut in SQL for every agency asked for at once. */
  async ofAgency(agencyId: string, args: PageArgs): Promise<Connection<Designation>> {
    const page = await nestedPage<Designation>({
      list: 'Agency.designations',
      loaders: this.ctx.loaders,
      parent: agencyId,
      args,
      order: agencyDesignationOrder,
      variant: this.ctx.today,
      parentOf: (row) => row.agencyId,
      rows: (ids, after, limit) => this.repository().pagesOfAgencies(ids, this.ctx.today, after, limit),
      count: (ids) => this.repository().countsOfAgencies(ids, this.ctx.today),
    });
    return connection(DesignationConnection, page, page.count);
  }

  status(designation: Designation): DesignationStatus {
    return designationStatus(designation, this.ctx.today);
  }

  async designate(input: DesignateRelevantAgencyInput): Promise<Designation> {
    const valid = validateInput(designateSchema, input);
    // Partnerships live in another subgraph's database, which this one cannot query; the caller's
    // verified token lists the partnerships it acts in, and naming relevant agencies is theirs.
    this.ctx.scope.requirePartnershipRole(valid.partnershipId, partnershipAdministratorRoles);
    const designation = Object.assign(new Designation(), {
      id: newId(),
      partnershipId: valid.partnershipId,
      agencyId: valid.agencyId,
      designatedFrom: valid.designatedFrom,
      designatedUntil: null,
      reason: valid.reason,
      endReason: null,
    });
    await inTransaction(this.ctx.db, async (manager) => {
      const [agency] = await new AgencyRepository(manager, this.ctx.scope).findByIds([valid.agencyId]);
      if (!agency) throw new BadUserInputError('input.agencyId', 'is not an agency in the registry');
      if (agency.kind !== AgencyKind.RELEVANT_AGENCY) {
        throw new BadUserInputError(
          'input.agencyId',
          `${agency.name} is a statutory safeguarding partner, not a relevant agency`,
        );
      }
      if (agency.status === AgencyStatus.CLOSED)
        throw new BadUserInputError('input.agencyId', `${agency.name} is closed`);
      const repository = this.repository(manager);
      const [overlap] = await repository.openOrEndingAfter(valid.partnershipId, valid.agencyId, valid.designatedFrom);
      if (overlap) {
        throw new ConflictError(
          `${agency.name} is already designated by this partnership from ${overlap.designatedFrom}${overlap.designatedUntil ? ` until ${overlap.designatedUntil}` : ''}`,
        );
      }
      await repository.insert(designation);
      await selfAssessmentDesignationsChanged(
        manager,
        section11,
        this.ctx.now,
        this.ctx.today,
        designation.partnershipId,
        [designation.agencyId],
      );
    });
    this.ctx.logger.info({ designationId: designation.id }, 'relevant agency designated');
    return designation;
  }

  async end(input: EndDesignationInput): Promise<Designation> {
    const valid = validateInput(endSchema, input);
    return inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const designation = await repository.findById(valid.designationId);
      if (!designation) throw new NotFoundError('RelevantAgencyDesignation', valid.designationId);
      this.ctx.scope.requirePartnershipRole(designation.partnershipId, partnershipAdministratorRoles);
      const status = this.status(designation);
      switch (status) {
        case DesignationStatus.ENDED:
          throw new ConflictError(`The designation is ENDED: it ended on ${designation.designatedUntil ?? ''}`);
        case DesignationStatus.SCHEDULED:
        case DesignationStatus.CURRENT:
          if (designation.designatedUntil !== null) {
            throw new ConflictError(`The designation is ${status} and already ends on ${designation.designatedUntil}`);
          }
          break;
        default:
          return assertNever(status);
      }
      if (valid.designatedUntil < designation.designatedFrom) {
        throw new BadUserInputError(
          'input.designatedUntil',
          `must not be before designatedFrom (${designation.designatedFrom})`,
        );
      }
      await repository.end(designation.id, valid.designatedUntil, valid.reason);
      await selfAssessmentDesignationsChanged(
        manager,
        section11,
        this.ctx.now,
        this.ctx.today,
        designation.partnershipId,
        [designation.agencyId],
      );
      return Object.assign(designation, { designatedUntil: valid.designatedUntil, endReason: valid.reason });
    });
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled designation status ${String(value)}`);
}
