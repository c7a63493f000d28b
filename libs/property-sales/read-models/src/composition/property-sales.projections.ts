import type { Projection } from '@ebp/shared-eventsourcing';
import { salesBoardProjection } from '../board';
import { psCustomersProjection } from '../customers/customers.projection';
import { psOfficeDaysProjection } from '../office-days/office-days.projection';
import { psAgenciesProjection, psAgencyMembersProjection, psProjectsProjection } from '../registry/registry.projection';
import { psSigningListsProjection } from '../signing-lists/signing-lists.projection';
import { psSubscriptionsProjection } from '../subscriptions/subscriptions.projection';
import { psUnitsProjection } from '../units/units.projection';

/** Every property-sales read model, for the embedded runner and the distributed projector alike. */
export const propertySalesProjections: Projection<object>[] = [
  psProjectsProjection,
  psAgenciesProjection,
  psAgencyMembersProjection,
  psUnitsProjection,
  salesBoardProjection,
  psSubscriptionsProjection,
  psCustomersProjection,
  psSigningListsProjection,
  psOfficeDaysProjection,
] as Projection<object>[];
