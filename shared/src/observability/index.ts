export * from './metrics';
export * from './requests';
export * from './sql';
export * from './tracing';
