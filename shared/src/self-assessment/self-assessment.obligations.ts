import { In, type EntityManager } from 'typeorm';
import { partnershipStaffRoles } from '../auth';
import { todayInLondon } from '../calendar';
import type { SubgraphRuntime } from '../context';
import { financialYearContaining, financialYearOf } from '../financial-year';
import { AccessScope } from '../identity';
import { Obligation, type ObligationOrganisationKind } from '../obligations/obligation.entity';
import type { ObligationAudience } from '../obligations/obligation-audience';
import type { ObligationKind } from '../obligations/obligation-kind';
import { ObligationLedger, type ObligationRef } from '../obligations/obligation-ledger';
import { inReconcileLock } from '../obligations/obligation-plan';
import type {
  OfMember,
  SelfAssessmentAction,
  SelfAssessmentReturn,
  SelfAssessmentTypes,
} from './self-assessment.types';

/** The obligation kinds, owner and law of one module's returns and actions. */
export interface SelfAssessmentDuties {
  /** The subgraph that records them (part of each obligation's id). */
  readonly subgraph: string;
  /** What kind of organisation its members are (agencies for section 11, schools for section 175/157). */
  readonly memberKind: ObligationOrganisationKind;
  readonly returns: ObligationKind;
  readonly actions: ObligationKind;
  /** What requires the yearly return, as the schema cites it. */
  readonly returnBasis: string;
}

/** A member designated by a partnership at some time between two days. */
export interface SelfAssessmentDesignation {
  readonly partnershipId: string;
  readonly memberId: string;
}

/** Where obligations need a module's designations: the whole country (null) or some partnerships. */
export type DesignatedDuring = (
  manager: EntityManager,
  scope: AccessScope,
  partnershipIds: readonly string[] | null,
  startsOn: string,
  endsOn: string,
) => Promise<SelfAssessmentDesignation[]>;

/** One return a year to each partnership: the year and the partnership, its id without hyphens to fit the column (40). */
export function returnOccurrence(financialYear: string, partnershipId: string): string {
  return `${financialYear}:${partnershipId.replace(/-/g, '')}`;
}

/** The last day of the year assessed: the return then looks back on a whole year, in time for the yearly report. */
export const defaultReturnDue = '03-31';

export const monthDayPattern = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The first `MM-DD` on or after the 1 April that starts the financial year. */
export function returnDueOn(financialYear: string, monthDay: string): string {
  const start = Number(financialYearOf(financialYear).startsOn.slice(0, 4));
  const calendarYear = Number(monthDay.slice(0, 2)) >= 4 ? start : start + 1;
  return `${calendarYear}-${monthDay}`;
}

/** Whether `MM-DD` names a day every year has (so not 29 February). */
export function isYearlyDay(monthDay: string): boolean {
  if (!monthDayPattern.test(monthDay) || monthDay === '02-29') return false;
  const date = new Date(`2025-${monthDay}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(5, 10) === monthDay;
}

/**
 * The yearly return and each action as obligations, moved through the ledger inside the caller's
 * transaction. Who may see one is who may read the return today: the member's own people and the
 * partnership's staff.
 */
export class SelfAssessmentObligations<K extends string> {
  private readonly ledger: ObligationLedger;

  constructor(
    private readonly manager: EntityManager,
    private readonly types: SelfAssessmentTypes<K>,
    private readonly duties: SelfAssessmentDuties,
    at: Date,
  ) {
    this.ledger = new ObligationLedger(manager, duties.subgraph, at);
  }

  private memberOf(row: { [P in K]: string }): string {
    return row[this.types.naming.member.key];
  }

  static audience(partnershipId: string, memberId: string): ObligationAudience {
    return {
      organisationIds: [memberId],
      organisationRoles: [],
      partnershipIds: [partnershipId],
      partnershipRoles: [...partnershipStaffRoles],
      nationalRoles: [],
    };
  }

  private returnRef(partnershipId: string, memberId: string, financialYear: string): ObligationRef {
    return {
      kind: this.duties.returns,
      about: { type: this.types.naming.member.key === 'urn' ? 'School' : 'Agency', id: memberId },
      occurrence: returnOccurrence(financialYear, partnershipId),
    };
  }

  private actionRef(action: SelfAssessmentAction): ObligationRef {
    return { kind: this.duties.actions, about: { type: `${this.types.naming.prefix}Action`, id: action.id } };
  }

  /** Returns are due to the partnership that designated the member. */
  returnOwed(partnershipId: string, memberId: string, financialYear: string, monthDay: string): Promise<Obligation> {
    const custom = monthDay !== defaultReturnDue;
    return this.ledger.open({
      ...this.returnRef(partnershipId, memberId, financialYear),
      owner: { organisationId: memberId, organisationKind: this.duties.memberKind, partnershipId },
      owedTo: 'PARTNERSHIP',
      owedToKind: null,
      deadline: {
        due: returnDueOn(financialYear, monthDay),
        rule: `the ${financialYear} return is due on ${custom ? 'the day the partnership set' : 'the last day of the year assessed (the partnership may set another day)'}`,
        provisional: false,
      },
      basis: this.duties.returnBasis,
      audience: SelfAssessmentObligations.audience(partnershipId, memberId),
    });
  }

  returnMade(submitted: OfMember<SelfAssessmentReturn, K>): Promise<Obligation | null> {
    return this.ledger.meet(
      this.returnRef(submitted.partnershipId, this.memberOf(submitted), submitted.financialYear),
      submitted.submittedOn,
    );
  }

  returnNoLongerOwed(partnershipId: string, memberId: string, financialYear: string): Promise<Obligation | null> {
    return this.ledger.cancel(this.returnRef(partnershipId, memberId, financialYear));
  }

  actionOpen(action: OfMember<SelfAssessmentAction, K>, rule: string, basis: string): Promise<Obligation> {
    return this.ledger.open({
      ...this.actionRef(action),
      owner: {
        organisationId: this.memberOf(action),
        organisationKind: this.duties.memberKind,
        partnershipId: action.partnershipId,
      },
      owedTo: 'PARTNERSHIP',
      owedToKind: null,
      deadline: { due: action.dueOn, rule, provisional: false },
      basis,
      audience: SelfAssessmentObligations.audience(action.partnershipId, this.memberOf(action)),
    });
  }

  actionDone(action: SelfAssessmentAction, completedOn: string): Promise<Obligation | null> {
    return this.ledger.meet(this.actionRef(action), completedOn);
  }

  /** Each partnership's return day, the default where it has set none. */
  async returnDays(partnershipIds: readonly string[] | null): Promise<Map<string, string>> {
    const rows = await this.manager.find(
      this.types.Settings,
      partnershipIds === null ? {} : { where: { partnershipId: In([...partnershipIds]) } },
    );
    return new Map(rows.map((row) => [row.partnershipId, row.returnDue]));
  }
}

/** What reconciliation needs of a module: its types, duties, designations and action wording. */
export interface SelfAssessmentObligationSource<K extends string> {
  readonly types: SelfAssessmentTypes<K>;
  readonly duties: SelfAssessmentDuties;
  readonly designatedDuring: DesignatedDuring;
  readonly actionBasis: string;
  actionRule(financialYear: string): string;
}

/**
 * Settles this year's return for each (partnership, member): owed where designated in the year and
 * not made, met where made, cancelled where no longer designated. `candidates` null: every
 * designation and every open return of the year (reconciling at start).
 */
async function settleReturns<K extends string>(
  manager: EntityManager,
  source: SelfAssessmentObligationSource<K>,
  obligations: SelfAssessmentObligations<K>,
  financialYear: string,
  partnershipIds: readonly string[] | null,
  candidates: readonly SelfAssessmentDesignation[] | null,
): Promise<void> {
  const { types, duties } = source;
  const key = types.naming.member.key;
  const year = financialYearOf(financialYear);
  const where = partnershipIds === null ? {} : { partnershipId: In([...partnershipIds]) };
  const [designations, returns, days, open] = await Promise.all([
    source.designatedDuring(manager, AccessScope.anonymous, partnershipIds, year.startsOn, year.endsOn),
    manager.find(types.Return, { where: { ...where, financialYear: year.label } as never }),
    obligations.returnDays(partnershipIds),
    candidates === null
      ? manager.find(Obligation, { where: { kind: duties.returns, status: 'OPEN' } })
      : Promise.resolve([]),
  ]);
  const designated = new Set(designations.map((d) => `${d.partnershipId}:${d.memberId}`));
  const made = new Map(returns.map((r) => [`${r.partnershipId}:${r[key]}`, r]));
  const pairs = new Map<string, SelfAssessmentDesignation>();
  for (const pair of candidates ?? designations) pairs.set(`${pair.partnershipId}:${pair.memberId}`, pair);
  for (const { occurrence, ownerPartnershipId: partnershipId, entityId: memberId } of open) {
    if (partnershipId && occurrence === returnOccurrence(year.label, partnershipId))
      pairs.set(`${partnershipId}:${memberId}`, { partnershipId, memberId });
  }
  for (const [id, { partnershipId, memberId }] of pairs) {
    const submitted = made.get(id);
    if (submitted) await obligations.returnMade(submitted);
    else if (designated.has(id))
      await obligations.returnOwed(partnershipId, memberId, year.label, days.get(partnershipId) ?? defaultReturnDue);
    else await obligations.returnNoLongerOwed(partnershipId, memberId, year.label);
  }
}

/** After a partnership designates members or ends their designations: inside that change's transaction. */
export function selfAssessmentDesignationsChanged<K extends string>(
  manager: EntityManager,
  source: SelfAssessmentObligationSource<K>,
  at: Date,
  today: string,
  partnershipId: string,
  memberIds: readonly string[],
): Promise<void> {
  const obligations = new SelfAssessmentObligations(manager, source.types, source.duties, at);
  const candidates = memberIds.map((memberId) => ({ partnershipId, memberId }));
  return settleReturns(manager, source, obligations, financialYearContaining(today), [partnershipId], candidates);
}

/**
 * Recomputes the module's obligations from its rows at start, in a few statements whatever their
 * number: this year's return for every designation (met where made, cancelled where the member is no
 * longer designated), and every action (open until completed). The ledger writes only what changed.
 */
export async function reconcileSelfAssessmentObligations<K extends string>(
  runtime: Pick<SubgraphRuntime, 'db' | 'now'>,
  source: SelfAssessmentObligationSource<K>,
): Promise<void> {
  const now = runtime.now();
  // Replicas crossing into a new year together take turns, so none numbers an event another just wrote.
  await inReconcileLock(runtime.db, `${source.duties.subgraph}.${source.duties.returns}`, async (manager) => {
    const obligations = new SelfAssessmentObligations(manager, source.types, source.duties, now);
    await settleReturns(manager, source, obligations, financialYearContaining(todayInLondon(now)), null, null);
    const actions = await manager.find(source.types.Action, { order: { id: 'ASC' } as never });
    for (const action of actions) {
      if (action.completedOn === null)
        await obligations.actionOpen(action, source.actionRule(action.financialYear), source.actionBasis);
      else await obligations.actionDone(action, action.completedOn);
    }
  });
}
