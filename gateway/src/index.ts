export * from './authentication';
export * from './compose';
export * from './config';
export * from './gateway';
export { subgraphs } from './subgraphs';
export * from './upstream';
