import fs from 'node:fs';
import path from 'node:path';
import { demoIds, exampleOperationsDir, portalOperationsDir, type demoIdentities } from '@safeguarding/shared';

/** Each example operation, who runs it and with what, as its kind of integrator would. */
export interface ExampleOperation {
  readonly user: string;
  readonly file: string;
  readonly name: string;
  readonly text: string;
  readonly as: keyof typeof demoIdentities;
  readonly variables: Record<string, unknown>;
}

const callers: Record<string, keyof typeof demoIdentities> = {
  'agency-case-system': 'sussex-police-safeguarding-manager',
  'mis-vendor': 'seaview-primary-dsl',
  portal: 'west-sussex-business-manager',
};

// Only the variables an operation cannot default; every `first` is left to the document's own.
const variablesOf: Record<string, Record<string, unknown>> = {
  AgencyByCode: { gssCode: 'E23000033' },
  DeadlinePreview: { from: '2026-11-20' },
  FrontDoor: { localAuthorityGssCode: 'E10000032' },
  SchoolByCode: { urn: '990001' },
  PartnershipFor: { localAuthorityGssCode: 'E10000032' },
  PartnershipWhatIsDue: { id: demoIds.partnerships.westSussex },
};

export function exampleOperations(): ExampleOperation[] {
  return fs
    .readdirSync(exampleOperationsDir)
    .sort()
    .flatMap((user) =>
      fs
        .readdirSync(path.join(exampleOperationsDir, user))
        .filter((file) => file.endsWith('.graphql'))
        .sort()
        .map((file) => {
          const name = file.replace(/\.graphql$/, '');
          const caller = callers[user];
          if (!caller) throw new Error(`examples/operations/${user}: no demo caller for this kind of user`);
          return {
            user,
            file,
            name,
            text: fs.readFileSync(path.join(exampleOperationsDir, user, file), 'utf8'),
            as: caller,
            variables: variablesOf[name] ?? {},
          };
        }),
    );
}

/** The financial year (1 April to 31 March) today falls in, as the portal asks for it: 2026-27. */
function financialYearOfToday(): string {
  const today = new Date().toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const start = today.slice(5) >= '04-01' ? year : year - 1;
  return `${String(start)}-${String((start + 1) % 100).padStart(2, '0')}`;
}

// The variables the portal's pages send (portal/src/pages), for the West Sussex partnership.
function portalVariablesOf(name: string): Record<string, unknown> {
  const id = demoIds.partnerships.westSussex;
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = `${String(Number(today.slice(0, 4)) - 1)}${today.slice(4)}`;
  const byName: Record<string, Record<string, unknown>> = {
    PortalViewer: {},
    PortalOverviewHeader: { id },
    PortalOverviewEducation: { id },
    PortalObligationsByWeek: { id, first: 100 },
    PortalOverdue: { id, first: 10 },
    PortalOverviewYearly: { id, first: 10 },
    PortalOverviewSchools: { id, first: 10 },
    PortalOverviewSection11: { id, first: 10, financialYear: financialYearOfToday() },
    PortalOverviewSection175: { id, first: 10, financialYear: financialYearOfToday() },
    PortalEscalations: { id, first: 50, reason: 'Partnership portal: oversight of escalations' },
    PortalEscalationReport: { id, first: 10, from: yearAgo, to: today },
    PortalReviews: { id, first: 10 },
  };
  const variables = byName[name];
  if (!variables) throw new Error(`portal/src/operations/${name}.graphql: no variables for it in the suite`);
  return variables;
}

/** The reference portal's operations (portal/src/operations), as its business manager sends them. */
export function portalOperations(): ExampleOperation[] {
  return fs
    .readdirSync(portalOperationsDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.graphql$/, '');
      return {
        user: 'portal/src/operations',
        file,
        name,
        text: fs.readFileSync(path.join(portalOperationsDir, file), 'utf8'),
        as: 'west-sussex-business-manager',
        variables: portalVariablesOf(name),
      };
    });
}

/** Everything the trusted-documents manifest registers: the examples and the portal's operations. */
export function trustedOperations(): ExampleOperation[] {
  return [...exampleOperations(), ...portalOperations()];
}
