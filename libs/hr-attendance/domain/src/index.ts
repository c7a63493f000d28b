import type { IntegrationReactor, Reactor } from '@ebp/shared-eventsourcing';
import { complaintFineReactor, shirkingConductReactor } from './integration/service-desk-facts.reactor';
import { adjustmentCarrierReactor } from './reactors/adjustment-carrier.reactor';

export * from './shared';
export * from './employee';
export * from './staff-month';
export * from './payroll';
export * from './reactors/adjustment-carrier.reactor';
export * from './integration/service-desk-facts.reactor';

/** HR's policies over its own events. */
export const hrAttendanceReactors: Reactor[] = [adjustmentCarrierReactor];
/** HR's policies over the service desk's published language (service-desk.integration.v1). */
export const hrAttendanceIntegrationReactors: IntegrationReactor[] = [complaintFineReactor, shirkingConductReactor];
