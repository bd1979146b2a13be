export * from './compose';
export * from './gateway';
export { subgraphs } from './subgraphs';
