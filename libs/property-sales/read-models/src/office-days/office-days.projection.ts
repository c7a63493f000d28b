import { stateProjection } from '@ebp/shared-eventsourcing';
import { officeDayDecider, officeDayStreams, type OfficeDayEvent, type OfficeDayState } from '@ebp/property-sales-domain';

export const OFFICE_DAYS_COLLECTION = 'ps_office_days';

/** The document id of a project's office day: the stream id's tail, `<projectId>.<date>`. */
export const officeDayDocId = (projectId: string, date: string): string => `${projectId}.${date}`;

/**
 * PS-10: one document per project and day, the aggregate's state (duty agency, check-ins, handover,
 * inspections, day records, reconciliation); the checklist is computed as of the asking instant.
 */
export const psOfficeDaysProjection = stateProjection<OfficeDayState, OfficeDayEvent>({
  name: 'property-sales-office-days',
  collection: OFFICE_DAYS_COLLECTION,
  category: officeDayStreams,
  indexes: ['projectId', 'date'],
  initialState: officeDayDecider.initialState,
  evolve: officeDayDecider.evolve,
  exists: (state) => state.projectId !== null,
});
