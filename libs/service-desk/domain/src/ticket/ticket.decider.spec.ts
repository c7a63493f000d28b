import { fold } from '@ebp/shared-eventsourcing';
import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type {
  FlagTicketMajor,
  RecordRepeatContact,
  RegisterTicket,
  ResolveTicket,
  SubmitLiaisonForm,
  TransferTicket,
  UpholdComplaint,
} from './ticket.commands';
import { decideTicket, ticketDecider } from './ticket.decider';
import type {
  LiaisonFormSubmitted,
  RepeatContactRecorded,
  TicketEscalatedToGeneralManager,
  TicketRegistered,
  TicketResolved,
  TicketTransferred,
} from './ticket.events';

const spec = DeciderSpecification.for(ticketDecider);

const T0 = '2026-03-02T09:00:00+08:00';
const T1 = '2026-03-02T10:00:00+08:00';
const T2 = '2026-03-02T11:00:00+08:00';
const T3 = '2026-03-02T12:00:00+08:00';
const at = (now: string) => ({ now });

const register = (data: Partial<RegisterTicket['data']> = {}, now = T0): RegisterTicket => ({
  type: 'RegisterTicket',
  data: {
    ticketId: 't-1',
    channel: 'hotline',
    kind: 'service-request',
    customerId: 'c-1',
    projectId: 'p-1',
    description: 'Printer offline at the front desk',
    receivedAt: T0,
    ownerId: 'alice',
    ownerDepartment: 'customer-service',
    ...data,
  },
  metadata: at(now),
});

const registered = (data: Partial<TicketRegistered['data']> = {}): TicketRegistered => ({
  type: 'TicketRegistered',
  data: {
    ticketId: 't-1',
    channel: 'hotline',
    kind: 'service-request',
    customerId: 'c-1',
    projectId: 'p-1',
    description: 'Printer offline at the front desk',
    receivedAt: T0,
    registeredAt: T0,
    ownerId: 'alice',
    ownerDepartment: 'customer-service',
    major: false,
    ...data,
  },
});

const escalated = (data: Partial<TicketEscalatedToGeneralManager['data']> = {}): TicketEscalatedToGeneralManager => ({
  type: 'TicketEscalatedToGeneralManager',
  data: { ticketId: 't-1', generalManagerId: 'gm', escalatedBy: 'alice', escalatedAt: T0, reason: null, ...data },
});

const transfer = (data: Partial<TransferTicket['data']> = {}, now = T1): TransferTicket => ({
  type: 'TransferTicket',
  data: {
    ticketId: 't-1',
    transferredBy: 'alice',
    reason: 'hardware fault: technical service',
    targetDepartment: 'technical-service',
    responsibleManager: { staffId: 'bob', absent: false },
    alternate: { staffId: 'carol', absent: false },
    ...data,
  },
  metadata: at(now),
});

const transferred = (data: Partial<TicketTransferred['data']> = {}): TicketTransferred => ({
  type: 'TicketTransferred',
  data: {
    ticketId: 't-1',
    ownerId: 'alice',
    fromHandlerId: 'alice',
    fromDepartment: 'customer-service',
    toHandlerId: 'bob',
    toDepartment: 'technical-service',
    reason: 'hardware fault: technical service',
    transferredBy: 'alice',
    transferredAt: T1,
    viaAlternate: false,
    transferCount: 1,
    ...data,
  },
});

const resolve = (data: Partial<ResolveTicket['data']> = {}, now = T2): ResolveTicket => ({
  type: 'ResolveTicket',
  data: { ticketId: 't-1', resolvedBy: 'alice', resolution: 'Restarted the print spooler', ...data },
  metadata: at(now),
});

const resolved = (data: Partial<TicketResolved['data']> = {}): TicketResolved => ({
  type: 'TicketResolved',
  data: {
    ticketId: 't-1',
    customerId: 'c-1',
    kind: 'service-request',
    major: false,
    ownerId: 'alice',
    handlerId: 'alice',
    handlingDepartment: 'customer-service',
    receivedAt: T0,
    resolvedBy: 'alice',
    resolution: 'Restarted the print spooler',
    resolvedAt: T2,
    atFirstContact: true,
    liaisonFormPending: false,
    emergency: false,
    transferCount: 0,
    repeatContactCount: 0,
    ...data,
  },
});

const flagMajor = (data: Partial<FlagTicketMajor['data']> = {}, now = T1): FlagTicketMajor => ({
  type: 'FlagTicketMajor',
  data: { ticketId: 't-1', flaggedBy: 'alice', reason: 'whole site down', generalManagerId: 'gm', ...data },
  metadata: at(now),
});

const repeat = (data: Partial<RecordRepeatContact['data']> = {}, now = T1): RecordRepeatContact => ({
  type: 'RecordRepeatContact',
  data: { ticketId: 't-1', channel: 'email', contactedAt: T1, note: 'still offline', recordedBy: 'dave', ...data },
  metadata: at(now),
});

const repeated = (data: Partial<RepeatContactRecorded['data']> = {}): RepeatContactRecorded => ({
  type: 'RepeatContactRecorded',
  data: {
    ticketId: 't-1',
    channel: 'email',
    contactedAt: T1,
    note: 'still offline',
    recordedBy: 'dave',
    recordedAt: T1,
    repeatContactCount: 1,
    ...data,
  },
});

const submitForm = (data: Partial<SubmitLiaisonForm['data']> = {}, now = T3): SubmitLiaisonForm => ({
  type: 'SubmitLiaisonForm',
  data: { ticketId: 't-1', submittedBy: 'bob', formReference: 'LF-2026-031', ...data },
  metadata: at(now),
});

describe('ticket decider', () => {
  describe('registration', () => {
    it('SD-1 registers a customer contact as a ticket owned by the registering staff member', () => {
      const state = spec.given([]).when(register()).then([registered()]);
      expect(state).toMatchObject({ status: 'open', ownerId: 'alice', handlerId: 'alice', handlingDepartment: 'customer-service' });
    });

    it.each(['hotline', 'email', 'letter', 'fax', 'on-site', 'web'] as const)('SD-1 accepts a contact by %s', (channel) => {
      spec.when(register({ channel })).then([registered({ channel })]);
    });

    it.each(['complaint', 'service-request', 'inquiry'] as const)('SD-1 accepts a ticket of kind %s', (kind) => {
      spec.when(register({ kind })).then([registered({ kind })]);
    });

    it('SD-1 registers without a project and defaults receivedAt to now', () => {
      spec
        .when(register({ projectId: undefined, receivedAt: undefined }, T1))
        .then([registered({ projectId: null, receivedAt: T1, registeredAt: T1 })]);
    });

    it('SD-1 trims the description', () => {
      spec.when(register({ description: '  No dial tone  ' })).then([registered({ description: 'No dial tone' })]);
    });

    it.each([
      ['description', { description: '   ' }],
      ['customerId', { customerId: '' }],
      ['ownerId', { ownerId: '' }],
      ['ownerDepartment', { ownerDepartment: '' }],
      ['ticketId', { ticketId: '' }],
    ] as const)('SD-1 refuses a ticket without %s', (field, data) => {
      const error = spec.when(register(data)).thenThrows('SD-1');
      expect(error).toMatchObject({ kind: 'invalid', field });
    });

    it('SD-1 refuses an unknown channel or kind', () => {
      const channel = { channel: 'pigeon' } as unknown as Partial<RegisterTicket['data']>;
      const kind = { kind: 'praise' } as unknown as Partial<RegisterTicket['data']>;
      expect(spec.when(register(channel)).thenThrows('SD-1')).toMatchObject({ kind: 'invalid', field: 'channel' });
      expect(spec.when(register(kind)).thenThrows('SD-1')).toMatchObject({ kind: 'invalid', field: 'kind' });
    });

    it('SD-1 refuses a receivedAt without offset or in the future', () => {
      expect(spec.when(register({ receivedAt: '2026-03-02 09:00' })).thenThrows('SD-1').field).toBe('receivedAt');
      expect(spec.when(register({ receivedAt: T1 }, T0)).thenThrows('SD-1').field).toBe('receivedAt');
    });

    it('SD-1 refuses registering the same ticket twice', () => {
      expect(spec.given([registered()]).when(register()).thenThrows('SD-1').kind).toBe('conflict');
    });
  });

  describe('major tickets', () => {
    it('SD-4 escalates a ticket registered as major to the general manager at once', () => {
      const state = spec
        .when(register({ major: true, generalManagerId: 'gm' }))
        .then([registered({ major: true }), escalated()]);
      expect(state).toMatchObject({ major: true, generalManagerId: 'gm', escalatedAt: T0 });
    });

    it('SD-4 refuses a major registration without the general manager', () => {
      const error = spec.when(register({ major: true })).thenThrows('SD-4');
      expect(error).toMatchObject({ kind: 'invalid', field: 'generalManagerId' });
    });

    it('SD-4 flags an open ticket major and escalates it', () => {
      const state = spec
        .given([registered()])
        .when(flagMajor())
        .then([escalated({ escalatedAt: T1, reason: 'whole site down' })]);
      expect(state).toMatchObject({ major: true, generalManagerId: 'gm' });
    });

    it('SD-4 refuses flagging a ticket that is already major', () => {
      expect(spec.given([registered({ major: true }), escalated()]).when(flagMajor()).thenThrows('SD-4').kind).toBe('conflict');
    });

    it('SD-4 refuses flagging a resolved ticket major', () => {
      expect(spec.given([registered(), resolved()]).when(flagMajor()).thenThrows('SD-4').kind).toBe('conflict');
    });

    it('SD-4 refuses flagging a ticket that does not exist', () => {
      expect(spec.when(flagMajor()).thenThrows('SD-4').kind).toBe('not-found');
    });

    it('SD-4 refuses flagging major without the general manager', () => {
      expect(spec.given([registered()]).when(flagMajor({ generalManagerId: ' ' })).thenThrows('SD-4').kind).toBe('invalid');
    });

    it('SD-4 a major ticket stays major when resolved', () => {
      spec
        .given([registered({ major: true }), escalated()])
        .when(resolve())
        .then([resolved({ major: true })]);
    });
  });

  describe('complaints upheld against staff', () => {
    const uphold = (data: Partial<UpholdComplaint['data']> = {}): UpholdComplaint => ({
      type: 'UpholdComplaint',
      data: { ticketId: 't-1', staffId: 'bob', severity: 'moderate', finding: 'refused to call back', upheldBy: 'gm', ...data },
      metadata: at(T2),
    });

    it('HR-4 a complaint upheld against a staff member is recorded for HR with its severity', () => {
      spec
        .given([registered({ kind: 'complaint' })])
        .when(uphold())
        .then([
          {
            type: 'ComplaintUpheld',
            data: { ticketId: 't-1', customerId: 'c-1', staffId: 'bob', severity: 'moderate', finding: 'refused to call back', upheldBy: 'gm', upheldAt: T2 },
          },
        ]);
    });

    it('HR-4 only a complaint ticket can be upheld against staff', () => {
      spec.given([registered({ kind: 'inquiry' })]).when(uphold()).thenThrows('HR-4');
    });

    it('HR-4 the same complaint is not upheld twice against the same staff member', () => {
      const first = decideTicket(uphold(), fold(ticketDecider, [registered({ kind: 'complaint' })]));
      spec.given([registered({ kind: 'complaint' }), ...first]).when(uphold()).thenThrows((e) => e.rule === 'HR-4' && e.kind === 'conflict');
    });

    it('HR-4 refuses an unknown severity', () => {
      spec.given([registered({ kind: 'complaint' })]).when(uphold({ severity: 'catastrophic' as never })).thenThrows((e) => e.field === 'severity');
    });
  });

  describe('resolution', () => {
    it('SD-2 a ticket resolved by its owner without transfer counts as resolved at first contact', () => {
      const state = spec.given([registered()]).when(resolve()).then([resolved()]);
      expect(state).toMatchObject({ status: 'resolved', atFirstContact: true, resolvedBy: 'alice' });
    });

    it('SD-2 a ticket resolved by someone other than the owner is not resolved at first contact', () => {
      spec.given([registered()]).when(resolve({ resolvedBy: 'erin' })).then([resolved({ resolvedBy: 'erin', atFirstContact: false })]);
    });

    it('SD-2 a ticket the customer had to contact again is not resolved at first contact', () => {
      spec.given([registered(), repeated()]).when(resolve()).then([resolved({ atFirstContact: false, repeatContactCount: 1 })]);
    });

    it('SD-2 a transferred ticket is never resolved at first contact, even by its owner', () => {
      spec
        .given([registered(), transferred(), transferred({ fromHandlerId: 'bob', fromDepartment: 'technical-service', toHandlerId: 'alice', toDepartment: 'customer-service', transferCount: 2 })])
        .when(resolve())
        .then([resolved({ atFirstContact: false, transferCount: 2 })]);
    });

    it('SD-2 resolution records the handler and a back-dated resolvedAt', () => {
      spec
        .given([registered(), transferred()])
        .when(resolve({ resolvedBy: 'bob', resolvedAt: T1 }))
        .then([resolved({ resolvedBy: 'bob', resolvedAt: T1, handlerId: 'bob', handlingDepartment: 'technical-service', atFirstContact: false, transferCount: 1 })]);
    });

    it('SD-2 refuses a resolution without text', () => {
      expect(spec.given([registered()]).when(resolve({ resolution: '' })).thenThrows('SD-2')).toMatchObject({ kind: 'invalid', field: 'resolution' });
    });

    it('SD-2 refuses a resolvedAt before the contact was received or after now', () => {
      expect(spec.given([registered()]).when(resolve({ resolvedAt: '2026-03-01T09:00:00+08:00' })).thenThrows('SD-2').field).toBe('resolvedAt');
      expect(spec.given([registered()]).when(resolve({ resolvedAt: T3 }, T2)).thenThrows('SD-2').field).toBe('resolvedAt');
    });

    it('SD-2 refuses resolving a ticket twice', () => {
      expect(spec.given([registered(), resolved()]).when(resolve()).thenThrows('SD-2').kind).toBe('conflict');
    });

    it('SD-2 refuses resolving a ticket that does not exist', () => {
      expect(spec.when(resolve()).thenThrows('SD-2').kind).toBe('not-found');
    });
  });

  describe('liaison form', () => {
    it('SD-5 a ticket may be resolved before its liaison form is filed and shows the form pending', () => {
      const state = spec
        .given([registered(), transferred()])
        .when(resolve({ resolvedBy: 'bob', liaisonFormFiled: false }))
        .then([resolved({ resolvedBy: 'bob', handlerId: 'bob', handlingDepartment: 'technical-service', atFirstContact: false, transferCount: 1, liaisonFormPending: true })]);
      expect(state).toMatchObject({ status: 'resolved', liaisonFormPending: true });
    });

    it('SD-5 an emergency handled by technical service may be resolved with the form pending', () => {
      spec
        .given([registered(), transferred()])
        .when(resolve({ resolvedBy: 'bob', liaisonFormFiled: false, emergency: true }))
        .then([resolved({ resolvedBy: 'bob', handlerId: 'bob', handlingDepartment: 'technical-service', atFirstContact: false, transferCount: 1, liaisonFormPending: true, emergency: true })]);
    });

    it('SD-5 submitting the liaison form clears the pending flag', () => {
      const state = spec
        .given([registered(), resolved({ liaisonFormPending: true })])
        .when(submitForm())
        .then([{ type: 'LiaisonFormSubmitted', data: { ticketId: 't-1', submittedBy: 'bob', submittedAt: T3, formReference: 'LF-2026-031' } } satisfies LiaisonFormSubmitted]);
      expect(state).toMatchObject({ status: 'resolved', liaisonFormPending: false });
    });

    it('SD-5 refuses a liaison form on an open ticket', () => {
      expect(spec.given([registered()]).when(submitForm()).thenThrows('SD-5').kind).toBe('conflict');
    });

    it('SD-5 refuses a liaison form when none is pending', () => {
      expect(spec.given([registered(), resolved()]).when(submitForm()).thenThrows('SD-5').kind).toBe('conflict');
    });

    it('SD-5 refuses a second liaison form submission', () => {
      const form: LiaisonFormSubmitted = { type: 'LiaisonFormSubmitted', data: { ticketId: 't-1', submittedBy: 'bob', submittedAt: T3, formReference: null } };
      expect(spec.given([registered(), resolved({ liaisonFormPending: true }), form]).when(submitForm()).thenThrows('SD-5').kind).toBe('conflict');
    });

    it('SD-5 refuses a liaison form without submitter or on a missing ticket', () => {
      expect(spec.given([registered(), resolved({ liaisonFormPending: true })]).when(submitForm({ submittedBy: '' })).thenThrows('SD-5').kind).toBe('invalid');
      expect(spec.when(submitForm()).thenThrows('SD-5').kind).toBe('not-found');
    });
  });

  describe('transfer', () => {
    it('SD-3 transfers to the responsible manager of the target department; the owner is unchanged', () => {
      const state = spec.given([registered()]).when(transfer()).then([transferred()]);
      expect(state).toMatchObject({ ownerId: 'alice', handlerId: 'bob', handlingDepartment: 'technical-service', transfers: 1 });
    });

    it('SD-3 transfers to the alternate colleague in charge when the manager is recorded absent', () => {
      spec
        .given([registered()])
        .when(transfer({ responsibleManager: { staffId: 'bob', absent: true } }))
        .then([transferred({ toHandlerId: 'carol', viaAlternate: true })]);
    });

    it('SD-3 ignores the alternate when the manager is present', () => {
      spec.given([registered()]).when(transfer({ alternate: { staffId: 'carol', absent: false } })).then([transferred()]);
    });

    it('SD-3 counts transfers and keeps the owner across several transfers', () => {
      const state = spec
        .given([registered(), transferred()])
        .when(transfer({ targetDepartment: 'network', responsibleManager: { staffId: 'frank', absent: false }, transferredBy: 'bob' }, T2))
        .then([
          transferred({
            fromHandlerId: 'bob',
            fromDepartment: 'technical-service',
            toHandlerId: 'frank',
            toDepartment: 'network',
            transferredBy: 'bob',
            transferredAt: T2,
            transferCount: 2,
          }),
        ]);
      expect(state).toMatchObject({ ownerId: 'alice', handlerId: 'frank', transfers: 2 });
    });

    it('SD-3 refuses a transfer without a reason', () => {
      expect(spec.given([registered()]).when(transfer({ reason: '  ' })).thenThrows('SD-3')).toMatchObject({ kind: 'invalid', field: 'reason' });
    });

    it('SD-3 refuses a transfer without a target department', () => {
      expect(spec.given([registered()]).when(transfer({ targetDepartment: '' })).thenThrows('SD-3')).toMatchObject({ kind: 'invalid', field: 'targetDepartment' });
    });

    it('SD-3 refuses a transfer when the manager is absent and no colleague in charge is named', () => {
      const error = spec
        .given([registered()])
        .when(transfer({ responsibleManager: { staffId: 'bob', absent: true }, alternate: null }))
        .thenThrows('SD-3');
      expect(error.kind).toBe('rule');
    });

    it('SD-3 refuses a transfer when both the manager and the alternate are absent', () => {
      spec
        .given([registered()])
        .when(transfer({ responsibleManager: { staffId: 'bob', absent: true }, alternate: { staffId: 'carol', absent: true } }))
        .thenThrows((e) => e.rule === 'SD-3' && e.kind === 'rule');
    });

    it('SD-3 refuses a transfer when the department has no responsible manager and no alternate', () => {
      spec.given([registered()]).when(transfer({ responsibleManager: null, alternate: undefined })).thenThrows('SD-3');
    });

    it('SD-3 refuses a transfer to the current handler', () => {
      expect(spec.given([registered(), transferred()]).when(transfer()).thenThrows('SD-3').kind).toBe('conflict');
    });

    it('SD-3 refuses transferring a resolved ticket', () => {
      expect(spec.given([registered(), resolved()]).when(transfer()).thenThrows('SD-3').kind).toBe('conflict');
    });

    it('SD-3 refuses transferring a ticket that does not exist', () => {
      expect(spec.when(transfer()).thenThrows('SD-3').kind).toBe('not-found');
    });
  });

  describe('repeat contacts', () => {
    it('SD-7 records and counts a repeat contact on an open ticket', () => {
      const state = spec.given([registered()]).when(repeat()).then([repeated()]);
      expect(state).toMatchObject({ status: 'open', repeatContacts: 1, lastContactAt: T1 });
    });

    it('SD-7 counts every further repeat contact', () => {
      const state = spec
        .given([registered(), repeated()])
        .when(repeat({ channel: 'hotline', contactedAt: T2, note: null }, T2))
        .then([repeated({ channel: 'hotline', contactedAt: T2, recordedAt: T2, note: null, repeatContactCount: 2 })]);
      expect(state).toMatchObject({ repeatContacts: 2 });
    });

    it('SD-7 the repeat contact count travels with the resolution', () => {
      spec
        .given([registered(), repeated()])
        .when(resolve())
        .then([resolved({ repeatContactCount: 1, atFirstContact: false })]);
    });

    it('SD-7 refuses a repeat contact on a resolved ticket and points to a new registration', () => {
      const error = spec.given([registered(), resolved()]).when(repeat()).thenThrows('SD-7');
      expect(error.kind).toBe('conflict');
      expect(error.message).toMatch(/new ticket/);
    });

    it('SD-7 refuses a repeat contact on a ticket that does not exist', () => {
      expect(spec.when(repeat()).thenThrows('SD-7').kind).toBe('not-found');
    });

    it('SD-7 refuses a repeat contact with an unknown channel or before the first contact', () => {
      const pigeon = { channel: 'pigeon' } as unknown as Partial<RecordRepeatContact['data']>;
      expect(spec.given([registered()]).when(repeat(pigeon)).thenThrows('SD-7').field).toBe('channel');
      expect(spec.given([registered()]).when(repeat({ contactedAt: '2026-03-01T09:00:00+08:00' })).thenThrows('SD-7').field).toBe('contactedAt');
    });
  });
});
