import type { DomainCommand } from '@ebp/shared-kernel';
import type { FaultActor } from './fault.commands';

export type OpenCollaboration = DomainCommand<
  'OpenCollaboration',
  {
    collaborationId: string;
    actor: FaultActor;
    subject: string;
    /** The requesting department, which leads. */
    requestingDepartment: string;
    cooperatingDepartments: string[];
    /** Follows rulings to completion; defaults to the requesting department. */
    supervisingDepartment?: string | null;
  }
>;
export type RaiseDispute = DomainCommand<'RaiseDispute', { collaborationId: string; actor: FaultActor; description: string }>;
export type SubmitDepartmentOpinion = DomainCommand<
  'SubmitDepartmentOpinion',
  { collaborationId: string; disputeId: string; actor: FaultActor; department: string; opinion: string }
>;
export type RuleOnDispute = DomainCommand<'RuleOnDispute', { collaborationId: string; disputeId: string; actor: FaultActor; ruling: string }>;
export type RecordCompletion = DomainCommand<'RecordCompletion', { collaborationId: string; actor: FaultActor; summary: string }>;

export type CollaborationCommand = OpenCollaboration | RaiseDispute | SubmitDepartmentOpinion | RuleOnDispute | RecordCompletion;
