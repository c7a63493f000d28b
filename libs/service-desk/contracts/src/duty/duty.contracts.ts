import { assertNever, streamCategory, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { SERVICE_DESK_SOURCE, serviceDeskEnvelope, type ServiceDeskIntegrationEventEnvelope } from '../shared/integration-envelope';

/**
 * SD-10 published language: a technical-service staff member submitted (or revised) a weekly
 * report (周报). Downstream reporting and HR use it for the Friday meeting and compliance.
 */
export interface WeeklyReportSubmittedV1Data {
  /** Staff id of the author (always the staff member the report is about). */
  staffId: string;
  /** ISO week, e.g. `2026-W10` (Asia/Shanghai). */
  week: string;
  /** 1 for the first submission; higher numbers are revisions of the same report. */
  version: number;
  /** When it was submitted, ISO-8601 with offset. */
  submittedAt: string;
  /** The deadline of the policy version in force on that week's Friday, ISO-8601 with offset. */
  deadline: string;
  /** Submitted after the deadline. Compliance counts the first version only. */
  late: boolean;
}

/**
 * SD-15 published language: a monitoring check on a statutory holiday found a problem on a
 * customer's site or website; the service desk opens a ticket for it (`ticketId`).
 */
export interface HolidayMonitoringProblemFoundV1Data {
  /** Check id. */
  checkId: string;
  /** Asia/Shanghai holiday date (YYYY-MM-DD) of the duty. */
  date: string;
  /** Customer id whose site was checked. */
  customerId: string;
  /** The site or website checked. */
  target: string;
  /** What was wrong. */
  description: string;
  /** Staff id of the customer-service employee on duty who found it. */
  checkedBy: string;
  /** When it was found, ISO-8601 with offset. */
  checkedAt: string;
  /** Id of the ticket the service desk registers for it (derived from this event's id). */
  ticketId: string;
}

/** `service-desk.weekly-report-submitted.v1`; the Kafka key is the weekly-report stream. */
export type WeeklyReportSubmittedV1 = ServiceDeskIntegrationEventEnvelope<'service-desk.weekly-report-submitted.v1', WeeklyReportSubmittedV1Data>;
/** `service-desk.holiday-monitoring-problem-found.v1`; the Kafka key is the year's duty-roster stream. */
export type HolidayMonitoringProblemFoundV1 = ServiceDeskIntegrationEventEnvelope<
  'service-desk.holiday-monitoring-problem-found.v1',
  HolidayMonitoringProblemFoundV1Data
>;

export type DutyIntegrationEvent = WeeklyReportSubmittedV1 | HolidayMonitoringProblemFoundV1;

export const DUTY_INTEGRATION_EVENT_TYPES: readonly DutyIntegrationEvent['type'][] = [
  'service-desk.weekly-report-submitted.v1',
  'service-desk.holiday-monitoring-problem-found.v1',
];

/** The domain events this mapping reads, as the contracts see them (contracts may not import the domain). */
export type DutySourceEvent =
  | { type: 'WeeklyReportSubmitted'; data: WeeklyReportSubmittedV1Data & { serviceSituation: string; customerFeedback: string } }
  | {
      type: 'MonitoringCheckLogged';
      data: Omit<HolidayMonitoringProblemFoundV1Data, 'ticketId' | 'description'> & { outcome: 'ok' | 'problem'; description: string | null };
    };

const weeklyReportStreams = streamCategory(SERVICE_DESK_SOURCE, 'weekly-report');
const dutyRosterStreams = streamCategory(SERVICE_DESK_SOURCE, 'duty-roster');

function sourceOf(event: RecordedEvent): DutySourceEvent | null {
  const stream = event.metadata.streamId;
  if (event.type === 'WeeklyReportSubmitted' && weeklyReportStreams.owns(stream)) return event as unknown as DutySourceEvent;
  if (event.type === 'MonitoringCheckLogged' && dutyRosterStreams.owns(stream)) return event as unknown as DutySourceEvent;
  return null;
}

/**
 * Maps a duty-area domain event to its integration event, or null (ok checks, roster changes,
 * other streams). The report text stays internal; only the compliance facts are published.
 */
export function toDutyIntegrationEvent(event: RecordedEvent): DutyIntegrationEvent | null {
  const source = sourceOf(event);
  if (!source) return null;
  switch (source.type) {
    case 'WeeklyReportSubmitted': {
      const d = source.data;
      return serviceDeskEnvelope('service-desk.weekly-report-submitted.v1', event, `${d.staffId}-${d.week}`, {
        staffId: d.staffId,
        week: d.week,
        version: d.version,
        submittedAt: d.submittedAt,
        deadline: d.deadline,
        late: d.late,
      });
    }
    case 'MonitoringCheckLogged': {
      const d = source.data;
      if (d.outcome !== 'problem') return null;
      return serviceDeskEnvelope('service-desk.holiday-monitoring-problem-found.v1', event, d.checkId, {
        checkId: d.checkId,
        date: d.date,
        customerId: d.customerId,
        target: d.target,
        description: d.description ?? '',
        checkedBy: d.checkedBy,
        checkedAt: d.checkedAt,
        // Same derivation as the domain's monitoring-problem reactor.
        ticketId: `duty-${event.metadata.eventId}`,
      });
    }
    default:
      return assertNever(source);
  }
}
