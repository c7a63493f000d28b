import type { ReactionContext, RecordedEvent, Reactor } from '@ebp/shared-eventsourcing';
import { applicantDecider } from '../applicant/applicant.decider';
import type { ClawbackOrdered } from '../application/application.events';
import { applicantStream, applicationStreams } from '../shared/streams';

const isClawback = (event: RecordedEvent): event is RecordedEvent<ClawbackOrdered> => applicationStreams.owns(event.metadata.streamId) && event.type === 'ClawbackOrdered';

/**
 * SG-10: a clawback flags the applicant, on behalf of the provincial finance official who ordered it.
 * The clawback id makes it idempotent: a redelivered event meets the flag already there (409).
 */
export const clawbackFlagsApplicantReactor: Reactor = {
  name: 'subsidy-grants-clawback-flags-applicant',
  async react(event: RecordedEvent, context: ReactionContext): Promise<void> {
    if (!isClawback(event)) return;
    const d = event.data;
    const applicationId = applicationStreams.idOf(event.metadata.streamId)!;
    await context.execute(applicantDecider, applicantStream(d.applicantId), (now) => ({
      type: 'FlagApplicant' as const,
      data: {
        applicantId: d.applicantId,
        applicationId,
        clawbackId: d.clawbackId,
        reason: d.reason,
        amountFen: d.amountFen,
        actor: { userId: d.by, roles: ['provincial-finance'] },
      },
      metadata: { now },
    }));
  },
};
