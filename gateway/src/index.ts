export * from './authentication';
export * from './compose';
export * from './config';
export * from './gateway';
export * from './null-propagation';
export * from './observability';
export { subgraphs } from './subgraphs';
export * from './upstream';
