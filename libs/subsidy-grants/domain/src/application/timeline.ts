import { formatCny, type Fen } from '@ebp/shared-kernel';
import type { ApplicationEvent } from './application.events';

/** One line of an application's history: who decided what, when, under which rule. */
export interface TimelineEntry {
  at: string;
  who: string;
  what: string;
  rule: string;
  type: ApplicationEvent['type'];
}

const cny = (fen: number): string => formatCny(fen as Fen);
const because = (reasons: readonly string[]): string => (reasons.length ? `: ${reasons.join('; ')}` : '');

/** The rule each event records. */
export const EVENT_RULES: Record<ApplicationEvent['type'], string> = {
  ApplicationDrafted: 'SG-3',
  ProjectRevised: 'SG-3',
  AttachmentAdded: 'SG-4',
  AttachmentRemoved: 'SG-4',
  ApplicationSubmitted: 'SG-2',
  RouteReviewRecorded: 'SG-5',
  ApplicationForwarded: 'SG-5',
  ApplicationScreened: 'SG-7',
  ExpertsAssigned: 'SG-7',
  ConflictOfInterestDeclared: 'SG-7',
  ExpertScored: 'SG-7',
  ExpertReviewCompleted: 'SG-7',
  ApprovalGiven: 'SG-7',
  ApplicationApproved: 'SG-7',
  ApplicationRejected: 'SG-7',
  BudgetIssued: 'SG-7',
  TrancheDisbursed: 'SG-8',
  CompletionReportSubmitted: 'SG-9',
  CompletionReviewed: 'SG-9',
  CompletionForwarded: 'SG-9',
  InspectionRecorded: 'SG-10',
  RectificationOrdered: 'SG-10',
  RectificationCompleted: 'SG-10',
  ClawbackOrdered: 'SG-10',
};

function describe(event: ApplicationEvent): string {
  switch (event.type) {
    case 'ApplicationDrafted':
      return `drafted application ${event.data.applicationId} for ${event.data.year}: ${event.data.project.title} (${event.data.project.category})`;
    case 'ProjectRevised':
      return `revised the project: ${event.data.project.title}`;
    case 'AttachmentAdded':
      return `attached ${event.data.kind} ${event.data.name} (${event.data.mimeType}, ${event.data.sizeBytes} bytes, sha256 ${event.data.sha256.slice(0, 12)}…)`;
    case 'AttachmentRemoved':
      return `removed the ${event.data.kind} attachment`;
    case 'ApplicationSubmitted':
      return `submitted via the ${event.data.route === 'local' ? 'local finance and IT departments' : 'provincial authority'} (region ${event.data.divisionCode})`;
    case 'RouteReviewRecorded':
      return `${event.data.department} ${event.data.approved ? 'approved' : 'refused'}${because(event.data.reasons)}`;
    case 'ApplicationForwarded':
      return `forwarded to provincial finance and IT (deadline ${event.data.deadline})`;
    case 'ApplicationScreened':
      return `screening ${event.data.passed ? 'passed' : 'failed'}${because(event.data.reasons)}`;
    case 'ExpertsAssigned':
      return `assigned experts ${event.data.expertIds.join(', ')}`;
    case 'ConflictOfInterestDeclared':
      return event.data.conflicted ? `expert ${event.data.expertId} declared a conflict of interest and is recused` : `expert ${event.data.expertId} declared no conflict of interest`;
    case 'ExpertScored':
      return `expert ${event.data.expertId} scored ${event.data.total} (${Object.entries(event.data.scores).map(([k, v]) => `${k} ${v}`).join(', ')})`;
    case 'ExpertReviewCompleted':
      return `expert review completed: average ${event.data.averageScore} of ${event.data.scoredBy.length} expert(s)${event.data.recused.length ? `, recused ${event.data.recused.join(', ')}` : ''}`;
    case 'ApprovalGiven':
      return `${event.data.department} approved a ${event.data.form} of ${cny(event.data.amountFen)}`;
    case 'ApplicationApproved':
      return `jointly approved: ${event.data.form} of ${cny(event.data.amountFen)}`;
    case 'ApplicationRejected':
      return `${event.data.department} rejected${because(event.data.reasons)}`;
    case 'BudgetIssued':
      return `budget of ${cny(event.data.amountFen)} issued to the ${event.data.issuedTo} (${event.data.divisionCode})`;
    case 'TrancheDisbursed':
      return `disbursed tranche ${event.data.trancheId} (${event.data.milestone}) of ${cny(event.data.amountFen)}, total ${cny(event.data.disbursedTotalFen)}`;
    case 'CompletionReportSubmitted':
      return `submitted the completion report (final accounts ${cny(event.data.finalAccountsFen)})`;
    case 'CompletionReviewed':
      return `completion report ${event.data.approved ? 'accepted' : 'returned'}${because(event.data.reasons)}`;
    case 'CompletionForwarded':
      return `completion forwarded to the province${event.data.late ? ` LATE (deadline ${event.data.deadline})` : ''}`;
    case 'InspectionRecorded':
      return `inspection ${event.data.inspectionId}${event.data.violation ? ' found a violation' : ''}: ${event.data.findings}`;
    case 'RectificationOrdered':
      return `rectification ${event.data.orderId} ordered by ${event.data.deadline}: ${event.data.requirements}`;
    case 'RectificationCompleted':
      return `rectification ${event.data.orderId} completed${event.data.late ? ' late' : ''}`;
    case 'ClawbackOrdered':
      return `clawback ${event.data.clawbackId} of ${cny(event.data.amountFen)} ordered (${event.data.reason})`;
  }
}

/** SG views (item 11): the application's full history — every decision, who and when — in stream order. */
export function timelineOf(events: readonly Pick<ApplicationEvent, 'type' | 'data'>[]): TimelineEntry[] {
  return events.map((e) => {
    const event = e as ApplicationEvent;
    return { at: event.data.at, who: event.data.by, what: describe(event), rule: EVENT_RULES[event.type], type: event.type };
  });
}
