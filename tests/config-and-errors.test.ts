import { GraphQLError } from 'graphql';
import {
  BadUserInputError,
  ConfigError,
  createErrorFormatter,
  createLogger,
  parseEnvironment,
  subgraphEnvironment,
} from '@safeguarding/shared';

describe('configuration read once at start-up', () => {
  it.each([
    [{ DATABASE_URL: 'postgres://db/x' }, 'DATABASE_URL: must be a URL of the form mysql://user:password@host:port'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL: must be a URL of the form mysql://user:password@host:port'],
    [{ PORT: 'eighty' }, 'PORT:'],
    [{ PORT: '70000' }, 'PORT:'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA:'],
    [
      { DATABASE_NAME_PREFIX: 'Bad-Prefix' },
      'DATABASE_NAME_PREFIX: must be lower-case letters, digits and underscores',
    ],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV:'],
  ])('refuses %j with one line naming the variable', (env, message) => {
    let error: unknown;
    try {
      parseEnvironment(subgraphEnvironment, env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message.startsWith(message)).toBe(true);
    expect((error as Error).message).not.toContain('\n');
  });

  it('accepts mysql:// and mariadb:// URLs and treats an empty variable as unset', () => {
    expect(parseEnvironment(subgraphEnvironment, { DATABASE_URL: 'mysql://u:p@db:3306' }).DATABASE_URL).toBe(
      'mysql://u:p@db:3306',
    );
    expect(parseEnvironment(subgraphEnvironment, { DATABASE_URL: 'mariadb://db' }).DATABASE_URL).toBe('mariadb://db');
    expect(parseEnvironment(subgraphEnvironment, { DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});

describe('the error taxonomy', () => {
  const format = createErrorFormatter(createLogger('test', 'silent'), { exposeStack: false });

  it('passes domain errors through with their stable code and field', () => {
    const error = new BadUserInputError('input.urn', 'must be 6 digits');
    expect(format({ message: error.message, extensions: { ...error.extensions, stacktrace: ['x'] } }, error)).toEqual({
      message: 'input.urn: must be 6 digits',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.urn' },
    });
  });

  it('masks an unexpected error: no message, SQL or stack reaches the caller', () => {
    const crash = new Error('ER_NO_SUCH_TABLE: SELECT nhsNumber FROM children');
    const wrapped = new GraphQLError(crash.message, { originalError: crash, path: ['x'] });
    const formatted = format(
      { message: crash.message, path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db'] } },
      wrapped,
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['x'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('masks a plain error even when a framework stamped a passable code on it', () => {
    const crash = new Error('connection lost to 10.0.0.5');
    const wrapped = new GraphQLError(crash.message, { originalError: crash });
    expect(format({ message: crash.message, extensions: { code: 'BAD_USER_INPUT' } }, wrapped).message).toBe(
      'Internal server error',
    );
  });

  it('turns a unique-key race into CONFLICT rather than a crash', () => {
    const race = Object.assign(new Error('Duplicate entry'), { driverError: { code: 'ER_DUP_ENTRY' } });
    const wrapped = new GraphQLError(race.message, { originalError: race });
    expect(format({ message: race.message }, wrapped).extensions).toEqual({ code: 'CONFLICT' });
  });
});

describe('gateway configuration', () => {
  // Imported here so the rule is tested where operators meet it: at start-up.
  const { checkGatewayEnvironment, gatewayEnvironment } =
    jest.requireActual<typeof import('@safeguarding/gateway')>('@safeguarding/gateway');
  const base = { INTERNAL_TOKEN_SECRET: 'y'.repeat(40) };

  it("refuses to start in production without the identity provider's keys, or with a shared secret", () => {
    const noKeys = parseEnvironment(gatewayEnvironment, { ...base, NODE_ENV: 'production' });
    expect(checkGatewayEnvironment(noKeys)).toMatch(/^AUTH_JWKS_URL: required in production/);
    const sharedSecret = parseEnvironment(gatewayEnvironment, {
      ...base,
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://idp.example.org/jwks.json',
      AUTH_JWT_SECRET: 'z'.repeat(40),
    });
    expect(checkGatewayEnvironment(sharedSecret)).toMatch(/^AUTH_JWT_SECRET: not accepted in production/);
  });

  it('refuses a missing or short internal secret with one line naming it', () => {
    expect(() => parseEnvironment(gatewayEnvironment, {})).toThrow(/^INTERNAL_TOKEN_SECRET:/);
    expect(() => parseEnvironment(gatewayEnvironment, { INTERNAL_TOKEN_SECRET: 'short' })).toThrow(
      'INTERNAL_TOKEN_SECRET: must be at least 32 characters',
    );
  });
});

describe('repositories fail closed', () => {
  it('refuses a where list with no clauses instead of matching every row', async () => {
    const {
      AuditRecord,
      EmptyWhereError,
      openDatabase,
      StatementCounter,
      createLogger,
      subgraphEntities,
      visibleWhere,
    } = jest.requireActual<typeof import('@safeguarding/shared')>('@safeguarding/shared');
    const { partnershipsSubgraph } =
      jest.requireActual<typeof import('@safeguarding/partnerships')>('@safeguarding/partnerships');
    const statements = new StatementCounter();
    const db = await openDatabase(
      { kind: 'sqlite', file: ':memory:' },
      {
        entities: subgraphEntities(partnershipsSubgraph),
        migrations: partnershipsSubgraph.migrations,
        logger: createLogger('test', 'silent'),
        statements,
      },
    );
    try {
      const before = statements.count;
      // Refused before TypeORM sees it: no statement reaches the database.
      expect(() => db.manager.find(AuditRecord, { where: visibleWhere([]) })).toThrow(EmptyWhereError);
      expect(statements.count).toBe(before);
      await expect(db.manager.find(AuditRecord, { where: visibleWhere([{ entityType: 'x' }]) })).resolves.toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
