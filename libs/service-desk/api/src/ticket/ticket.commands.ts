import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, loadState, type Actor, type EventStore, type ReadModelStore } from '@ebp/shared-eventsourcing';
import {
  CLOCK,
  type Clock,
  type CommandContext,
  type CommandReply,
  EVENT_STORE,
  locatedAt,
  READ_MODEL_STORE,
  runCommand,
} from '@ebp/shared-nest';
import {
  improvementAnalysisMissing,
  ticketDecider,
  ticketExpectationDecider,
  ticketExpectationStream,
  ticketStream,
  type StaffMember,
  type TicketCommand,
} from '@ebp/service-desk-domain';
import { DirectoryQueries } from '@ebp/service-desk-read-models';
import type {
  FlagMajorDto,
  RecordRepeatContactDto,
  RegisterTicketDto,
  ResolveTicketDto,
  SubmitLiaisonFormDto,
  TransferTicketDto,
  UpholdComplaintDto,
} from './ticket.dto';

/** Ticket application layer: looks up the reference data a command needs, then runs the ticket decider. */
@Injectable()
export class TicketCommands {
  private readonly queries: DirectoryQueries;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new DirectoryQueries(readModels);
  }

  async registerTicket(dto: RegisterTicketDto, ctx: CommandContext): Promise<CommandReply> {
    const owner = await this.callerAsStaff(ctx.actor, 'SD-1');
    await this.requireCustomerAndProject(dto.customerId, dto.projectId);
    const generalManager = dto.major ? await this.requireGeneralManager() : null;
    const ticketId = randomUUID();
    const reply = await this.onTicket(ticketId, ctx, (now) => ({
      type: 'RegisterTicket',
      data: {
        ticketId,
        channel: dto.channel,
        kind: dto.kind,
        customerId: dto.customerId,
        projectId: dto.projectId ?? null,
        description: dto.description,
        receivedAt: dto.receivedAt,
        major: dto.major ?? false,
        ownerId: owner.staffId,
        ownerDepartment: owner.department,
        generalManagerId: generalManager?.staffId ?? null,
      },
      metadata: { now },
    }));
    return locatedAt(`/service-desk/tickets/${ticketId}`, reply);
  }

  async flagMajor(ticketId: string, dto: FlagMajorDto, ctx: CommandContext): Promise<CommandReply> {
    const generalManager = await this.requireGeneralManager();
    return this.onTicket(ticketId, ctx, (now) => ({
      type: 'FlagTicketMajor',
      data: { ticketId, flaggedBy: ctx.actor.userId, reason: dto.reason ?? null, generalManagerId: generalManager.staffId },
      metadata: { now },
    }));
  }

  async transferTicket(ticketId: string, dto: TransferTicketDto, ctx: CommandContext): Promise<CommandReply> {
    const manager = await this.queries.departmentManager(dto.targetDepartment);
    const alternate = dto.alternateStaffId ? await this.queries.staffMember(dto.alternateStaffId) : null;
    if (dto.alternateStaffId && !alternate) {
      throw new DomainError('SD-3', `staff member ${dto.alternateStaffId} is not registered`, 'rule', 'alternateStaffId');
    }
    return this.onTicket(ticketId, ctx, (now) => ({
      type: 'TransferTicket',
      data: {
        ticketId,
        transferredBy: ctx.actor.userId,
        reason: dto.reason,
        targetDepartment: dto.targetDepartment,
        responsibleManager: manager ? { staffId: manager.staffId, absent: manager.absent } : null,
        alternate: alternate ? { staffId: alternate.staffId, absent: alternate.absent } : null,
      },
      metadata: { now },
    }));
  }

  async resolveTicket(ticketId: string, dto: ResolveTicketDto, ctx: CommandContext): Promise<CommandReply> {
    await this.requireImprovementAnalysis(ticketId);
    return this.onTicket(ticketId, ctx, (now) => ({
      type: 'ResolveTicket',
      data: {
        ticketId,
        resolvedBy: ctx.actor.userId,
        resolution: dto.resolution,
        liaisonFormFiled: dto.liaisonFormFiled,
        emergency: dto.emergency,
      },
      metadata: { now },
    }));
  }

  /** HR-4: published to HR as `service-desk.complaint-upheld.v1`. */
  async upholdComplaint(ticketId: string, dto: UpholdComplaintDto, ctx: CommandContext): Promise<CommandReply> {
    if (!(await this.queries.staffMember(dto.staffId))) {
      throw new DomainError('HR-4', `staff member ${dto.staffId} is not on the staff register`, 'rule', 'staffId');
    }
    return this.onTicket(ticketId, ctx, (now) => ({
      type: 'UpholdComplaint',
      data: { ticketId, staffId: dto.staffId, severity: dto.severity, finding: dto.finding, upheldBy: ctx.actor.userId },
      metadata: { now },
    }));
  }

  submitLiaisonForm(ticketId: string, dto: SubmitLiaisonFormDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onTicket(ticketId, ctx, (now) => ({
      type: 'SubmitLiaisonForm',
      data: { ticketId, submittedBy: ctx.actor.userId, formReference: dto.formReference ?? null },
      metadata: { now },
    }));
  }

  recordRepeatContact(ticketId: string, dto: RecordRepeatContactDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onTicket(ticketId, ctx, (now) => ({
      type: 'RecordRepeatContact',
      data: { ticketId, channel: dto.channel, contactedAt: dto.contactedAt, note: dto.note ?? null, recordedBy: ctx.actor.userId },
      metadata: { now },
    }));
  }

  private onTicket(ticketId: string, ctx: CommandContext, build: (now: string) => TicketCommand): Promise<CommandReply> {
    return runCommand(this.store, this.clock, ticketDecider, ticketStream(ticketId), ticketId, ctx, build);
  }

  /** SD-1: the registering employee becomes the owner, so they must be on the staff register. */
  private async callerAsStaff(actor: Actor, rule: string): Promise<StaffMember> {
    const staff = await this.queries.staffMember(actor.userId);
    if (!staff) {
      throw new DomainError(rule, `caller ${actor.userId} is not on the staff register`, 'forbidden');
    }
    return staff;
  }

  private async requireCustomerAndProject(customerId: string, projectId: string | undefined): Promise<void> {
    if (!(await this.queries.customer(customerId))) {
      throw new DomainError('SD-1', `customer ${customerId} is not registered`, 'rule', 'customerId');
    }
    if (projectId === undefined) return;
    const project = await this.queries.project(projectId);
    if (!project) throw new DomainError('SD-1', `project ${projectId} is not registered`, 'rule', 'projectId');
    if (project.customerId !== customerId) {
      throw new DomainError('SD-1', `project ${projectId} belongs to customer ${project.customerId}`, 'rule', 'projectId');
    }
  }

  /** SD-17: a ticket whose customer expectation cannot be met closes only after its improvement analysis. */
  private async requireImprovementAnalysis(ticketId: string): Promise<void> {
    const { state } = await loadState(this.store, ticketExpectationDecider, ticketExpectationStream(ticketId));
    if (improvementAnalysisMissing(state)) {
      throw new DomainError('SD-17', `ticket ${ticketId} cannot meet the customer's expectation: record the improvement analysis before closing`, 'rule');
    }
  }

  private async requireGeneralManager(): Promise<StaffMember> {
    const gm = await this.queries.generalManager();
    if (!gm) throw new DomainError('SD-4', 'no general manager is on the staff register to escalate to', 'rule', 'major');
    return gm;
  }
}
