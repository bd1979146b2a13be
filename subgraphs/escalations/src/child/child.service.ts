import {
  appendAudit,
  appendRefusals,
  AuditAction,
  BadUserInputError,
  ChildHolderKind,
  ChildInvolvementKind,
  childAuditId,
  connection,
  DomainError,
  pageInMemory,
  pageOf,
  pageRequest,
  type Connection,
  type SortKey,
  ForbiddenError,
  inTransaction,
  recordEvent,
  type DomainEventPayload,
  ErrorCode,
  maxLinkedReferences,
  openChildKey,
  sealChildKey,
  validateInput,
  ChildRecordHolding,
  type SubgraphContext,
} from '@safeguarding/shared';
import { createHmac } from 'node:crypto';
import { AgencyStub } from '../external/agency.type';
import { SchoolStub } from '../external/school.type';
import { ReferralConnection } from '../referral/referral-connection.type';
import { type Referral, ReferrerKind } from '../referral/referral.entity';
import { referralOrder, ReferralRepository } from '../referral/referral.repository';
import {
  Child,
  ChildChronologyConnection,
  ChildChronologyEntry,
  ChildInvolvement,
  ChildInvolvementConnection,
  ChildPictureLook,
  ChildPictureReason,
  ChildRecordKind,
} from './child.entity';
import { ChildRepository } from './child.repository';
import { ChildPicturePolicyService } from '../child-picture-policy/child-picture-policy.service';
import { referralRoles } from '../referral/referral.roles';
import { PartnershipAreaRepository } from '../partnership-area/partnership-area.repository';
import { DisagreementPartyKind } from '../disagreement/professional-disagreement.entity';
import { ProfessionalDisagreementRepository } from '../disagreement/professional-disagreement.repository';
import { childReferenceSchema, nhsNumberSchema } from './child.input';

/**
 * The same answer for a child that does not exist and for one the caller has no relationship
 * with, so that an unrelated organisation cannot learn that a child is known to anyone.
 */
export function childNotFound(): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, 'No child with a record at your organisation was found', {
    entity: 'Child',
  });
}

/** A picture some subgraph could not contribute to is not shown in part: the error names the services. */
export function pictureIncomplete(services: readonly string[]): DomainError {
  return new DomainError(
    ErrorCode.SERVICE_UNAVAILABLE,
    `The child's picture is incomplete and is not shown: the ${services.join(' and ')} service${services.length > 1 ? 's' : ''} did not answer; try again shortly`,
    { serviceName: services[0], serviceNames: [...services], retryable: true },
  );
}

// One admission (and one audit record) per request, child and reason, however many fields ask.
/** A failed read fails the picture: an empty part would say no referral was ever made about the child. */
function failedReadFails<T>(result: T | Error): T {
  if (result instanceof Error) throw result;
  return result;
}

const picturesAsked = new WeakMap<SubgraphContext, Map<string, Promise<ChildRecordHolding[]>>>();

const reasonOf = (value: string | null): ChildPictureReason | null =>
  Object.values(ChildPictureReason).find((reason) => reason === value) ?? null;

const recordKindOf: Record<ChildInvolvementKind, ChildRecordKind> = {
  [ChildInvolvementKind.REFERRAL_MADE]: ChildRecordKind.REFERRAL,
  [ChildInvolvementKind.REFERRAL_RECEIVED]: ChildRecordKind.REFERRAL,
  [ChildInvolvementKind.CHILD_PROTECTION_FILE_SENT]: ChildRecordKind.CHILD_PROTECTION_FILE_TRANSFER,
  [ChildInvolvementKind.CHILD_PROTECTION_FILE_RECEIVED]: ChildRecordKind.CHILD_PROTECTION_FILE_TRANSFER,
  [ChildInvolvementKind.CHILD_DEATH_REVIEW]: ChildRecordKind.CHILD_DEATH_REVIEW,
  [ChildInvolvementKind.SERIOUS_INCIDENT_NOTIFIED]: ChildRecordKind.SERIOUS_INCIDENT_NOTIFICATION,
  [ChildInvolvementKind.RAPID_REVIEW]: ChildRecordKind.RAPID_REVIEW,
  [ChildInvolvementKind.DISAGREEMENT_RAISED]: ChildRecordKind.PROFESSIONAL_DISAGREEMENT,
  [ChildInvolvementKind.DISAGREEMENT_RAISED_WITH]: ChildRecordKind.PROFESSIONAL_DISAGREEMENT,
};

/** Oldest first; the kind and the record's id make the order total. */
const chronologyOrder: readonly SortKey<ChildChronologyEntry>[] = [
  { column: 'on', value: (entry) => entry.on },
  { column: 'record', value: (entry) => entry.record },
  { column: 'id', value: (entry) => entry.sortKey[2] ?? '' },
];

/** Earliest first, then by kind; the organisation makes the order total (one line per organisation and kind). */
const involvementOrder: readonly SortKey<ChildInvolvement>[] = [
  { column: 'since', value: (line) => line.since },
  { column: 'involvement', value: (line) => line.involvement },
  { column: 'organisationKind', value: (line) => line.organisationKind },
  { column: 'organisation', value: (line) => line.agency?.id ?? line.school?.urn ?? '' },
];

/** The same order as referralOrder in SQL (newest first, then id), for merging the pages of a child's references. */
const compareReferrals = (a: Referral, b: Referral): number =>
  a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const holderKindOf = (kind: ReferrerKind) =>
  kind === ReferrerKind.SCHOOL ? ChildHolderKind.SCHOOL : ChildHolderKind.AGENCY;

/** A child's picture: who holds records about the child, shown to an organisation that holds one. */
export class ChildService {
  constructor(private readonly ctx: SubgraphContext) {}

  private referrals(): ReferralRepository {
    return new ReferralRepository(this.ctx.db.manager, this.ctx.scope);
  }

  /**
   * The child named by an NHS number or a reference. The key is made whether or not anyone holds a
   * record, so the lookup itself tells nothing; the picture's fields decide who sees what.
   */
  async lookUp(nhsNumber: string | null | undefined, reference: string | null | undefined): Promise<Child> {
    this.ctx.scope.requireIdentity();
    if ((nhsNumber == null) === (reference == null))
      throw new BadUserInputError('reference', 'give exactly one of nhsNumber and reference');
    if (nhsNumber != null) {
      const valid = validateInput(nhsNumberSchema, nhsNumber, 'nhsNumber');
      const linked = await this.referrals().referencesLinkedTo({ nhsNumber: valid });
      // A number no referral carries still gets a key of the same shape, naming a reference no record can have.
      const unknown = `nhs:${createHmac('sha256', 'unlinked').update(valid).digest('hex').slice(0, 32)}`;
      return Child.of(sealChildKey(linked.length > 0 ? linked : [unknown]));
    }
    const valid = validateInput(childReferenceSchema, reference, 'reference');
    const linked = await this.referrals().referencesLinkedTo({ childReference: valid });
    return Child.of(sealChildKey([valid, ...linked.filter((other) => other !== valid)].slice(0, maxLinkedReferences)));
  }

  private referralHoldings(keys: readonly string[]): Promise<ChildRecordHolding[][]> {
    return this.ctx.loaders
      .get<string, ChildRecordHolding[]>('child.referralHoldings', async (batch) => {
        const referencesOf = batch.map((key) => openChildKey(key) ?? []);
        const rows = await this.referrals().holdersAbout(referencesOf.flat());
        const readable = await this.referrals().readableAbout(referencesOf.flat());
        // The partnership covering the child's home authority, as each referral names that authority.
        const homes = await new PartnershipAreaRepository(this.ctx.db.manager).activeHolders(
          rows.map((row) => row.homeLocalAuthorityGssCode),
        );
        return referencesOf.map((references) =>
          rows
            .filter((row) => references.includes(row.childReference))
            .flatMap((row) => [
              ChildRecordHolding.of({
                organisationId: row.referrerOrganisationId,
                organisationKind: holderKindOf(row.referrerKind),
                involvement: ChildInvolvementKind.REFERRAL_MADE,
                on: row.receivedOn,
                recordId: row.id,
                readable: readable.has(row.id),
                partnershipId: homes.get(row.homeLocalAuthorityGssCode) ?? null,
              }),
              ChildRecordHolding.of({
                organisationId: row.receivingAuthorityId,
                organisationKind: ChildHolderKind.AGENCY,
                involvement: ChildInvolvementKind.REFERRAL_RECEIVED,
                on: row.receivedOn,
                recordId: row.id,
                readable: readable.has(row.id),
                partnershipId: homes.get(row.homeLocalAuthorityGssCode) ?? null,
              }),
            ]),
        );
      })
      .loadMany(keys)
      .then((results) => results.map(failedReadFails));
  }

  /** The organisations in a disagreement naming the child: one statement for every child of the fetch, one to read. */
  private disagreementHoldings(keys: readonly string[]): Promise<ChildRecordHolding[][]> {
    const loader = this.ctx.loaders.get<string, ChildRecordHolding[]>('child.disagreementHoldings', async (batch) => {
      const referencesOf = batch.map((key) => openChildKey(key) ?? []);
      const repository = new ProfessionalDisagreementRepository(this.ctx.db.manager, this.ctx.scope);
      const rows = await repository.holdersAbout(referencesOf.flat());
      const readable = rows.length > 0 ? await repository.readableAbout(referencesOf.flat()) : new Set<string>();
      const party = (organisationId: string, kind: DisagreementPartyKind, involvement: ChildInvolvementKind) => ({
        organisationId,
        organisationKind: kind === DisagreementPartyKind.SCHOOL ? ChildHolderKind.SCHOOL : ChildHolderKind.AGENCY,
        involvement,
      });
      return referencesOf.map((references) =>
        rows
          .filter((row) => row.childReference != null && references.includes(row.childReference))
          .flatMap((row) =>
            [
              party(row.raisedByOrganisationId, row.raisedByKind, ChildInvolvementKind.DISAGREEMENT_RAISED),
              party(row.raisedWithOrganisationId, row.raisedWithKind, ChildInvolvementKind.DISAGREEMENT_RAISED_WITH),
            ].map((fields) =>
              ChildRecordHolding.of({ ...fields, on: row.raisedOn, recordId: row.id, readable: readable.has(row.id) }),
            ),
          ),
      );
    });
    // A failed read fails the picture: a disagreement left out would hide an organisation involved.
    return Promise.all(keys.map((key) => loader.load(key)));
  }

  /**
   * Every holding of the child across the subgraphs, for an organisation holding one, or for a
   * case worker stating a reason (told to the holders: ALERT in the trail and an event); otherwise
   * NOT_FOUND, as for a child no one knows.
   */
  private holdingsFor(child: Child, reason: ChildPictureReason | null): Promise<ChildRecordHolding[]> {
    let asked = picturesAsked.get(this.ctx);
    if (!asked) picturesAsked.set(this.ctx, (asked = new Map<string, Promise<ChildRecordHolding[]>>()));
    const question = `${child.key}|${reason ?? ''}`;
    let answer = asked.get(question);
    if (!answer) asked.set(question, (answer = this.admitted(child, reason)));
    return answer;
  }

  private async admitted(child: Child, reason: ChildPictureReason | null): Promise<ChildRecordHolding[]> {
    const identity = this.ctx.scope.requireIdentity();
    // A part the gateway could not fetch arrives missing, not empty: a picture without it would tell
    // a practitioner that no school or review partner is involved when one may be. Whatever the child.
    const missing = [
      ...(child.fileTransferHoldings == null ? ['schools'] : []),
      ...(child.childDeathReviewHoldings == null || child.seriousIncidentHoldings == null ? ['reviews'] : []),
    ];
    if (missing.length > 0) throw pictureIncomplete(missing);
    const [[own], [disputed]] = await Promise.all([
      this.referralHoldings([child.key]),
      this.disagreementHoldings([child.key]),
    ]);
    const holdings = [
      ...(own ?? []),
      ...(disputed ?? []),
      ...(child.fileTransferHoldings ?? []),
      ...(child.childDeathReviewHoldings ?? []),
      ...(child.seriousIncidentHoldings ?? []),
    ];
    const entityId = childAuditId(child.key);
    const entry = { action: AuditAction.READ, entityType: 'Child', entityId, partnershipId: null };
    if (holdings.some((holding) => holding.organisationId === identity.organisation.id)) {
      await appendAudit(this.ctx, [entry]);
      return holdings;
    }
    if (
      reason != null &&
      holdings.length > 0 &&
      this.ctx.scope.hasRole(...referralRoles) &&
      (await new ChildPicturePolicyService(this.ctx).allowsFor(homePartnershipOf(holdings), reason))
    ) {
      await inTransaction(this.ctx.db, async (manager) => {
        await recordEvent(manager, {
          type: 'child.picture_viewed_with_reason',
          entityType: 'Child',
          entityId,
          occurredAt: this.ctx.now,
          payload: this.viewedPayload(holdings, identity.organisation.id, reason),
        });
        await appendAudit(this.ctx, [{ ...entry, action: AuditAction.ALERT, reason }], manager);
      });
      return holdings;
    }
    await appendRefusals(this.ctx, [{ ...entry, reason }]);
    throw childNotFound();
  }

  /** Thin, as every event: who looked and why, told to the home authority and every holder; never the child. */
  private viewedPayload(
    holdings: readonly ChildRecordHolding[],
    viewerOrganisationId: string,
    reason: ChildPictureReason,
  ): DomainEventPayload {
    return {
      ids: { viewerOrganisationId, reason },
      dates: { viewedAt: this.ctx.now.toISOString() },
      audience: {
        organisationIds: [...new Set(holdings.map((holding) => holding.organisationId))],
        organisationRoles: [],
        partnershipIds: [],
        partnershipRoles: [],
        nationalRoles: [],
      },
    };
  }

  /**
   * The latest looks at the picture, for the child's home local authority only (the authority a
   * referral about the child went to); NOT_FOUND for those holding no record, FORBIDDEN for other holders.
   */
  async looks(child: Child): Promise<ChildPictureLook[]> {
    const identity = this.ctx.scope.requireIdentity();
    const holdings = await this.holdingsFor(child, null);
    const homeAuthority = holdings.some(
      (holding) =>
        holding.involvement === ChildInvolvementKind.REFERRAL_RECEIVED &&
        holding.organisationId === identity.organisation.id,
    );
    if (!homeAuthority) throw new ForbiddenError("Only the child's home local authority lists who looked");
    const records = await new ChildRepository(this.ctx.db.manager).latestLooks(childAuditId(child.key));
    return records.map((record) =>
      Object.assign(new ChildPictureLook(), {
        at: record.occurredAt,
        subject: record.subject,
        organisationId: record.organisationId,
        organisationKind: record.organisationKind,
        action: record.action,
        outcome: record.outcome,
        reason: reasonOf(record.reason),
      }),
    );
  }

  /** One line per organisation and kind of involvement, with the first and latest dates. */
  async involvements(
    child: Child,
    reason: ChildPictureReason | null,
    args: { first?: number | null; after?: string | null },
  ): Promise<Connection<ChildInvolvement>> {
    // Checked before the picture is put together, so a wrong page size costs no look.
    pageRequest('Child.involvements', args, involvementOrder);
    const identity = this.ctx.scope.requireIdentity();
    const holdings = await this.holdingsFor(child, reason);
    const lines = new Map<string, ChildInvolvement>();
    for (const holding of holdings) {
      const line = `${holding.organisationKind}:${holding.organisationId}:${holding.involvement}`;
      const existing = lines.get(line);
      if (existing) {
        if (holding.on < existing.since) existing.since = holding.on;
        if (holding.on > existing.latest) existing.latest = holding.on;
        continue;
      }
      const isSchool = holding.organisationKind === ChildHolderKind.SCHOOL;
      lines.set(
        line,
        Object.assign(new ChildInvolvement(), {
          involvement: holding.involvement,
          organisationKind: holding.organisationKind,
          agency: isSchool ? null : AgencyStub.of(holding.organisationId),
          school: isSchool ? SchoolStub.of(holding.organisationId) : null,
          since: holding.on,
          latest: holding.on,
          yourOrganisation: holding.organisationId === identity.organisation.id,
        }),
      );
    }
    const page = pageInMemory('Child.involvements', [...lines.values()], args, involvementOrder);
    return connection(ChildInvolvementConnection, page, page.count);
  }

  /**
   * The caller's own referrals about the child, newest first: the referral's rules, unchanged,
   * decide which. Every child of the fetch asked with the same page shares one statement (and one
   * to count): the first rows under each of its references, merged and cut to the page.
   */
  async referralsAbout(
    child: Child,
    args: { first?: number | null; after?: string | null },
  ): Promise<Connection<Referral>> {
    this.ctx.scope.requireIdentity();
    const list = 'Child.referrals';
    const request = pageRequest(list, args, referralOrder);
    const referencesOf = (key: string) => [...new Set(openChildKey(key) ?? [])];
    const rows = await this.ctx.loaders
      .get<string, Referral[]>(`${list}:page:${JSON.stringify([request.first, request.after])}`, async (keys) => {
        const found = await this.referrals().pagesAboutChildren(
          [...new Set(keys.flatMap(referencesOf))],
          request.after,
          request.first + 1,
        );
        return keys.map((key) => {
          const references = new Set(referencesOf(key));
          return found
            .filter((row) => references.has(row.childReference))
            .sort(compareReferrals)
            .slice(0, request.first + 1);
        });
      })
      .load(child.key);
    const page = pageOf(rows, request.first, list, (row) => referralOrder.map((key) => key.value(row)));
    const count = () =>
      this.ctx.loaders
        .get<string, number>(`${list}:count`, async (keys) => {
          const counts = await this.referrals().countsAboutChildren([...new Set(keys.flatMap(referencesOf))]);
          return keys.map((key) => referencesOf(key).reduce((sum, reference) => sum + (counts.get(reference) ?? 0), 0));
        })
        .load(child.key);
    return connection(ReferralConnection, page, count);
  }

  /**
   * The child's records across the subgraphs, one entry each, in date order, a page at a time.
   * Whether an entry is restricted is the holding subgraph's own rule for the caller.
   */
  async chronology(
    child: Child,
    reason: ChildPictureReason | null,
    args: { first?: number | null; after?: string | null },
  ): Promise<Connection<ChildChronologyEntry>> {
    const request = pageRequest('chronology', args, chronologyOrder);
    const holdings = await this.holdingsFor(child, reason);
    const entries = new Map<string, ChildChronologyEntry>();
    for (const holding of holdings) {
      const record = recordKindOf[holding.involvement];
      const line = `${record}:${holding.recordId}`;
      let entry = entries.get(line);
      if (!entry) {
        entry = Object.assign(new ChildChronologyEntry(), {
          on: holding.on,
          record,
          agencies: [],
          schools: [],
          restricted: !holding.readable,
          recordId: holding.readable ? holding.recordId : null,
          sortKey: [holding.on, record, holding.recordId],
        });
        entries.set(line, entry);
      }
      if (holding.organisationKind === ChildHolderKind.SCHOOL) {
        if (!entry.schools.some((school) => school.urn === holding.organisationId))
          entry.schools.push(SchoolStub.of(holding.organisationId));
      } else if (!entry.agencies.some((agency) => agency.id === holding.organisationId)) {
        entry.agencies.push(AgencyStub.of(holding.organisationId));
      }
    }
    const ordered = [...entries.values()].sort((a, b) => compareKeys(a.sortKey, b.sortKey));
    const after = request.after;
    const rest = after ? ordered.filter((entry) => compareKeys(entry.sortKey, after) > 0) : ordered;
    const page = pageOf(rest.slice(0, request.first + 1), request.first, 'chronology', (entry) => entry.sortKey);
    return connection(ChildChronologyConnection, page, () => Promise.resolve(ordered.length));
  }
}

/**
 * The partnership of the child's home local authority: as the latest referral names that authority,
 * else the partnership of the latest review record (the notifying authority's); null when none says.
 */
export function homePartnershipOf(holdings: readonly ChildRecordHolding[]): string | null {
  const placed = holdings.filter((holding) => holding.partnershipId != null);
  const referred = placed.filter((holding) => holding.involvement === ChildInvolvementKind.REFERRAL_RECEIVED);
  const latest = (among: readonly ChildRecordHolding[]) =>
    [...among].sort((a, b) => b.on.localeCompare(a.on) || b.recordId.localeCompare(a.recordId))[0];
  return (latest(referred) ?? latest(placed))?.partnershipId ?? null;
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const order = (a[i] ?? '').localeCompare(b[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}
