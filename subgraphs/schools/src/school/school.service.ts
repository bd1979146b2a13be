import { recordSchoolEvents } from './school.events';
import { z } from 'zod';
import {
  inTransaction,
  alignByKey,
  BadUserInputError,
  decodeCursor as decodePageCursor,
  exactlyOneCode,
  pageOf,
  pageSize as pageSizeOf,
  ForbiddenError,
  nestedPage,
  requiredText,
  validateInput,
  type ReferenceData,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import type { PartnershipReference } from '../external/partnership.type';
import { SchoolDesignation } from './school-designation.entity';
import { School, SchoolPhase, SchoolStatus } from './school.entity';
import type { RegisterSchoolInput } from './school.input';
import {
  SchoolConnection,
  SchoolPageInfo,
  type PartnershipSchoolsArgs,
  type SchoolsArgs,
} from './school-connection.type';
import { mayChangeSchoolRegisterRecord, schoolRegisterRefusal } from './school-record.policy';
import { designatedSchoolOrder, SchoolRepository, type SchoolFilters } from './school.repository';
import { trainingCutoff } from '../safeguarding-lead/training';
import type { Trust } from '../trust/trust.entity';
import { TrustService } from '../trust/trust.service';

export class SchoolService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): SchoolRepository {
    return new SchoolRepository(manager, this.ctx.scope);
  }

  byUrn(urn: string): Promise<School | null> {
    return this.ctx.loaders
      .get<string, School | null>('School.byUrn', async (urns) =>
        alignByKey(urns, await this.repository().findByUrns(urns), (school) => school.urn),
      )
      .load(urn);
  }

  async byCode(codes: { urn: string | null; ukprn: string | null; laestab: string | null }): Promise<School | null> {
    const code = exactlyOneCode(codes, {
      urn: { pattern: /^\d{6}$/, description: 'a GIAS URN of 6 digits' },
      ukprn: { pattern: /^\d{8}$/, description: 'a UKPRN of 8 digits' },
      laestab: {
        pattern: /^\d{7}$/,
        description: 'a LAESTAB of 7 digits (LA code and establishment number, no slash)',
      },
    });
    if (code.kind === 'urn') return this.byUrn(code.value);
    return this.repository().withCode(code.kind, code.value);
  }

  /** One page of the register, cut in SQL on its sort order (name, URN): LIMIT first + 1 after the cursor's key. */
  async page(args: SchoolsArgs): Promise<SchoolConnection> {
    const first = pageSizeOf(args.first);
    const localAuthorityDfeCode = args.localAuthorityDfeCode ?? null;
    if (localAuthorityDfeCode !== null && !/^\d{3}$/.test(localAuthorityDfeCode)) {
      throw new BadUserInputError('localAuthorityDfeCode', 'must be a DfE LA code of 3 digits');
    }
    const after = args.after ? decodePageCursor('schools', args.after, 2) : null;
    const rows = await this.repository().page(
      localAuthorityDfeCode,
      after ? { name: after[0]!, urn: after[1]! } : null,
      first + 1,
    );
    const page = pageOf(rows, first, 'schools', (school) => [school.name, school.urn]);
    return Object.assign(new SchoolConnection(), {
      nodes: page.nodes,
      pageInfo: Object.assign(new SchoolPageInfo(), { endCursor: page.endCursor, hasNextPage: page.hasNextPage }),
      count: () => this.repository().count(localAuthorityDfeCode),
    });
  }

  /**
   * One page of the partnership's designated schools, cut in SQL: every partnership asked for with
   * the same arguments shares one statement for the pages (LIMIT first + 1 per partnership) and,
   * only if totalCount is selected, one for the counts.
   */
  async designatedBy(partnership: PartnershipReference, args: PartnershipSchoolsArgs): Promise<SchoolConnection> {
    const wantsDsl = Boolean(args.noDsl) || Boolean(args.trainingOverdue);
    // The DSL filters reveal who has safeguarding leads: the same signed-in rule as the leads.
    if (wantsDsl) this.ctx.scope.requireIdentity();
    const filters: SchoolFilters = {
      phase: args.phase ?? null,
      type: args.type ?? null,
      typeGroup: args.typeGroup ?? null,
      noDsl: Boolean(args.noDsl),
      trainedBefore: args.trainingOverdue ? trainingCutoff(this.ctx.today) : null,
    };
    const page = await nestedPage<SchoolDesignation>({
      list: 'Partnership.schools',
      loaders: this.ctx.loaders,
      parent: partnership.id,
      args,
      order: designatedSchoolOrder,
      variant: filters,
      parentOf: (designation) => designation.partnershipId,
      rows: (ids, after, limit) => this.repository().designatedPages(ids, this.ctx.today, filters, after, limit),
      count: (ids) => this.repository().designatedCounts(ids, this.ctx.today, filters),
    });
    return Object.assign(new SchoolConnection(), {
      count: page.count,
      nodes: page.nodes.flatMap((designation) => (designation.school ? [designation.school] : [])),
      pageInfo: Object.assign(new SchoolPageInfo(), { endCursor: page.endCursor, hasNextPage: page.hasNextPage }),
    });
  }

  trustOf(school: School): Promise<Trust | null> {
    return school.trustUid ? new TrustService(this.ctx).byUid(school.trustUid) : Promise.resolve(null);
  }

  /** The national register of schools: by the school's partnership or a national administrator. */
  async register(input: RegisterSchoolInput): Promise<School> {
    this.ctx.scope.requireIdentity();
    const valid = validateInput(registerSchoolSchema(this.ctx.reference), input);
    const school = Object.assign(new School(), {
      urn: valid.urn,
      name: valid.name,
      laestab: valid.laestab,
      localAuthorityDfeCode: valid.laestab.slice(0, 3),
      phase: valid.phase,
      status: valid.status,
      ukprn: valid.ukprn,
      establishmentType: valid.establishmentType,
      establishmentTypeGroup: valid.establishmentTypeGroup,
      trustUid: valid.trustUid,
      postcode: valid.postcode,
    });
    await inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const { coveredBy } = await repository.holdersOf([], [school.localAuthorityDfeCode], this.ctx.today);
      const holders = {
        localAuthorityDfeCode: school.localAuthorityDfeCode,
        designatedBy: [],
        coveredBy: coveredBy.get(school.localAuthorityDfeCode) ?? [],
      };
      if (!mayChangeSchoolRegisterRecord(this.ctx.scope, holders)) throw new ForbiddenError(schoolRegisterRefusal);
      // Checked inside the transaction so that two registrations of one URN cannot both pass.
      if (await repository.exists(school.urn)) {
        throw new BadUserInputError('input.urn', `a school with URN ${school.urn} is already registered`);
      }
      if (school.trustUid && (await new TrustService(this.ctx).byUid(school.trustUid)) === null) {
        throw new BadUserInputError(
          'input.trustUid',
          `no trust with UID ${school.trustUid} is recorded (recordTrust first)`,
        );
      }
      await repository.insert(school);
      await recordSchoolEvents(manager, this.ctx.now, [{ school, before: null }]);
    });
    this.ctx.logger.info({ urn: school.urn }, 'school registered');
    return school;
  }
}

function registerSchoolSchema(reference: ReferenceData) {
  const liveDfeCodes = new Set(reference.liveLocalAuthorities.map((la) => la.dfeCode));
  return z.object({
    urn: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'must be a URN: exactly 6 digits'),
    name: requiredText(200),
    laestab: z
      .string()
      .trim()
      .regex(/^\d{7}$/, 'must be a LAESTAB: exactly 7 digits (3-digit DfE LA code and 4-digit establishment number)')
      .superRefine((laestab, context) => {
        const dfeCode = laestab.slice(0, 3);
        if (/^\d{7}$/.test(laestab) && !liveDfeCodes.has(dfeCode)) {
          context.addIssue({ code: 'custom', message: `LA code ${dfeCode} is not a live local authority` });
        }
      }),
    phase: z.enum(SchoolPhase),
    status: z.enum(SchoolStatus),
    ukprn: z
      .string()
      .trim()
      .regex(/^\d{8}$/, 'must be a UKPRN: exactly 8 digits')
      .nullish()
      .transform((ukprn) => ukprn ?? null),
    establishmentType: optionalText(100),
    establishmentTypeGroup: optionalText(100),
    trustUid: z
      .string()
      .trim()
      .regex(/^\d{1,10}$/, 'must be a GIAS group UID: 1 to 10 digits')
      .nullish()
      .transform((v) => v ?? null),
    postcode: optionalText(10),
  });
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));
