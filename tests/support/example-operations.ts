import fs from 'node:fs';
import path from 'node:path';
import { demoIds, exampleOperationsDir, type demoIdentities } from '@safeguarding/shared';

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
