import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { optionalText, requireText, textList } from '@ebp/shared-kernel';
import type {
  CollaborationCommand,
  OpenCollaboration,
  RaiseDispute,
  RecordCompletion,
  RuleOnDispute,
  SubmitDepartmentOpinion,
} from './collaboration.commands';
import type { CollaborationEvent } from './collaboration.events';
import type { FaultActor } from './fault.commands';

const RULE = 'SD-13';
/** The Office (办公室) rules on disputes between departments. */
export const OFFICE_ROLE = 'office';

export interface Dispute {
  disputeId: string;
  opinions: Record<string, string>;
  ruling: string | null;
}

export interface Collaboration {
  status: 'open' | 'completed';
  collaborationId: string;
  requestingDepartment: string;
  cooperatingDepartments: string[];
  supervisingDepartment: string;
  disputes: Dispute[];
}

export type CollaborationState = { status: 'none' } | Collaboration;

export const initialCollaborationState = (): CollaborationState => ({ status: 'none' });

export const involvedDepartments = (c: Pick<Collaboration, 'requestingDepartment' | 'cooperatingDepartments'>): string[] => [
  c.requestingDepartment,
  ...c.cooperatingDepartments,
];

const isManagement = (actor: FaultActor): boolean =>
  actor.isDepartmentManager === true || actor.roles.includes('general-manager') || actor.roles.includes(OFFICE_ROLE);

function forbid(actor: FaultActor, what: string): never {
  throw new DomainError(RULE, `${actor.staffId} may not ${what}`, 'forbidden');
}

function existing(state: CollaborationState, id: string): Collaboration {
  if (state.status === 'none' || state.collaborationId !== id) {
    throw new DomainError(RULE, `collaboration ${id} does not exist`, 'not-found', 'collaborationId');
  }
  return state;
}

function openCase(state: CollaborationState, id: string): Collaboration {
  const c = existing(state, id);
  if (c.status === 'completed') throw new DomainError(RULE, `collaboration ${id} is completed`, 'conflict');
  return c;
}

function dispute(c: Collaboration, disputeId: string): Dispute {
  const found = c.disputes.find((d) => d.disputeId === disputeId);
  if (!found) throw new DomainError(RULE, `dispute ${disputeId} does not exist`, 'not-found', 'disputeId');
  return found;
}

function open(command: OpenCollaboration, state: CollaborationState): CollaborationEvent[] {
  const d = command.data;
  const collaborationId = requireText(d.collaborationId, 'collaborationId', RULE);
  if (state.status !== 'none') throw new DomainError(RULE, `collaboration ${collaborationId} already exists`, 'conflict', 'collaborationId');
  const requestingDepartment = requireText(d.requestingDepartment, 'requestingDepartment', RULE);
  if (d.actor.department !== requestingDepartment && !isManagement(d.actor)) {
    forbid(d.actor, `open a collaboration for ${requestingDepartment}: only its staff or managers`);
  }
  const cooperatingDepartments = textList(d.cooperatingDepartments, 'cooperatingDepartments', RULE).filter((x) => x !== requestingDepartment);
  if (cooperatingDepartments.length === 0) {
    throw new DomainError(RULE, 'at least one cooperating department is required', 'invalid', 'cooperatingDepartments');
  }
  return [
    {
      type: 'CollaborationOpened',
      data: {
        collaborationId,
        openedBy: requireText(d.actor.staffId, 'actor', RULE),
        openedAt: command.metadata.now,
        subject: requireText(d.subject, 'subject', RULE),
        requestingDepartment,
        cooperatingDepartments,
        supervisingDepartment: optionalText(d.supervisingDepartment, 'supervisingDepartment', RULE) ?? requestingDepartment,
      },
    },
  ];
}

function raise(command: RaiseDispute, state: CollaborationState): CollaborationEvent[] {
  const d = command.data;
  const c = openCase(state, d.collaborationId);
  const involved = involvedDepartments(c);
  if (!involved.includes(d.actor.department ?? '') && !isManagement(d.actor)) forbid(d.actor, 'raise a dispute: not in an involved department');
  return [
    {
      type: 'DisputeRaised',
      data: {
        collaborationId: c.collaborationId,
        // Numbered per case so a retried decision derives the same id.
        disputeId: `d-${c.disputes.length + 1}`,
        raisedBy: d.actor.staffId,
        raisedAt: command.metadata.now,
        description: requireText(d.description, 'description', RULE),
      },
    },
  ];
}

function submitOpinion(command: SubmitDepartmentOpinion, state: CollaborationState): CollaborationEvent[] {
  const d = command.data;
  const c = openCase(state, d.collaborationId);
  const found = dispute(c, d.disputeId);
  const department = requireText(d.department, 'department', RULE);
  if (!involvedDepartments(c).includes(department)) {
    throw new DomainError(RULE, `${department} is not involved in collaboration ${c.collaborationId}`, 'invalid', 'department');
  }
  if (d.actor.department !== department) forbid(d.actor, `submit the opinion of ${department}: only its own staff`);
  if (found.ruling !== null) throw new DomainError(RULE, `dispute ${found.disputeId} is already ruled`, 'conflict');
  return [
    {
      type: 'DepartmentOpinionSubmitted',
      data: {
        collaborationId: c.collaborationId,
        disputeId: found.disputeId,
        department,
        submittedBy: d.actor.staffId,
        submittedAt: command.metadata.now,
        opinion: requireText(d.opinion, 'opinion', RULE),
      },
    },
  ];
}

function rule(command: RuleOnDispute, state: CollaborationState): CollaborationEvent[] {
  const d = command.data;
  if (!d.actor.roles.includes(OFFICE_ROLE)) forbid(d.actor, 'rule on a dispute: only the Office rules');
  const c = openCase(state, d.collaborationId);
  const found = dispute(c, d.disputeId);
  if (found.ruling !== null) throw new DomainError(RULE, `dispute ${found.disputeId} is already ruled`, 'conflict');
  const missing = involvedDepartments(c).filter((dep) => found.opinions[dep] === undefined);
  if (missing.length > 0) {
    throw new DomainError(RULE, `opinions still missing from ${missing.join(', ')}`, 'rule', 'disputeId');
  }
  return [
    {
      type: 'DisputeRuled',
      data: {
        collaborationId: c.collaborationId,
        disputeId: found.disputeId,
        ruledBy: d.actor.staffId,
        ruledAt: command.metadata.now,
        ruling: requireText(d.ruling, 'ruling', RULE),
      },
    },
  ];
}

function complete(command: RecordCompletion, state: CollaborationState): CollaborationEvent[] {
  const d = command.data;
  const c = openCase(state, d.collaborationId);
  if (d.actor.department !== c.supervisingDepartment) forbid(d.actor, `record completion: only ${c.supervisingDepartment} supervises it`);
  const unruled = c.disputes.filter((x) => x.ruling === null).map((x) => x.disputeId);
  if (unruled.length > 0) {
    throw new DomainError(RULE, `no completion while dispute ${unruled.join(', ')} is unruled by the Office`, 'rule');
  }
  return [
    {
      type: 'CollaborationCompleted',
      data: {
        collaborationId: c.collaborationId,
        completedBy: d.actor.staffId,
        completedAt: command.metadata.now,
        summary: requireText(d.summary, 'summary', RULE),
        rulingsFollowed: c.disputes.map((x) => x.disputeId),
      },
    },
  ];
}

export function decideCollaboration(command: CollaborationCommand, state: CollaborationState): CollaborationEvent[] {
  switch (command.type) {
    case 'OpenCollaboration':
      return open(command, state);
    case 'RaiseDispute':
      return raise(command, state);
    case 'SubmitDepartmentOpinion':
      return submitOpinion(command, state);
    case 'RuleOnDispute':
      return rule(command, state);
    case 'RecordCompletion':
      return complete(command, state);
    default:
      return assertNever(command);
  }
}

function updateDispute(c: Collaboration, disputeId: string, change: (d: Dispute) => Dispute): Collaboration {
  return { ...c, disputes: c.disputes.map((d) => (d.disputeId === disputeId ? change(d) : d)) };
}

export function evolveCollaboration(state: CollaborationState, event: CollaborationEvent): CollaborationState {
  if (event.type === 'CollaborationOpened') {
    const d = event.data;
    return {
      status: 'open',
      collaborationId: d.collaborationId,
      requestingDepartment: d.requestingDepartment,
      cooperatingDepartments: d.cooperatingDepartments,
      supervisingDepartment: d.supervisingDepartment,
      disputes: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'DisputeRaised':
      return { ...state, disputes: [...state.disputes, { disputeId: event.data.disputeId, opinions: {}, ruling: null }] };
    case 'DepartmentOpinionSubmitted':
      return updateDispute(state, event.data.disputeId, (d) => ({ ...d, opinions: { ...d.opinions, [event.data.department]: event.data.opinion } }));
    case 'DisputeRuled':
      return updateDispute(state, event.data.disputeId, (d) => ({ ...d, ruling: event.data.ruling }));
    case 'CollaborationCompleted':
      return { ...state, status: 'completed' };
    default:
      return assertNever(event);
  }
}

export const collaborationDecider: Decider<CollaborationState, CollaborationCommand, CollaborationEvent> = {
  initialState: initialCollaborationState,
  decide: decideCollaboration,
  evolve: evolveCollaboration,
};
