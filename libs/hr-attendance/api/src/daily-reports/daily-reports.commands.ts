import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@ebp/shared-eventsourcing';
import { CLOCK, EVENT_STORE, runCommand, type Clock, type CommandContext, type CommandReply } from '@ebp/shared-nest';
import { staffMonthDecider, staffMonthStream } from '@ebp/hr-attendance-domain';
import { requireCalendarDate } from '../shared/ids';
import { HrEmployees } from '../shared/hr-employees';
import type { SubmitDailyReportDto } from './daily-reports.dto';

/** HR-5 application layer: the caller reports their own working day, once. */
@Injectable()
export class DailyReportsCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly employees: HrEmployees,
  ) {}

  async submit(dateText: string, dto: SubmitDailyReportDto, ctx: CommandContext): Promise<CommandReply> {
    const date = requireCalendarDate(dateText, 'HR-5');
    const employee = await this.employees.caller(ctx.actor);
    const month = date.slice(0, 7);
    const contacts = dto.contacts.map(({ customer, channel, summary }) => ({ customer, channel, summary }));
    return runCommand(this.store, this.clock, staffMonthDecider, staffMonthStream(month, employee.staffId), `${date}.${employee.staffId}`, ctx, (now) => ({
      type: 'SubmitDailyReport' as const,
      data: { staffId: employee.staffId, month, employee, date, contacts, summary: dto.summary },
      metadata: { now },
    }));
  }
}
