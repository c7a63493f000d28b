export * from './applicant.events';
export * from './applicant.commands';
export * from './applicant.decider';
export * from './eligibility';
