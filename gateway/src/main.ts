import {
  createLogger,
  developmentJwtSecret,
  exitOnStartupFailure,
  gatewayRateLimitPerMinute,
  loadEnvironmentOrExit,
  stopOnSignals,
  TrustedDocuments,
  TrustedDocumentsError,
} from '@safeguarding/shared';
import { createAuthenticator } from './authentication';
import { readSupergraph } from './compose';
import { checkGatewayEnvironment, gatewayEnvironment } from './config';
import { startGateway } from './gateway';

async function main(): Promise<void> {
  const config = loadEnvironmentOrExit(gatewayEnvironment, 'gateway');
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const problem = checkGatewayEnvironment(config);
  if (problem) {
    process.stderr.write(`gateway: configuration error: ${problem}\n`);
    process.exit(1);
  }
  if (!config.AUTH_JWKS_URL && !config.AUTH_JWT_SECRET) {
    logger.warn('verifying tokens with the public development key: fine for a laptop, never for real data');
  }
  let trustedDocuments: TrustedDocuments | undefined;
  try {
    trustedDocuments = config.TRUSTED_DOCUMENTS_PATH
      ? TrustedDocuments.fromFile(config.TRUSTED_DOCUMENTS_PATH)
      : undefined;
  } catch (error) {
    if (!(error instanceof TrustedDocumentsError)) throw error;
    process.stderr.write(`gateway: configuration error: TRUSTED_DOCUMENTS_PATH: ${error.message}\n`);
    process.exit(1);
  }
  if (trustedDocuments) logger.info({ operations: trustedDocuments.size }, 'accepting registered operations only');
  try {
    const service = await startGateway({
      supergraphSdl: readSupergraph(config.SUPERGRAPH_PATH),
      subgraphUrls: {
        ...(config.PARTNERSHIPS_URL ? { partnerships: config.PARTNERSHIPS_URL } : {}),
        ...(config.AGENCIES_URL ? { agencies: config.AGENCIES_URL } : {}),
        ...(config.SCHOOLS_URL ? { schools: config.SCHOOLS_URL } : {}),
        ...(config.REVIEWS_URL ? { reviews: config.REVIEWS_URL } : {}),
        ...(config.ESCALATIONS_URL ? { escalations: config.ESCALATIONS_URL } : {}),
        ...(config.NOTIFICATIONS_URL ? { notifications: config.NOTIFICATIONS_URL } : {}),
      },
      host: config.HOST,
      port: config.PORT,
      logger,
      production: config.NODE_ENV === 'production',
      authenticator: createAuthenticator({
        jwksUrl: config.AUTH_JWKS_URL,
        secret: config.AUTH_JWKS_URL ? undefined : (config.AUTH_JWT_SECRET ?? developmentJwtSecret),
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
        maxLifetimeSeconds: config.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
        clockToleranceSeconds: config.AUTH_CLOCK_TOLERANCE_SECONDS,
      }),
      internalTokenSecret: config.INTERNAL_TOKEN_SECRET,
      upstream: { timeoutMs: config.SUBGRAPH_TIMEOUT_MS },
      observability: {
        metricsToken: config.METRICS_TOKEN,
        otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
        sampleRatio: config.OTEL_TRACES_SAMPLER_ARG,
      },
      ...(trustedDocuments ? { trustedDocuments } : {}),
      graphiql: config.GRAPHIQL ? config.GRAPHIQL === 'on' : config.NODE_ENV !== 'production',
      // The gateway is where clients arrive, so it is where each client's rate is limited.
      hardening: { ...config, RATE_LIMIT_PER_MINUTE: config.RATE_LIMIT_PER_MINUTE ?? gatewayRateLimitPerMinute },
    });
    logger.info({ url: service.url }, 'gateway ready');
    stopOnSignals('gateway', logger, () => service.stop());
  } catch (error) {
    exitOnStartupFailure('gateway', error, logger);
  }
}

void main();
