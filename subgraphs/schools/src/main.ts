import 'reflect-metadata';
import { runSubgraphProcess } from '@safeguarding/shared';
import { schoolsSubgraph } from './subgraph';

void runSubgraphProcess(schoolsSubgraph);
