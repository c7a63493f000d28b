import type { DomainEvent } from '@ebp/shared-eventsourcing';

export type ProjectRegistered = DomainEvent<
  'ProjectRegistered',
  { projectId: string; name: string; customerId: string; businessSignerId: string | null; registeredAt: string }
>;
export type ProjectUpdated = DomainEvent<
  'ProjectUpdated',
  { projectId: string; name: string; businessSignerId: string | null; updatedAt: string }
>;
export type ProjectEvent = ProjectRegistered | ProjectUpdated;
