import type { Projection, RecordedEvent } from '@ebp/shared-eventsourcing';
import { employeeStreams, staffMonthStreams, type ComplaintFineRecorded, type ConductRecorded, type EmployeeHired } from '@ebp/hr-attendance-domain';

export const EXTERNAL_FACTS_COLLECTION = 'hr_external_facts';

export type ExternalFactKind = 'complaint-fine' | 'conduct';

/** HR-4 / HR-7: a complaint fine or conduct record that arrived from the service desk. */
export interface ExternalFactView {
  /** The ComplaintFineRecorded / ConductRecorded event on the staff month. */
  eventId: string;
  kind: ExternalFactKind;
  staffId: string;
  month: string;
  /** The fine id or conduct record id. */
  factId: string;
  ticketId: string | null;
  /** SD-6 shirking finding id (conduct records). */
  findingId: string | null;
  /** The service desk's integration event. */
  integrationEventId: string | null;
  /** Fine amount, or the conduct penalty (null when none). */
  amountFen: number | null;
  description: string;
  /** When it was upheld / happened. */
  occurredAt: string;
  recordedAt: string;
}

/**
 * One document per staff id the service desk reported facts about, and per employment record:
 * `hasEmploymentRecord` is a scalar the store can query, so the facts about staff ids HR has no
 * record of (kept, never dropped) are found without reading anyone else's.
 */
export interface ExternalFactsDoc {
  staffId: string;
  hasEmploymentRecord: boolean;
  factCount: number;
  facts: ExternalFactView[];
}

type FactEvent = ComplaintFineRecorded | ConductRecorded;

const isServiceDeskFact = (event: RecordedEvent): boolean =>
  (event.type === 'ComplaintFineRecorded' || event.type === 'ConductRecorded') &&
  staffMonthStreams.owns(event.metadata.streamId) &&
  (event.data as FactEvent['data']).source === 'service-desk';

function factOf(recorded: RecordedEvent): ExternalFactView {
  const event = recorded as unknown as FactEvent;
  const common = { eventId: recorded.metadata.eventId, staffId: event.data.staffId, month: event.data.month, integrationEventId: event.data.integrationEventId, recordedAt: event.data.recordedAt };
  if (event.type === 'ComplaintFineRecorded') {
    const d = event.data;
    return { ...common, kind: 'complaint-fine', factId: d.fineId, ticketId: d.ticketId, findingId: null, amountFen: d.amountFen, description: `${d.severity}: ${d.finding}`, occurredAt: d.upheldAt };
  }
  const d = event.data;
  return { ...common, kind: 'conduct', factId: d.recordId, ticketId: d.ticketId, findingId: d.findingId, amountFen: d.penaltyFen, description: d.description, occurredAt: d.occurredAt };
}

/** HR-4 / HR-7: the service desk's facts per staff id, and whether HR has an employment record for it. */
export const hrExternalFactsProjection: Projection<ExternalFactsDoc> = {
  name: 'hr-attendance-external-facts',
  collection: EXTERNAL_FACTS_COLLECTION,
  indexes: ['hasEmploymentRecord', 'staffId'],
  documentId(event) {
    if (event.type === 'EmployeeHired' && employeeStreams.owns(event.metadata.streamId)) return (event.data as EmployeeHired['data']).staffId;
    return isServiceDeskFact(event) ? (event.data as FactEvent['data']).staffId : null;
  },
  evolve(doc, event) {
    const current: ExternalFactsDoc = doc ?? { staffId: (event.data as { staffId: string }).staffId, hasEmploymentRecord: false, factCount: 0, facts: [] };
    if (event.type === 'EmployeeHired') return { ...current, hasEmploymentRecord: true };
    const fact = factOf(event);
    if (current.facts.some((f) => f.eventId === fact.eventId)) return current;
    const facts = [...current.facts, fact];
    return { ...current, facts, factCount: facts.length };
  },
};
