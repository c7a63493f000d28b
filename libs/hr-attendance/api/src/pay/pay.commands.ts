import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type EventStore } from '@ebp/shared-eventsourcing';
import { CLOCK, EVENT_STORE, runCommand, type Clock, type CommandContext, type CommandReply } from '@ebp/shared-nest';
import { staffMonthDecider, staffMonthStream } from '@ebp/hr-attendance-domain';
import { firstDayOf, lastDayOf } from '@ebp/shared-kernel';
import { newMonthEntityId } from '../shared/ids';
import { hrActorOf, HrEmployees } from '../shared/hr-employees';
import type { EnterPayElementDto } from './pay.dto';

/** HR-6: commission and bonus, entered by the line manager (hr-manager for someone without one; the decider checks). */
@Injectable()
export class PayCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly employees: HrEmployees,
  ) {}

  async enterPayElement(dto: EnterPayElementDto, ctx: CommandContext): Promise<CommandReply> {
    const employee = await this.employees.require(dto.staffId, 'HR-6');
    const { month } = dto;
    if (employee.hireDate > lastDayOf(month) || (employee.leavingDate !== null && employee.leavingDate < firstDayOf(month))) {
      throw new DomainError('HR-6', `staff member ${employee.staffId} is not employed in ${month}`, 'rule', 'month');
    }
    const entryId = newMonthEntityId(month, employee.staffId);
    return runCommand(this.store, this.clock, staffMonthDecider, staffMonthStream(month, employee.staffId), entryId, ctx, (now) => ({
      type: 'EnterPayElement' as const,
      data: { staffId: employee.staffId, month, employee, entryId, kind: dto.kind, amountFen: dto.amountFen, reason: dto.reason, by: hrActorOf(ctx.actor) },
      metadata: { now },
    }));
  }
}
