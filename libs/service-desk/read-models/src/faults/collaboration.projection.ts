import { assertNever, type Projection, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { collaborationStreams, type CollaborationEvent } from '@ebp/service-desk-domain';

export const COLLABORATIONS_COLLECTION = 'sd_collaborations';

export interface DisputeView {
  disputeId: string;
  raisedBy: string;
  raisedAt: string;
  description: string;
  opinions: { department: string; submittedBy: string; submittedAt: string; opinion: string }[];
  ruling: { ruledBy: string; ruledAt: string; ruling: string } | null;
}

/** SD-13: one document per cross-department collaboration case, with its disputes and rulings. */
export interface CollaborationView {
  collaborationId: string;
  status: 'open' | 'completed';
  subject: string;
  openedBy: string;
  openedAt: string;
  requestingDepartment: string;
  cooperatingDepartments: string[];
  supervisingDepartment: string;
  disputes: DisputeView[];
  /** A dispute awaits the Office's ruling; completion is refused meanwhile. */
  blocked: boolean;
  completion: { completedBy: string; completedAt: string; summary: string } | null;
  revision: number;
  updatedAt: string;
}

export const collaborationProjection: Projection<CollaborationView> = {
  name: 'service-desk-collaborations',
  collection: COLLABORATIONS_COLLECTION,
  indexes: ['status', 'requestingDepartment'],
  documentId: (event) =>
    collaborationStreams.owns(event.metadata.streamId) ? (event.data as { collaborationId: string }).collaborationId : null,
  evolve: (doc, event) => evolveCollaborationView(doc, event as RecordedEvent<CollaborationEvent>),
};

function withDisputes(disputes: DisputeView[]): Pick<CollaborationView, 'disputes' | 'blocked'> {
  return { disputes, blocked: disputes.some((d) => d.ruling === null) };
}

export function evolveCollaborationView(doc: CollaborationView | null, event: RecordedEvent<CollaborationEvent>): CollaborationView | null {
  const e = event as CollaborationEvent;
  if (e.type === 'CollaborationOpened') {
    const d = e.data;
    return {
      collaborationId: d.collaborationId,
      status: 'open',
      subject: d.subject,
      openedBy: d.openedBy,
      openedAt: d.openedAt,
      requestingDepartment: d.requestingDepartment,
      cooperatingDepartments: d.cooperatingDepartments,
      supervisingDepartment: d.supervisingDepartment,
      disputes: [],
      blocked: false,
      completion: null,
      revision: event.metadata.revision,
      updatedAt: event.metadata.occurredAt,
    };
  }
  if (!doc) return null;
  const base = { ...doc, revision: event.metadata.revision, updatedAt: event.metadata.occurredAt };
  const change = (disputeId: string, f: (d: DisputeView) => DisputeView) =>
    withDisputes(doc.disputes.map((d) => (d.disputeId === disputeId ? f(d) : d)));
  switch (e.type) {
    case 'DisputeRaised': {
      const d = e.data;
      const dispute: DisputeView = { disputeId: d.disputeId, raisedBy: d.raisedBy, raisedAt: d.raisedAt, description: d.description, opinions: [], ruling: null };
      return { ...base, ...withDisputes([...doc.disputes, dispute]) };
    }
    case 'DepartmentOpinionSubmitted': {
      const { department, submittedBy, submittedAt, opinion } = e.data;
      return { ...base, ...change(e.data.disputeId, (d) => ({ ...d, opinions: [...d.opinions, { department, submittedBy, submittedAt, opinion }] })) };
    }
    case 'DisputeRuled': {
      const { ruledBy, ruledAt, ruling } = e.data;
      return { ...base, ...change(e.data.disputeId, (d) => ({ ...d, ruling: { ruledBy, ruledAt, ruling } })) };
    }
    case 'CollaborationCompleted': {
      const { completedBy, completedAt, summary } = e.data;
      return { ...base, status: 'completed', completion: { completedBy, completedAt, summary } };
    }
    default:
      return assertNever(e);
  }
}
