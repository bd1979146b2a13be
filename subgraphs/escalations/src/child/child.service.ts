import {
  appendAudit,
  appendRefusals,
  AuditAction,
  BadUserInputError,
  ChildHolderKind,
  ChildInvolvementKind,
  childAuditId,
  DomainError,
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
import { Referral, ReferrerKind } from '../referral/referral.entity';
import { ReferralRepository } from '../referral/referral.repository';
import { Child, ChildInvolvement } from './child.entity';
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
        return referencesOf.map((references) =>
          rows
            .filter((row) => references.includes(row.childReference))
            .flatMap((row) => [
              ChildRecordHolding.of({
                organisationId: row.referrerOrganisationId,
                organisationKind: holderKindOf(row.referrerKind),
                involvement: ChildInvolvementKind.REFERRAL_MADE,
                on: row.receivedOn,
              }),
              ChildRecordHolding.of({
                organisationId: row.receivingAuthorityId,
                organisationKind: ChildHolderKind.AGENCY,
                involvement: ChildInvolvementKind.REFERRAL_RECEIVED,
                on: row.receivedOn,
              }),
            ]),
        );
      })
      .loadMany(keys)
      .then((results) => results.map((result) => (result instanceof Error ? [] : result)));
  }

  /** Every holding of the child across the subgraphs, or NOT_FOUND when the caller's organisation holds none. */
  private async holdingsFor(child: Child): Promise<ChildRecordHolding[]> {
    const identity = this.ctx.scope.requireIdentity();
    const [own] = await this.referralHoldings([child.key]);
    const holdings = [...(own ?? []), ...(child.fileTransferHoldings ?? [])];
    const entry = {
      action: AuditAction.READ,
      entityType: 'Child',
      entityId: childAuditId(child.key),
      partnershipId: null,
    };
    if (!holdings.some((holding) => holding.organisationId === identity.organisation.id)) {
      await appendRefusals(this.ctx, [entry]);
      throw childNotFound();
    }
    await appendAudit(this.ctx, [entry]);
    return holdings;
  }

  /** One line per organisation and kind of involvement, with the first and latest dates. */
  async involvements(child: Child): Promise<ChildInvolvement[]> {
    const identity = this.ctx.scope.requireIdentity();
    const holdings = await this.holdingsFor(child);
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
    return [...lines.values()].sort(
      (a, b) => a.since.localeCompare(b.since) || a.involvement.localeCompare(b.involvement),
    );
  }

  /** The caller's own referrals about the child: the referral's rules, unchanged, decide which. */
  referralsAbout(child: Child): Promise<Referral[]> {
    return this.referrals().aboutChildren(openChildKey(child.key) ?? []);
  }
}
