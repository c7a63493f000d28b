export * from './payroll-month.commands';
export * from './payroll-month.events';
export * from './payroll-month.decider';
