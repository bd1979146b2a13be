// The caller's token is verified by one code in shared/, so a subgraph behind a Router applies the same rules.
export {
  createAuthenticator,
  defaultClockToleranceSeconds,
  defaultMaxTokenLifetimeSeconds,
  lifetimeProblem,
  type AuthenticationOptions,
  type Authenticator,
} from '@safeguarding/shared';
