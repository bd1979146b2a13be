import 'reflect-metadata';
import { runSubgraphProcess } from '@safeguarding/shared';
import { reviewsSubgraph } from './subgraph';

void runSubgraphProcess(reviewsSubgraph);
