import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { optionalText, requireText } from '@ebp/shared-kernel';
import type { ProjectCommand } from './project.commands';
import type { ProjectEvent } from './project.events';

// Projects are the optional reference a ticket may carry (SD-1).
const RULE = 'SD-1';

export interface Project {
  status: 'active';
  projectId: string;
  name: string;
  customerId: string;
  businessSignerId: string | null;
}
export type ProjectState = { status: 'none' } | Project;

export const initialProjectState = (): ProjectState => ({ status: 'none' });

export function decideProject(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'RegisterProject': {
      const d = command.data;
      const projectId = requireText(d.projectId, 'projectId', RULE);
      if (state.status !== 'none') {
        throw new DomainError(RULE, `project ${projectId} is already registered`, 'conflict', 'projectId');
      }
      return [
        {
          type: 'ProjectRegistered',
          data: {
            projectId,
            name: requireText(d.name, 'name', RULE),
            customerId: requireText(d.customerId, 'customerId', RULE),
            businessSignerId: optionalText(d.businessSignerId, 'businessSignerId', RULE),
            registeredAt: now,
          },
        },
      ];
    }
    case 'UpdateProject': {
      const d = command.data;
      if (state.status === 'none' || state.projectId !== d.projectId) {
        throw new DomainError(RULE, `project ${d.projectId} does not exist`, 'not-found', 'projectId');
      }
      const name = requireText(d.name, 'name', RULE);
      const businessSignerId = optionalText(d.businessSignerId, 'businessSignerId', RULE);
      if (name === state.name && businessSignerId === state.businessSignerId) return [];
      return [{ type: 'ProjectUpdated', data: { projectId: state.projectId, name, businessSignerId, updatedAt: now } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectRegistered': {
      const d = event.data;
      return { status: 'active', projectId: d.projectId, name: d.name, customerId: d.customerId, businessSignerId: d.businessSignerId };
    }
    case 'ProjectUpdated':
      if (state.status === 'none') return state;
      return { ...state, name: event.data.name, businessSignerId: event.data.businessSignerId };
    default:
      return assertNever(event);
  }
}

export const projectDecider: Decider<ProjectState, ProjectCommand, ProjectEvent> = {
  initialState: initialProjectState,
  decide: decideProject,
  evolve: evolveProject,
};
