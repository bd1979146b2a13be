import { z } from 'zod';
import {
  inTransaction,
  groupByKey,
  newId,
  partnershipAdministratorRoles,
  requiredText,
  validateInput,
  type SubgraphContext,
} from '@safeguarding/shared';
import { EducationRepresentationLevel, EducationRepresentative } from './education-representative.entity';
import { educationRepresentativesLimit, type SetEducationRepresentationInput } from './education-representative.input';
import { EducationRepresentativeRepository } from './education-representative.repository';

const setSchema = z.object({
  partnershipId: z.string(),
  representatives: z
    .array(
      z.object({
        level: z.enum(EducationRepresentationLevel),
        forum: requiredText(200),
        name: requiredText(200),
        role: requiredText(200),
        represents: requiredText(200),
        urn: z
          .string()
          .trim()
          .regex(/^\d{6}$/, 'must be a URN: exactly 6 digits')
          .nullish()
          .transform((v) => v ?? null),
      }),
    )
    .max(educationRepresentativesLimit, `must list at most ${educationRepresentativesLimit} representatives`)
    .refine(
      (list) => list.some((r) => r.level === EducationRepresentationLevel.STRATEGIC),
      'must include a STRATEGIC representative: WT 2023 requires education at strategic level',
    ),
});

export class EducationRepresentativeService {
  constructor(private readonly ctx: SubgraphContext) {}

  ofPartnership(partnershipId: string): Promise<EducationRepresentative[]> {
    return this.ctx.loaders
      .get<string, EducationRepresentative[]>('Partnership.educationRepresentatives', async (ids) =>
        groupByKey(
          ids,
          await new EducationRepresentativeRepository(this.ctx.db.manager, this.ctx.scope).ofPartnerships(ids),
          (r) => r.partnershipId,
        ),
      )
      .load(partnershipId);
  }

  async set(input: SetEducationRepresentationInput): Promise<EducationRepresentative[]> {
    this.ctx.scope.requirePartnershipRole(input.partnershipId, partnershipAdministratorRoles);
    const valid = validateInput(setSchema, input);
    const representatives = valid.representatives.map((r) =>
      Object.assign(new EducationRepresentative(), { id: newId(), partnershipId: valid.partnershipId, ...r }),
    );
    await inTransaction(this.ctx.db, (manager) =>
      new EducationRepresentativeRepository(manager, this.ctx.scope).replace(valid.partnershipId, representatives),
    );
    return representatives;
  }
}
