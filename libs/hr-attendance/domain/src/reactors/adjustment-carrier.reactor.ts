import type { ReactionContext, RecordedEvent, Reactor } from '@ebp/shared-eventsourcing';
import { nextMonth } from '@ebp/shared-kernel';
import { staffMonthStream, staffMonthStreams } from '../shared/streams';
import { staffMonthDecider } from '../staff-month/staff-month.decider';
import type { PayslipAdjustmentDue } from '../staff-month/staff-month.events';

const isAdjustmentDue = (event: RecordedEvent): event is RecordedEvent<PayslipAdjustmentDue> =>
  staffMonthStreams.owns(event.metadata.streamId) && event.type === 'PayslipAdjustmentDue';

/**
 * HR-6: an adjustment due on a closed month goes to the next month; a closed one passes it on
 * (PayslipAdjustmentDue again), so it lands on the first open month. The adjustment id makes it idempotent.
 */
export const adjustmentCarrierReactor: Reactor = {
  name: 'hr-attendance-adjustment-carrier',
  async react(event: RecordedEvent, context: ReactionContext): Promise<void> {
    if (!isAdjustmentDue(event)) return;
    const d = event.data;
    const month = nextMonth(d.month);
    await context.execute(staffMonthDecider, staffMonthStream(month, d.staffId), (now) => ({
      type: 'CarryAdjustment' as const,
      data: {
        staffId: d.staffId,
        month,
        adjustmentId: d.adjustmentId,
        originMonth: d.originMonth,
        originPayslipEventId: d.originPayslipEventId,
        // The due event of the origin month is the one cited. A passed-on due names it itself: its
        // causation is only the previous hop, which is the origin's due on the first pass alone.
        dueEventId: d.originDueEventId ?? (d.month === d.originMonth ? event.metadata.eventId : (event.metadata.causationId ?? event.metadata.eventId)),
        kind: d.kind,
        amountFen: d.amountFen,
        explanation: d.explanation,
      },
      metadata: { now },
    }));
  },
};
