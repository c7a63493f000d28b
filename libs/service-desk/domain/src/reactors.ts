import type { Reactor } from '@ebp/shared-eventsourcing';
import { callbacksReactors } from './callbacks';
import { dutyReactors } from './duty';
import { faultsReactors } from './faults';
import { ladderReactors } from './ladder';
import { proactiveReactors } from './proactive';

/** Every service-desk policy that turns an event into a command elsewhere (run by the reactor runner). */
export const serviceDeskReactors: Reactor[] = [...callbacksReactors, ...faultsReactors, ...dutyReactors, ...ladderReactors, ...proactiveReactors];
