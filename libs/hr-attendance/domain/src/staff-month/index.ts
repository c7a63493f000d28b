export * from './staff-month.commands';
export * from './staff-month.events';
export * from './staff-month.state';
export * from './staff-month.decider';
export * from './payslip';
