import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type EventStore } from '@ebp/shared-eventsourcing';
import { CLOCK, EVENT_STORE, execute, replyOf, type Clock, type CommandContext, type CommandReply } from '@ebp/shared-nest';
import { employedOn, staffMonthDecider, staffMonthStream } from '@ebp/hr-attendance-domain';
import { shanghaiDate, shanghaiMonth } from '@ebp/shared-kernel';
import { newHrRecordId } from '../shared/ids';
import { clockAt, HrEmployees, isHrManager } from '../shared/hr-employees';
import type { RecordComplaintDto, RecordConductDto } from './conduct.dto';

/** HR-4 complaint fines HR enters (a sales colleague's, or a customer's outside the service desk) and HR-7 conduct records. */
@Injectable()
export class ConductCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly employees: HrEmployees,
  ) {}

  /** HR-4 (hr-manager): the fine lands on the month the complaint was upheld in. */
  async recordComplaint(dto: RecordComplaintDto, ctx: CommandContext): Promise<CommandReply> {
    await this.employees.require(dto.staffId, 'HR-4');
    const now = this.clock.now();
    const upheldAt = dto.upheldAt ?? now;
    if (Date.parse(upheldAt) > Date.parse(now)) throw new DomainError('HR-4', `upheldAt ${upheldAt} is in the future`, 'invalid', 'upheldAt');
    const month = shanghaiMonth(upheldAt);
    const fineId = newHrRecordId();
    const result = await execute(this.store, clockAt(now), staffMonthDecider, staffMonthStream(month, dto.staffId), ctx, (at) => ({
      type: 'RecordComplaintFine' as const,
      data: {
        staffId: dto.staffId,
        month,
        fineId,
        complainant: dto.complainant,
        source: 'hr' as const,
        ticketId: null,
        integrationEventId: null,
        severity: dto.severity,
        fineFen: dto.fineFen ?? null,
        finding: dto.finding,
        upheldBy: ctx.actor.userId,
        upheldAt,
        by: ctx.actor.userId,
      },
      metadata: { now: at },
    }));
    return replyOf(fineId, result);
  }

  /** HR-7 (hr-manager, or the staff member's manager): on the month it happened in. */
  async recordConduct(dto: RecordConductDto, ctx: CommandContext): Promise<CommandReply> {
    const employee = await this.employees.require(dto.staffId, 'HR-7');
    const caller = ctx.actor.userId;
    if (caller === employee.staffId) throw new DomainError('HR-7', 'staff cannot record conduct on themselves', 'forbidden');
    if (!isHrManager(ctx.actor) && employee.managerId !== caller) {
      throw new DomainError('HR-7', `only hr-manager${employee.managerId ? ` or the manager (${employee.managerId})` : ''} of ${employee.staffId} may record conduct`, 'forbidden');
    }
    const date = shanghaiDate(dto.occurredAt);
    if (!employedOn(employee, date)) throw new DomainError('HR-7', `staff member ${employee.staffId} is not employed on ${date}`, 'rule', 'occurredAt');
    const month = shanghaiMonth(dto.occurredAt);
    const recordId = newHrRecordId();
    const result = await execute(this.store, this.clock, staffMonthDecider, staffMonthStream(month, employee.staffId), ctx, (now) => ({
      type: 'RecordConduct' as const,
      data: {
        staffId: employee.staffId,
        month,
        recordId,
        kind: dto.kind,
        occurredAt: dto.occurredAt,
        description: dto.description,
        callMinutes: dto.callMinutes ?? null,
        sanction: dto.sanction ?? null,
        penaltyFen: dto.penaltyFen ?? null,
        source: 'hr' as const,
        by: caller,
      },
      metadata: { now },
    }));
    return replyOf(recordId, result);
  }
}
