import type { BoundedContext } from '@ebp/shared-nest';
import { SERVICE_DESK_CONTEXT, hrEmployeeDirectoryReactor, serviceDeskReactors } from '@ebp/service-desk-domain';
import { toPublishedEvent } from '@ebp/service-desk-contracts';
import { ServiceDeskQueryModule, serviceDeskProjections } from '@ebp/service-desk-read-models';
import { ServiceDeskApiModule } from '@ebp/service-desk-api';
import { seedServiceDeskDemo } from './demo/service-desk.demo';

/** The service desk as every host sees it (rules: docs/rules/service-desk.md). */
export const serviceDesk: BoundedContext = {
  name: SERVICE_DESK_CONTEXT,
  title: 'Service desk',
  commands: ServiceDeskApiModule,
  queries: ServiceDeskQueryModule,
  projections: serviceDeskProjections,
  reactors: serviceDeskReactors,
  integration: toPublishedEvent,
  // HR is upstream of the staff directory (docs/rules/hr-attendance.md, "HR and the service desk").
  consumes: [hrEmployeeDirectoryReactor],
  asyncapi: ['docs/asyncapi/service-desk.yaml'],
  demo: seedServiceDeskDemo,
};
