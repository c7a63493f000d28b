import type { Reactor } from '@ebp/shared-eventsourcing';
import { callbacksReactors } from './callbacks';
import { dutyReactors } from './duty';
import { faultsReactors } from './faults';
import { ladderReactors } from './ladder';
import { proactiveReactors } from './proactive';
import { reportReactors } from './report';

export * from './shared';
export * from './ticket';
export * from './directory';
export * from './callbacks';
export * from './faults';
export * from './duty';
export * from './ladder';
export * from './proactive';
export * from './report';

/** Every service-desk policy that turns an event into a command elsewhere (run by the reactor runner). */
export const serviceDeskReactors: Reactor[] = [
  ...callbacksReactors,
  ...faultsReactors,
  ...dutyReactors,
  ...ladderReactors,
  ...proactiveReactors,
  ...reportReactors,
];
