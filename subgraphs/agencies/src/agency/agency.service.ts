import { z } from 'zod';
import {
  alignByKey,
  BadUserInputError,
  newId,
  requiredText,
  validateInput,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { Agency, AgencyKind, ScheduleCategory } from './agency.entity';
import type { RegisterRelevantAgencyInput } from './agency.input';
import { AgencyRepository } from './agency.repository';

const registerRelevantAgencySchema = z.object({
  name: requiredText(200),
  scheduleCategory: z.enum(ScheduleCategory),
  odsCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{3,5}$/, 'must be an NHS ODS code of 3 to 5 letters and digits')
    .optional(),
});

export class AgencyService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): AgencyRepository {
    return new AgencyRepository(manager, this.ctx.scope);
  }

  byId(id: string): Promise<Agency | null> {
    return this.ctx.loaders
      .get<string, Agency | null>('Agency.byId', async (ids) =>
        alignByKey(ids, await this.repository().findByIds(ids), (agency) => agency.id),
      )
      .load(id);
  }

  list(kind: AgencyKind | null): Promise<Agency[]> {
    return this.repository().list(kind);
  }

  async registerRelevantAgency(input: RegisterRelevantAgencyInput): Promise<Agency> {
    const valid = validateInput(registerRelevantAgencySchema, input);
    const agency = Object.assign(new Agency(), {
      id: newId(),
      name: valid.name,
      kind: AgencyKind.RELEVANT_AGENCY,
      scheduleCategory: valid.scheduleCategory,
      gssCode: null,
      dfeCode: null,
      odsCode: valid.odsCode ?? null,
    });
    await this.ctx.db.transaction(async (manager) => {
      const repository = this.repository(manager);
      if (agency.odsCode && (await repository.existsWithOdsCode(agency.odsCode))) {
        throw new BadUserInputError('input.odsCode', `an agency with ODS code ${agency.odsCode} is already registered`);
      }
      await repository.insert(agency);
    });
    return agency;
  }
}
