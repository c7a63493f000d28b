import type { DomainCommand } from '@ebp/shared-kernel';

export type OpenResearchVisit = DomainCommand<
  'OpenResearchVisit',
  {
    visitId: string;
    customerId: string;
    visitedAt: string;
    leaderId: string;
    /** The leader's roles (the actor's): one of RESEARCH_VISIT_LEADER_ROLES is required. */
    leaderRoles: readonly string[];
    /** The leader's department from the staff register; complaint tickets start there. */
    leaderDepartment: string;
  }
>;

export type RecordVisitFeedback = DomainCommand<
  'RecordVisitFeedback',
  { visitId: string; feedbackId: string; kind: string; text: string; recordedBy: string; recorderDepartment: string }
>;

export type CloseResearchVisit = DomainCommand<
  'CloseResearchVisit',
  { visitId: string; summary: string; solutionPlan: string; closedBy: string }
>;

export type ResearchVisitCommand = OpenResearchVisit | RecordVisitFeedback | CloseResearchVisit;
