import { z } from 'zod';
import {
  inTransaction,
  BadUserInputError,
  ForbiddenError,
  groupByKey,
  isoDate,
  newId,
  NotFoundError,
  Obligation,
  requiredText,
  validateInput,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { mayChangeSchoolSafeguardingRecord, schoolSafeguardingRefusal } from '../school/school-record.policy';
import { SchoolRepository } from '../school/school.repository';
import { SafeguardingLead, SafeguardingLeadRole, SchoolSafeguardingFlag } from './safeguarding-lead.entity';
import { safeguardingLeadsLimit, type SetSafeguardingLeadsInput } from './safeguarding-lead.input';
import { dslTrainingObligations, settleDslTrainingObligations } from './safeguarding-lead.obligations';
import { SafeguardingLeadRepository } from './safeguarding-lead.repository';
import { isTrainingOverdue, trainingDeadline } from './training';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));

const setLeadsSchema = z.object({
  urn: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be a URN: exactly 6 digits'),
  leads: z
    .array(
      z.object({
        name: requiredText(200),
        role: z.enum(SafeguardingLeadRole),
        jobTitle: optionalText(200),
        email: z
          .email('must be an email address')
          .max(254)
          .nullish()
          .transform((value) => value ?? null),
        phone: optionalText(30),
        lastTrainedOn: isoDate.nullish().transform((value) => value ?? null),
      }),
    )
    .max(safeguardingLeadsLimit, `must hold at most ${safeguardingLeadsLimit} people`)
    .superRefine((leads, context) => {
      const dsls = leads.filter((lead) => lead.role === SafeguardingLeadRole.DESIGNATED_SAFEGUARDING_LEAD).length;
      if (dsls !== 1)
        context.addIssue({
          code: 'custom',
          message: `must name exactly one DESIGNATED_SAFEGUARDING_LEAD (KCSIE), not ${dsls}`,
        });
    }),
});

export class SafeguardingLeadService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): SafeguardingLeadRepository {
    return new SafeguardingLeadRepository(manager, this.ctx.scope);
  }

  /** The school's DSL first, then deputies; signed-in callers only. */
  async ofSchool(urn: string): Promise<SafeguardingLead[]> {
    this.ctx.scope.requireIdentity();
    const leads = await this.ctx.loaders
      .get<string, SafeguardingLead[]>('School.safeguardingLeads', async (urns) =>
        groupByKey(urns, await this.repository().ofSchools(urns), (lead) => lead.urn),
      )
      .load(urn);
    return leads.map((lead) => this.withTraining(lead));
  }

  async flagsOf(urn: string): Promise<SchoolSafeguardingFlag[]> {
    const leads = await this.ofSchool(urn);
    const flags: SchoolSafeguardingFlag[] = [];
    if (!leads.some((lead) => lead.role === SafeguardingLeadRole.DESIGNATED_SAFEGUARDING_LEAD)) {
      flags.push(SchoolSafeguardingFlag.NO_DESIGNATED_SAFEGUARDING_LEAD);
    }
    if (leads.some((lead) => lead.trainingOverdue)) flags.push(SchoolSafeguardingFlag.DSL_TRAINING_OVERDUE);
    return flags;
  }

  /** By the school's own DSL or safeguarding manager, or the administrators of its partnership. */
  async set(input: SetSafeguardingLeadsInput): Promise<SafeguardingLead[]> {
    this.ctx.scope.requireIdentity();
    const valid = validateInput(setLeadsSchema, input);
    // A training date records the past: one in the future would hide training falling due (KCSIE: every two years).
    valid.leads.forEach((lead, index) => {
      if (lead.lastTrainedOn && lead.lastTrainedOn > this.ctx.today) {
        throw new BadUserInputError(
          `input.leads.${index}.lastTrainedOn`,
          `must not be in the future (today is ${this.ctx.today})`,
        );
      }
    });
    const leads = valid.leads.map((lead) =>
      Object.assign(new SafeguardingLead(), { id: newId(), urn: valid.urn, ...lead }),
    );
    await inTransaction(this.ctx.db, async (manager) => {
      const schools = new SchoolRepository(manager, this.ctx.scope);
      const [school] = await schools.findByUrns([valid.urn]);
      if (!school) throw new NotFoundError('School', valid.urn);
      if (
        !mayChangeSchoolSafeguardingRecord(
          this.ctx.scope,
          school.urn,
          await schools.holdersOfSchool(school, this.ctx.today),
        )
      ) {
        throw new ForbiddenError(schoolSafeguardingRefusal);
      }
      await this.repository(manager).replace(valid.urn, leads);
      const existing = await manager
        .getRepository(Obligation)
        .findBy({ kind: 'DSL_TRAINING', entityType: 'School', entityId: valid.urn });
      const desired = dslTrainingObligations(leads, existing, this.ctx.calendar, this.ctx.today);
      await settleDslTrainingObligations(manager, this.ctx.now, desired, existing, new Set([valid.urn]));
    });
    this.ctx.logger.info({ urn: valid.urn, leads: leads.length }, 'safeguarding leads set');
    return leads.map((lead) => this.withTraining(lead));
  }

  private withTraining(lead: SafeguardingLead): SafeguardingLead {
    const deadline = trainingDeadline(this.ctx.calendar, lead.lastTrainedOn, this.ctx.today);
    return Object.assign(new SafeguardingLead(), lead, {
      trainingDue: deadline,
      trainingOverdue: isTrainingOverdue(deadline),
    });
  }
}
