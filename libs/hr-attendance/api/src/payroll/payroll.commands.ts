import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, loadState, PreconditionFailedError, type EventStore, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { CLOCK, EVENT_STORE, execute, READ_MODEL_STORE, type Clock, type CommandContext, type CommandReply } from '@ebp/shared-nest';
import { payrollMonthDecider, payrollMonthStream, staffMonthDecider, staffMonthStream, type PayslipIssued } from '@ebp/hr-attendance-domain';
import { HrEmployeeQueries } from '@ebp/hr-attendance-read-models';
import { monthHasEnded } from '@ebp/shared-kernel';
import { mapBounded } from '../shared/bounded';
import { requireMonth } from '../shared/ids';
import { clockAt, HrEmployees } from '../shared/hr-employees';

/** Payslips issued at the same time (the embedded store group-commits what is appended together). */
export const PAYSLIP_CONCURRENCY = 16;

export interface PayrollCloseReply extends CommandReply {
  /** Payslips of the month (issued now or before) the close covers. */
  payslips: number;
}

/**
 * HR-6 application layer: closing a month freezes a payslip for everyone employed in it, then
 * closes the payroll month with their nets. Each step is idempotent, so a failed or repeated close
 * is simply run again: it issues what is missing and leaves the rest.
 */
@Injectable()
export class PayrollCommands {
  private readonly queries: HrEmployeeQueries;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly employees: HrEmployees,
  ) {
    this.queries = new HrEmployeeQueries(readModels);
  }

  async close(monthText: string, ctx: CommandContext): Promise<PayrollCloseReply> {
    const month = requireMonth(monthText, 'HR-6');
    const now = this.clock.now();
    // Refused before a single payslip is issued (the decider would refuse the close only after them).
    if (!monthHasEnded(month, now)) throw new DomainError('HR-6', `${month} has not ended: it cannot be closed yet`, 'rule', 'month');
    const payrollStream = payrollMonthStream(month);
    if (ctx.ifMatch !== undefined) {
      const { revision } = await loadState(this.store, payrollMonthDecider, payrollStream);
      if (revision !== ctx.ifMatch) throw new PreconditionFailedError(payrollStream, ctx.ifMatch, revision);
    }

    const clock = clockAt(now);
    const by = ctx.actor.userId;
    // One conversation for every payslip and the close; If-Match is about the payroll month only.
    const runCtx: CommandContext = { actor: ctx.actor, correlationId: ctx.correlationId ?? randomUUID() };
    const appended = new Set<string>();
    let position = 0;

    const staff = await this.queries.employedIn(month);
    const issued = await mapBounded(staff, PAYSLIP_CONCURRENCY, async ({ staffId }) => {
      // The view found them; the payslip is computed from the record as the event store has it now.
      const employee = await this.employees.find(staffId);
      if (!employee) return null;
      const stream = staffMonthStream(month, staffId);
      const result = await execute(this.store, clock, staffMonthDecider, stream, runCtx, (at) => ({
        type: 'IssuePayslip' as const,
        data: { staffId, month, employee, by },
        metadata: { now: at },
      }));
      result.events.forEach((e) => appended.add(e.type));
      position = Math.max(position, result.position);
      const payslip = result.events.find((e) => e.type === 'PayslipIssued') as PayslipIssued | undefined;
      if (payslip) return { staffId, netFen: payslip.data.totals.netFen };
      // Issued by an earlier close: its frozen net.
      const { state } = await loadState(this.store, staffMonthDecider, stream);
      return state.payslip ? { staffId, netFen: state.payslip.totals.netFen } : null;
    });
    const payslips = issued.filter((p): p is { staffId: string; netFen: number } => p !== null);

    const closed = await execute(this.store, clock, payrollMonthDecider, payrollStream, { ...runCtx, ifMatch: ctx.ifMatch }, (at) => ({
      type: 'ClosePayrollMonth' as const,
      data: { month, payslips, by },
      metadata: { now: at },
    }));
    closed.events.forEach((e) => appended.add(e.type));
    position = Math.max(position, closed.position);
    return { id: month, revision: closed.revision, position, events: [...appended], payslips: payslips.length };
  }
}
