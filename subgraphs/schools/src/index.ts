export { schoolsSubgraph } from './subgraph';
