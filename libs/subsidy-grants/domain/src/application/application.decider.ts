import { assertNever, DomainError, fold, type Decider } from '@ebp/shared-eventsourcing';
import { formatCny, inForce, isCalendarDate, optionalText, requireBoolean, requireOneOf, requireText, shanghaiDate, textList, type Fen } from '@ebp/shared-kernel';
import { eligibilityOf } from '../applicant/eligibility';
import { hasRole, requireOwnApplicant, requireRole, type SgActor, type SgRole } from '../shared/actor';
import { EligibilityRefused, type SgFailure } from '../shared/errors';
import { ID_PATTERN } from '../shared/streams';
import { ATTACHMENT_KINDS, DEFAULT_SG_POLICIES, SG_CATEGORIES, SG_FORMS, type AttachmentKind, type SgPolicies } from '../shared/sg.policy';
import type { ApplicationCommand, CallRef } from './application.commands';
import { FUNDING_SOURCE_KINDS, type ApplicationEvent, type AttachmentMeta, type Project, type RouteDepartment } from './application.events';
import { initialApplicationState, type Application, type ApplicationState, type ApplicationStatus } from './application.state';

const SHA256 = /^[0-9a-f]{64}$/;
const cny = (fen: number): string => formatCny(fen as Fen);

function positiveFen(value: number, field: string, rule: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new DomainError(rule, `${field} must be a positive whole number of fen`, 'invalid', field);
  return value;
}
function nonNegativeFen(value: number, field: string, rule: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new DomainError(rule, `${field} must be a whole number of fen, not negative`, 'invalid', field);
  return value;
}
function requireCode(value: string, field: string, rule: string): string {
  const text = requireText(value, field, rule);
  if (!ID_PATTERN.test(text)) throw new DomainError(rule, `${field} must be letters, digits, _ or -`, 'invalid', field);
  return text;
}

/** SG-3: the project's shape (400); its conditions are checked at submission, all at once. */
export function validProject(project: Project | null | undefined): Project {
  const R = 'SG-3';
  if (!project || typeof project !== 'object') throw new DomainError(R, 'project is required', 'invalid', 'project');
  if (!Array.isArray(project.fundingSources)) throw new DomainError(R, 'project.fundingSources must be a list', 'invalid', 'project.fundingSources');
  return {
    category: requireText(project.category, 'project.category', R),
    title: requireText(project.title, 'project.title', R),
    ownIp: requireBoolean(project.ownIp, 'project.ownIp', R),
    innovation: optionalText(project.innovation, 'project.innovation', R) ?? '',
    plan: optionalText(project.plan, 'project.plan', R) ?? '',
    fundingSources: project.fundingSources.map((s, i) => ({
      source: requireOneOf(s?.source, FUNDING_SOURCE_KINDS, `project.fundingSources[${i}].source`, R),
      amountFen: positiveFen(s?.amountFen, `project.fundingSources[${i}].amountFen`, R),
      inPlace: requireBoolean(s?.inPlace, `project.fundingSources[${i}].inPlace`, R),
    })),
    selfRaisedFen: nonNegativeFen(project.selfRaisedFen, 'project.selfRaisedFen', R),
    bankLoans: requireBoolean(project.bankLoans, 'project.bankLoans', R),
    inNationalOrProvincialPlan: requireBoolean(project.inNationalOrProvincialPlan, 'project.inNationalOrProvincialPlan', R),
  };
}

/** SG-3 (第五条): every project condition failing. */
export function projectFailures(project: Project, categories: readonly string[] = SG_CATEGORIES): SgFailure[] {
  const R = 'SG-3';
  const failures: SgFailure[] = [];
  if (!categories.includes(project.category)) failures.push({ rule: R, code: 'category', message: `category '${project.category}' is none of the call's ${categories.join(', ')}`, field: 'project.category' });
  if (!project.ownIp) failures.push({ rule: R, code: 'own-ip', message: 'own intellectual property is not declared', field: 'project.ownIp' });
  if (project.innovation.trim() === '') failures.push({ rule: R, code: 'innovation', message: 'the innovation is not described', field: 'project.innovation' });
  if (project.plan.trim() === '') failures.push({ rule: R, code: 'plan', message: 'no implementation plan', field: 'project.plan' });
  if (project.fundingSources.length === 0) failures.push({ rule: R, code: 'funding-sources', message: 'no funding sources declared', field: 'project.fundingSources' });
  const selfRaisedInPlace = project.fundingSources.filter((s) => s.source === 'self-raised' && s.inPlace).reduce((sum, s) => sum + s.amountFen, 0);
  if (project.selfRaisedFen <= 0) failures.push({ rule: R, code: 'self-raised-missing', message: 'no self-raised funds declared', field: 'project.selfRaisedFen' });
  else if (selfRaisedInPlace < project.selfRaisedFen) {
    failures.push({ rule: R, code: 'self-raised-not-in-place', message: `self-raised funds in place ${cny(selfRaisedInPlace)} fall short of the declared ${cny(project.selfRaisedFen)}`, field: 'project.fundingSources' });
  }
  return failures;
}

/** SG-4: the attachment kinds required for this project (loan documents only with bank loans). */
export function requiredAttachments(project: Pick<Project, 'bankLoans'>, date: string, policies: SgPolicies = DEFAULT_SG_POLICIES): AttachmentKind[] {
  const p = inForce(policies.attachments, date);
  return [...p.required, ...(project.bankLoans ? p.withBankLoans : [])];
}

/** SG-4: every required attachment kind not uploaded. */
export function missingAttachments(state: Pick<Application, 'project' | 'attachments'>, date: string, policies: SgPolicies = DEFAULT_SG_POLICIES): AttachmentKind[] {
  const have = new Set(state.attachments.map((a) => a.kind));
  return requiredAttachments(state.project, date, policies).filter((k) => !have.has(k));
}

/** SG-7: an expert's total (sum of the criteria) and the average of the totals of those who scored (2 decimals). */
export function averageScoreOf(state: Pick<Application, 'experts'>): number | null {
  const totals = state.experts.filter((e) => e.conflicted === false && e.total !== null).map((e) => e.total as number);
  if (totals.length === 0) return null;
  return Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 100) / 100;
}

const ROUTE_DEPARTMENTS: Record<'local' | 'provincial-authority', RouteDepartment[]> = {
  local: ['local-finance', 'local-it'],
  'provincial-authority': ['provincial-authority'],
};

/** SG-8 / SG-9: who acts for the applicant's level: city/county finance and IT, or the provincial authority. */
const levelRoles = (state: Application, finance = false): SgRole[] =>
  state.route === 'provincial-authority' ? ['provincial-authority'] : finance ? ['local-finance'] : ['local-finance', 'local-it'];

function inStatus(state: ApplicationState, rule: string, statuses: readonly ApplicationStatus[], what: string): Application {
  if (state.status === 'none') throw new DomainError(rule, 'no such application', 'not-found');
  if (!statuses.includes(state.status)) throw new DomainError(rule, `${what} is not possible on an application ${state.status} (needs ${statuses.join(' or ')})`, 'rule');
  return state;
}

function sameYear(call: CallRef | null | undefined, state: Application, rule: string): CallRef {
  if (!call) throw new DomainError('SG-1', `no funding call is open for ${state.year}`, 'not-found', 'call');
  if (call.year !== state.year) throw new DomainError(rule, `the call of ${call.year} is not the application's year ${state.year}`, 'invalid', 'call');
  return call;
}

function expertOf(state: Application, actor: SgActor) {
  requireRole(actor, 'SG-7', ['expert'], 'expert review');
  const expert = state.experts.find((e) => e.expertId === actor.userId);
  if (!expert) throw new DomainError('SG-7', `expert ${actor.userId} is not assigned to application ${state.applicationId}`, 'forbidden');
  return expert;
}

/** SG-7: the completion of the expert review once every assigned, non-recused expert scored (at least one). */
function reviewCompletion(after: Application, by: string, at: string): ApplicationEvent[] {
  const pending = after.experts.filter((e) => e.conflicted === null || (e.conflicted === false && e.total === null));
  const scoredBy = after.experts.filter((e) => e.conflicted === false && e.total !== null).map((e) => e.expertId);
  if (pending.length > 0 || scoredBy.length === 0) return [];
  const recused = after.experts.filter((e) => e.conflicted === true).map((e) => e.expertId);
  return [{ type: 'ExpertReviewCompleted', data: { averageScore: averageScoreOf(after)!, scoredBy, recused, by, at } }];
}

const POST_BUDGET: ApplicationStatus[] = ['budget-issued', 'completion-reported', 'completion-reviewed', 'completed'];

export function decideApplication(command: ApplicationCommand, state: ApplicationState, policies: SgPolicies = DEFAULT_SG_POLICIES): ApplicationEvent[] {
  const at = command.metadata.now;
  const today = shanghaiDate(at);
  const by = command.data.actor.userId;
  const actor = command.data.actor;
  switch (command.type) {
    case 'DraftApplication': {
      const d = command.data;
      const applicantId = requireCode(d.applicantId, 'applicantId', 'SG-3');
      requireOwnApplicant(actor, applicantId, 'SG-3', 'drafting an application');
      if (state.status !== 'none') throw new DomainError('SG-3', `application ${d.applicationId} already exists`, 'conflict', 'applicationId');
      if (!Number.isInteger(d.year)) throw new DomainError('SG-3', 'year must be a whole year', 'invalid', 'year');
      return [{ type: 'ApplicationDrafted', data: { applicationId: requireCode(d.applicationId, 'applicationId', 'SG-3'), applicantId, year: d.year, project: validProject(d.project), by, at } }];
    }
    case 'ReviseProject': {
      const s = inStatus(state, 'SG-3', ['draft'], 'revising the project');
      requireOwnApplicant(actor, s.applicantId, 'SG-3', 'revising the project');
      return [{ type: 'ProjectRevised', data: { project: validProject(command.data.project), by, at } }];
    }
    case 'AddAttachment': {
      const R = 'SG-4';
      const s = inStatus(state, R, ['draft'], 'adding an attachment');
      requireOwnApplicant(actor, s.applicantId, R, 'adding an attachment');
      const d = command.data;
      const limits = inForce(policies.attachmentLimits, today);
      const kind = requireOneOf(d.kind, ATTACHMENT_KINDS, 'kind', R);
      const name = requireText(d.name, 'name', R);
      const mimeType = requireText(d.mimeType, 'mimeType', R).toLowerCase();
      if (!limits.mimeTypes.includes(mimeType)) throw new DomainError(R, `type ${mimeType} is not allowed (allowed: ${limits.mimeTypes.join(', ')})`, 'invalid', 'mimeType');
      if (!Number.isSafeInteger(d.sizeBytes) || d.sizeBytes <= 0) throw new DomainError(R, 'sizeBytes must be a positive whole number', 'invalid', 'sizeBytes');
      if (d.sizeBytes > limits.maxSizeBytes) throw new DomainError(R, `the file has ${d.sizeBytes} bytes, more than the limit of ${limits.maxSizeBytes}`, 'invalid', 'sizeBytes');
      const sha256 = requireText(d.sha256, 'sha256', R).toLowerCase();
      if (!SHA256.test(sha256)) throw new DomainError(R, 'sha256 must be 64 hex digits', 'invalid', 'sha256');
      if (s.attachments.some((a) => a.sha256 === sha256 && a.kind === kind)) throw new DomainError(R, `this file is already attached as ${kind}`, 'conflict', 'sha256');
      return [{ type: 'AttachmentAdded', data: { kind, name, mimeType, sizeBytes: d.sizeBytes, sha256, by, at } }];
    }
    case 'RemoveAttachment': {
      const s = inStatus(state, 'SG-4', ['draft'], 'removing an attachment');
      requireOwnApplicant(actor, s.applicantId, 'SG-4', 'removing an attachment');
      const found = s.attachments.find((a) => a.sha256 === command.data.sha256);
      if (!found) throw new DomainError('SG-4', `no attachment ${command.data.sha256}`, 'not-found', 'sha256');
      return [{ type: 'AttachmentRemoved', data: { kind: found.kind, sha256: found.sha256, by, at } }];
    }
    case 'SubmitApplication': {
      const s = inStatus(state, 'SG-3', ['draft'], 'submitting');
      requireOwnApplicant(actor, s.applicantId, 'SG-3', 'submitting an application');
      const { applicant, duplicates } = command.data;
      const call = sameYear(command.data.call, s, 'SG-1');
      if (!applicant) throw new DomainError('SG-2', `applicant ${s.applicantId} is not registered`, 'not-found', 'applicantId');
      if (applicant.applicantId !== s.applicantId) throw new Error(`application of ${s.applicantId} given the record of ${applicant.applicantId}`);
      const failures: SgFailure[] = [...eligibilityOf(applicant, at, policies), ...projectFailures(s.project, call.categories)];
      for (const kind of missingAttachments(s, today, policies)) failures.push({ rule: 'SG-4', code: `missing-${kind}`, message: `the ${kind} is missing`, field: 'attachments' });
      if (today > call.submissionDeadline) failures.push({ rule: 'SG-5', code: 'submission-deadline-passed', message: `the call's submission deadline ${call.submissionDeadline} has passed` });
      if (s.project.inNationalOrProvincialPlan) failures.push({ rule: 'SG-6', code: 'in-funding-plan', message: `the project is already in a national or provincial funding plan of ${s.year}`, field: 'project.inNationalOrProvincialPlan' });
      const others = (duplicates?.sameYearApplicationIds ?? []).filter((id) => id !== s.applicationId);
      if (others.length) failures.push({ rule: 'SG-6', code: 'second-project-same-year', message: `the applicant already applied in ${s.year} (${others.join(', ')}): one project per applicant per year` });
      const unfinished = (duplicates?.unfinishedFundedApplicationIds ?? []).filter((id) => id !== s.applicationId);
      if (unfinished.length) failures.push({ rule: 'SG-6', code: 'funded-project-not-completed', message: `the applicant's funded project ${unfinished.join(', ')} is not yet completed` });
      if (failures.length) throw new EligibilityRefused(failures);
      return [
        {
          type: 'ApplicationSubmitted',
          data: { route: applicant.provincialUnit ? 'provincial-authority' : 'local', divisionCode: applicant.divisionCode, applicantName: applicant.name, submissionDeadline: call.submissionDeadline, by, at },
        },
      ];
    }
    case 'RecordRouteReview': {
      const R = 'SG-5';
      const s = inStatus(state, R, ['submitted'], 'a route review');
      const department = command.data.department;
      if (!ROUTE_DEPARTMENTS[s.route!].includes(department)) {
        throw new DomainError(R, `an application on the ${s.route} route is reviewed by ${ROUTE_DEPARTMENTS[s.route!].join(' and ')}, not ${department}`, 'forbidden', 'department');
      }
      requireRole(actor, R, [department], `the ${department} review`);
      if (s.routeReviews.some((r) => r.department === department)) throw new DomainError(R, `${department} already reviewed this application`, 'conflict', 'department');
      const approved = requireBoolean(command.data.approved, 'approved', R);
      const reasons = textList(command.data.reasons, 'reasons', R);
      if (!approved && reasons.length === 0) throw new DomainError(R, 'a refusal needs reasons', 'invalid', 'reasons');
      return [{ type: 'RouteReviewRecorded', data: { department, approved, reasons, by, at } }];
    }
    case 'ForwardToProvince': {
      const R = 'SG-5';
      const s = inStatus(state, R, ['submitted'], 'forwarding to the province');
      const departments = ROUTE_DEPARTMENTS[s.route!];
      requireRole(actor, R, departments, 'forwarding to the province');
      const missing = departments.filter((d) => !s.routeReviews.some((r) => r.department === d && r.approved));
      if (missing.length) throw new DomainError(R, `forwarding needs the approval of ${missing.join(' and ')} first`, 'rule');
      const call = sameYear(command.data.call, s, R);
      if (today > call.submissionDeadline) {
        throw new DomainError(R, `forwarding after the call's deadline (${call.submissionDeadline}, end of day Asia/Shanghai) is refused; it is ${today}`, 'rule');
      }
      return [{ type: 'ApplicationForwarded', data: { route: s.route!, deadline: call.submissionDeadline, by, at } }];
    }
    case 'ScreenApplication': {
      const R = 'SG-7';
      const s = inStatus(state, R, ['forwarded'], 'screening');
      requireRole(actor, R, ['provincial-it'], 'screening');
      const passed = requireBoolean(command.data.passed, 'passed', R);
      const reasons = textList(command.data.reasons, 'reasons', R);
      if (!passed && reasons.length === 0) throw new DomainError(R, 'a failed screening needs reasons', 'invalid', 'reasons');
      void s;
      return [{ type: 'ApplicationScreened', data: { passed, reasons, by, at } }];
    }
    case 'AssignExperts': {
      const R = 'SG-7';
      const s = inStatus(state, R, ['screened', 'in-review'], 'assigning experts');
      requireRole(actor, R, ['provincial-it'], 'assigning experts');
      const ids = textList(command.data.expertIds, 'expertIds', R).filter((id) => !s.experts.some((e) => e.expertId === id));
      if (ids.length === 0) throw new DomainError(R, 'no expert newly assigned', 'conflict', 'expertIds');
      return [{ type: 'ExpertsAssigned', data: { expertIds: ids, by, at } }];
    }
    case 'DeclareConflictOfInterest': {
      const R = 'SG-7';
      const s = inStatus(state, R, ['in-review'], 'declaring a conflict of interest');
      const expert = expertOf(s, actor);
      if (expert.conflicted !== null) throw new DomainError(R, `expert ${expert.expertId} already declared`, 'conflict');
      const conflicted = requireBoolean(command.data.conflicted, 'conflicted', R);
      const declared: ApplicationEvent = { type: 'ConflictOfInterestDeclared', data: { expertId: expert.expertId, conflicted, note: optionalText(command.data.note, 'note', R), by, at } };
      return [declared, ...reviewCompletion(evolveApplication(s, declared) as Application, by, at)];
    }
    case 'ScoreApplication': {
      const R = 'SG-7';
      const s = inStatus(state, R, ['in-review'], 'scoring');
      const expert = expertOf(s, actor);
      if (expert.conflicted === null) throw new DomainError(R, `expert ${expert.expertId} must declare any conflict of interest before scoring`, 'rule');
      if (expert.conflicted) throw new DomainError(R, `expert ${expert.expertId} declared a conflict of interest and is recused: a recused expert cannot score`, 'forbidden');
      if (expert.total !== null) throw new DomainError(R, `expert ${expert.expertId} already scored`, 'conflict');
      const scoring = inForce(policies.scoring, today);
      const given = command.data.scores ?? {};
      const unknown = Object.keys(given).filter((k) => !scoring.criteria.includes(k));
      if (unknown.length) throw new DomainError(R, `unknown criteria ${unknown.join(', ')} (criteria: ${scoring.criteria.join(', ')})`, 'invalid', 'scores');
      const scores: Record<string, number> = {};
      for (const criterion of scoring.criteria) {
        const value = given[criterion];
        if (!Number.isInteger(value) || value < scoring.min || value > scoring.max) {
          throw new DomainError(R, `scores.${criterion} must be a whole number ${scoring.min}–${scoring.max}`, 'invalid', `scores.${criterion}`);
        }
        scores[criterion] = value;
      }
      const total = Object.values(scores).reduce((a, b) => a + b, 0);
      const scored: ApplicationEvent = { type: 'ExpertScored', data: { expertId: expert.expertId, scores, total, comment: optionalText(command.data.comment, 'comment', R), by, at } };
      return [scored, ...reviewCompletion(evolveApplication(s, scored) as Application, by, at)];
    }
    case 'ApproveApplication': {
      const R = 'SG-7';
      const s = inStatus(state, R, ['reviewed'], 'approval');
      const department = requireOneOf(command.data.department, ['provincial-finance', 'provincial-it'] as const, 'department', R);
      requireRole(actor, R, [department], `the ${department} approval`);
      if (s.approvals.some((a) => a.department === department)) throw new DomainError(R, `${department} already approved`, 'conflict', 'department');
      const form = requireOneOf(command.data.form, SG_FORMS, 'form', R);
      const amountFen = positiveFen(command.data.amountFen, 'amountFen', R);
      const given: ApplicationEvent = { type: 'ApprovalGiven', data: { department, form, amountFen, by, at } };
      const other = s.approvals.find((a) => a.department !== department);
      if (!other) return [given];
      if (other.form !== form || other.amountFen !== amountFen) {
        throw new DomainError(R, `${other.department} approved a ${other.form} of ${cny(other.amountFen)}; the joint approval needs the same form and amount, not a ${form} of ${cny(amountFen)}`, 'rule', 'amountFen');
      }
      return [given, { type: 'ApplicationApproved', data: { form, amountFen, averageScore: s.averageScore, by, at } }];
    }
    case 'RejectApplication': {
      const R = 'SG-7';
      inStatus(state, R, ['screened', 'in-review', 'reviewed'], 'rejection');
      const department = requireOneOf(command.data.department, ['provincial-finance', 'provincial-it'] as const, 'department', R);
      requireRole(actor, R, [department], `a ${department} rejection`);
      const reasons = textList(command.data.reasons, 'reasons', R);
      if (reasons.length === 0) throw new DomainError(R, 'a rejection needs reasons', 'invalid', 'reasons');
      return [{ type: 'ApplicationRejected', data: { department, reasons, by, at } }];
    }
    case 'IssueBudget': {
      const R = 'SG-7';
      const s = inStatus(state, R, ['approved'], 'issuing the budget');
      requireRole(actor, R, ['provincial-finance', 'provincial-it'], 'issuing the budget');
      return [
        {
          type: 'BudgetIssued',
          data: { issuedTo: s.route === 'provincial-authority' ? 'provincial-authority' : 'city-county-finance', divisionCode: s.divisionCode!, amountFen: s.approved!.amountFen, by, at },
        },
      ];
    }
    case 'DisburseTranche': {
      const R = 'SG-8';
      const s = inStatus(state, R, POST_BUDGET, 'disbursement');
      requireRole(actor, R, levelRoles(s, true), 'disbursing a tranche');
      const trancheId = requireCode(command.data.trancheId, 'trancheId', R);
      if (s.tranches.some((t) => t.trancheId === trancheId)) throw new DomainError(R, `tranche ${trancheId} was already disbursed`, 'conflict', 'trancheId');
      if (s.clawbacks.length) throw new DomainError('SG-10', 'no disbursement after a clawback was ordered', 'rule');
      const milestone = requireText(command.data.milestone, 'milestone', R);
      const amountFen = positiveFen(command.data.amountFen, 'amountFen', R);
      const approved = s.approved!.amountFen;
      const total = s.disbursedFen + amountFen;
      if (total > approved) {
        throw new DomainError(R, `tranche ${trancheId} of ${cny(amountFen)} would bring the disbursed total to ${cny(total)}, more than the approved ${cny(approved)} (already disbursed ${cny(s.disbursedFen)})`, 'rule', 'amountFen');
      }
      return [{ type: 'TrancheDisbursed', data: { trancheId, milestone, amountFen, disbursedTotalFen: total, by, at } }];
    }
    case 'SubmitCompletionReport': {
      const R = 'SG-9';
      const s = inStatus(state, R, ['budget-issued'], 'a completion report');
      requireOwnApplicant(actor, s.applicantId, R, 'submitting the completion report');
      const d = command.data;
      return [
        {
          type: 'CompletionReportSubmitted',
          data: { fundUsage: requireText(d.fundUsage, 'fundUsage', R), results: requireText(d.results, 'results', R), finalAccountsFen: nonNegativeFen(d.finalAccountsFen, 'finalAccountsFen', R), by, at },
        },
      ];
    }
    case 'ReviewCompletion': {
      const R = 'SG-9';
      const s = inStatus(state, R, ['completion-reported'], 'the completion review');
      requireRole(actor, R, levelRoles(s), 'the completion review');
      const approved = requireBoolean(command.data.approved, 'approved', R);
      const reasons = textList(command.data.reasons, 'reasons', R);
      if (!approved && reasons.length === 0) throw new DomainError(R, 'returning a report needs reasons', 'invalid', 'reasons');
      return [{ type: 'CompletionReviewed', data: { approved, reasons, by, at } }];
    }
    case 'ForwardCompletion': {
      const R = 'SG-9';
      const s = inStatus(state, R, ['completion-reviewed'], 'forwarding the completion report');
      requireRole(actor, R, levelRoles(s), 'forwarding the completion report');
      const call = sameYear(command.data.call, s, R);
      return [{ type: 'CompletionForwarded', data: { deadline: call.completionDeadline, late: today > call.completionDeadline, by, at } }];
    }
    case 'RecordInspection': {
      const R = 'SG-10';
      const s = inStatus(state, R, POST_BUDGET, 'an inspection');
      requireRole(actor, R, ['inspector', 'provincial-finance', 'provincial-it'], 'recording an inspection');
      const inspectionId = requireCode(command.data.inspectionId, 'inspectionId', R);
      if (s.inspections.some((i) => i.inspectionId === inspectionId)) throw new DomainError(R, `inspection ${inspectionId} is already recorded`, 'conflict', 'inspectionId');
      return [{ type: 'InspectionRecorded', data: { inspectionId, findings: requireText(command.data.findings, 'findings', R), violation: requireBoolean(command.data.violation, 'violation', R), by, at } }];
    }
    case 'OrderRectification': {
      const R = 'SG-10';
      const s = inStatus(state, R, POST_BUDGET, 'a rectification order');
      requireRole(actor, R, ['inspector', 'provincial-finance', 'provincial-it'], 'ordering a rectification');
      const d = command.data;
      const orderId = requireCode(d.orderId, 'orderId', R);
      if (s.rectifications.some((r) => r.orderId === orderId)) throw new DomainError(R, `rectification ${orderId} is already ordered`, 'conflict', 'orderId');
      const inspection = s.inspections.find((i) => i.inspectionId === d.inspectionId);
      if (!inspection) throw new DomainError(R, `no inspection ${d.inspectionId}`, 'not-found', 'inspectionId');
      if (!inspection.violation) throw new DomainError(R, `inspection ${d.inspectionId} found no violation: nothing to rectify`, 'rule', 'inspectionId');
      if (!isCalendarDate(d.deadline)) throw new DomainError(R, 'deadline must be a YYYY-MM-DD date', 'invalid', 'deadline');
      if (d.deadline < today) throw new DomainError(R, `deadline ${d.deadline} is in the past`, 'invalid', 'deadline');
      return [{ type: 'RectificationOrdered', data: { orderId, inspectionId: inspection.inspectionId, requirements: requireText(d.requirements, 'requirements', R), deadline: d.deadline, by, at } }];
    }
    case 'CompleteRectification': {
      const R = 'SG-10';
      const s = inStatus(state, R, POST_BUDGET, 'completing a rectification');
      requireOwnApplicant(actor, s.applicantId, R, 'completing a rectification');
      const order = s.rectifications.find((r) => r.orderId === command.data.orderId);
      if (!order) throw new DomainError(R, `no rectification order ${command.data.orderId}`, 'not-found', 'orderId');
      if (order.completedAt) throw new DomainError(R, `rectification ${order.orderId} is already completed`, 'conflict', 'orderId');
      return [{ type: 'RectificationCompleted', data: { orderId: order.orderId, note: optionalText(command.data.note, 'note', R), late: today > order.deadline, by, at } }];
    }
    case 'OrderClawback': {
      const R = 'SG-10';
      const s = inStatus(state, R, POST_BUDGET, 'a clawback');
      requireRole(actor, R, ['provincial-finance'], 'ordering a clawback');
      const d = command.data;
      const clawbackId = requireCode(d.clawbackId, 'clawbackId', R);
      if (s.clawbacks.some((c) => c.clawbackId === clawbackId)) throw new DomainError(R, `clawback ${clawbackId} is already ordered`, 'conflict', 'clawbackId');
      const reason = requireOneOf(d.reason, ['fraud', 'serious-misuse'] as const, 'reason', R);
      const amountFen = positiveFen(d.amountFen, 'amountFen', R);
      const open = s.disbursedFen - s.clawedBackFen;
      if (amountFen > open) {
        throw new DomainError(R, `a clawback of ${cny(amountFen)} is more than was disbursed (${cny(s.disbursedFen)}, of which ${cny(s.clawedBackFen)} already clawed back)`, 'rule', 'amountFen');
      }
      return [{ type: 'ClawbackOrdered', data: { clawbackId, applicantId: s.applicantId, amountFen, reason, note: optionalText(d.note, 'note', R), clawedBackTotalFen: s.clawedBackFen + amountFen, by, at } }];
    }
    default:
      return assertNever(command);
  }
}

const EMPTY_COMPLETION: Application['completion'] = { report: null, review: null, forwarded: null };

export function evolveApplication(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  if (event.type === 'ApplicationDrafted') {
    if (state.status !== 'none') return state;
    const d = event.data;
    return {
      status: 'draft',
      applicationId: d.applicationId,
      applicantId: d.applicantId,
      year: d.year,
      project: d.project,
      attachments: [],
      draftedAt: d.at,
      route: null,
      divisionCode: null,
      submittedAt: null,
      routeReviews: [],
      forwarded: null,
      screening: null,
      experts: [],
      averageScore: null,
      approvals: [],
      approved: null,
      rejection: null,
      budget: null,
      tranches: [],
      disbursedFen: 0,
      completion: EMPTY_COMPLETION,
      inspections: [],
      rectifications: [],
      clawbacks: [],
      clawedBackFen: 0,
    };
  }
  if (state.status === 'none') return state;
  const s = state;
  const { by, at } = event.data;
  switch (event.type) {
    case 'ProjectRevised':
      return { ...s, project: event.data.project };
    case 'AttachmentAdded': {
      const { kind, name, mimeType, sizeBytes, sha256 } = event.data;
      const meta: AttachmentMeta = { kind, name, mimeType, sizeBytes, sha256 };
      return { ...s, attachments: [...s.attachments, meta] };
    }
    case 'AttachmentRemoved':
      return { ...s, attachments: s.attachments.filter((a) => a.sha256 !== event.data.sha256) };
    case 'ApplicationSubmitted':
      return { ...s, status: 'submitted', route: event.data.route, divisionCode: event.data.divisionCode, submittedAt: at };
    case 'RouteReviewRecorded': {
      const { department, approved, reasons } = event.data;
      const next = { ...s, routeReviews: [...s.routeReviews, { department, approved, reasons, by, at }] };
      return approved ? next : { ...next, status: 'rejected', rejection: { stage: 'route', department, reasons, by, at } };
    }
    case 'ApplicationForwarded':
      return { ...s, status: 'forwarded', forwarded: { by, at } };
    case 'ApplicationScreened': {
      const { passed, reasons } = event.data;
      const next = { ...s, screening: { passed, reasons, by, at } };
      return passed ? { ...next, status: 'screened' } : { ...next, status: 'rejected', rejection: { stage: 'screening', department: 'provincial-it', reasons, by, at } };
    }
    case 'ExpertsAssigned':
      return { ...s, status: 'in-review', experts: [...s.experts, ...event.data.expertIds.map((expertId) => ({ expertId, assignedAt: at, conflicted: null, scores: null, total: null }))] };
    case 'ConflictOfInterestDeclared':
      return { ...s, experts: s.experts.map((e) => (e.expertId === event.data.expertId ? { ...e, conflicted: event.data.conflicted } : e)) };
    case 'ExpertScored':
      return { ...s, experts: s.experts.map((e) => (e.expertId === event.data.expertId ? { ...e, scores: { ...event.data.scores }, total: event.data.total } : e)) };
    case 'ExpertReviewCompleted':
      return { ...s, status: 'reviewed', averageScore: event.data.averageScore };
    case 'ApprovalGiven': {
      const { department, form, amountFen } = event.data;
      return { ...s, approvals: [...s.approvals, { department, form, amountFen, by, at }] };
    }
    case 'ApplicationApproved':
      return { ...s, status: 'approved', approved: { form: event.data.form, amountFen: event.data.amountFen, at } };
    case 'ApplicationRejected':
      return { ...s, status: 'rejected', rejection: { stage: 'review', department: event.data.department, reasons: event.data.reasons, by, at } };
    case 'BudgetIssued':
      return { ...s, status: 'budget-issued', budget: { issuedTo: event.data.issuedTo, amountFen: event.data.amountFen, by, at } };
    case 'TrancheDisbursed': {
      const { trancheId, milestone, amountFen } = event.data;
      return { ...s, tranches: [...s.tranches, { trancheId, milestone, amountFen, by, at }], disbursedFen: s.disbursedFen + amountFen };
    }
    case 'CompletionReportSubmitted': {
      const { fundUsage, results, finalAccountsFen } = event.data;
      return { ...s, status: 'completion-reported', completion: { report: { fundUsage, results, finalAccountsFen, by, at }, review: null, forwarded: null } };
    }
    case 'CompletionReviewed': {
      const { approved, reasons } = event.data;
      // A returned report goes back to the applicant: the next report replaces it.
      if (!approved) return { ...s, status: 'budget-issued', completion: { ...s.completion, review: { approved, reasons, by, at } } };
      return { ...s, status: 'completion-reviewed', completion: { ...s.completion, review: { approved, reasons, by, at } } };
    }
    case 'CompletionForwarded':
      return { ...s, status: 'completed', completion: { ...s.completion, forwarded: { late: event.data.late, by, at } } };
    case 'InspectionRecorded': {
      const { inspectionId, findings, violation } = event.data;
      return { ...s, inspections: [...s.inspections, { inspectionId, findings, violation, by, at }] };
    }
    case 'RectificationOrdered': {
      const { orderId, inspectionId, requirements, deadline } = event.data;
      return { ...s, rectifications: [...s.rectifications, { orderId, inspectionId, requirements, deadline, by, at, completedAt: null, late: null }] };
    }
    case 'RectificationCompleted':
      return { ...s, rectifications: s.rectifications.map((r) => (r.orderId === event.data.orderId ? { ...r, completedAt: at, late: event.data.late } : r)) };
    case 'ClawbackOrdered': {
      const { clawbackId, amountFen, reason } = event.data;
      return { ...s, clawbacks: [...s.clawbacks, { clawbackId, amountFen, reason, by, at }], clawedBackFen: s.clawedBackFen + amountFen };
    }
    default:
      return assertNever(event);
  }
}

export const applicationDeciderWith = (policies: SgPolicies): Decider<ApplicationState, ApplicationCommand, ApplicationEvent> => ({
  initialState: initialApplicationState,
  decide: (command, state) => decideApplication(command, state, policies),
  evolve: evolveApplication,
});

/** SG-3 … SG-10: the application's decider (the policies of DEFAULT_SG_POLICIES). */
export const applicationDecider = applicationDeciderWith(DEFAULT_SG_POLICIES);

export const foldApplication = (events: readonly ApplicationEvent[]): ApplicationState => fold(applicationDecider, events);

/** The application's own unit may see it; officials by role (the read side filters experts by assignment). */
export const isOwnApplication = (state: Pick<Application, 'applicantId'>, actor: SgActor): boolean => hasRole(actor, 'applicant') && actor.applicantId === state.applicantId;
