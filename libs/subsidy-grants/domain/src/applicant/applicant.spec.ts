import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import { prefectureOf, regionFailure, ZHEJIANG_PREFECTURES } from '../shared/regions';
import type { FlagApplicant, RegisterApplicant } from './applicant.commands';
import { applicantDecider, type Applicant } from './applicant.decider';
import type { ApplicantFlagged } from './applicant.events';
import { eligibilityOf, isEligible } from './eligibility';

const NOW = '2026-03-02T10:00:00+08:00';
const SELF = { userId: 'u-hz', roles: ['applicant'], applicantId: 'hz-soft' };
const ALL_DECLARED = { equipment: true, staff: true, qualityAssurance: true, premises: true, clearOwnership: true, financialManagement: true, goodCredit: true };
const register = (data: Partial<RegisterApplicant['data']> = {}): RegisterApplicant => ({
  type: 'RegisterApplicant',
  data: { applicantId: 'hz-soft', name: 'Hangzhou Soft Ltd', divisionCode: '330106', provincialUnit: false, independentLegalPerson: true, mainBusiness: 'software', declarations: ALL_DECLARED, actor: SELF, ...data },
  metadata: { now: NOW },
});
const record = (data: Partial<Applicant> = {}): Applicant => ({
  status: 'registered',
  applicantId: 'hz-soft',
  name: 'Hangzhou Soft Ltd',
  divisionCode: '330106',
  provincialUnit: false,
  independentLegalPerson: true,
  mainBusiness: 'software',
  declarations: { ...ALL_DECLARED },
  registeredBy: 'u-hz',
  registeredAt: NOW,
  flags: [],
  ...data,
});

describe('SG-2 regions', () => {
  it('SG-2 Zhejiang has eleven prefectures 3301 Hangzhou … 3311 Lishui, Ningbo marked excluded', () => {
    expect(ZHEJIANG_PREFECTURES.map((p) => p.code)).toEqual(['3301', '3302', '3303', '3304', '3305', '3306', '3307', '3308', '3309', '3310', '3311']);
    expect(ZHEJIANG_PREFECTURES.filter((p) => p.excluded).map((p) => p.name)).toEqual(['Ningbo']);
    expect(prefectureOf('331102')?.name).toBe('Lishui');
  });

  it.each([
    ['330106', null],
    ['330000', null],
    ['331121', null],
    ['330203', 'ningbo-excluded'],
    ['330281', 'ningbo-excluded'],
    ['310101', 'outside-zhejiang'],
    ['331201', 'unknown-prefecture'],
    ['33010', 'division-code-invalid'],
    ['33O106', 'division-code-invalid'],
  ])('SG-2 region of %s → %p', (code, failure) => {
    expect(regionFailure(code, '2026-03-02')).toBe(failure);
  });
});

describe('SG-2 applicant eligibility', () => {
  const spec = DeciderSpecification.for(applicantDecider);

  it('SG-2 an eligible applicant has no failing condition', () => {
    expect(eligibilityOf(record())).toEqual([]);
    expect(isEligible(record())).toBe(true);
  });

  it('SG-2 lists EVERY failing condition with its code, not only the first', () => {
    const failures = eligibilityOf(
      record({ divisionCode: '330203', independentLegalPerson: false, mainBusiness: 'other', declarations: { ...ALL_DECLARED, premises: false, goodCredit: false } }),
    );
    expect(failures.map((f) => f.code)).toEqual(['ningbo-excluded', 'not-independent-legal-person', 'main-business', 'declaration-premises', 'declaration-good-credit']);
    expect(failures.every((f) => f.rule === 'SG-2')).toBe(true);
  });

  it('SG-2 an ineligible applicant can be registered (its applications are refused later)', () => {
    const state = spec.when(register({ divisionCode: '330203' })).then([
      {
        type: 'ApplicantRegistered',
        data: { applicantId: 'hz-soft', name: 'Hangzhou Soft Ltd', divisionCode: '330203', provincialUnit: false, independentLegalPerson: true, mainBusiness: 'software', declarations: ALL_DECLARED, by: 'u-hz', at: NOW },
      },
    ]) as Applicant;
    expect(eligibilityOf(state).map((f) => f.code)).toEqual(['ningbo-excluded']);
  });

  it('SG-2 refuses a malformed division code (400), a missing declaration (400), someone else (403), a second registration (409)', () => {
    expect(spec.when(register({ divisionCode: '3301' })).thenThrows('SG-2')).toMatchObject({ kind: 'invalid', field: 'divisionCode' });
    expect(spec.when(register({ declarations: { ...ALL_DECLARED, staff: undefined as never } })).thenThrows('SG-2').field).toBe('declarations.staff');
    expect(spec.when(register({ actor: { userId: 'u-x', roles: ['applicant'], applicantId: 'other' } })).thenThrows('SG-2').kind).toBe('forbidden');
    const [registered] = applicantDecider.decide(register(), applicantDecider.initialState());
    expect(spec.given([registered]).when(register()).thenThrows('SG-2').kind).toBe('conflict');
    // The provincial IT department may register a unit.
    expect(applicantDecider.decide(register({ actor: { userId: 'pit', roles: ['provincial-it'] } }), applicantDecider.initialState())).toHaveLength(1);
  });

  it('SG-10 a clawback flag is seen by the eligibility check; flagging twice for one clawback is 409', () => {
    const flag: FlagApplicant = {
      type: 'FlagApplicant',
      data: { applicantId: 'hz-soft', applicationId: 'a-2026', clawbackId: 'cb-1', reason: 'fraud', amountFen: 100_00, actor: { userId: 'pf-wu', roles: ['provincial-finance'] } },
      metadata: { now: NOW },
    };
    const [registered] = applicantDecider.decide(register(), applicantDecider.initialState());
    const flagged: ApplicantFlagged = { type: 'ApplicantFlagged', data: { applicantId: 'hz-soft', applicationId: 'a-2026', clawbackId: 'cb-1', reason: 'fraud', amountFen: 100_00, by: 'pf-wu', at: NOW } };
    const state = spec.given([registered]).when(flag).then([flagged]) as Applicant;
    expect(eligibilityOf(state)).toEqual([expect.objectContaining({ rule: 'SG-10', code: 'flagged' })]);
    expect(spec.given([registered, flagged]).when(flag).thenThrows('SG-10').kind).toBe('conflict');
    expect(spec.when(flag).thenThrows('SG-10').kind).toBe('not-found');
    expect(spec.given([registered]).when({ ...flag, data: { ...flag.data, actor: { userId: 'i', roles: ['inspector'] } } }).thenThrows('SG-10').kind).toBe('forbidden');
  });
});
