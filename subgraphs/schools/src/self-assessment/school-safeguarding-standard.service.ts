import { z } from 'zod';
import {
  groupByKey,
  newId,
  partnershipAdministratorRoles,
  requiredText,
  uuidPattern,
  validateInput,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { defaultSchoolSafeguardingStandards } from './default-school-safeguarding-standards';
import { SchoolSafeguardingStandard } from './school-safeguarding-standard.entity';
import type { SchoolSafeguardingStandardInput } from './self-assessment.input';
import { SchoolSafeguardingStandardRepository } from './self-assessment.repository';

const partnershipIdSchema = z.string().trim().toLowerCase().regex(uuidPattern, 'must be a uuid');

const standardsSchema = z
  .array(
    z.object({
      key: z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'must be 2 to 40 capitals, digits and underscores, starting with a letter'),
      title: requiredText(200),
      description: requiredText(1000),
    }),
  )
  .min(1, 'must list at least one standard')
  .max(30, 'must list at most 30 standards')
  .superRefine((standards, context) => {
    const seen = new Set<string>();
    standards.forEach((standard, index) => {
      if (seen.has(standard.key)) context.addIssue({ code: 'custom', path: [index, 'key'], message: `${standard.key} is listed twice` });
      seen.add(standard.key);
    });
  });

export class SchoolSafeguardingStandardService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): SchoolSafeguardingStandardRepository {
    return new SchoolSafeguardingStandardRepository(manager, this.ctx.scope);
  }

  /** The partnership's configured standards, or the default set while it has configured none. */
  async standardsOf(partnershipId: string): Promise<SchoolSafeguardingStandard[]> {
    const configured = await this.ctx.loaders
      .get<string, SchoolSafeguardingStandard[]>('Partnership.schoolSafeguardingStandards', async (ids) =>
        groupByKey(ids, await this.repository().ofPartnerships(ids), (s) => s.partnershipId),
      )
      .load(partnershipId);
    if (configured.length > 0) return configured.map((standard) => Object.assign(new SchoolSafeguardingStandard(), standard, { isDefault: false }));
    return defaultSchoolSafeguardingStandards().map((standard, index) =>
      Object.assign(new SchoolSafeguardingStandard(), { id: '', partnershipId, position: index + 1, ...standard, isDefault: true }),
    );
  }

  async configure(partnershipIdInput: string, input: SchoolSafeguardingStandardInput[]): Promise<SchoolSafeguardingStandard[]> {
    const partnershipId = validateInput(partnershipIdSchema, partnershipIdInput, 'partnershipId');
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipAdministratorRoles);
    const valid = validateInput(standardsSchema, input, 'standards');
    const standards = valid.map((standard, index) =>
      Object.assign(new SchoolSafeguardingStandard(), { id: newId(), partnershipId, position: index + 1, ...standard }),
    );
    // Returns already made keep the titles they were made against (copied into each rating).
    await this.ctx.db.transaction((manager) => this.repository(manager).replace(partnershipId, standards));
    this.ctx.logger.info({ partnershipId, standards: standards.length }, 'school safeguarding standards configured');
    return standards.map((standard) => Object.assign(standard, { isDefault: false }));
  }
}
