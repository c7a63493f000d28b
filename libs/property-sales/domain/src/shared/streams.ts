import { streamCategory } from '@ebp/shared-eventsourcing';
import { PS_CONTEXT } from './context';

export const projectStreams = streamCategory(PS_CONTEXT, 'project');
export const agencyStreams = streamCategory(PS_CONTEXT, 'agency');
export const unitStreams = streamCategory(PS_CONTEXT, 'unit');
export const customerStreams = streamCategory(PS_CONTEXT, 'customer');
export const signingListStreams = streamCategory(PS_CONTEXT, 'signing-list');
export const officeDayStreams = streamCategory(PS_CONTEXT, 'office-day');

/** A project with its buildings, e.g. `property-sales.project.lakeside`. */
export const projectStream = (projectId: string): string => projectStreams.of(projectId);
/** A sales agency and its people, e.g. `property-sales.agency.sunrise`. */
export const agencyStream = (agencyId: string): string => agencyStreams.of(agencyId);
/**
 * Everything about one unit — listing, price, reservation, price sheets, the subscription and the
 * signing — on one stream, so "one customer only" is the stream's expected revision:
 * `property-sales.unit.lakeside.b1.1203` (unit id = `<projectId>.<buildingId>.<number>`).
 */
export const unitStream = (unitId: string): string => unitStreams.of(unitId);
/** One stream per phone number (by its hash: the stream name carries no personal data). */
export const customerStream = (customerId: string): string => customerStreams.of(customerId);
/** An agency's list of the next day's signings, e.g. `property-sales.signing-list.lakeside.2026-03-03.sunrise`. */
export const signingListStream = (projectId: string, date: string, agencyId: string): string => signingListStreams.of(`${projectId}.${date}.${agencyId}`);
/** The sales office's day, e.g. `property-sales.office-day.lakeside.2026-03-02`. */
export const officeDayStream = (projectId: string, date: string): string => officeDayStreams.of(`${projectId}.${date}`);

/** Project, building and unit numbers: letters, digits, `_` and `-` (no dots: they separate a unit id's parts). */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

export const unitIdOf = (projectId: string, buildingId: string, number: string): string => `${projectId}.${buildingId}.${number}`;

/** `{ projectId, buildingId, number }` of a unit id, null when it is not one. */
export function unitIdParts(unitId: string): { projectId: string; buildingId: string; number: string } | null {
  const parts = unitId.split('.');
  if (parts.length !== 3 || !parts.every((p) => CODE_PATTERN.test(p))) return null;
  return { projectId: parts[0], buildingId: parts[1], number: parts[2] };
}
