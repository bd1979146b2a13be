export { reviewsSubgraph } from './subgraph';
