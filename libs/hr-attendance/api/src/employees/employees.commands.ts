import { Inject, Injectable } from '@nestjs/common';
import { DomainError, loadState, type EventStore } from '@ebp/shared-eventsourcing';
import { CLOCK, EVENT_STORE, locatedAt, runCommand, type Clock, type CommandContext, type CommandReply } from '@ebp/shared-nest';
import { employeeDecider, employeeStream, type EmployeeCommand } from '@ebp/hr-attendance-domain';
import { requireStaffId } from '../shared/ids';
import type { ChangeBaseSalaryDto, ChangeEmployeeDetailsDto, HireEmployeeDto, RecordLeavingDto } from './employees.dto';

/** HR-1 application layer: hr-manager keeps the employment records (the controller's @Roles); the decider decides. */
@Injectable()
export class EmployeesCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async hire(dto: HireEmployeeDto, ctx: CommandContext): Promise<CommandReply> {
    await this.requireManagerOnRecord(dto.managerId);
    const reply = await this.onEmployee(dto.staffId, ctx, (now) => ({
      type: 'HireEmployee',
      data: {
        staffId: dto.staffId,
        name: dto.name,
        position: dto.position,
        department: dto.department,
        managerId: dto.managerId ?? null,
        baseSalaryFen: dto.baseSalaryFen,
        hireDate: dto.hireDate,
        by: ctx.actor.userId,
      },
      metadata: { now },
    }));
    return locatedAt(`/hr-attendance/employees/${dto.staffId}`, reply);
  }

  async changeDetails(staffId: string, dto: ChangeEmployeeDetailsDto, ctx: CommandContext): Promise<CommandReply> {
    await this.requireManagerOnRecord(dto.managerId);
    return this.onEmployee(requireStaffId(staffId), ctx, (now) => ({
      type: 'ChangeEmployeeDetails',
      data: { staffId, name: dto.name, position: dto.position, department: dto.department, managerId: dto.managerId ?? null, by: ctx.actor.userId },
      metadata: { now },
    }));
  }

  changeBaseSalary(staffId: string, dto: ChangeBaseSalaryDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onEmployee(requireStaffId(staffId), ctx, (now) => ({
      type: 'ChangeBaseSalary',
      data: { staffId, baseSalaryFen: dto.baseSalaryFen, effectiveFrom: dto.effectiveFrom, reason: dto.reason, by: ctx.actor.userId },
      metadata: { now },
    }));
  }

  recordLeaving(staffId: string, dto: RecordLeavingDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onEmployee(requireStaffId(staffId), ctx, (now) => ({
      type: 'RecordLeaving',
      data: { staffId, leavingDate: dto.leavingDate, reason: dto.reason ?? null, by: ctx.actor.userId },
      metadata: { now },
    }));
  }

  /** HR-1: a line manager approves leave and corrections and enters pay: someone HR employs, or a team would have nobody to do it. */
  private async requireManagerOnRecord(managerId: string | null | undefined): Promise<void> {
    if (!managerId) return;
    const { exists } = await loadState(this.store, employeeDecider, employeeStream(requireStaffId(managerId)));
    if (!exists) throw new DomainError('HR-1', `manager ${managerId} has no employment record`, 'rule', 'managerId');
  }

  private onEmployee(staffId: string, ctx: CommandContext, build: (now: string) => EmployeeCommand): Promise<CommandReply> {
    return runCommand(this.store, this.clock, employeeDecider, employeeStream(staffId), staffId, ctx, build);
  }
}
