import { assertNever, type Projection, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { faultStreams, type FaultEvent, type FaultStatus } from '@ebp/service-desk-domain';

export const FAULTS_COLLECTION = 'sd_faults';

export interface FaultHistoryEntry {
  revision: number;
  type: FaultEvent['type'];
  at: string;
  actorId: string;
  summary: string;
}

export interface FaultAnalysisView {
  filedBy: string;
  filedAt: string;
  impact: string;
  handling: string;
  rootCause: string;
  correctiveMeasures: string;
  preventiveMeasures: string;
  deliveredTo: string[];
  late: boolean;
}

/** One document per major fault (SD-14): list, detail and progress history. */
export interface FaultView {
  faultId: string;
  status: FaultStatus;
  customerId: string;
  projectId: string | null;
  occurredAt: string;
  location: string;
  symptoms: string;
  contingencyPlan: string;
  reportedBy: string;
  reportedAt: string;
  managerInChargeId: string;
  businessSignerId: string | null;
  notified: string[];
  acknowledgedAt: string | null;
  escalatedAt: string | null;
  generalManagerId: string | null;
  progress: { at: string; by: string; note: string }[];
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** SD-14 Policy: last date the analysis report is due; null while unresolved. */
  analysisDueOn: string | null;
  analysis: FaultAnalysisView | null;
  closedAt: string | null;
  revision: number;
  updatedAt: string;
  history: FaultHistoryEntry[];
}

export const faultProjection: Projection<FaultView> = {
  name: 'service-desk-faults',
  collection: FAULTS_COLLECTION,
  indexes: ['status', 'customerId', 'managerInChargeId'],
  documentId: (event) =>
    faultStreams.owns(event.metadata.streamId) ? (event.data as { faultId: string }).faultId : null,
  evolve: (doc, event) => evolveFaultView(doc, event as RecordedEvent<FaultEvent>),
};

function entry(event: RecordedEvent<FaultEvent>, summary: string): FaultHistoryEntry {
  return { revision: event.metadata.revision, type: event.type, at: event.metadata.occurredAt, actorId: event.metadata.actor.userId, summary };
}

export function evolveFaultView(doc: FaultView | null, event: RecordedEvent<FaultEvent>): FaultView | null {
  const e = event as FaultEvent;
  if (e.type === 'FaultReported') {
    const d = e.data;
    return {
      faultId: d.faultId,
      status: 'reported',
      customerId: d.customerId,
      projectId: d.projectId,
      occurredAt: d.occurredAt,
      location: d.location,
      symptoms: d.symptoms,
      contingencyPlan: d.contingencyPlan,
      reportedBy: d.reportedBy,
      reportedAt: d.reportedAt,
      managerInChargeId: d.managerInChargeId,
      businessSignerId: d.businessSignerId,
      notified: d.notified,
      acknowledgedAt: null,
      escalatedAt: null,
      generalManagerId: null,
      progress: [],
      resolvedAt: null,
      resolvedBy: null,
      analysisDueOn: null,
      analysis: null,
      closedAt: null,
      revision: event.metadata.revision,
      updatedAt: event.metadata.occurredAt,
      history: [entry(event, `reported at ${d.location}; notified ${d.notified.join(', ')}`)],
    };
  }
  if (!doc) return null;
  const base = { ...doc, revision: event.metadata.revision, updatedAt: event.metadata.occurredAt };
  const log = (summary: string) => [...doc.history, entry(event, summary)];
  switch (e.type) {
    case 'FaultAcknowledged':
      return { ...base, status: 'acknowledged', acknowledgedAt: e.data.acknowledgedAt, history: log('acknowledged by the manager in charge') };
    case 'FaultEscalatedToLeadership':
      return {
        ...base,
        status: 'escalated',
        escalatedAt: e.data.escalatedAt,
        generalManagerId: e.data.generalManagerId,
        history: log(`top leadership informed (${e.data.generalManagerId})`),
      };
    case 'FaultProgressRecorded':
      return {
        ...base,
        progress: [...doc.progress, { at: e.data.recordedAt, by: e.data.recordedBy, note: e.data.note }],
        history: log(e.data.note),
      };
    case 'FaultResolved':
      return {
        ...base,
        status: 'resolved',
        resolvedAt: e.data.resolvedAt,
        resolvedBy: e.data.resolvedBy,
        analysisDueOn: e.data.analysisDueOn,
        history: log(`resolved; analysis due ${e.data.analysisDueOn}`),
      };
    case 'FaultAnalysisFiled': {
      const d = e.data;
      const analysis: FaultAnalysisView = {
        filedBy: d.filedBy,
        filedAt: d.filedAt,
        impact: d.impact,
        handling: d.handling,
        rootCause: d.rootCause,
        correctiveMeasures: d.correctiveMeasures,
        preventiveMeasures: d.preventiveMeasures,
        deliveredTo: d.deliveredTo,
        late: d.late,
      };
      return { ...base, status: 'analysed', analysis, history: log(`analysis filed, delivered to ${e.data.deliveredTo.join(', ')}`) };
    }
    case 'FaultClosed':
      return { ...base, status: 'closed', closedAt: e.data.closedAt, history: log('closed') };
    default:
      return assertNever(e);
  }
}
