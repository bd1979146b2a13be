export * from './domain-event';
export * from './obligation-audience';
export * from './obligation-kind';
export * from './obligation-ledger';
export * from './obligation.entity';
export * from './clocks';
export * from './obligation-plan';
export * from './obligation-settle';
