import 'reflect-metadata';
import { runSubgraphProcess } from '@safeguarding/shared';
import { partnershipsSubgraph } from './subgraph';

void runSubgraphProcess(partnershipsSubgraph);
