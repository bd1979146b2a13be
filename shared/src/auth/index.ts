export * from './auth-checker';
export * from './claims';
export * from './internal-token';
export * from './roles';
export * from './development';
export * from './capabilities';
export * from './caller-token';
export * from './scopes';
