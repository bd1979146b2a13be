export * from './self-assessment.engine';
export * from './self-assessment.repository';
export * from './self-assessment.resolvers';
export * from './self-assessment.types';
export * from './self-assessment.obligations';
export * from './self-assessment.new-year';
