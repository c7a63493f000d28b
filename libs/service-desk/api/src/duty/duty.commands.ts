import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type Actor, type EventStore, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { CLOCK, type Clock, type CommandContext, type CommandReply, EVENT_STORE, READ_MODEL_STORE, runCommand } from '@ebp/shared-nest';
import {
  DUTY_DEPARTMENT,
  dutyRosterDecider,
  dutyRosterStream,
  parseReportWeek,
  weeklyReportDecider,
  weeklyReportStream,
  type DutyRosterCommand,
  type StaffMember,
} from '@ebp/service-desk-domain';
import { formatIsoWeek } from '@ebp/shared-kernel';
import { DirectoryQueries } from '@ebp/service-desk-read-models';
import type { AssignHolidayDutyDto, LogMonitoringCheckDto, SubmitWeeklyReportDto } from './duty.dto';

/** Office staff may keep the roster without being customer-service managers (SD-15). */
const OFFICE_ROLE = 'office';

/** SD-10 / SD-15 application layer: reference-data checks from read models, then the pure deciders. */
@Injectable()
export class DutyCommands {
  private readonly queries: DirectoryQueries;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new DirectoryQueries(readModels);
  }

  /** SD-10: the caller files their own report for the week. */
  async submitWeeklyReport(weekText: string, dto: SubmitWeeklyReportDto, ctx: CommandContext): Promise<CommandReply> {
    const week = formatIsoWeek(parseReportWeek(weekText));
    const author = await this.callerAsStaff(ctx.actor, 'SD-10');
    return runCommand(this.store, this.clock, weeklyReportDecider, weeklyReportStream(author.staffId, week), `${author.staffId}-${week}`, ctx, (now) => ({
      type: 'SubmitWeeklyReport' as const,
      data: { staffId: author.staffId, week, serviceSituation: dto.serviceSituation, customerFeedback: dto.customerFeedback, authorId: ctx.actor.userId },
      metadata: { now },
    }));
  }

  async assignHolidayDuty(dto: AssignHolidayDutyDto, ctx: CommandContext): Promise<CommandReply> {
    await this.requireRosterKeeper(ctx.actor);
    const staff = await this.queries.staffMember(dto.staffId);
    if (!staff) throw new DomainError('SD-15', `staff member ${dto.staffId} is not registered`, 'rule', 'staffId');
    return this.onRoster(dto.date, ctx, (now) => ({
      type: 'AssignHolidayDuty',
      data: { date: dto.date, staff: { staffId: staff.staffId, department: staff.department, roles: staff.roles }, assignedBy: ctx.actor.userId },
      metadata: { now },
    }));
  }

  async removeHolidayDuty(date: string, staffId: string, ctx: CommandContext): Promise<CommandReply> {
    await this.requireRosterKeeper(ctx.actor);
    return this.onRoster(date, ctx, (now) => ({
      type: 'RemoveHolidayDuty',
      data: { date, staffId, removedBy: ctx.actor.userId },
      metadata: { now },
    }));
  }

  async logMonitoringCheck(dto: LogMonitoringCheckDto, ctx: CommandContext): Promise<CommandReply> {
    if (!(await this.queries.customer(dto.customerId))) {
      throw new DomainError('SD-15', `customer ${dto.customerId} is not registered`, 'rule', 'customerId');
    }
    const checkId = randomUUID();
    const result = await this.onRoster(dto.date, ctx, (now) => ({
      type: 'LogMonitoringCheck',
      data: {
        checkId,
        date: dto.date,
        customerId: dto.customerId,
        target: dto.target,
        outcome: dto.outcome,
        description: dto.description ?? null,
        checkedBy: ctx.actor.userId,
      },
      metadata: { now },
    }));
    return { ...result, id: checkId };
  }

  /** One roster stream per year, so the reply names the year. */
  private onRoster(date: string, ctx: CommandContext, build: (now: string) => DutyRosterCommand): Promise<CommandReply> {
    const year = Number(date.slice(0, 4));
    return runCommand(this.store, this.clock, dutyRosterDecider, dutyRosterStream(year), String(year), ctx, build);
  }

  /** SD-15: the roster is kept by customer-service managers or the Office. */
  private async requireRosterKeeper(actor: Actor): Promise<void> {
    if (actor.roles.includes(OFFICE_ROLE)) return;
    const caller = await this.queries.staffMember(actor.userId);
    if (!caller || !caller.isDepartmentManager || caller.department !== DUTY_DEPARTMENT) {
      throw new DomainError('SD-15', `only customer-service managers or the Office keep the holiday duty roster`, 'forbidden');
    }
  }

  private async callerAsStaff(actor: Actor, rule: string): Promise<StaffMember> {
    const staff = await this.queries.staffMember(actor.userId);
    if (!staff) throw new DomainError(rule, `caller ${actor.userId} is not on the staff register`, 'forbidden');
    return staff;
  }
}
