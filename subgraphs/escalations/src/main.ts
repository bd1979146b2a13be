import 'reflect-metadata';
import { runSubgraphProcess } from '@safeguarding/shared';
import { escalationsSubgraph } from './subgraph';

void runSubgraphProcess(escalationsSubgraph);
