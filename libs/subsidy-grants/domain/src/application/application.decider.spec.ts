import { DomainError } from '@ebp/shared-eventsourcing';
import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { Applicant } from '../applicant/applicant.decider';
import { evolveApplicant } from '../applicant/applicant.decider';
import type { ApplicantFlagged } from '../applicant/applicant.events';
import { EligibilityRefused } from '../shared/errors';
import type { SgActor } from '../shared/actor';
import type { AttachmentKind } from '../shared/sg.policy';
import type { ApplicationCommand, CallRef, DuplicateFacts } from './application.commands';
import { applicationDecider, foldApplication } from './application.decider';
import type { ApplicationEvent, Project } from './application.events';
import type { Application } from './application.state';
import { completionStatus, overdueCompletions, overdueRectifications } from './deadlines';
import { timelineOf } from './timeline';

const spec = DeciderSpecification.for(applicationDecider);
const T0 = '2026-03-02T10:00:00+08:00';

const APPLICANT: SgActor = { userId: 'u-hz', roles: ['applicant'], applicantId: 'hz-soft' };
const LOCAL_FIN: SgActor = { userId: 'lf-zhou', roles: ['local-finance'] };
const LOCAL_IT: SgActor = { userId: 'li-sun', roles: ['local-it'] };
const PROV_AUTH: SgActor = { userId: 'pa-qian', roles: ['provincial-authority'] };
const PROV_FIN: SgActor = { userId: 'pf-wu', roles: ['provincial-finance'] };
const PROV_IT: SgActor = { userId: 'pit-chen', roles: ['provincial-it'] };
const INSPECTOR: SgActor = { userId: 'in-he', roles: ['inspector'] };
const expert = (id: string): SgActor => ({ userId: id, roles: ['expert'] });

const CALL: CallRef = {
  year: 2026,
  categories: ['innovation-capability', 'software-industrialisation', 'digital-content', 'public-service-platform', 'pilot-demonstration'],
  form: 'subsidy',
  submissionDeadline: '2026-06-30',
  completionDeadline: '2026-12-31',
};
const PROJECT: Project = {
  category: 'software-industrialisation',
  title: 'Embedded control software for textile machines',
  ownIp: true,
  innovation: 'own real-time scheduler',
  plan: 'two phases over 18 months',
  fundingSources: [
    { source: 'self-raised', amountFen: 300_000_00, inPlace: true },
    { source: 'government', amountFen: 100_000_00, inPlace: false },
  ],
  selfRaisedFen: 300_000_00,
  bankLoans: false,
  inNationalOrProvincialPlan: false,
};
const APPLICANT_RECORD: Applicant = {
  status: 'registered',
  applicantId: 'hz-soft',
  name: 'Hangzhou Soft Ltd',
  divisionCode: '330106',
  provincialUnit: false,
  independentLegalPerson: true,
  mainBusiness: 'software',
  declarations: { equipment: true, staff: true, qualityAssurance: true, premises: true, clearOwnership: true, financialManagement: true, goodCredit: true },
  registeredBy: 'u-hz',
  registeredAt: '2026-01-10T09:00:00+08:00',
  flags: [],
};
const NO_DUPLICATES: DuplicateFacts = { sameYearApplicationIds: [], unfinishedFundedApplicationIds: [] };
const REQUIRED: AttachmentKind[] = ['application-form', 'feasibility-study', 'business-licence', 'local-tax-registration', 'national-tax-registration'];

const cmd = <C extends ApplicationCommand>(type: C['type'], data: C['data'], now = T0): C => ({ type, data, metadata: { now } }) as C;
const sha = (n: number): string => n.toString(16).padStart(64, '0');

/** Decides `command` on the history and appends the events (throws on refusal). */
function step(history: ApplicationEvent[], command: ApplicationCommand): ApplicationEvent[] {
  return [...history, ...applicationDecider.decide(command, foldApplication(history))];
}
const stateOf = (history: ApplicationEvent[]): Application => foldApplication(history) as Application;

function drafted(project: Project = PROJECT, attachments: AttachmentKind[] = REQUIRED): ApplicationEvent[] {
  let h = step([], cmd('DraftApplication', { applicationId: 'a-2026-hz', applicantId: 'hz-soft', year: 2026, project, actor: APPLICANT }));
  attachments.forEach((kind, i) => {
    h = step(h, cmd('AddAttachment', { kind, name: `${kind}.pdf`, mimeType: 'application/pdf', sizeBytes: 1000 + i, sha256: sha(i + 1), actor: APPLICANT }));
  });
  return h;
}
const submitCmd = (applicant: Applicant = APPLICANT_RECORD, duplicates = NO_DUPLICATES, now = T0, call: CallRef = CALL) =>
  cmd('SubmitApplication', { call, applicant, duplicates, actor: APPLICANT }, now);
const submitted = (applicant: Applicant = APPLICANT_RECORD) => step(drafted(), submitCmd(applicant));
const locallyApproved = () =>
  step(step(submitted(), cmd('RecordRouteReview', { department: 'local-finance', approved: true, actor: LOCAL_FIN })), cmd('RecordRouteReview', { department: 'local-it', approved: true, actor: LOCAL_IT }));
const forwarded = () => step(locallyApproved(), cmd('ForwardToProvince', { call: CALL, actor: LOCAL_IT }, '2026-06-20T10:00:00+08:00'));
const SCORES = { innovation: 80, feasibility: 70, benefit: 90, team: 60 }; // total 300
const inReview = () => step(step(forwarded(), cmd('ScreenApplication', { passed: true, actor: PROV_IT })), cmd('AssignExperts', { expertIds: ['ex-1', 'ex-2', 'ex-3'], actor: PROV_IT }));
function reviewed(): ApplicationEvent[] {
  let h = inReview();
  h = step(h, cmd('DeclareConflictOfInterest', { conflicted: false, actor: expert('ex-1') }));
  h = step(h, cmd('ScoreApplication', { scores: SCORES, actor: expert('ex-1') }));
  h = step(h, cmd('DeclareConflictOfInterest', { conflicted: true, note: 'former employer', actor: expert('ex-2') }));
  h = step(h, cmd('DeclareConflictOfInterest', { conflicted: false, actor: expert('ex-3') }));
  return step(h, cmd('ScoreApplication', { scores: { innovation: 90, feasibility: 90, benefit: 90, team: 90 }, actor: expert('ex-3') })); // total 360
}
const approve = (actor: SgActor, amountFen = 500_000_00, form: 'subsidy' | 'reward' = 'subsidy') =>
  cmd('ApproveApplication', { department: actor.roles[0] as 'provincial-finance' | 'provincial-it', form, amountFen, actor });
const budgetIssued = () => step(step(step(reviewed(), approve(PROV_FIN)), approve(PROV_IT)), cmd('IssueBudget', { actor: PROV_FIN }));
const tranche = (trancheId: string, amountFen: number, actor: SgActor = LOCAL_FIN, now = '2026-08-01T10:00:00+08:00') =>
  cmd('DisburseTranche', { trancheId, milestone: `milestone ${trancheId}`, amountFen, actor }, now);
const twoTranches = () => step(step(budgetIssued(), tranche('t1', 200_000_00)), tranche('t2', 200_000_00));

function refusal(history: ApplicationEvent[], command: ApplicationCommand): DomainError {
  try {
    applicationDecider.decide(command, foldApplication(history));
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('SG-3 / SG-4 draft and attachments', () => {
  it('SG-3 an applicant drafts for itself only (403 otherwise); the project shape is validated (400)', () => {
    expect(stateOf(drafted())).toMatchObject({ status: 'draft', applicantId: 'hz-soft', year: 2026 });
    expect(spec.when(cmd('DraftApplication', { applicationId: 'a1', applicantId: 'hz-soft', year: 2026, project: PROJECT, actor: { ...APPLICANT, applicantId: 'other' } })).thenThrows('SG-3').kind).toBe('forbidden');
    expect(spec.when(cmd('DraftApplication', { applicationId: 'a1', applicantId: 'hz-soft', year: 2026, project: PROJECT, actor: LOCAL_FIN })).thenThrows('SG-3').kind).toBe('forbidden');
    const bad = { ...PROJECT, fundingSources: [{ source: 'self-raised' as const, amountFen: 10.5, inPlace: true }] };
    expect(spec.when(cmd('DraftApplication', { applicationId: 'a1', applicantId: 'hz-soft', year: 2026, project: bad, actor: APPLICANT })).thenThrows('SG-3').field).toBe('project.fundingSources[0].amountFen');
  });

  it('SG-4 an attachment keeps name, type, size and hash; disallowed type or oversize refused (400)', () => {
    const h = drafted(PROJECT, []);
    spec.given(h).when(cmd('AddAttachment', { kind: 'application-form', name: 'form.pdf', mimeType: 'application/pdf', sizeBytes: 2048, sha256: sha(7), actor: APPLICANT })).then([
      { type: 'AttachmentAdded', data: { kind: 'application-form', name: 'form.pdf', mimeType: 'application/pdf', sizeBytes: 2048, sha256: sha(7), by: 'u-hz', at: T0 } },
    ]);
    expect(spec.given(h).when(cmd('AddAttachment', { kind: 'other', name: 'x.exe', mimeType: 'application/x-msdownload', sizeBytes: 10, sha256: sha(8), actor: APPLICANT })).thenThrows('SG-4').field).toBe('mimeType');
    expect(spec.given(h).when(cmd('AddAttachment', { kind: 'other', name: 'big.pdf', mimeType: 'application/pdf', sizeBytes: 21 * 1024 * 1024, sha256: sha(9), actor: APPLICANT })).thenThrows('SG-4').field).toBe('sizeBytes');
    expect(spec.given(h).when(cmd('AddAttachment', { kind: 'other', name: 'a.pdf', mimeType: 'application/pdf', sizeBytes: 10, sha256: 'abc', actor: APPLICANT })).thenThrows('SG-4').field).toBe('sha256');
    expect(spec.given(h).when(cmd('AddAttachment', { kind: 'other', name: 'a.pdf', mimeType: 'application/pdf', sizeBytes: 10, sha256: sha(1), actor: { ...APPLICANT, applicantId: 'x' } })).thenThrows('SG-4').kind).toBe('forbidden');
  });
});

describe('SG-2 / SG-3 / SG-4 / SG-6 submission lists every failure', () => {
  it('SG-2 SG-3 SG-4 SG-6 several failures at once, all in one EligibilityRefused with codes', () => {
    const project: Project = { ...PROJECT, category: 'hardware', ownIp: false, innovation: '', selfRaisedFen: 300_000_00, fundingSources: [{ source: 'self-raised', amountFen: 300_000_00, inPlace: false }], inNationalOrProvincialPlan: true };
    const h = drafted(project, ['application-form', 'business-licence']);
    const ineligible: Applicant = { ...APPLICANT_RECORD, divisionCode: '330203', mainBusiness: 'other', declarations: { ...APPLICANT_RECORD.declarations, staff: false } };
    const error = refusal(h, submitCmd(ineligible, { sameYearApplicationIds: ['a-2026-other'], unfinishedFundedApplicationIds: ['a-2025-hz'] })) as EligibilityRefused;
    expect(error).toBeInstanceOf(EligibilityRefused);
    expect(error).toMatchObject({ rule: 'SG-2', kind: 'rule' });
    expect(error.failures.map((f) => `${f.rule} ${f.code}`)).toEqual([
      'SG-2 ningbo-excluded',
      'SG-2 main-business',
      'SG-2 declaration-staff',
      'SG-3 category',
      'SG-3 own-ip',
      'SG-3 innovation',
      'SG-3 self-raised-not-in-place',
      'SG-4 missing-feasibility-study',
      'SG-4 missing-local-tax-registration',
      'SG-4 missing-national-tax-registration',
      'SG-6 in-funding-plan',
      'SG-6 second-project-same-year',
      'SG-6 funded-project-not-completed',
    ]);
    expect(error.rules).toEqual(['SG-2', 'SG-3', 'SG-4', 'SG-6']);
    expect(error.message).toContain('13 failing conditions');
    expect(error.message).toContain('missing-feasibility-study');
  });

  it('SG-4 lists every missing attachment of an application with none', () => {
    const error = refusal(drafted(PROJECT, []), submitCmd()) as EligibilityRefused;
    expect(error.rule).toBe('SG-4');
    expect(error.failures.map((f) => f.code)).toEqual(REQUIRED.map((k) => `missing-${k}`));
  });

  it('SG-4 loan documents are required only with bank loans', () => {
    expect(() => applicationDecider.decide(submitCmd(), foldApplication(drafted()))).not.toThrow();
    const withLoans = drafted({ ...PROJECT, bankLoans: true });
    expect((refusal(withLoans, submitCmd()) as EligibilityRefused).failures.map((f) => f.code)).toEqual(['missing-bank-loan-contract', 'missing-loan-commitment']);
    const complete = drafted({ ...PROJECT, bankLoans: true }, [...REQUIRED, 'bank-loan-contract', 'loan-commitment']);
    expect(applicationDecider.decide(submitCmd(), foldApplication(complete)).map((e) => e.type)).toEqual(['ApplicationSubmitted']);
  });

  it('SG-2 an eligible, complete application is submitted on the local route of its region', () => {
    spec.given(drafted()).when(submitCmd()).then([
      { type: 'ApplicationSubmitted', data: { route: 'local', divisionCode: '330106', applicantName: 'Hangzhou Soft Ltd', submissionDeadline: '2026-06-30', by: 'u-hz', at: T0 } },
    ]);
    expect(stateOf(submitted({ ...APPLICANT_RECORD, provincialUnit: true, divisionCode: '330000' })).route).toBe('provincial-authority');
  });

  it('SG-10 the clawback flag makes a later application of the applicant ineligible', () => {
    const flagged = evolveApplicant(APPLICANT_RECORD, {
      type: 'ApplicantFlagged',
      data: { applicantId: 'hz-soft', applicationId: 'a-2025-hz', clawbackId: 'cb-1', reason: 'fraud', amountFen: 100_000_00, by: 'pf-wu', at: '2025-11-01T10:00:00+08:00' },
    } satisfies ApplicantFlagged) as Applicant;
    const error = refusal(drafted(), submitCmd(flagged)) as EligibilityRefused;
    expect(error.rule).toBe('SG-10');
    expect(error.failures).toEqual([expect.objectContaining({ rule: 'SG-10', code: 'flagged' })]);
  });

  it('SG-6 the application’s own id among the duplicates is not a duplicate; SG-1 no call is 404', () => {
    expect(applicationDecider.decide(submitCmd(APPLICANT_RECORD, { sameYearApplicationIds: ['a-2026-hz'], unfinishedFundedApplicationIds: [] }), foldApplication(drafted()))).toHaveLength(1);
    expect(refusal(drafted(), cmd('SubmitApplication', { call: null, applicant: APPLICANT_RECORD, duplicates: NO_DUPLICATES, actor: APPLICANT }))).toMatchObject({ rule: 'SG-1', kind: 'not-found' });
  });
});

describe('SG-5 route', () => {
  it('SG-5 needs both local finance and local IT before the joint forwarding, in any order', () => {
    const h = step(submitted(), cmd('RecordRouteReview', { department: 'local-it', approved: true, actor: LOCAL_IT }));
    expect(refusal(h, cmd('ForwardToProvince', { call: CALL, actor: LOCAL_IT }))).toMatchObject({ rule: 'SG-5', kind: 'rule' });
    const both = step(h, cmd('RecordRouteReview', { department: 'local-finance', approved: true, actor: LOCAL_FIN }));
    expect(applicationDecider.decide(cmd('ForwardToProvince', { call: CALL, actor: LOCAL_FIN }), foldApplication(both)).map((e) => e.type)).toEqual(['ApplicationForwarded']);
  });

  it('SG-5 forwarding at 23:59:59 on the deadline day is accepted, at 00:00:00 the next day refused', () => {
    const h = locallyApproved();
    expect(applicationDecider.decide(cmd('ForwardToProvince', { call: CALL, actor: LOCAL_IT }, '2026-06-30T23:59:59+08:00'), foldApplication(h))).toEqual([
      { type: 'ApplicationForwarded', data: { route: 'local', deadline: '2026-06-30', by: 'li-sun', at: '2026-06-30T23:59:59+08:00' } },
    ]);
    const late = refusal(h, cmd('ForwardToProvince', { call: CALL, actor: LOCAL_IT }, '2026-07-01T00:00:00+08:00'));
    expect(late).toMatchObject({ rule: 'SG-5', kind: 'rule' });
    expect(late.message).toContain('deadline');
    // 2026-06-30T16:00:00Z is 00:00 on 1 July in Shanghai.
    expect(refusal(h, cmd('ForwardToProvince', { call: CALL, actor: LOCAL_IT }, '2026-06-30T16:00:00Z')).rule).toBe('SG-5');
  });

  it('SG-5 wrong department or role is 403; a local refusal ends the application', () => {
    const h = submitted();
    expect(refusal(h, cmd('RecordRouteReview', { department: 'local-finance', approved: true, actor: LOCAL_IT }))).toMatchObject({ rule: 'SG-5', kind: 'forbidden' });
    expect(refusal(h, cmd('RecordRouteReview', { department: 'provincial-authority', approved: true, actor: PROV_AUTH }))).toMatchObject({ rule: 'SG-5', kind: 'forbidden' });
    expect(refusal(locallyApproved(), cmd('ForwardToProvince', { call: CALL, actor: PROV_FIN }))).toMatchObject({ rule: 'SG-5', kind: 'forbidden' });
    const refused = step(h, cmd('RecordRouteReview', { department: 'local-finance', approved: false, reasons: ['budget unclear'], actor: LOCAL_FIN }));
    expect(stateOf(refused)).toMatchObject({ status: 'rejected', rejection: { stage: 'route', department: 'local-finance', reasons: ['budget unclear'] } });
  });

  it('SG-5 a provincial unit goes through its provincial authority by the deadline', () => {
    let h = submitted({ ...APPLICANT_RECORD, provincialUnit: true, divisionCode: '330000' });
    expect(refusal(h, cmd('RecordRouteReview', { department: 'local-finance', approved: true, actor: LOCAL_FIN })).kind).toBe('forbidden');
    h = step(h, cmd('RecordRouteReview', { department: 'provincial-authority', approved: true, actor: PROV_AUTH }));
    expect(refusal(h, cmd('ForwardToProvince', { call: CALL, actor: LOCAL_IT })).kind).toBe('forbidden');
    expect(refusal(h, cmd('ForwardToProvince', { call: CALL, actor: PROV_AUTH }, '2026-07-01T00:00:00+08:00')).rule).toBe('SG-5');
    expect(stateOf(step(h, cmd('ForwardToProvince', { call: CALL, actor: PROV_AUTH }, '2026-06-30T23:59:59+08:00'))).status).toBe('forwarded');
  });
});

describe('SG-7 review', () => {
  it('SG-7 screening by provincial IT only; failing needs reasons and ends the application', () => {
    const h = forwarded();
    expect(refusal(h, cmd('ScreenApplication', { passed: true, actor: PROV_FIN }))).toMatchObject({ rule: 'SG-7', kind: 'forbidden' });
    expect(refusal(h, cmd('ScreenApplication', { passed: false, actor: PROV_IT })).field).toBe('reasons');
    expect(stateOf(step(h, cmd('ScreenApplication', { passed: false, reasons: ['outside the direction'], actor: PROV_IT }))).status).toBe('rejected');
  });

  it('SG-7 a recused expert cannot score and is excluded from the average; unassigned experts are 403', () => {
    const h = reviewed();
    const s = stateOf(h);
    expect(s.status).toBe('reviewed');
    expect(s.averageScore).toBe(330); // (300 + 360) / 2, ex-2 recused
    expect(h[h.length - 1]).toEqual({ type: 'ExpertReviewCompleted', data: { averageScore: 330, scoredBy: ['ex-1', 'ex-3'], recused: ['ex-2'], by: 'ex-3', at: T0 } });
    let r = inReview();
    r = step(r, cmd('DeclareConflictOfInterest', { conflicted: true, actor: expert('ex-2') }));
    expect(refusal(r, cmd('ScoreApplication', { scores: SCORES, actor: expert('ex-2') }))).toMatchObject({ rule: 'SG-7', kind: 'forbidden' });
    expect(refusal(r, cmd('ScoreApplication', { scores: SCORES, actor: expert('ex-9') }))).toMatchObject({ rule: 'SG-7', kind: 'forbidden' });
    expect(refusal(r, cmd('ScoreApplication', { scores: SCORES, actor: expert('ex-1') })).message).toContain('declare');
    r = step(r, cmd('DeclareConflictOfInterest', { conflicted: false, actor: expert('ex-1') }));
    expect(refusal(r, cmd('ScoreApplication', { scores: { ...SCORES, team: 101 }, actor: expert('ex-1') })).field).toBe('scores.team');
    expect(refusal(r, cmd('ScoreApplication', { scores: { innovation: 1, feasibility: 1, benefit: 1 }, actor: expert('ex-1') })).field).toBe('scores.team');
  });

  it('SG-7 the average is computed only when every assigned, non-recused expert scored', () => {
    let h = inReview();
    h = step(h, cmd('DeclareConflictOfInterest', { conflicted: false, actor: expert('ex-1') }));
    h = step(h, cmd('ScoreApplication', { scores: SCORES, actor: expert('ex-1') }));
    expect(stateOf(h)).toMatchObject({ status: 'in-review', averageScore: null });
    expect(refusal(h, approve(PROV_FIN)).rule).toBe('SG-7');
  });

  it('SG-7 both provincial finance and IT approve with the same form and amount; a mismatch is refused', () => {
    const one = step(reviewed(), approve(PROV_FIN));
    expect(stateOf(one)).toMatchObject({ status: 'reviewed', approved: null });
    expect(refusal(one, approve(PROV_IT, 400_000_00))).toMatchObject({ rule: 'SG-7', kind: 'rule', field: 'amountFen' });
    expect(refusal(one, approve(PROV_IT, 500_000_00, 'reward')).rule).toBe('SG-7');
    expect(refusal(one, approve(PROV_FIN)).kind).toBe('conflict');
    const both = applicationDecider.decide(approve(PROV_IT), foldApplication(one));
    expect(both).toEqual([
      { type: 'ApprovalGiven', data: { department: 'provincial-it', form: 'subsidy', amountFen: 500_000_00, by: 'pit-chen', at: T0 } },
      { type: 'ApplicationApproved', data: { form: 'subsidy', amountFen: 500_000_00, averageScore: 330, by: 'pit-chen', at: T0 } },
    ]);
    expect(refusal(reviewed(), cmd('ApproveApplication', { department: 'provincial-it', form: 'subsidy', amountFen: 1, actor: PROV_FIN })).kind).toBe('forbidden');
  });

  it('SG-7 rejection with reasons by either department; the budget goes to the city/county finance', () => {
    expect(stateOf(step(reviewed(), cmd('RejectApplication', { department: 'provincial-it', reasons: ['low score'], actor: PROV_IT })))).toMatchObject({ status: 'rejected', rejection: { stage: 'review' } });
    expect(refusal(reviewed(), cmd('RejectApplication', { department: 'provincial-it', reasons: [], actor: PROV_IT })).field).toBe('reasons');
    const h = budgetIssued();
    expect(h[h.length - 1]).toEqual({ type: 'BudgetIssued', data: { issuedTo: 'city-county-finance', divisionCode: '330106', amountFen: 500_000_00, by: 'pf-wu', at: T0 } });
  });
});

describe('SG-8 disbursement', () => {
  it('SG-8 two tranches ok, a third over the approved amount refused', () => {
    const h = twoTranches();
    expect(stateOf(h).disbursedFen).toBe(400_000_00);
    const over = refusal(h, tranche('t3', 100_000_01));
    expect(over).toMatchObject({ rule: 'SG-8', kind: 'rule', field: 'amountFen' });
    expect(over.message).toContain('¥500,000.00');
    expect(stateOf(step(h, tranche('t3', 100_000_00))).disbursedFen).toBe(500_000_00);
  });

  it('SG-8 two clerks deciding on the same state: the second, re-decided on the fresh stream after the revision conflict, is refused', () => {
    const h = step(budgetIssued(), tranche('t1', 200_000_00));
    const seen = foldApplication(h);
    // Both decide on revision N: each alone is within the approved amount.
    const first = applicationDecider.decide(tranche('t2', 200_000_00, LOCAL_FIN), seen);
    const second = applicationDecider.decide(tranche('t3', 200_000_00, { userId: 'lf-li', roles: ['local-finance'] }), seen);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    // The store accepts the first append at revision N; the second's expected revision N fails, so it is decided again on N+1.
    const fresh = foldApplication([...h, ...first]);
    expect(() => applicationDecider.decide(tranche('t3', 200_000_00, { userId: 'lf-li', roles: ['local-finance'] }), fresh)).toThrow(expect.objectContaining({ rule: 'SG-8' }));
  });

  it('SG-8 a tranche id is paid once (409); only the finance of the applicant’s level disburses (403)', () => {
    const h = step(budgetIssued(), tranche('t1', 1_00));
    expect(refusal(h, tranche('t1', 1_00)).kind).toBe('conflict');
    expect(refusal(h, tranche('t2', 1_00, LOCAL_IT))).toMatchObject({ rule: 'SG-8', kind: 'forbidden' });
    expect(refusal(reviewed(), tranche('t1', 1_00)).rule).toBe('SG-8');
  });
});

describe('SG-9 completion', () => {
  const reported = () => step(twoTranches(), cmd('SubmitCompletionReport', { fundUsage: 'as planned', results: 'released v1', finalAccountsFen: 700_000_00, actor: APPLICANT }, '2026-11-20T10:00:00+08:00'));
  const reviewedCompletion = () => step(reported(), cmd('ReviewCompletion', { approved: true, actor: LOCAL_IT }, '2026-12-01T10:00:00+08:00'));

  it('SG-9 report, city review and forwarding by the deadline; late forwarding accepted and flagged', () => {
    const h = step(reviewedCompletion(), cmd('ForwardCompletion', { call: CALL, actor: LOCAL_FIN }, '2026-12-31T23:59:59+08:00'));
    expect(h[h.length - 1].data).toMatchObject({ deadline: '2026-12-31', late: false });
    expect(stateOf(h).status).toBe('completed');
    const late = step(reviewedCompletion(), cmd('ForwardCompletion', { call: CALL, actor: LOCAL_FIN }, '2027-01-05T09:00:00+08:00'));
    expect(late[late.length - 1].data).toMatchObject({ late: true });
    expect(completionStatus(stateOf(late), CALL, '2027-02-01')).toEqual({ status: 'done', deadline: '2026-12-31', forwardedAt: '2027-01-05T09:00:00+08:00', late: true });
  });

  it('SG-9 the report is the applicant’s own (403 otherwise); a returned report goes back to the applicant', () => {
    expect(refusal(twoTranches(), cmd('SubmitCompletionReport', { fundUsage: 'x', results: 'y', finalAccountsFen: 1, actor: { ...APPLICANT, applicantId: 'other' } })).kind).toBe('forbidden');
    expect(refusal(reported(), cmd('ReviewCompletion', { approved: true, actor: PROV_IT })).kind).toBe('forbidden');
    const returned = step(reported(), cmd('ReviewCompletion', { approved: false, reasons: ['no accounts'], actor: LOCAL_FIN }));
    expect(stateOf(returned).status).toBe('budget-issued');
  });

  it('SG-9 overdue completion reports listed as of dates', () => {
    const funded = stateOf(twoTranches());
    const done = stateOf(step(reviewedCompletion(), cmd('ForwardCompletion', { call: CALL, actor: LOCAL_FIN }, '2026-12-20T10:00:00+08:00')));
    const notFunded = stateOf(reviewed());
    expect(completionStatus(funded, CALL, '2026-12-31')).toEqual({ status: 'due', deadline: '2026-12-31' });
    expect(completionStatus(funded, CALL, '2027-01-10T08:00:00+08:00')).toEqual({ status: 'overdue', deadline: '2026-12-31', daysOverdue: 10 });
    expect(completionStatus(notFunded, CALL, '2027-01-10')).toEqual({ status: 'not-due' });
    expect(completionStatus(done, CALL, '2026-12-19').status).toBe('due');
    const all = [funded, done, notFunded];
    expect(overdueCompletions(all, CALL, '2026-12-31')).toEqual([]);
    expect(overdueCompletions(all, CALL, '2027-01-01')).toEqual([{ applicationId: 'a-2026-hz', applicantId: 'hz-soft', deadline: '2026-12-31', daysOverdue: 1 }]);
  });
});

describe('SG-10 supervision', () => {
  const inspected = (violation = true) => step(twoTranches(), cmd('RecordInspection', { inspectionId: 'in-1', findings: 'funds moved to another project', violation, actor: INSPECTOR }, '2026-09-01T10:00:00+08:00'));

  it('SG-10 a violation gets a rectification order with a deadline; overdue orders listed as of dates', () => {
    const h = step(inspected(), cmd('OrderRectification', { orderId: 'r-1', inspectionId: 'in-1', requirements: 'return the funds to the project account', deadline: '2026-09-30', actor: INSPECTOR }, '2026-09-01T10:00:00+08:00'));
    expect(overdueRectifications(stateOf(h), '2026-09-30')).toEqual([]);
    expect(overdueRectifications(stateOf(h), '2026-10-03')).toEqual([{ orderId: 'r-1', inspectionId: 'in-1', deadline: '2026-09-30', daysOverdue: 3 }]);
    const done = step(h, cmd('CompleteRectification', { orderId: 'r-1', note: 'returned', actor: APPLICANT }, '2026-10-05T10:00:00+08:00'));
    expect(done[done.length - 1].data).toMatchObject({ late: true });
    expect(overdueRectifications(stateOf(done), '2026-10-03')).toHaveLength(1);
    expect(overdueRectifications(stateOf(done), '2026-10-06')).toEqual([]);
    expect(refusal(step(inspected(false), cmd('RecordInspection', { inspectionId: 'in-2', findings: 'ok', violation: false, actor: INSPECTOR })), cmd('OrderRectification', { orderId: 'r-2', inspectionId: 'in-2', requirements: 'x', deadline: '2026-12-01', actor: INSPECTOR })).rule).toBe('SG-10');
    expect(refusal(twoTranches(), cmd('RecordInspection', { inspectionId: 'in-9', findings: 'x', violation: false, actor: APPLICANT })).kind).toBe('forbidden');
  });

  it('SG-10 a clawback is at most what was disbursed; more is refused naming SG-10; no tranche after it', () => {
    const h = inspected();
    const over = refusal(h, cmd('OrderClawback', { clawbackId: 'cb-1', amountFen: 400_000_01, reason: 'fraud', actor: PROV_FIN }));
    expect(over).toMatchObject({ rule: 'SG-10', kind: 'rule', field: 'amountFen' });
    const clawed = step(h, cmd('OrderClawback', { clawbackId: 'cb-1', amountFen: 300_000_00, reason: 'serious-misuse', actor: PROV_FIN }));
    expect(clawed[clawed.length - 1]).toEqual({
      type: 'ClawbackOrdered',
      data: { clawbackId: 'cb-1', applicantId: 'hz-soft', amountFen: 300_000_00, reason: 'serious-misuse', note: null, clawedBackTotalFen: 300_000_00, by: 'pf-wu', at: T0 },
    });
    expect(refusal(clawed, cmd('OrderClawback', { clawbackId: 'cb-2', amountFen: 100_000_01, reason: 'fraud', actor: PROV_FIN })).rule).toBe('SG-10');
    expect(stateOf(step(clawed, cmd('OrderClawback', { clawbackId: 'cb-2', amountFen: 100_000_00, reason: 'fraud', actor: PROV_FIN }))).clawedBackFen).toBe(400_000_00);
    expect(refusal(clawed, tranche('t3', 1_00)).rule).toBe('SG-10');
    expect(refusal(h, cmd('OrderClawback', { clawbackId: 'cb-1', amountFen: 1, reason: 'fraud', actor: INSPECTOR })).kind).toBe('forbidden');
  });
});

describe('SG views: the application timeline', () => {
  it('SG-7 SG-8 the timeline lists every decision with who, when and the rule, in order', () => {
    const timeline = timelineOf(twoTranches());
    expect(timeline[0]).toMatchObject({ who: 'u-hz', rule: 'SG-3', type: 'ApplicationDrafted' });
    expect(timeline.map((t) => t.type)).toContain('ExpertReviewCompleted');
    expect(timeline.find((t) => t.type === 'ConflictOfInterestDeclared' && t.what.includes('recused'))).toMatchObject({ who: 'ex-2', rule: 'SG-7' });
    expect(timeline.find((t) => t.type === 'ApplicationApproved')).toMatchObject({ who: 'pit-chen', what: 'jointly approved: subsidy of ¥500,000.00' });
    expect(timeline[timeline.length - 1]).toMatchObject({ who: 'lf-zhou', rule: 'SG-8', at: '2026-08-01T10:00:00+08:00', what: expect.stringContaining('total ¥400,000.00') });
    expect(timeline.every((t) => t.at && t.who && /^SG-\d+$/.test(t.rule))).toBe(true);
  });
});
