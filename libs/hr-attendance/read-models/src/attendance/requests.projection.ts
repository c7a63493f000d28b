import type { Projection, RecordedEvent } from '@ebp/shared-eventsourcing';
import {
  staffMonthStreams,
  type AttendanceCorrectionApproved,
  type AttendanceCorrectionRejected,
  type AttendanceCorrectionRequested,
  type CorrectionKind,
  type LeaveApproved,
  type LeaveKind,
  type LeaveRejected,
  type LeaveRequested,
} from '@ebp/hr-attendance-domain';

export const LEAVE_REQUESTS_COLLECTION = 'hr_leave_requests';
export const CORRECTIONS_COLLECTION = 'hr_attendance_corrections';

export type RequestStatus = 'requested' | 'approved' | 'rejected';
export const REQUEST_STATUSES: readonly RequestStatus[] = ['requested', 'approved', 'rejected'];

/** HR-2: one leave request, queryable by its scalar status, staff id and month. */
export interface LeaveRequestView {
  requestId: string;
  staffId: string;
  month: string;
  from: string;
  to: string;
  workingDays: string[];
  kind: LeaveKind;
  reason: string;
  status: RequestStatus;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  eventIds: string[];
}

/** HR-2: one attendance correction request. */
export interface CorrectionView {
  correctionId: string;
  staffId: string;
  month: string;
  date: string;
  kind: CorrectionKind;
  reason: string;
  requestedBy: string;
  status: RequestStatus;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** What the approval took away on that day (a late, an absence). */
  cleared: ('late' | 'absence')[];
  eventIds: string[];
}

type LeaveEvent = LeaveRequested | LeaveApproved | LeaveRejected;
type CorrectionEvent = AttendanceCorrectionRequested | AttendanceCorrectionApproved | AttendanceCorrectionRejected;

const LEAVE_TYPES = new Set(['LeaveRequested', 'LeaveApproved', 'LeaveRejected']);
const CORRECTION_TYPES = new Set(['AttendanceCorrectionRequested', 'AttendanceCorrectionApproved', 'AttendanceCorrectionRejected']);

const onStaffMonth = (event: RecordedEvent, types: Set<string>): boolean => types.has(event.type) && staffMonthStreams.owns(event.metadata.streamId);

/** HR-2 leave requests by status (the manager's queue of requests to decide). */
export const hrLeaveRequestsProjection: Projection<LeaveRequestView> = {
  name: 'hr-attendance-leave-requests',
  collection: LEAVE_REQUESTS_COLLECTION,
  indexes: ['status', 'staffId', 'month', 'requestedAt'],
  documentId: (event) => (onStaffMonth(event, LEAVE_TYPES) ? (event.data as LeaveEvent['data']).requestId : null),
  evolve(doc, recorded) {
    const event = recorded as unknown as LeaveEvent;
    const eventId = recorded.metadata.eventId;
    switch (event.type) {
      case 'LeaveRequested': {
        const d = event.data;
        return {
          requestId: d.requestId,
          staffId: d.staffId,
          month: d.month,
          from: d.from,
          to: d.to,
          workingDays: d.workingDays,
          kind: d.kind,
          reason: d.reason,
          status: 'requested',
          requestedAt: d.requestedAt,
          decidedBy: null,
          decidedAt: null,
          decisionReason: null,
          eventIds: [eventId],
        };
      }
      case 'LeaveApproved':
        return doc && { ...doc, status: 'approved', decidedBy: event.data.approvedBy, decidedAt: event.data.approvedAt, eventIds: [...doc.eventIds, eventId] };
      case 'LeaveRejected':
        return (
          doc && {
            ...doc,
            status: 'rejected',
            decidedBy: event.data.rejectedBy,
            decidedAt: event.data.rejectedAt,
            decisionReason: event.data.reason,
            eventIds: [...doc.eventIds, eventId],
          }
        );
      default:
        return doc;
    }
  },
};

/** HR-2 attendance corrections by status. */
export const hrCorrectionsProjection: Projection<CorrectionView> = {
  name: 'hr-attendance-corrections',
  collection: CORRECTIONS_COLLECTION,
  indexes: ['status', 'staffId', 'month', 'requestedAt'],
  documentId: (event) => (onStaffMonth(event, CORRECTION_TYPES) ? (event.data as CorrectionEvent['data']).correctionId : null),
  evolve(doc, recorded) {
    const event = recorded as unknown as CorrectionEvent;
    const eventId = recorded.metadata.eventId;
    switch (event.type) {
      case 'AttendanceCorrectionRequested': {
        const d = event.data;
        return {
          correctionId: d.correctionId,
          staffId: d.staffId,
          month: d.month,
          date: d.date,
          kind: d.kind,
          reason: d.reason,
          requestedBy: d.requestedBy,
          status: 'requested',
          requestedAt: d.requestedAt,
          decidedBy: null,
          decidedAt: null,
          decisionReason: null,
          cleared: [],
          eventIds: [eventId],
        };
      }
      case 'AttendanceCorrectionApproved':
        return (
          doc && {
            ...doc,
            status: 'approved',
            decidedBy: event.data.approvedBy,
            decidedAt: event.data.approvedAt,
            cleared: event.data.cleared,
            eventIds: [...doc.eventIds, eventId],
          }
        );
      case 'AttendanceCorrectionRejected':
        return (
          doc && {
            ...doc,
            status: 'rejected',
            decidedBy: event.data.rejectedBy,
            decidedAt: event.data.rejectedAt,
            decisionReason: event.data.reason,
            eventIds: [...doc.eventIds, eventId],
          }
        );
      default:
        return doc;
    }
  },
};
