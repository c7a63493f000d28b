import type { DomainEvent } from '@ebp/shared-eventsourcing';
import type { AttachmentKind, SgForm } from '../shared/sg.policy';

/** SG-3: a funding source of the project; `inPlace` = the money is secured (落实). */
export interface FundingSource {
  source: FundingSourceKind;
  amountFen: number;
  inPlace: boolean;
}
export const FUNDING_SOURCE_KINDS = ['self-raised', 'bank-loan', 'government', 'other'] as const;
export type FundingSourceKind = (typeof FUNDING_SOURCE_KINDS)[number];

/** SG-3: the project as declared; `category` is checked against the call's five at submission. */
export interface Project {
  category: string;
  title: string;
  ownIp: boolean;
  innovation: string;
  plan: string;
  fundingSources: FundingSource[];
  selfRaisedFen: number;
  bankLoans: boolean;
  /** SG-6: already in a national or provincial funding plan this year. */
  inNationalOrProvincialPlan: boolean;
}

/** SG-4: an uploaded file's metadata; the file itself is in the blob store, by its sha256. */
export interface AttachmentMeta {
  kind: AttachmentKind;
  name: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

/** SG-5: sub-provincial units go through local finance and IT; provincial units through their provincial authority. */
export type Route = 'local' | 'provincial-authority';
export type RouteDepartment = 'local-finance' | 'local-it' | 'provincial-authority';
export type ProvincialDepartment = 'provincial-finance' | 'provincial-it';
export type ClawbackReason = 'fraud' | 'serious-misuse';

// Every application event carries `by` (the user id) and `at` (the instant): the timeline needs no envelope.
type By = { by: string; at: string };

export type ApplicationDrafted = DomainEvent<'ApplicationDrafted', { applicationId: string; applicantId: string; year: number; project: Project } & By>;
export type ProjectRevised = DomainEvent<'ProjectRevised', { project: Project } & By>;
export type AttachmentAdded = DomainEvent<'AttachmentAdded', AttachmentMeta & By>;
export type AttachmentRemoved = DomainEvent<'AttachmentRemoved', { kind: AttachmentKind; sha256: string } & By>;
/** SG-2 … SG-6 passed: the application goes on its route. */
export type ApplicationSubmitted = DomainEvent<'ApplicationSubmitted', { route: Route; divisionCode: string; applicantName: string; submissionDeadline: string } & By>;
/** SG-5: a review on the route (local finance, local IT or the provincial authority). */
export type RouteReviewRecorded = DomainEvent<'RouteReviewRecorded', { department: RouteDepartment; approved: boolean; reasons: string[] } & By>;
/** SG-5: forwarded to provincial finance and IT by the call's submission deadline. */
export type ApplicationForwarded = DomainEvent<'ApplicationForwarded', { route: Route; deadline: string } & By>;
/** SG-7: the provincial IT department's screening (初选). */
export type ApplicationScreened = DomainEvent<'ApplicationScreened', { passed: boolean; reasons: string[] } & By>;
export type ExpertsAssigned = DomainEvent<'ExpertsAssigned', { expertIds: string[] } & By>;
/** SG-7: a conflicted expert is recused. */
export type ConflictOfInterestDeclared = DomainEvent<'ConflictOfInterestDeclared', { expertId: string; conflicted: boolean; note: string | null } & By>;
export type ExpertScored = DomainEvent<'ExpertScored', { expertId: string; scores: Record<string, number>; total: number; comment: string | null } & By>;
/** SG-7: every assigned, non-recused expert scored: the average of their totals. */
export type ExpertReviewCompleted = DomainEvent<'ExpertReviewCompleted', { averageScore: number; scoredBy: string[]; recused: string[] } & By>;
/** SG-7: one department's approval; the second, with the same form and amount, approves the application. */
export type ApprovalGiven = DomainEvent<'ApprovalGiven', { department: ProvincialDepartment; form: SgForm; amountFen: number } & By>;
export type ApplicationApproved = DomainEvent<'ApplicationApproved', { form: SgForm; amountFen: number; averageScore: number | null } & By>;
export type ApplicationRejected = DomainEvent<'ApplicationRejected', { department: ProvincialDepartment; reasons: string[] } & By>;
/** SG-7: the budget issued to the city/county finance department or the provincial authority. */
export type BudgetIssued = DomainEvent<'BudgetIssued', { issuedTo: 'city-county-finance' | 'provincial-authority'; divisionCode: string; amountFen: number } & By>;
/** SG-8: a tranche by progress milestone; `disbursedTotalFen` after it. */
export type TrancheDisbursed = DomainEvent<'TrancheDisbursed', { trancheId: string; milestone: string; amountFen: number; disbursedTotalFen: number } & By>;
/** SG-9 */
export type CompletionReportSubmitted = DomainEvent<'CompletionReportSubmitted', { fundUsage: string; results: string; finalAccountsFen: number } & By>;
export type CompletionReviewed = DomainEvent<'CompletionReviewed', { approved: boolean; reasons: string[] } & By>;
/** SG-9: forwarded to the province; `late` when after the call's completion deadline (listed, not refused). */
export type CompletionForwarded = DomainEvent<'CompletionForwarded', { deadline: string; late: boolean } & By>;
/** SG-10 */
export type InspectionRecorded = DomainEvent<'InspectionRecorded', { inspectionId: string; findings: string; violation: boolean } & By>;
export type RectificationOrdered = DomainEvent<'RectificationOrdered', { orderId: string; inspectionId: string; requirements: string; deadline: string } & By>;
export type RectificationCompleted = DomainEvent<'RectificationCompleted', { orderId: string; note: string | null; late: boolean } & By>;
/** SG-10: at most what was disbursed (less what was already clawed back); the applicant is flagged after it. */
export type ClawbackOrdered = DomainEvent<
  'ClawbackOrdered',
  { clawbackId: string; applicantId: string; amountFen: number; reason: ClawbackReason; note: string | null; clawedBackTotalFen: number } & By
>;

export type ApplicationEvent =
  | ApplicationDrafted
  | ProjectRevised
  | AttachmentAdded
  | AttachmentRemoved
  | ApplicationSubmitted
  | RouteReviewRecorded
  | ApplicationForwarded
  | ApplicationScreened
  | ExpertsAssigned
  | ConflictOfInterestDeclared
  | ExpertScored
  | ExpertReviewCompleted
  | ApprovalGiven
  | ApplicationApproved
  | ApplicationRejected
  | BudgetIssued
  | TrancheDisbursed
  | CompletionReportSubmitted
  | CompletionReviewed
  | CompletionForwarded
  | InspectionRecorded
  | RectificationOrdered
  | RectificationCompleted
  | ClawbackOrdered;
