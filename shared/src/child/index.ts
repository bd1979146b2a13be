export * from './child-key';
export * from './child-holding.type';
export * from './child-holdings';
