import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { instantMs, optionalText, requireBoolean, requireInstant, requireOneOf, requireText } from '@ebp/shared-kernel';
import type {
  FlagTicketMajor,
  RecordRepeatContact,
  RegisterTicket,
  ResolveTicket,
  SubmitLiaisonForm,
  TicketCommand,
  TransferCandidate,
  TransferTicket,
  UpholdComplaint,
} from './ticket.commands';
import {
  COMPLAINT_SEVERITIES,
  TICKET_CHANNELS,
  TICKET_KINDS,
  type LiaisonFormSubmitted,
  type RepeatContactRecorded,
  type TicketChannel,
  type TicketEscalatedToGeneralManager,
  type TicketEvent,
  type TicketKind,
  type TicketRegistered,
  type TicketResolved,
  type TicketTransferred,
} from './ticket.events';

export type TicketStatus = 'open' | 'resolved';

export interface Ticket {
  status: TicketStatus;
  ticketId: string;
  channel: TicketChannel;
  kind: TicketKind;
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
  generalManagerId: string | null;
  escalatedAt: string | null;
  transfers: number;
  repeatContacts: number;
  lastContactAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
  /** Null while open. */
  atFirstContact: boolean | null;
  liaisonFormPending: boolean;
  emergency: boolean;
  /** Staff members a complaint on this ticket was upheld against. */
  upheldAgainst: string[];
}

export type TicketState = { status: 'none' } | Ticket;

export const initialTicketState = (): TicketState => ({ status: 'none' });

function notBefore(later: string, earlier: string, field: string, what: string, rule: string): void {
  if (instantMs(later) < instantMs(earlier)) {
    throw new DomainError(rule, `${field} ${later} is before ${what} ${earlier}`, 'invalid', field);
  }
}

/** The ticket a command addresses, or a not-found refusal naming the command's rule. */
function existing(state: TicketState, ticketId: string, rule: string): Ticket {
  if (state.status === 'none' || state.ticketId !== ticketId) {
    throw new DomainError(rule, `ticket ${ticketId} does not exist`, 'not-found', 'ticketId');
  }
  return state;
}

function register(command: RegisterTicket, state: TicketState): TicketEvent[] {
  const d = command.data;
  const now = command.metadata.now;
  const ticketId = requireText(d.ticketId, 'ticketId', 'SD-1');
  if (state.status !== 'none') {
    throw new DomainError('SD-1', `ticket ${ticketId} is already registered`, 'conflict', 'ticketId');
  }
  const receivedAt = requireInstant(d.receivedAt ?? now, 'receivedAt', 'SD-1');
  notBefore(now, receivedAt, 'receivedAt', 'now', 'SD-1');
  const major = requireBoolean(d.major ?? false, 'major', 'SD-4');
  const ownerId = requireText(d.ownerId, 'ownerId', 'SD-1');
  const registered: TicketRegistered = {
    type: 'TicketRegistered',
    data: {
      ticketId,
      channel: requireOneOf(d.channel, TICKET_CHANNELS, 'channel', 'SD-1'),
      kind: requireOneOf(d.kind, TICKET_KINDS, 'kind', 'SD-1'),
      customerId: requireText(d.customerId, 'customerId', 'SD-1'),
      projectId: optionalText(d.projectId, 'projectId', 'SD-1'),
      description: requireText(d.description, 'description', 'SD-1'),
      receivedAt,
      registeredAt: now,
      ownerId,
      ownerDepartment: requireText(d.ownerDepartment, 'ownerDepartment', 'SD-1'),
      major,
    },
  };
  if (!major) return [registered];
  const escalated: TicketEscalatedToGeneralManager = {
    type: 'TicketEscalatedToGeneralManager',
    data: {
      ticketId,
      generalManagerId: requireText(d.generalManagerId, 'generalManagerId', 'SD-4'),
      escalatedBy: ownerId,
      escalatedAt: now,
      reason: null,
    },
  };
  return [registered, escalated];
}

function flagMajor(command: FlagTicketMajor, state: TicketState): TicketEvent[] {
  const d = command.data;
  const ticket = existing(state, d.ticketId, 'SD-4');
  if (ticket.status === 'resolved') {
    throw new DomainError('SD-4', `ticket ${ticket.ticketId} is resolved and cannot be flagged major`, 'conflict');
  }
  if (ticket.major) throw new DomainError('SD-4', `ticket ${ticket.ticketId} is already major`, 'conflict');
  const escalated: TicketEscalatedToGeneralManager = {
    type: 'TicketEscalatedToGeneralManager',
    data: {
      ticketId: ticket.ticketId,
      generalManagerId: requireText(d.generalManagerId, 'generalManagerId', 'SD-4'),
      escalatedBy: requireText(d.flaggedBy, 'flaggedBy', 'SD-4'),
      escalatedAt: command.metadata.now,
      reason: optionalText(d.reason, 'reason', 'SD-4'),
    },
  };
  return [escalated];
}

const available = (candidate: TransferCandidate | null | undefined): string | null => {
  const staffId = candidate ? optionalText(candidate.staffId, 'staffId', 'SD-3') : null;
  return staffId !== null && candidate?.absent !== true ? staffId : null;
};

function transfer(command: TransferTicket, state: TicketState): TicketEvent[] {
  const d = command.data;
  const ticket = existing(state, d.ticketId, 'SD-3');
  if (ticket.status === 'resolved') {
    throw new DomainError('SD-3', `ticket ${ticket.ticketId} is resolved and cannot be transferred`, 'conflict');
  }
  const reason = requireText(d.reason, 'reason', 'SD-3');
  const toDepartment = requireText(d.targetDepartment, 'targetDepartment', 'SD-3');
  const transferredBy = requireText(d.transferredBy, 'transferredBy', 'SD-3');
  const manager = available(d.responsibleManager);
  const alternate = manager === null ? available(d.alternate) : null;
  const toHandlerId = manager ?? alternate;
  if (toHandlerId === null) {
    throw new DomainError(
      'SD-3',
      `the responsible manager of ${toDepartment} is absent or unknown and no available colleague in charge was named`,
      'rule',
      'alternate',
    );
  }
  if (toHandlerId === ticket.handlerId) {
    throw new DomainError('SD-3', `ticket ${ticket.ticketId} is already handled by ${toHandlerId}`, 'conflict', 'targetDepartment');
  }
  const transferred: TicketTransferred = {
    type: 'TicketTransferred',
    data: {
      ticketId: ticket.ticketId,
      ownerId: ticket.ownerId,
      fromHandlerId: ticket.handlerId,
      fromDepartment: ticket.handlingDepartment,
      toHandlerId,
      toDepartment,
      reason,
      transferredBy,
      transferredAt: command.metadata.now,
      viaAlternate: manager === null,
      transferCount: ticket.transfers + 1,
    },
  };
  return [transferred];
}

function repeatContact(command: RecordRepeatContact, state: TicketState): TicketEvent[] {
  const d = command.data;
  const ticket = existing(state, d.ticketId, 'SD-7');
  if (ticket.status === 'resolved') {
    throw new DomainError(
      'SD-7',
      `ticket ${ticket.ticketId} is already resolved; register the new contact as a new ticket (SD-1)`,
      'conflict',
    );
  }
  const now = command.metadata.now;
  const contactedAt = requireInstant(d.contactedAt ?? now, 'contactedAt', 'SD-7');
  notBefore(contactedAt, ticket.receivedAt, 'contactedAt', 'the first contact', 'SD-7');
  notBefore(now, contactedAt, 'contactedAt', 'now', 'SD-7');
  const recorded: RepeatContactRecorded = {
    type: 'RepeatContactRecorded',
    data: {
      ticketId: ticket.ticketId,
      channel: requireOneOf(d.channel, TICKET_CHANNELS, 'channel', 'SD-7'),
      contactedAt,
      note: optionalText(d.note, 'note', 'SD-7'),
      recordedBy: requireText(d.recordedBy, 'recordedBy', 'SD-7'),
      recordedAt: now,
      repeatContactCount: ticket.repeatContacts + 1,
    },
  };
  return [recorded];
}

function resolve(command: ResolveTicket, state: TicketState): TicketEvent[] {
  const d = command.data;
  const ticket = existing(state, d.ticketId, 'SD-2');
  if (ticket.status === 'resolved') {
    throw new DomainError('SD-2', `ticket ${ticket.ticketId} is already resolved`, 'conflict');
  }
  const now = command.metadata.now;
  const resolvedBy = requireText(d.resolvedBy, 'resolvedBy', 'SD-2');
  const resolvedAt = requireInstant(d.resolvedAt ?? now, 'resolvedAt', 'SD-2');
  notBefore(resolvedAt, ticket.receivedAt, 'resolvedAt', 'receivedAt', 'SD-2');
  notBefore(now, resolvedAt, 'resolvedAt', 'now', 'SD-2');
  const resolved: TicketResolved = {
    type: 'TicketResolved',
    data: {
      ticketId: ticket.ticketId,
      customerId: ticket.customerId,
      kind: ticket.kind,
      major: ticket.major,
      ownerId: ticket.ownerId,
      handlerId: ticket.handlerId,
      handlingDepartment: ticket.handlingDepartment,
      receivedAt: ticket.receivedAt,
      resolvedBy,
      resolution: requireText(d.resolution, 'resolution', 'SD-2'),
      resolvedAt,
      // SD-2 "same contact": the owner closed it, never transferred, and the customer never had to call again.
      atFirstContact: resolvedBy === ticket.ownerId && ticket.transfers === 0 && ticket.repeatContacts === 0,
      liaisonFormPending: !requireBoolean(d.liaisonFormFiled ?? true, 'liaisonFormFiled', 'SD-5'),
      emergency: requireBoolean(d.emergency ?? false, 'emergency', 'SD-5'),
      transferCount: ticket.transfers,
      repeatContactCount: ticket.repeatContacts,
    },
  };
  return [resolved];
}

function submitLiaisonForm(command: SubmitLiaisonForm, state: TicketState): TicketEvent[] {
  const d = command.data;
  const ticket = existing(state, d.ticketId, 'SD-5');
  if (ticket.status !== 'resolved' || !ticket.liaisonFormPending) {
    throw new DomainError('SD-5', `ticket ${ticket.ticketId} has no liaison form pending`, 'conflict');
  }
  const submitted: LiaisonFormSubmitted = {
    type: 'LiaisonFormSubmitted',
    data: {
      ticketId: ticket.ticketId,
      submittedBy: requireText(d.submittedBy, 'submittedBy', 'SD-5'),
      submittedAt: command.metadata.now,
      formReference: optionalText(d.formReference, 'formReference', 'SD-5'),
    },
  };
  return [submitted];
}

// Complaint fines are HR's rule (HR-4); the service desk records the upheld complaint it rests on.
function upholdComplaint(command: UpholdComplaint, state: TicketState): TicketEvent[] {
  const d = command.data;
  const ticket = existing(state, d.ticketId, 'HR-4');
  if (ticket.kind !== 'complaint') {
    throw new DomainError('HR-4', `ticket ${ticket.ticketId} is a ${ticket.kind}, not a complaint`, 'rule', 'ticketId');
  }
  const staffId = requireText(d.staffId, 'staffId', 'HR-4');
  if (ticket.upheldAgainst.includes(staffId)) {
    throw new DomainError('HR-4', `the complaint on ticket ${ticket.ticketId} is already upheld against ${staffId}`, 'conflict', 'staffId');
  }
  return [
    {
      type: 'ComplaintUpheld',
      data: {
        ticketId: ticket.ticketId,
        customerId: ticket.customerId,
        staffId,
        severity: requireOneOf(d.severity, COMPLAINT_SEVERITIES, 'severity', 'HR-4'),
        finding: requireText(d.finding, 'finding', 'HR-4'),
        upheldBy: requireText(d.upheldBy, 'upheldBy', 'HR-4'),
        upheldAt: command.metadata.now,
      },
    },
  ];
}

export function decideTicket(command: TicketCommand, state: TicketState): TicketEvent[] {
  switch (command.type) {
    case 'RegisterTicket':
      return register(command, state);
    case 'FlagTicketMajor':
      return flagMajor(command, state);
    case 'TransferTicket':
      return transfer(command, state);
    case 'RecordRepeatContact':
      return repeatContact(command, state);
    case 'ResolveTicket':
      return resolve(command, state);
    case 'SubmitLiaisonForm':
      return submitLiaisonForm(command, state);
    case 'UpholdComplaint':
      return upholdComplaint(command, state);
    default:
      return assertNever(command);
  }
}

export function evolveTicket(state: TicketState, event: TicketEvent): TicketState {
  if (event.type === 'TicketRegistered') {
    const d = event.data;
    return {
      status: 'open',
      ticketId: d.ticketId,
      channel: d.channel,
      kind: d.kind,
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
      generalManagerId: null,
      escalatedAt: null,
      transfers: 0,
      repeatContacts: 0,
      lastContactAt: d.receivedAt,
      resolvedAt: null,
      resolvedBy: null,
      resolution: null,
      atFirstContact: null,
      liaisonFormPending: false,
      emergency: false,
      upheldAgainst: [],
    };
  }
  // Events only follow a registration; anything else on an empty stream is ignored.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'TicketEscalatedToGeneralManager':
      return { ...state, major: true, generalManagerId: event.data.generalManagerId, escalatedAt: event.data.escalatedAt };
    case 'TicketTransferred':
      return {
        ...state,
        handlerId: event.data.toHandlerId,
        handlingDepartment: event.data.toDepartment,
        transfers: event.data.transferCount,
      };
    case 'RepeatContactRecorded':
      return {
        ...state,
        repeatContacts: event.data.repeatContactCount,
        // A back-dated contact must not move the latest contact backwards.
        lastContactAt: instantMs(event.data.contactedAt) > instantMs(state.lastContactAt) ? event.data.contactedAt : state.lastContactAt,
      };
    case 'TicketResolved':
      return {
        ...state,
        status: 'resolved',
        resolvedAt: event.data.resolvedAt,
        resolvedBy: event.data.resolvedBy,
        resolution: event.data.resolution,
        atFirstContact: event.data.atFirstContact,
        liaisonFormPending: event.data.liaisonFormPending,
        emergency: event.data.emergency,
      };
    case 'LiaisonFormSubmitted':
      return { ...state, liaisonFormPending: false };
    case 'ComplaintUpheld':
      return { ...state, upheldAgainst: [...state.upheldAgainst, event.data.staffId] };
    default:
      return assertNever(event);
  }
}

export const ticketDecider: Decider<TicketState, TicketCommand, TicketEvent> = {
  initialState: initialTicketState,
  decide: decideTicket,
  evolve: evolveTicket,
};
