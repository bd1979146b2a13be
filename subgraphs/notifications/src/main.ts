import 'reflect-metadata';
import { runSubgraphProcess } from '@safeguarding/shared';
import { notificationsSubgraph } from './subgraph';

void runSubgraphProcess(notificationsSubgraph);
