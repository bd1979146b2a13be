export { escalationsSubgraph } from './subgraph';
