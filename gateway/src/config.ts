import { commonEnvironment, port } from '@safeguarding/shared';
import { z } from 'zod';
import { supergraphPath } from './compose';

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional();

/** Variables of the gateway process. */
export const gatewayEnvironment = commonEnvironment.extend({
  PORT: port.default(4000),
  SUPERGRAPH_PATH: z.string().min(1).default(supergraphPath),
  PARTNERSHIPS_URL: url,
  AGENCIES_URL: url,
  SCHOOLS_URL: url,
  REVIEWS_URL: url,
  ESCALATIONS_URL: url,
});
