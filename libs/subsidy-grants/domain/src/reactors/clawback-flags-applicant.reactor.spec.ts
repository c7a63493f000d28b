import type { Decider, DomainEvent, ReactionContext, RecordedEvent } from '@ebp/shared-eventsourcing';
import { fold } from '@ebp/shared-eventsourcing';
import { recorded } from '@ebp/shared-eventsourcing/testing';
import type { FlagApplicant } from '../applicant/applicant.commands';
import { applicantDecider, type Applicant } from '../applicant/applicant.decider';
import type { ApplicantEvent } from '../applicant/applicant.events';
import { eligibilityOf } from '../applicant/eligibility';
import type { ClawbackOrdered } from '../application/application.events';
import { applicantStream, applicationStream } from '../shared/streams';
import { subsidyGrantsReactors } from '../index';
import { clawbackFlagsApplicantReactor } from './clawback-flags-applicant.reactor';

const NOW = '2026-10-10T10:00:05+08:00';

function fakeContext() {
  const executions: { decider: unknown; streamId: string; command: unknown }[] = [];
  const context: ReactionContext = {
    async execute<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, streamId: string, build: (now: string) => C): Promise<void> {
      executions.push({ decider, streamId, command: build(NOW) });
    },
  };
  return { context, executions };
}

const clawback = (streamId = applicationStream('a-2026-hz')): RecordedEvent<ClawbackOrdered> =>
  recorded<ClawbackOrdered>(
    { type: 'ClawbackOrdered', data: { clawbackId: 'cb-1', applicantId: 'hz-soft', amountFen: 300_000_00, reason: 'fraud', note: null, clawedBackTotalFen: 300_000_00, by: 'pf-wu', at: '2026-10-10T10:00:00+08:00' } },
    { streamId, eventId: 'ev-cb-1' },
  );

const registered: ApplicantEvent = {
  type: 'ApplicantRegistered',
  data: {
    applicantId: 'hz-soft',
    name: 'Hangzhou Soft Ltd',
    divisionCode: '330106',
    provincialUnit: false,
    independentLegalPerson: true,
    mainBusiness: 'software',
    declarations: { equipment: true, staff: true, qualityAssurance: true, premises: true, clearOwnership: true, financialManagement: true, goodCredit: true },
    by: 'u-hz',
    at: '2026-01-10T09:00:00+08:00',
  },
};

describe('clawback flags applicant reactor (SG-10)', () => {
  it('SG-10 a ClawbackOrdered executes FlagApplicant on the applicant stream, for the official who ordered it', async () => {
    const { context, executions } = fakeContext();
    await clawbackFlagsApplicantReactor.react(clawback(), context);
    expect(executions).toHaveLength(1);
    expect(executions[0].decider).toBe(applicantDecider);
    expect(executions[0].streamId).toBe(applicantStream('hz-soft'));
    expect(executions[0].command).toEqual({
      type: 'FlagApplicant',
      data: { applicantId: 'hz-soft', applicationId: 'a-2026-hz', clawbackId: 'cb-1', reason: 'fraud', amountFen: 300_000_00, actor: { userId: 'pf-wu', roles: ['provincial-finance'] } },
      metadata: { now: NOW },
    });
    expect(subsidyGrantsReactors).toContain(clawbackFlagsApplicantReactor);
  });

  it('SG-10 the flag makes the applicant ineligible; a redelivered clawback is refused as already done (409)', async () => {
    const { context, executions } = fakeContext();
    await clawbackFlagsApplicantReactor.react(clawback(), context);
    await clawbackFlagsApplicantReactor.react(clawback(), context);
    const command = executions[0].command as FlagApplicant;
    expect(executions[1].command).toEqual(command);
    const flagged = applicantDecider.decide(command, fold(applicantDecider, [registered]));
    const state = fold(applicantDecider, [registered, ...flagged]) as Applicant;
    expect(eligibilityOf(state).map((f) => `${f.rule} ${f.code}`)).toEqual(['SG-10 flagged']);
    expect(() => applicantDecider.decide(command, state)).toThrow(expect.objectContaining({ rule: 'SG-10', kind: 'conflict' }));
  });

  it('SG-10 ignores other events and a ClawbackOrdered outside the application streams', async () => {
    const { context, executions } = fakeContext();
    await clawbackFlagsApplicantReactor.react(clawback(applicantStream('hz-soft')), context);
    await clawbackFlagsApplicantReactor.react(recorded({ type: 'TrancheDisbursed', data: {} }, { streamId: applicationStream('a-2026-hz') }), context);
    expect(executions).toEqual([]);
  });
});
