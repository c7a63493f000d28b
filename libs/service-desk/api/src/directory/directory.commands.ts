import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type EventStore, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { CLOCK, type Clock, type CommandContext, type CommandReply, EVENT_STORE, READ_MODEL_STORE, runCommand } from '@ebp/shared-nest';
import { customerDecider, customerStream, projectDecider, projectStream, staffDecider, staffStream } from '@ebp/service-desk-domain';
import { DirectoryQueries } from '@ebp/service-desk-read-models';
import type { RegisterCustomerDto, RegisterProjectDto, RegisterStaffDto, StaffAbsenceDto, UpdateStaffDto } from './directory.dto';

/** Reference data (staff, customers, projects) the other service-desk commands look up. */
@Injectable()
export class DirectoryCommands {
  private readonly queries: DirectoryQueries;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new DirectoryQueries(readModels);
  }

  registerStaff(dto: RegisterStaffDto, ctx: CommandContext): Promise<CommandReply> {
    return runCommand(this.store, this.clock, staffDecider, staffStream(dto.staffId), dto.staffId, ctx, (now) => ({
      type: 'RegisterStaffMember' as const,
      data: { ...dto },
      metadata: { now },
    }));
  }

  updateStaff(staffId: string, dto: UpdateStaffDto, ctx: CommandContext): Promise<CommandReply> {
    return runCommand(this.store, this.clock, staffDecider, staffStream(staffId), staffId, ctx, (now) => ({
      type: 'UpdateStaffMember' as const,
      data: { staffId, ...dto },
      metadata: { now },
    }));
  }

  setStaffAbsence(staffId: string, dto: StaffAbsenceDto, ctx: CommandContext): Promise<CommandReply> {
    return runCommand(this.store, this.clock, staffDecider, staffStream(staffId), staffId, ctx, (now) =>
      dto.absent
        ? { type: 'MarkStaffAbsent' as const, data: { staffId, reason: dto.reason ?? null }, metadata: { now } }
        : { type: 'MarkStaffPresent' as const, data: { staffId }, metadata: { now } },
    );
  }

  registerCustomer(dto: RegisterCustomerDto, ctx: CommandContext): Promise<CommandReply> {
    return runCommand(this.store, this.clock, customerDecider, customerStream(dto.customerId), dto.customerId, ctx, (now) => ({
      type: 'RegisterCustomer' as const,
      data: { ...dto },
      metadata: { now },
    }));
  }

  /** SD-1: a project belongs to a registered customer. */
  async registerProject(dto: RegisterProjectDto, ctx: CommandContext): Promise<CommandReply> {
    if (!(await this.queries.customer(dto.customerId))) {
      throw new DomainError('SD-1', `customer ${dto.customerId} is not registered`, 'rule', 'customerId');
    }
    return runCommand(this.store, this.clock, projectDecider, projectStream(dto.projectId), dto.projectId, ctx, (now) => ({
      type: 'RegisterProject' as const,
      data: { ...dto, businessSignerId: dto.businessSignerId ?? null },
      metadata: { now },
    }));
  }
}
