import type { IntegrationEvent, IntegrationReactor, ReactionContext } from '@ebp/shared-eventsourcing';
import type { ComplaintUpheldV1, ShirkingFindingRecordedV1 } from '@ebp/service-desk-contracts';
import { shanghaiMonth } from '@ebp/shared-kernel';
import { staffMonthStream } from '../shared/streams';
import { staffMonthDecider } from '../staff-month/staff-month.decider';

const isComplaintUpheld = (e: IntegrationEvent): e is ComplaintUpheldV1 => e.type === 'service-desk.complaint-upheld.v1';
const isShirkingFinding = (e: IntegrationEvent): e is ShirkingFindingRecordedV1 => e.type === 'service-desk.shirking-finding-recorded.v1';

/**
 * HR-4: a complaint the service desk upheld against staff id X becomes a fine on X's month (the
 * month it was upheld in; a closed month carries it to the next open one). An id HR has no record
 * of is kept all the same and listed as unmatched. Idempotent: the fine id is the event id.
 */
export const complaintFineReactor: IntegrationReactor = {
  name: 'hr-attendance-complaint-fines',
  from: ['service-desk'],
  async react(event: IntegrationEvent, context: ReactionContext): Promise<void> {
    if (!isComplaintUpheld(event)) return;
    const d = event.data;
    const month = shanghaiMonth(d.upheldAt);
    await context.execute(staffMonthDecider, staffMonthStream(month, d.staffId), (now) => ({
      type: 'RecordComplaintFine' as const,
      data: {
        staffId: d.staffId,
        month,
        fineId: event.id,
        complainant: 'customer' as const,
        source: 'service-desk' as const,
        ticketId: d.ticketId,
        integrationEventId: event.id,
        severity: d.severity,
        finding: d.finding,
        upheldBy: d.upheldBy,
        upheldAt: d.upheldAt,
        by: 'service-desk',
      },
      metadata: { now },
    }));
  },
};

/** HR-7: the service desk's SD-6 shirking finding becomes a conduct record with its sanction (no amount). */
export const shirkingConductReactor: IntegrationReactor = {
  name: 'hr-attendance-shirking-conduct',
  from: ['service-desk'],
  async react(event: IntegrationEvent, context: ReactionContext): Promise<void> {
    if (!isShirkingFinding(event)) return;
    const d = event.data;
    const month = shanghaiMonth(d.recordedAt);
    await context.execute(staffMonthDecider, staffMonthStream(month, d.staffId), (now) => ({
      type: 'RecordConduct' as const,
      data: {
        staffId: d.staffId,
        month,
        recordId: `shirking-${d.findingId}`,
        kind: 'shirking' as const,
        occurredAt: d.recordedAt,
        description: `${d.kind} on ticket ${d.ticketId}: ${d.description}`,
        sanction: d.sanction,
        penaltyFen: null,
        source: 'service-desk' as const,
        findingId: d.findingId,
        ticketId: d.ticketId,
        integrationEventId: event.id,
        by: d.recordedBy,
      },
      metadata: { now },
    }));
  },
};
