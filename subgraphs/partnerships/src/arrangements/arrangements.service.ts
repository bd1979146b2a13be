import { z } from 'zod';
import {
  inTransaction,
  httpsUrl,
  BadUserInputError,
  connection,
  nestedPage,
  type Connection,
  type PageArgs,
  isoDate,
  newId,
  NotFoundError,
  requiredText,
  uuidPattern,
  validateInput,
  type SubgraphContext,
  type ReferenceData,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { PartnerKind, Partnership, PartnershipStatus, type StatutoryPartner } from '../partnership/partnership.entity';
import { PartnershipService } from '../partnership/partnership.service';
import { childDeathOverlapShortfalls } from '../partnership/partner-overlap';
import { PartnershipRepository } from '../partnership/partnership.repository';
import { Forum, PublishedArrangements } from './arrangements.entity';
import { publishArrangementsLimits, type PublishArrangementsInput } from './arrangements.input';
import { arrangementsOrder, ArrangementsRepository } from './arrangements.repository';
import { PublishedArrangementsConnection } from './arrangements-connection.type';
import { partnershipRefusal } from '../partnership/partnership.transitions';

function unique<T extends z.ZodType>(
  item: T,
  key: (value: z.infer<T>) => string,
  what: string,
  max: number,
  plural = `${what}s`,
) {
  return atMost(z.array(item), max, plural).superRefine((values, context) => {
    const seen = new Set<string>();
    values.forEach((value, index) => {
      const k = key(value);
      if (seen.has(k)) context.addIssue({ code: 'custom', path: [index], message: `${what} ${k} is listed twice` });
      seen.add(k);
    });
  });
}

const atMost = <T extends z.ZodArray<z.ZodType>>(list: T, max: number, what: string) =>
  list.max(max, `must list at most ${max} ${what}`);

const limits = publishArrangementsLimits;

const publishSchema = z.object({
  publishedOn: isoDate,
  url: httpsUrl,
  signOffs: unique(
    z.object({ partnerId: z.string().regex(uuidPattern, 'must be a partner id'), signedOn: isoDate }),
    (s) => s.partnerId,
    'partner',
    limits.signOffs,
  ),
  relevantAgencyIds: unique(
    z.string().regex(uuidPattern, 'must be an agency id'),
    (id) => id,
    'agency',
    limits.relevantAgencyIds,
    'agencies',
  ),
  relevantSchoolUrns: unique(
    z.string().regex(/^\d{6}$/, 'must be a 6-digit URN'),
    (urn) => urn,
    'school',
    limits.relevantSchoolUrns,
  ),
  educationStrategic: requiredText(2000),
  educationOperational: requiredText(2000),
  scrutineer: requiredText(200),
  scrutinyFunctions: atMost(z.array(requiredText(300)), limits.scrutinyFunctions, 'functions').min(
    1,
    'must list what the independent scrutineer does',
  ),
  scrutinyReports: atMost(
    z.array(z.object({ title: requiredText(300), url: httpsUrl, publishedOn: isoDate })),
    limits.scrutinyReports,
    'reports',
  ),
  childDeathReviewPartnerIds: unique(
    z.string().regex(uuidPattern, 'must be a partner id'),
    (id) => id,
    'partner',
    limits.childDeathReviewPartnerIds,
  ),
  forums: unique(
    z.object({ forum: z.enum(Forum), name: requiredText(200), url: httpsUrl.nullish().transform((v) => v ?? null) }),
    (f) => f.forum,
    'forum',
    limits.forums,
  ),
});

export class ArrangementsService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): ArrangementsRepository {
    return new ArrangementsRepository(manager, this.ctx.scope);
  }

  /** A page of the published versions, newest first, cut in SQL for every partnership asked for at once. */
  async history(partnershipId: string, args: PageArgs): Promise<Connection<PublishedArrangements>> {
    const page = await this.versions('Partnership.arrangementsHistory', partnershipId, args);
    return connection(PublishedArrangementsConnection, page, page.count);
  }

  /** The latest version: a page of one, so the partnership's older versions are never read. */
  async current(partnershipId: string): Promise<PublishedArrangements | null> {
    return (await this.versions('Partnership.publishedArrangements', partnershipId, { first: 1 })).nodes[0] ?? null;
  }

  private versions(list: string, partnershipId: string, args: { first?: number | null; after?: string | null }) {
    return nestedPage<PublishedArrangements>({
      list,
      loaders: this.ctx.loaders,
      parent: partnershipId,
      args,
      order: arrangementsOrder,
      parentOf: (arrangements) => arrangements.partnershipId,
      rows: (ids, after, limit) => this.repository().pagesOf(ids, after, limit),
      count: (ids) => this.repository().countsOf(ids),
    });
  }

  /** Partners named in a version (sign-offs, CDR partners), through the partnership's own loader. */
  async partners(arrangements: PublishedArrangements, ids: readonly string[]): Promise<StatutoryPartner[]> {
    const all = await new PartnershipService(this.ctx).partners(
      Object.assign(new Partnership(), { id: arrangements.partnershipId }),
    );
    return ids.flatMap((id) => all.filter((partner) => partner.id === id));
  }

  async publish(partnershipId: string, input: PublishArrangementsInput): Promise<PublishedArrangements> {
    const valid = validateInput(publishSchema, input);
    if (valid.publishedOn > this.ctx.today)
      throw new BadUserInputError('input.publishedOn', 'must not be in the future');
    valid.scrutinyReports.forEach((report, index) => {
      if (report.publishedOn > this.ctx.today)
        throw new BadUserInputError(
          `input.scrutinyReports.${index}.publishedOn`,
          'must not be in the future: list reports already published',
        );
    });
    return inTransaction(this.ctx.db, async (manager) => {
      const partnerships = new PartnershipRepository(manager, this.ctx.scope);
      const [partnership] = await partnerships.findByIds([partnershipId]);
      if (!partnership) throw new NotFoundError('Partnership', partnershipId);
      if (partnership.status === PartnershipStatus.DISSOLVED) {
        throw partnershipRefusal(partnership.status, 'its arrangements can no longer be published');
      }
      const partners = await partnerships.partnersOf([partnershipId]);
      checkSignOffs(valid.signOffs, partners, valid.publishedOn);
      checkChildDeathReviewPartners(this.ctx.reference, valid.childDeathReviewPartnerIds, partners, valid.publishedOn);
      const repository = this.repository(manager);
      const arrangements = Object.assign(new PublishedArrangements(), {
        id: newId(),
        partnershipId,
        version: await repository.nextVersion(partnershipId),
        ...valid,
      });
      await repository.insert(arrangements);
      return arrangements;
    });
  }
}

// The lead partners sign off the arrangements: every statutory partner, before publication.
function checkSignOffs(
  signOffs: ReadonlyArray<{ partnerId: string; signedOn: string }>,
  partners: StatutoryPartner[],
  publishedOn: string,
): void {
  signOffs.forEach((signOff, index) => {
    if (!partners.some((partner) => partner.id === signOff.partnerId)) {
      throw new BadUserInputError(
        `input.signOffs.${index}.partnerId`,
        'is not a statutory partner of this partnership',
      );
    }
    if (signOff.signedOn > publishedOn) {
      throw new BadUserInputError(
        `input.signOffs.${index}.signedOn`,
        `must not be after publication on ${publishedOn}`,
      );
    }
  });
  const unsigned = partners.filter((partner) => !signOffs.some((s) => s.partnerId === partner.id));
  if (unsigned.length > 0) {
    throw new BadUserInputError(
      'input.signOffs',
      `no sign-off by the Lead Safeguarding Partner of ${unsigned.map((p) => `${p.kind} ${p.code}`).join(', ')}`,
    );
  }
}

// Children Act 2004 s16Q: the child death review partners are the LA and an ICB for the area.
function checkChildDeathReviewPartners(
  reference: ReferenceData,
  ids: readonly string[],
  partners: StatutoryPartner[],
  on: string,
): void {
  const named = ids.map((id, index) => {
    const partner = partners.find((candidate) => candidate.id === id);
    if (!partner || partner.kind === PartnerKind.POLICE) {
      throw new BadUserInputError(
        `input.childDeathReviewPartnerIds.${index}`,
        'must be a local authority or ICB partner of this partnership',
      );
    }
    return partner;
  });
  for (const kind of [PartnerKind.LOCAL_AUTHORITY, PartnerKind.INTEGRATED_CARE_BOARD]) {
    if (!named.some((partner) => partner.kind === kind)) {
      throw new BadUserInputError(
        'input.childDeathReviewPartnerIds',
        `must include the ${kind} partner (Children Act 2004 s16Q)`,
      );
    }
  }
  const boards = named.filter((p) => p.kind === PartnerKind.INTEGRATED_CARE_BOARD).map((p) => p.code);
  const [first] = childDeathOverlapShortfalls(
    reference,
    named.filter((p) => p.kind === PartnerKind.LOCAL_AUTHORITY).map((p) => p.code),
    boards,
    on,
  );
  if (first) {
    const field =
      first.boardIndex === null
        ? 'input.childDeathReviewPartnerIds'
        : `input.childDeathReviewPartnerIds.${ids.indexOf(named.filter((p) => p.kind === PartnerKind.INTEGRATED_CARE_BOARD)[first.boardIndex]!.id)}`;
    throw new BadUserInputError(field, first.message);
  }
}
