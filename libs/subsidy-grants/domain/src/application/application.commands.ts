import type { DomainCommand } from '@ebp/shared-kernel';
import type { Applicant } from '../applicant/applicant.decider';
import type { FundingCall } from '../call/call.decider';
import type { SgActor } from '../shared/actor';
import type { SgForm } from '../shared/sg.policy';
import type { AttachmentMeta, ClawbackReason, Project, ProvincialDepartment, RouteDepartment } from './application.events';

type With<D> = D & { actor: SgActor };

/** The call as far as an application needs it (FundingCall from the call stream). */
export type CallRef = Pick<FundingCall, 'year' | 'categories' | 'form' | 'submissionDeadline' | 'completionDeadline'>;

/** SG-6 reference data the application layer loads from the read model (other applications). */
export interface DuplicateFacts {
  /** The applicant's other applications of the same year (submitted or beyond). */
  sameYearApplicationIds: string[];
  /** The applicant's funded (budget issued) applications whose completion was not yet forwarded. */
  unfinishedFundedApplicationIds: string[];
}

export type DraftApplication = DomainCommand<'DraftApplication', With<{ applicationId: string; applicantId: string; year: number; project: Project }>>;
export type ReviseProject = DomainCommand<'ReviseProject', With<{ project: Project }>>;
export type AddAttachment = DomainCommand<'AddAttachment', With<AttachmentMeta>>;
export type RemoveAttachment = DomainCommand<'RemoveAttachment', With<{ sha256: string }>>;
/** SG-2 … SG-6: the applicant record, the call and the duplicate facts are passed in. */
export type SubmitApplication = DomainCommand<'SubmitApplication', With<{ call: CallRef | null; applicant: Applicant | null; duplicates: DuplicateFacts }>>;
export type RecordRouteReview = DomainCommand<'RecordRouteReview', With<{ department: RouteDepartment; approved: boolean; reasons?: string[] }>>;
export type ForwardToProvince = DomainCommand<'ForwardToProvince', With<{ call: CallRef }>>;
export type ScreenApplication = DomainCommand<'ScreenApplication', With<{ passed: boolean; reasons?: string[] }>>;
export type AssignExperts = DomainCommand<'AssignExperts', With<{ expertIds: string[] }>>;
export type DeclareConflictOfInterest = DomainCommand<'DeclareConflictOfInterest', With<{ conflicted: boolean; note?: string | null }>>;
export type ScoreApplication = DomainCommand<'ScoreApplication', With<{ scores: Record<string, number>; comment?: string | null }>>;
export type ApproveApplication = DomainCommand<'ApproveApplication', With<{ department: ProvincialDepartment; form: SgForm; amountFen: number }>>;
export type RejectApplication = DomainCommand<'RejectApplication', With<{ department: ProvincialDepartment; reasons: string[] }>>;
export type IssueBudget = DomainCommand<'IssueBudget', { actor: SgActor }>;
export type DisburseTranche = DomainCommand<'DisburseTranche', With<{ trancheId: string; milestone: string; amountFen: number }>>;
export type SubmitCompletionReport = DomainCommand<'SubmitCompletionReport', With<{ fundUsage: string; results: string; finalAccountsFen: number }>>;
export type ReviewCompletion = DomainCommand<'ReviewCompletion', With<{ approved: boolean; reasons?: string[] }>>;
export type ForwardCompletion = DomainCommand<'ForwardCompletion', With<{ call: CallRef }>>;
export type RecordInspection = DomainCommand<'RecordInspection', With<{ inspectionId: string; findings: string; violation: boolean }>>;
export type OrderRectification = DomainCommand<'OrderRectification', With<{ orderId: string; inspectionId: string; requirements: string; deadline: string }>>;
export type CompleteRectification = DomainCommand<'CompleteRectification', With<{ orderId: string; note?: string | null }>>;
export type OrderClawback = DomainCommand<'OrderClawback', With<{ clawbackId: string; amountFen: number; reason: ClawbackReason; note?: string | null }>>;

export type ApplicationCommand =
  | DraftApplication
  | ReviseProject
  | AddAttachment
  | RemoveAttachment
  | SubmitApplication
  | RecordRouteReview
  | ForwardToProvince
  | ScreenApplication
  | AssignExperts
  | DeclareConflictOfInterest
  | ScoreApplication
  | ApproveApplication
  | RejectApplication
  | IssueBudget
  | DisburseTranche
  | SubmitCompletionReport
  | ReviewCompletion
  | ForwardCompletion
  | RecordInspection
  | OrderRectification
  | CompleteRectification
  | OrderClawback;
