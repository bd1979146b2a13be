export * from './audit-log';
export * from './audit-record.entity';
export * from './audit-trail';
export * from './audit-export';
export * from './audit-plugin';
export * from './audit-rekey';
export * from './scoped-miss';
