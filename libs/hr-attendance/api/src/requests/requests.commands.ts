import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type EventStore } from '@ebp/shared-eventsourcing';
import { CLOCK, EVENT_STORE, locatedAt, runCommand, type Clock, type CommandContext, type CommandReply } from '@ebp/shared-nest';
import { staffMonthDecider, staffMonthStream, type Employee, type StaffMonthCommand } from '@ebp/hr-attendance-domain';
import { newMonthEntityId, requireMonthEntityId } from '../shared/ids';
import { hrActorOf, HrEmployees } from '../shared/hr-employees';
import type { DecisionDto, RequestCorrectionDto, RequestLeaveDto } from './requests.dto';

/**
 * HR-2 application layer: staff request leave and corrections for themselves; the line manager
 * (hr-manager for someone without one) decides, which the decider checks. Ids name their
 * staff-month (`<YYYY-MM>.<staffId>.<8 hex>`), so a decision finds the stream from the id.
 */
@Injectable()
export class RequestsCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly employees: HrEmployees,
  ) {}

  async requestLeave(dto: RequestLeaveDto, ctx: CommandContext): Promise<CommandReply> {
    const employee = await this.employees.caller(ctx.actor);
    const month = dto.from.slice(0, 7);
    if (dto.to.slice(0, 7) !== month) {
      throw new DomainError('HR-2', `a leave request covers one calendar month: request ${dto.from} – end of ${month} and the rest separately`, 'invalid', 'to');
    }
    const requestId = newMonthEntityId(month, employee.staffId);
    const reply = await this.onMonth(month, employee, requestId, ctx, (now) => ({
      type: 'RequestLeave',
      data: { staffId: employee.staffId, month, employee, requestId, from: dto.from, to: dto.to, kind: dto.kind, reason: dto.reason },
      metadata: { now },
    }));
    return locatedAt(`/hr-attendance/leave-requests/${requestId}`, reply);
  }

  async decideLeave(requestId: string, approve: boolean, dto: DecisionDto, ctx: CommandContext): Promise<CommandReply> {
    const { month, employee } = await this.ownerOf(requestId, 'leave request', 'requestId');
    return this.onMonth(month, employee, requestId, ctx, (now) => ({
      type: 'DecideLeave',
      data: { staffId: employee.staffId, month, employee, requestId, approve, reason: dto.reason ?? null, by: hrActorOf(ctx.actor) },
      metadata: { now },
    }));
  }

  async requestCorrection(dto: RequestCorrectionDto, ctx: CommandContext): Promise<CommandReply> {
    const employee = await this.employees.caller(ctx.actor);
    const month = dto.date.slice(0, 7);
    const correctionId = newMonthEntityId(month, employee.staffId);
    const reply = await this.onMonth(month, employee, correctionId, ctx, (now) => ({
      type: 'RequestCorrection',
      data: { staffId: employee.staffId, month, employee, correctionId, date: dto.date, kind: dto.kind, reason: dto.reason, by: hrActorOf(ctx.actor) },
      metadata: { now },
    }));
    return locatedAt(`/hr-attendance/attendance-corrections/${correctionId}`, reply);
  }

  async decideCorrection(correctionId: string, approve: boolean, dto: DecisionDto, ctx: CommandContext): Promise<CommandReply> {
    const { month, employee } = await this.ownerOf(correctionId, 'correction', 'correctionId');
    return this.onMonth(month, employee, correctionId, ctx, (now) => ({
      type: 'DecideCorrection',
      data: { staffId: employee.staffId, month, employee, correctionId, approve, reason: dto.reason ?? null, by: hrActorOf(ctx.actor) },
      metadata: { now },
    }));
  }

  /** The staff-month of a request id; 400 for an id that cannot be one, 404 when its staff member has no record. */
  private async ownerOf(id: string, what: string, field: string): Promise<{ month: string; employee: Employee }> {
    const { month, staffId } = requireMonthEntityId(id, 'HR-2', field, what);
    const employee = await this.employees.find(staffId);
    if (!employee) throw new DomainError('HR-2', `${what} ${id} does not exist`, 'not-found', field);
    return { month, employee };
  }

  private onMonth(month: string, employee: Employee, id: string, ctx: CommandContext, build: (now: string) => StaffMonthCommand): Promise<CommandReply> {
    return runCommand(this.store, this.clock, staffMonthDecider, staffMonthStream(month, employee.staffId), id, ctx, build);
  }
}
