import {
  fileTransferBasis,
  fileTransferBasisWithCalendar,
  fileTransferDeadline,
  recordEvent,
  Role,
  settleObligations,
  statutoryOrganisationId,
  type DesiredObligation,
  type DomainEventPayload,
  type Obligation,
  type ObligationAudience,
  type ReferenceData,
  type WorkingDayCalendar,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import type { ChildProtectionFileTransfer } from './file-transfer.entity';

export const schoolsSource = 'schools';

/** The sending school's calendar: bank holidays, and its own closure days where it has set any. */
export interface SchoolClock {
  readonly calendar: WorkingDayCalendar;
  readonly ownCalendar: boolean;
}

/**
 * Exactly who reads a transfer (FileTransferRepository.visible): the DSLs of the two schools, and
 * anyone of the live local authorities the two schools are in.
 */
export function fileTransferAudience(
  transfer: ChildProtectionFileTransfer,
  reference: ReferenceData,
): ObligationAudience {
  const codes = new Set([transfer.sendingLaDfeCode, transfer.receivingLaDfeCode]);
  const authorities = reference.liveLocalAuthorities
    .filter((la) => codes.has(la.dfeCode))
    .map((la) => statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: la.dfeCode }));
  return {
    organisationIds: [...new Set([transfer.sendingUrn, transfer.receivingUrn])],
    organisationRoles: [Role.DESIGNATED_SAFEGUARDING_LEAD],
    partnershipIds: [],
    partnershipRoles: [],
    nationalRoles: [],
    organisationGroups:
      authorities.length > 0 ? [{ organisationIds: [...new Set(authorities)], organisationRoles: [] }] : [],
  };
}

/** The sending school owes the receiving school the file within 5 school days; met when receipt is confirmed. */
export function fileTransferObligation(
  transfer: ChildProtectionFileTransfer,
  clock: SchoolClock,
  reference: ReferenceData,
): DesiredObligation {
  return {
    draft: {
      kind: 'FILE_TRANSFER',
      about: { type: 'ChildProtectionFileTransfer', id: transfer.id },
      owner: { organisationId: transfer.sendingUrn, organisationKind: 'SCHOOL', partnershipId: null },
      owedTo: transfer.receivingUrn,
      owedToKind: 'SCHOOL',
      deadline: fileTransferDeadline(transfer.leftOn, clock.calendar),
      basis: clock.ownCalendar ? fileTransferBasisWithCalendar : fileTransferBasis,
      audience: fileTransferAudience(transfer, reference),
    },
    metOn: transfer.receivedOn,
  };
}

export function settleFileTransferObligations(
  manager: EntityManager,
  at: Date,
  desired: readonly DesiredObligation[],
  existing?: readonly Obligation[],
): Promise<void> {
  return settleObligations(manager, schoolsSource, at, desired, existing ? { existing } : {});
}

/** Thin: ids, dates and who may hear of it; never the child's reference. */
export function fileTransferEvent(
  manager: EntityManager,
  at: Date,
  type: 'file_transfer.sent' | 'file_transfer.confirmed',
  transfer: ChildProtectionFileTransfer,
  audience: ObligationAudience,
) {
  const payload: DomainEventPayload = {
    ids: { transferId: transfer.id, sendingUrn: transfer.sendingUrn, receivingUrn: transfer.receivingUrn },
    dates: { leftOn: transfer.leftOn, sentOn: transfer.sentOn, receivedOn: transfer.receivedOn },
    audience,
  };
  return recordEvent(manager, {
    type,
    entityType: 'ChildProtectionFileTransfer',
    entityId: transfer.id,
    occurredAt: at,
    payload,
  });
}
