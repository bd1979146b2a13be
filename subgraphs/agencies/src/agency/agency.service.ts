import {
  inTransaction,
  alignByKey,
  BadUserInputError,
  decodeCursor,
  DomainError,
  pageOf,
  pageSize,
  exactlyOneCode,
  ForbiddenError,
  groupByKey,
  newId,
  validateInput,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { DesignationRepository } from '../designation/designation.repository';
import { Agency, AgencyKind, AgencyStatus } from './agency.entity';
import { AgencyConnection, AgencyPageInfo, type AgenciesArgs } from './agency-connection.type';
import { recordProblem, relevantAgencyFields, type RelevantAgencyFields } from './agency-fields';
import { mayChangeRelevantAgencyRecord, relevantAgencyRegisterRefusal } from './agency-register.policy';
import { AgencyRegistrationOutcome, AgencyRegistrationResult } from './agency-registration.type';
import type { RegisterRelevantAgencyInput, RelevantAgencyRowInput } from './agency.input';
import { AgencyRepository } from './agency.repository';
import { recordAgencyEvent } from './agency.events';

/** Most to least specific: a row is matched to a held agency by the first identifier it carries. */
const identifierFields = ['odsCode', 'companiesHouseNumber', 'charityNumber'] as const;
type IdentifierField = (typeof identifierFields)[number];
const identifierLabels: Record<IdentifierField, string> = {
  odsCode: 'ODS code',
  companiesHouseNumber: 'Companies House number',
  charityNumber: 'charity number',
};

/** The registry fields a registration may set; the rest (id, kind, official codes) are the registry's own. */
const registeredFields = [
  'name',
  'scheduleCategory',
  'scheduleEntry',
  'sector',
  'odsCode',
  'companiesHouseNumber',
  'charityNumber',
  'ofstedUrn',
  'status',
  'openedOn',
  'closedOn',
] as const;

type Plan =
  | { readonly kind: 'create'; readonly agency: Agency }
  | { readonly kind: 'update'; readonly agency: Agency; readonly before: Agency }
  | { readonly kind: 'unchanged'; readonly agency: Agency }
  | { readonly kind: 'reject'; readonly field: string; readonly message: string };

/** The most rows one request may carry; a larger file is sent in several requests (the CLI does). */
export const maxRowsPerRequest = 500;

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

  async byCode(codes: {
    odsCode: string | null;
    gssCode: string | null;
    dfeCode: string | null;
  }): Promise<Agency | null> {
    const code = exactlyOneCode(codes, {
      odsCode: { pattern: /^[A-Z0-9]{3,5}$/, description: 'an NHS ODS code of 3 to 5 letters and digits' },
      gssCode: { pattern: /^[EWSN]\d{8}$/, description: 'an ONS GSS code: a country letter and 8 digits' },
      dfeCode: { pattern: /^\d{3}$/, description: 'a DfE LA code of 3 digits' },
    });
    const [agency] = await this.repository().withCode(code);
    return agency ?? null;
  }

  /** One page of the register, cut in SQL on its sort order (name, id): LIMIT first + 1 after the cursor's key. */
  async page(args: AgenciesArgs): Promise<AgencyConnection> {
    const first = pageSize(args.first);
    const kind = args.kind ?? null;
    const after = args.after ? decodeCursor('agencies', args.after, 2) : null;
    const rows = await this.repository().page(kind, after ? { name: after[0]!, id: after[1]! } : null, first + 1);
    const page = pageOf(rows, first, 'agencies', (agency) => [agency.name, agency.id]);
    return Object.assign(new AgencyConnection(), {
      nodes: page.nodes,
      pageInfo: Object.assign(new AgencyPageInfo(), { endCursor: page.endCursor, hasNextPage: page.hasNextPage }),
      count: () => this.repository().count(kind),
    });
  }

  /** One agency, created or refused: an identifier already held is an error here, not an update. */
  async registerRelevantAgency(input: RegisterRelevantAgencyInput): Promise<Agency> {
    this.ctx.scope.requireIdentity();
    if (!mayChangeRelevantAgencyRecord(this.ctx.scope, { kind: 'new' }))
      throw new ForbiddenError(relevantAgencyRegisterRefusal);
    const valid = validateInput(relevantAgencyFields, input);
    return inTransaction(this.ctx.db, async (manager) => {
      const plan = await this.plan(this.repository(manager), valid, 'create-only');
      switch (plan.kind) {
        case 'reject':
          throw new BadUserInputError(`input.${plan.field}`, plan.message);
        case 'create':
          await this.repository(manager).insert(plan.agency);
          await recordAgencyEvent(manager, this.ctx.now, plan.agency, null);
          return plan.agency;
        case 'update':
        case 'unchanged':
          // create-only plans never match an agency; kept exhaustive so a new plan kind is handled.
          throw new BadUserInputError('input', 'is already registered');
        default:
          return assertNever(plan);
      }
    });
  }

  /**
   * Bulk registration for integrators. Idempotent by identifier (ODS, else Companies House, else
   * charity number; with none, exact name and heading). Permission first: every row that would
   * create or change an agency is checked against the register's policy before anything is
   * written, and a batch naming a record the caller does not hold is refused whole. Then each row
   * is validated and written in its own transaction rather than a savepoint of one big one: a row
   * that fails rolls back alone, the rows before it stay written, and sending the batch again is
   * safe because every row already written comes back UNCHANGED.
   */
  async registerRows(rows: readonly RelevantAgencyRowInput[]): Promise<AgencyRegistrationResult[]> {
    this.ctx.scope.requireIdentity();
    this.requireRowLimit(rows);
    const checked = await this.requireHolderOfRows(rows);
    return this.writeRows(rows, checked);
  }

  /** The CSV import: an operator with the database's own credentials, so no caller to check. */
  importRows(rows: readonly RelevantAgencyRowInput[]): Promise<AgencyRegistrationResult[]> {
    this.requireRowLimit(rows);
    return this.writeRows(rows, null);
  }

  private requireRowLimit(rows: readonly RelevantAgencyRowInput[]): void {
    if (rows.length > maxRowsPerRequest) {
      throw new BadUserInputError(
        'rows',
        `must hold at most ${maxRowsPerRequest} rows; send a larger file in several requests`,
      );
    }
  }

  /**
   * Plans every row without writing, and refuses the batch at the first row that would create an
   * agency the caller may not add or change one it does not hold. Answers the agencies checked, so
   * that a row whose plan changes before it is written (a concurrent registration) is checked again.
   */
  private async requireHolderOfRows(rows: readonly RelevantAgencyRowInput[]): Promise<Set<string>> {
    const repository = this.repository();
    const plans: Array<{ index: number; plan: Plan }> = [];
    for (const [index, row] of rows.entries()) {
      const parsed = relevantAgencyFields.safeParse(row);
      if (parsed.success) plans.push({ index, plan: await this.plan(repository, parsed.data, 'upsert') });
    }
    const changed = plans
      .filter(({ plan }) => plan.kind === 'update')
      .map(({ plan }) => (plan.kind === 'update' ? plan.agency.id : ''));
    const holders = await this.designatorsOf(changed);
    for (const { index, plan } of plans) {
      const record =
        plan.kind === 'create'
          ? ({ kind: 'new' } as const)
          : plan.kind === 'update'
            ? ({ kind: 'held', designatedBy: holders.get(plan.agency.id) ?? [] } as const)
            : null;
      if (record && !mayChangeRelevantAgencyRecord(this.ctx.scope, record)) {
        throw new ForbiddenError(`rows.${index}: ${relevantAgencyRegisterRefusal}; nothing of this batch was written`);
      }
    }
    return new Set(changed);
  }

  /** Partnerships whose designation of each agency has not ended: who holds its record. */
  private async designatorsOf(
    agencyIds: readonly string[],
    manager: EntityManager = this.ctx.db.manager,
  ): Promise<Map<string, string[]>> {
    const designations = await new DesignationRepository(manager, this.ctx.scope).notEndedOf(agencyIds, this.ctx.today);
    const grouped = groupByKey(agencyIds, designations, (d) => d.agencyId);
    return new Map(agencyIds.map((id, index) => [id, (grouped[index] ?? []).map((d) => d.partnershipId)]));
  }

  private async writeRows(
    rows: readonly RelevantAgencyRowInput[],
    checked: ReadonlySet<string> | null,
  ): Promise<AgencyRegistrationResult[]> {
    const results: AgencyRegistrationResult[] = [];
    for (const [index, row] of rows.entries()) results.push(await this.registerRow(index, row, checked));
    const counts = Object.fromEntries(
      Object.values(AgencyRegistrationOutcome).map((o) => [o, results.filter((r) => r.outcome === o).length]),
    );
    this.ctx.logger.info(counts, 'relevant agencies registered in bulk');
    return results;
  }

  /** `checked`: the agencies whose holders were checked before writing; null for the operator's import. */
  private async registerRow(
    index: number,
    row: RelevantAgencyRowInput,
    checked: ReadonlySet<string> | null,
  ): Promise<AgencyRegistrationResult> {
    const parsed = relevantAgencyFields.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return AgencyRegistrationResult.rejected(
        index,
        issue?.path.map(String).join('.') || 'row',
        issue?.message ?? 'is invalid',
      );
    }
    try {
      return await inTransaction(this.ctx.db, async (manager) => {
        const repository = this.repository(manager);
        const plan = await this.plan(repository, parsed.data, 'upsert');
        switch (plan.kind) {
          case 'reject':
            return AgencyRegistrationResult.rejected(index, plan.field, plan.message);
          case 'create':
            await repository.insert(plan.agency);
            await recordAgencyEvent(manager, this.ctx.now, plan.agency, null);
            return AgencyRegistrationResult.accepted(index, AgencyRegistrationOutcome.CREATED, plan.agency);
          case 'update':
            if (checked && !checked.has(plan.agency.id)) {
              const holders = await this.designatorsOf([plan.agency.id], manager);
              if (
                !mayChangeRelevantAgencyRecord(this.ctx.scope, {
                  kind: 'held',
                  designatedBy: holders.get(plan.agency.id) ?? [],
                })
              ) {
                return AgencyRegistrationResult.rejected(
                  index,
                  'row',
                  `${relevantAgencyRegisterRefusal} (it was registered while this batch was being checked)`,
                );
              }
            }
            await repository.update(plan.agency);
            await recordAgencyEvent(manager, this.ctx.now, plan.agency, plan.before);
            return AgencyRegistrationResult.accepted(index, AgencyRegistrationOutcome.UPDATED, plan.agency);
          case 'unchanged':
            return AgencyRegistrationResult.accepted(index, AgencyRegistrationOutcome.UNCHANGED, plan.agency);
          default:
            return assertNever(plan);
        }
      });
    } catch (error) {
      // One row's failure never fails the batch; an unexpected one is logged in full, not echoed.
      if (error instanceof DomainError) return AgencyRegistrationResult.rejected(index, 'row', error.message);
      this.ctx.logger.error({ err: error, row: index }, 'bulk registration row failed');
      return AgencyRegistrationResult.rejected(
        index,
        'row',
        'could not be saved (the error is logged); nothing of this row was written',
      );
    }
  }

  private async plan(
    repository: AgencyRepository,
    fields: RelevantAgencyFields,
    mode: 'create-only' | 'upsert',
  ): Promise<Plan> {
    const holders = await repository.withAnyIdentifier(fields);
    const holderOf = (field: IdentifierField) => {
      const value = fields[field];
      return value ? (holders.find((agency) => agency[field] === value) ?? null) : null;
    };
    const matchedBy = identifierFields.find((field) => holderOf(field) !== null) ?? null;
    let match = matchedBy ? holderOf(matchedBy) : null;
    if (matchedBy && match && mode === 'create-only') {
      return {
        kind: 'reject',
        field: matchedBy,
        message: `an agency with ${identifierLabels[matchedBy]} ${fields[matchedBy] ?? ''} is already registered`,
      };
    }
    if (matchedBy && match && match.kind !== AgencyKind.RELEVANT_AGENCY) {
      return {
        kind: 'reject',
        field: matchedBy,
        message: `belongs to ${match.name}, a statutory safeguarding partner kept from the reference data`,
      };
    }
    for (const field of identifierFields) {
      const holder = holderOf(field);
      if (holder && holder.id !== match?.id) {
        return {
          kind: 'reject',
          field,
          message: `${fields[field] ?? ''} is already registered to another agency (${holder.name})`,
        };
      }
    }
    if (!match && mode === 'upsert' && !identifierFields.some((field) => fields[field])) {
      if (!fields.scheduleCategory)
        return {
          kind: 'reject',
          field: 'scheduleCategory',
          message: 'must be given (or scheduleEntry, whose heading it is)',
        };
      const named = await repository.relevantAgenciesNamed(fields.name, fields.scheduleCategory);
      if (named.length > 1) {
        return {
          kind: 'reject',
          field: 'name',
          message: `matches ${named.length} agencies under that heading; give an identifier to say which`,
        };
      }
      match = named[0] ?? null;
    }

    const given = Object.fromEntries(
      registeredFields.flatMap((field) => (fields[field] === undefined ? [] : [[field, fields[field]]])),
    );
    const status = fields.status ?? (fields.closedOn ? AgencyStatus.CLOSED : (match?.status ?? AgencyStatus.ACTIVE));
    const agency: Agency = match
      ? Object.assign(new Agency(), match, given, { status })
      : Object.assign(new Agency(), {
          id: newId(),
          name: fields.name,
          kind: AgencyKind.RELEVANT_AGENCY,
          scheduleCategory: null,
          scheduleEntry: null,
          sector: null,
          gssCode: null,
          dfeCode: null,
          odsCode: null,
          companiesHouseNumber: null,
          charityNumber: null,
          ofstedUrn: null,
          openedOn: null,
          closedOn: null,
          ...given,
          status,
        });
    const problem = recordProblem(agency, this.ctx.today);
    if (problem) return { kind: 'reject', ...problem };
    if (!match) return { kind: 'create', agency };
    const changed = registeredFields.some((field) => (agency[field] ?? null) !== (match[field] ?? null));
    return changed ? { kind: 'update', agency, before: match } : { kind: 'unchanged', agency: match };
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled registration plan ${JSON.stringify(value)}`);
}
