import type { DomainCommand } from '@ebp/shared-kernel';
import type { CallbackOutcome } from './callback-file.events';

/** The project as the directory knows it; null when it is not registered. */
export interface DeliveredProjectRef {
  projectId: string;
  name: string;
  customerId: string;
}

export type DeliverProject = DomainCommand<
  'DeliverProject',
  {
    projectId: string;
    /** Looked up by the application layer; null refuses the delivery. */
    project: DeliveredProjectRef | null;
    /** Asia/Shanghai calendar date of delivery (YYYY-MM-DD). */
    deliveredOn: string;
    deliveredBy: string;
  }
>;

export type RecordCallback = DomainCommand<
  'RecordCallback',
  {
    projectId: string;
    outcome: CallbackOutcome;
    notes?: string | null;
    /** 1 (very unsatisfied) to 5 (very satisfied). */
    satisfaction: number;
    calledAt: string;
    calledBy: string;
  }
>;

export type CallbackFileCommand = DeliverProject | RecordCallback;
