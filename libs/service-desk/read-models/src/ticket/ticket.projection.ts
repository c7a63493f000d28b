import { assertNever, type Projection, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { ticketStreams, type TicketChannel, type TicketEvent, type TicketKind } from '@ebp/service-desk-domain';

export const TICKETS_COLLECTION = 'sd_tickets';

export interface TicketHistoryEntry {
  revision: number;
  position: number;
  type: TicketEvent['type'];
  at: string;
  actorId: string;
  summary: string;
}

/** One document per ticket: the list, detail, "my tickets" and GM views all read it. */
export interface TicketView {
  ticketId: string;
  status: 'open' | 'resolved';
  kind: TicketKind;
  channel: TicketChannel;
  customerId: string;
  projectId: string | null;
  description: string;
  receivedAt: string;
  registeredAt: string;
  ownerId: string;
  ownerDepartment: string;
  handlerId: string;
  handlingDepartment: string;
  major: boolean;
  escalatedToGeneralManagerAt: string | null;
  generalManagerId: string | null;
  transferCount: number;
  repeatContactCount: number;
  /** SD-7: the customer had to call again. */
  neededSecondCall: boolean;
  liaisonFormPending: boolean;
  atFirstContact: boolean | null;
  emergency: boolean;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
  /** HR-4: staff members a complaint on this ticket was upheld against, with severity. */
  upheldAgainst: { staffId: string; severity: string }[];
  revision: number;
  updatedAt: string;
  history: TicketHistoryEntry[];
}

export const ticketProjection: Projection<TicketView> = {
  name: 'service-desk-tickets',
  collection: TICKETS_COLLECTION,
  indexes: ['status', 'ownerId', 'kind', 'major', 'handlerId', 'customerId'],
  documentId: (event) =>
    ticketStreams.owns(event.metadata.streamId) ? (event.data as { ticketId: string }).ticketId : null,
  evolve: (doc, event) => evolveTicketView(doc, event as RecordedEvent<TicketEvent>),
};

function entry(event: RecordedEvent<TicketEvent>, summary: string): TicketHistoryEntry {
  return {
    revision: event.metadata.revision,
    position: event.metadata.position,
    type: event.type,
    at: event.metadata.occurredAt,
    actorId: event.metadata.actor.userId,
    summary,
  };
}

export function evolveTicketView(doc: TicketView | null, event: RecordedEvent<TicketEvent>): TicketView | null {
  const e = event as TicketEvent;
  if (e.type === 'TicketRegistered') {
    const d = e.data;
    return {
      ticketId: d.ticketId,
      status: 'open',
      kind: d.kind,
      channel: d.channel,
      customerId: d.customerId,
      projectId: d.projectId,
      description: d.description,
      receivedAt: d.receivedAt,
      registeredAt: d.registeredAt,
      ownerId: d.ownerId,
      ownerDepartment: d.ownerDepartment,
      handlerId: d.ownerId,
      handlingDepartment: d.ownerDepartment,
      major: d.major,
      escalatedToGeneralManagerAt: null,
      generalManagerId: null,
      transferCount: 0,
      repeatContactCount: 0,
      neededSecondCall: false,
      liaisonFormPending: false,
      atFirstContact: null,
      emergency: false,
      resolvedAt: null,
      resolvedBy: null,
      resolution: null,
      upheldAgainst: [],
      revision: event.metadata.revision,
      updatedAt: event.metadata.occurredAt,
      history: [entry(event, `registered ${d.kind} via ${d.channel}${d.major ? ' (major)' : ''}`)],
    };
  }
  if (!doc) return null;
  const base = { ...doc, revision: event.metadata.revision, updatedAt: event.metadata.occurredAt };
  switch (e.type) {
    case 'TicketEscalatedToGeneralManager':
      return {
        ...base,
        major: true,
        escalatedToGeneralManagerAt: e.data.escalatedAt,
        generalManagerId: e.data.generalManagerId,
        history: [...doc.history, entry(event, `escalated to general manager ${e.data.generalManagerId}`)],
      };
    case 'TicketTransferred':
      return {
        ...base,
        handlerId: e.data.toHandlerId,
        handlingDepartment: e.data.toDepartment,
        transferCount: e.data.transferCount,
        history: [
          ...doc.history,
          entry(event, `transferred to ${e.data.toHandlerId} (${e.data.toDepartment}): ${e.data.reason}`),
        ],
      };
    case 'RepeatContactRecorded':
      return {
        ...base,
        repeatContactCount: e.data.repeatContactCount,
        neededSecondCall: true,
        history: [...doc.history, entry(event, `customer contacted again via ${e.data.channel}`)],
      };
    case 'TicketResolved':
      return {
        ...base,
        status: 'resolved',
        resolvedAt: e.data.resolvedAt,
        resolvedBy: e.data.resolvedBy,
        resolution: e.data.resolution,
        atFirstContact: e.data.atFirstContact,
        liaisonFormPending: e.data.liaisonFormPending,
        emergency: e.data.emergency,
        history: [
          ...doc.history,
          entry(event, `resolved${e.data.atFirstContact ? ' at first contact' : ''}${e.data.liaisonFormPending ? ', liaison form pending' : ''}`),
        ],
      };
    case 'LiaisonFormSubmitted':
      return {
        ...base,
        liaisonFormPending: false,
        history: [...doc.history, entry(event, 'work liaison form submitted')],
      };
    case 'ComplaintUpheld':
      return {
        ...base,
        // Documents built before this field existed have none yet.
        upheldAgainst: [...(doc.upheldAgainst ?? []), { staffId: e.data.staffId, severity: e.data.severity }],
        history: [...doc.history, entry(event, `complaint upheld against ${e.data.staffId} (${e.data.severity})`)],
      };
    default:
      return assertNever(e);
  }
}
