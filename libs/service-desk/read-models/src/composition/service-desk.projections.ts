import type { Projection } from '@ebp/shared-eventsourcing';
import { callbacksProjections } from '../callbacks/callbacks-query.module';
import { directoryProjections } from '../directory/directory-query.module';
import { dutyProjections } from '../duty/duty-query.module';
import { faultsProjections } from '../faults/faults-query.module';
import { ladderProjections } from '../ladder/ladder-query.module';
import { proactiveProjections } from '../proactive/proactive-query.module';
import { reportProjections } from '../report/report-query.module';
import { ticketProjections } from '../ticket/ticket-query.module';

/** Every service-desk read model, for the embedded runner and the distributed projector alike. */
export const serviceDeskProjections: Projection<object>[] = [
  ...ticketProjections,
  ...directoryProjections,
  ...callbacksProjections,
  ...faultsProjections,
  ...dutyProjections,
  ...ladderProjections,
  ...proactiveProjections,
  ...reportProjections,
];
