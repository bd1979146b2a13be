import { ConflictError } from './errors';

/**
 * The one refusal every record with a lifecycle gives: CONFLICT with `extensions.state`, where the
 * record stands now, and `extensions.allowed`, the transitions it may take from there (none once it
 * is finished), so an integrator's case system can offer the next step without knowing our rules.
 * Each `<thing>.transitions.ts` holds the union of its states, a pure `next…(state, transition)`
 * with an exhaustive switch, and the `allowed…` list this reports.
 */
export class TransitionRefusedError extends ConflictError {
  constructor(
    message: string,
    readonly state: string,
    readonly allowed: readonly string[],
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { ...extensions, state, allowed: allowed.map(transitionName) });
  }
}

/** `sendToPanel` → `SEND_TO_PANEL`: transitions are named in the API as its enum values are. */
export function transitionName(kind: string): string {
  return kind.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The transitions whose guard a state passes, in the order they are listed. */
export function allowedFrom<State, Kind extends string>(
  state: State,
  from: Readonly<Record<Kind, readonly State[]>>,
): Kind[] {
  return (Object.keys(from) as Kind[]).filter((kind) => from[kind].includes(state));
}
