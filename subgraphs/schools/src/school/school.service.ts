import { z } from 'zod';
import {
  alignByKey,
  BadUserInputError,
  groupByKey,
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
import { SchoolRepository } from './school.repository';

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

  list(localAuthorityDfeCode: string | null): Promise<School[]> {
    return this.repository().list(localAuthorityDfeCode);
  }

  async designatedBy(partnership: PartnershipReference): Promise<School[]> {
    const designations = await this.ctx.loaders
      .get<string, SchoolDesignation[]>('Partnership.schools', async (ids) =>
        groupByKey(ids, await this.repository().currentDesignationsOf(ids, this.ctx.today), (d) => d.partnershipId),
      )
      .load(partnership.id);
    return designations.flatMap((designation) => (designation.school ? [designation.school] : []));
  }

  async register(input: RegisterSchoolInput): Promise<School> {
    const valid = validateInput(registerSchoolSchema(this.ctx.reference), input);
    const school = Object.assign(new School(), {
      urn: valid.urn,
      name: valid.name,
      laestab: valid.laestab,
      localAuthorityDfeCode: valid.laestab.slice(0, 3),
      phase: valid.phase,
      status: valid.status,
      ukprn: valid.ukprn,
    });
    await this.ctx.db.transaction(async (manager) => {
      const repository = this.repository(manager);
      // Checked inside the transaction so that two registrations of one URN cannot both pass.
      if (await repository.exists(school.urn)) {
        throw new BadUserInputError('input.urn', `a school with URN ${school.urn} is already registered`);
      }
      await repository.insert(school);
    });
    this.ctx.logger.info({ urn: school.urn }, 'school registered');
    return school;
  }
}

function registerSchoolSchema(reference: ReferenceData) {
  const liveDfeCodes = new Set(reference.liveLocalAuthorities.map((la) => la.dfeCode));
  return z.object({
    urn: z.string().trim().regex(/^\d{6}$/, 'must be a URN: exactly 6 digits'),
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
  });
}
