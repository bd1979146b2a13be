import {
  commonEnvironment,
  createLogger,
  exitOnStartupFailure,
  loadEnvironmentOrExit,
  port,
  stopOnSignals,
} from '@safeguarding/shared';
import { z } from 'zod';
import { readSupergraph, supergraphPath } from './compose';
import { startGateway } from './gateway';

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional();

const gatewayEnvironment = commonEnvironment.extend({
  PORT: port.default(4000),
  SUPERGRAPH_PATH: z.string().min(1).default(supergraphPath),
  PARTNERSHIPS_URL: url,
  AGENCIES_URL: url,
  SCHOOLS_URL: url,
  REVIEWS_URL: url,
  ESCALATIONS_URL: url,
});

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
