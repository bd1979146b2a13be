import 'reflect-metadata';
import { runSubgraphProcess } from '@safeguarding/shared';
import { agenciesSubgraph } from './subgraph';

void runSubgraphProcess(agenciesSubgraph);
