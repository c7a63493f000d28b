import type { SgForm } from '../shared/sg.policy';
import type { AttachmentMeta, ClawbackReason, Project, ProvincialDepartment, Route, RouteDepartment } from './application.events';

export type ApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'forwarded'
  | 'screened'
  | 'in-review'
  | 'reviewed'
  | 'approved'
  | 'budget-issued'
  | 'completion-reported'
  | 'completion-reviewed'
  | 'completed'
  | 'rejected';

export interface Stamp {
  by: string;
  at: string;
}
export interface RouteReview extends Stamp {
  department: RouteDepartment;
  approved: boolean;
  reasons: string[];
}
export interface ExpertReview {
  expertId: string;
  assignedAt: string;
  /** null until declared; true = recused. */
  conflicted: boolean | null;
  scores: Record<string, number> | null;
  total: number | null;
}
export interface Approval extends Stamp {
  department: ProvincialDepartment;
  form: SgForm;
  amountFen: number;
}
export interface Tranche extends Stamp {
  trancheId: string;
  milestone: string;
  amountFen: number;
}
export interface Inspection extends Stamp {
  inspectionId: string;
  findings: string;
  violation: boolean;
}
export interface Rectification extends Stamp {
  orderId: string;
  inspectionId: string;
  requirements: string;
  deadline: string;
  completedAt: string | null;
  late: boolean | null;
}
export interface Clawback extends Stamp {
  clawbackId: string;
  amountFen: number;
  reason: ClawbackReason;
}

/** SG-3 … SG-10: one application's whole life. */
export interface Application {
  status: ApplicationStatus;
  applicationId: string;
  applicantId: string;
  year: number;
  project: Project;
  attachments: AttachmentMeta[];
  draftedAt: string;
  route: Route | null;
  divisionCode: string | null;
  submittedAt: string | null;
  routeReviews: RouteReview[];
  forwarded: Stamp | null;
  screening: (Stamp & { passed: boolean; reasons: string[] }) | null;
  experts: ExpertReview[];
  averageScore: number | null;
  approvals: Approval[];
  approved: { form: SgForm; amountFen: number; at: string } | null;
  rejection: (Stamp & { stage: 'route' | 'screening' | 'review'; department: string; reasons: string[] }) | null;
  budget: (Stamp & { issuedTo: 'city-county-finance' | 'provincial-authority'; amountFen: number }) | null;
  tranches: Tranche[];
  disbursedFen: number;
  completion: {
    report: (Stamp & { fundUsage: string; results: string; finalAccountsFen: number }) | null;
    review: (Stamp & { approved: boolean; reasons: string[] }) | null;
    forwarded: (Stamp & { late: boolean }) | null;
  };
  inspections: Inspection[];
  rectifications: Rectification[];
  clawbacks: Clawback[];
  clawedBackFen: number;
}

export type ApplicationState = { status: 'none' } | Application;

export const initialApplicationState = (): ApplicationState => ({ status: 'none' });
