export * from './context';
export * from './service-desk.policy';
export * from './official-calendar.refusal';
