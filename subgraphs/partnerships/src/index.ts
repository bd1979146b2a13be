export { partnershipsSubgraph } from './subgraph';
