import { BadUserInputError } from '@safeguarding/shared';

/** An id in an input that should name an entry on another service's register, and the field it came in. */
export interface RegisterReference {
  readonly id: string;
  readonly field: string;
}

interface RegisterEntry {
  readonly status: string;
  readonly closedOn: string | null;
}

/**
 * Refuses, naming the field and never the id, the first reference with no entry (`missing`) or
 * whose entry has closed: a closed organisation has no one to answer for it.
 */
export function requireOpenEntries(
  references: readonly RegisterReference[],
  entryOf: (reference: RegisterReference) => RegisterEntry | undefined,
  wording: { readonly missing: string; readonly noun: string },
): void {
  for (const reference of references) {
    const entry = entryOf(reference);
    if (!entry) throw new BadUserInputError(reference.field, wording.missing);
    if (entry.status === 'CLOSED') {
      throw new BadUserInputError(
        reference.field,
        entry.closedOn
          ? `names ${wording.noun} that closed on ${entry.closedOn}`
          : `names ${wording.noun} that has closed`,
      );
    }
  }
}
