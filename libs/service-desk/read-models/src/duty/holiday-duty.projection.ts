import { assertNever, type Projection, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { dutyRosterStreams, monitoringProblemTicketId, type DutyRosterEvent, type MonitoringOutcome } from '@ebp/service-desk-domain';
import { statutoryHolidayOn } from '@ebp/shared-kernel';

export const HOLIDAY_DUTY_COLLECTION = 'sd_holiday_duty';

export interface DutyAssignmentView {
  staffId: string;
  assignedBy: string;
  assignedAt: string;
}

export interface MonitoringCheckView {
  checkId: string;
  customerId: string;
  target: string;
  outcome: MonitoringOutcome;
  description: string | null;
  checkedBy: string;
  checkedAt: string;
  /** SD-15: the ticket the problem opened (`duty-<event id>`), null when the check was ok. */
  ticketId: string | null;
}

/** SD-15: one document per holiday day that has a roster entry or a check. */
export interface HolidayDutyDayView {
  date: string;
  year: number;
  holiday: string;
  assigned: DutyAssignmentView[];
  checks: MonitoringCheckView[];
}

const DUTY_EVENTS: ReadonlySet<string> = new Set<DutyRosterEvent['type']>(['HolidayDutyAssigned', 'HolidayDutyRemoved', 'MonitoringCheckLogged']);

const emptyDay = (date: string, year: number): HolidayDutyDayView => ({
  date,
  year,
  holiday: statutoryHolidayOn(date)?.name ?? '',
  assigned: [],
  checks: [],
});

export function evolveHolidayDutyDay(doc: HolidayDutyDayView | null, event: RecordedEvent<DutyRosterEvent>): HolidayDutyDayView | null {
  const e = { type: event.type, data: event.data } as DutyRosterEvent;
  const day = doc ?? emptyDay(e.data.date, e.data.year);
  switch (e.type) {
    case 'HolidayDutyAssigned': {
      const { staffId, assignedBy, assignedAt, holiday } = e.data;
      return { ...day, holiday, assigned: [...day.assigned, { staffId, assignedBy, assignedAt }] };
    }
    case 'HolidayDutyRemoved':
      return { ...day, assigned: day.assigned.filter((a) => a.staffId !== e.data.staffId) };
    case 'MonitoringCheckLogged': {
      const d = e.data;
      const ticketId = d.outcome === 'problem' ? monitoringProblemTicketId(event.metadata.eventId) : null;
      const check: MonitoringCheckView = {
        checkId: d.checkId,
        customerId: d.customerId,
        target: d.target,
        outcome: d.outcome,
        description: d.description,
        checkedBy: d.checkedBy,
        checkedAt: d.checkedAt,
        ticketId,
      };
      return { ...day, checks: [...day.checks, check] };
    }
    default:
      return assertNever(e);
  }
}

export const holidayDutyProjection: Projection<HolidayDutyDayView> = {
  name: 'service-desk-holiday-duty',
  collection: HOLIDAY_DUTY_COLLECTION,
  indexes: ['date', 'year'],
  documentId: (event) =>
    dutyRosterStreams.owns(event.metadata.streamId) && DUTY_EVENTS.has(event.type) ? (event.data as { date: string }).date : null,
  evolve: (doc, event) => evolveHolidayDutyDay(doc, event as RecordedEvent<DutyRosterEvent>),
};
