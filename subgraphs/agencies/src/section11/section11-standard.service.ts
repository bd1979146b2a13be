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
import { defaultSection11Standards } from './default-section11-standards';
import { Section11Standard } from './section11-standard.entity';
import type { Section11StandardInput } from './section11.input';
import { Section11StandardRepository } from './section11.repository';

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

export class Section11StandardService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): Section11StandardRepository {
    return new Section11StandardRepository(manager, this.ctx.scope);
  }

  /** The partnership's configured standards, or the default set while it has configured none. */
  async standardsOf(partnershipId: string): Promise<Section11Standard[]> {
    const configured = await this.ctx.loaders
      .get<string, Section11Standard[]>('Partnership.section11Standards', async (ids) =>
        groupByKey(ids, await this.repository().ofPartnerships(ids), (s) => s.partnershipId),
      )
      .load(partnershipId);
    if (configured.length > 0) return configured.map((standard) => Object.assign(standard, { isDefault: false }));
    return defaultSection11Standards().map((standard, index) =>
      Object.assign(new Section11Standard(), { id: '', partnershipId, position: index + 1, ...standard, isDefault: true }),
    );
  }

  async configure(partnershipIdInput: string, input: Section11StandardInput[]): Promise<Section11Standard[]> {
    const partnershipId = validateInput(partnershipIdSchema, partnershipIdInput, 'partnershipId');
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipAdministratorRoles);
    const valid = validateInput(standardsSchema, input, 'standards');
    const standards = valid.map((standard, index) =>
      Object.assign(new Section11Standard(), { id: newId(), partnershipId, position: index + 1, ...standard }),
    );
    // Returns already made keep the titles they were made against (copied into each rating).
    await this.ctx.db.transaction((manager) => this.repository(manager).replace(partnershipId, standards));
    this.ctx.logger.info({ partnershipId, standards: standards.length }, 'section 11 standards configured');
    return standards.map((standard) => Object.assign(standard, { isDefault: false }));
  }
}
