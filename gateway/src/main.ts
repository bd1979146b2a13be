import { createLogger, exitOnStartupFailure, loadEnvironmentOrExit, stopOnSignals } from '@safeguarding/shared';
import { readSupergraph } from './compose';
import { gatewayEnvironment } from './config';
import { startGateway } from './gateway';

async function main(): Promise<void> {
  const config = loadEnvironmentOrExit(gatewayEnvironment, 'gateway');
  const logger = createLogger('gateway', config.LOG_LEVEL);
  try {
    const service = await startGateway({
      supergraphSdl: readSupergraph(config.SUPERGRAPH_PATH),
      subgraphUrls: {
        ...(config.PARTNERSHIPS_URL ? { partnerships: config.PARTNERSHIPS_URL } : {}),
        ...(config.AGENCIES_URL ? { agencies: config.AGENCIES_URL } : {}),
        ...(config.SCHOOLS_URL ? { schools: config.SCHOOLS_URL } : {}),
        ...(config.REVIEWS_URL ? { reviews: config.REVIEWS_URL } : {}),
        ...(config.ESCALATIONS_URL ? { escalations: config.ESCALATIONS_URL } : {}),
      },
      host: config.HOST,
      port: config.PORT,
      logger,
      production: config.NODE_ENV === 'production',
    });
    logger.info({ url: service.url }, 'gateway ready');
    stopOnSignals('gateway', logger, () => service.stop());
  } catch (error) {
    exitOnStartupFailure('gateway', error, logger);
  }
}

void main();
