import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  type Actor,
  type EventStore,
  type ReadModelStore,
} from '@ebp/shared-eventsourcing';
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
  collaborationDecider,
  collaborationStream,
  faultDecider,
  faultStream,
  type CollaborationCommand,
  type FaultActor,
  type FaultCommand,
} from '@ebp/service-desk-domain';
import { DirectoryQueries } from '@ebp/service-desk-read-models';
import type {
  CompletionDto,
  DepartmentOpinionDto,
  EscalateFaultDto,
  FaultAnalysisDto,
  FaultProgressDto,
  OpenCollaborationDto,
  RaiseDisputeDto,
  ReportFaultDto,
  ResolveFaultDto,
  RuleOnDisputeDto,
} from './faults.dto';

/** Application layer of SD-13/SD-14: looks up staff, projects and the GM, then runs the deciders. */
@Injectable()
export class FaultsCommands {
  private readonly queries: DirectoryQueries;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new DirectoryQueries(readModels);
  }

  async reportFault(dto: ReportFaultDto, ctx: CommandContext): Promise<CommandReply> {
    await this.requireStaff(ctx.actor.userId, 'SD-14', undefined, 'forbidden');
    await this.requireStaff(dto.managerInChargeId, 'SD-14', 'managerInChargeId', 'rule');
    const businessSignerId = await this.businessSigner(dto.customerId, dto.projectId);
    const faultId = randomUUID();
    const reply = await this.onFault(faultId, ctx, (now) => ({
      type: 'ReportFault',
      data: {
        faultId,
        reportedBy: ctx.actor.userId,
        occurredAt: dto.occurredAt,
        location: dto.location,
        symptoms: dto.symptoms,
        contingencyPlan: dto.contingencyPlan,
        customerId: dto.customerId,
        projectId: dto.projectId ?? null,
        businessSignerId,
        managerInChargeId: dto.managerInChargeId,
      },
      metadata: { now },
    }));
    return locatedAt(`/service-desk/faults/${faultId}`, reply);
  }

  async acknowledge(faultId: string, ctx: CommandContext): Promise<CommandReply> {
    const actor = await this.actor(ctx.actor);
    return this.onFault(faultId, ctx, (now) => ({ type: 'AcknowledgeFault', data: { faultId, actor }, metadata: { now } }));
  }

  async escalate(faultId: string, dto: EscalateFaultDto, ctx: CommandContext): Promise<CommandReply> {
    const actor = await this.actor(ctx.actor);
    const gm = await this.queries.generalManager();
    if (!gm) throw new DomainError('SD-14', 'no general manager is on the staff register to inform', 'rule');
    return this.onFault(faultId, ctx, (now) => ({
      type: 'EscalateToLeadership',
      data: { faultId, actor, generalManagerId: gm.staffId, note: dto.note ?? null },
      metadata: { now },
    }));
  }

  async progress(faultId: string, dto: FaultProgressDto, ctx: CommandContext): Promise<CommandReply> {
    const actor = await this.actor(ctx.actor);
    return this.onFault(faultId, ctx, (now) => ({ type: 'RecordFaultProgress', data: { faultId, actor, note: dto.note }, metadata: { now } }));
  }

  async resolve(faultId: string, dto: ResolveFaultDto, ctx: CommandContext): Promise<CommandReply> {
    const actor = await this.actor(ctx.actor);
    return this.onFault(faultId, ctx, (now) => ({
      type: 'ResolveFault',
      data: { faultId, actor, resolvedAt: dto.resolvedAt },
      metadata: { now },
    }));
  }

  async fileAnalysis(faultId: string, dto: FaultAnalysisDto, ctx: CommandContext): Promise<CommandReply> {
    const actor = await this.actor(ctx.actor);
    return this.onFault(faultId, ctx, (now) => ({ type: 'FileFaultAnalysis', data: { faultId, actor, ...dto }, metadata: { now } }));
  }

  async close(faultId: string, ctx: CommandContext): Promise<CommandReply> {
    const actor = await this.actor(ctx.actor);
    return this.onFault(faultId, ctx, (now) => ({ type: 'CloseFault', data: { faultId, actor }, metadata: { now } }));
  }

  async openCollaboration(dto: OpenCollaborationDto, ctx: CommandContext): Promise<CommandReply> {
    const actor = await this.actor(ctx.actor, 'SD-13');
    const collaborationId = randomUUID();
    const reply = await this.onCollaboration(collaborationId, ctx, (now) => ({
      type: 'OpenCollaboration',
      data: { collaborationId, actor, ...dto },
      metadata: { now },
    }));
    return locatedAt(`/service-desk/collaborations/${collaborationId}`, reply);
  }

  async raiseDispute(collaborationId: string, dto: RaiseDisputeDto, ctx: CommandContext): Promise<CommandReply> {
    const actor = await this.actor(ctx.actor, 'SD-13');
    return this.onCollaboration(collaborationId, ctx, (now) => ({
      type: 'RaiseDispute',
      data: { collaborationId, actor, description: dto.description },
      metadata: { now },
    }));
  }

  async submitOpinion(collaborationId: string, disputeId: string, dto: DepartmentOpinionDto, ctx: CommandContext): Promise<CommandReply> {
    const actor = await this.actor(ctx.actor, 'SD-13');
    return this.onCollaboration(collaborationId, ctx, (now) => ({
      type: 'SubmitDepartmentOpinion',
      data: { collaborationId, disputeId, actor, department: dto.department, opinion: dto.opinion },
      metadata: { now },
    }));
  }

  async rule(collaborationId: string, disputeId: string, dto: RuleOnDisputeDto, ctx: CommandContext): Promise<CommandReply> {
    const actor = await this.actor(ctx.actor, 'SD-13');
    return this.onCollaboration(collaborationId, ctx, (now) => ({
      type: 'RuleOnDispute',
      data: { collaborationId, disputeId, actor, ruling: dto.ruling },
      metadata: { now },
    }));
  }

  async complete(collaborationId: string, dto: CompletionDto, ctx: CommandContext): Promise<CommandReply> {
    const actor = await this.actor(ctx.actor, 'SD-13');
    return this.onCollaboration(collaborationId, ctx, (now) => ({
      type: 'RecordCompletion',
      data: { collaborationId, actor, summary: dto.summary },
      metadata: { now },
    }));
  }

  /** The caller as the deciders see them: token roles plus department and manager flag from the staff register. */
  private async actor(actor: Actor, rule = 'SD-14'): Promise<FaultActor> {
    const staff = await this.requireStaff(actor.userId, rule, undefined, 'forbidden');
    return { staffId: actor.userId, roles: actor.roles, department: staff.department, isDepartmentManager: staff.isDepartmentManager };
  }

  private async requireStaff(staffId: string, rule: string, field: string | undefined, kind: 'forbidden' | 'rule') {
    const staff = await this.queries.staffMember(staffId);
    if (!staff) throw new DomainError(rule, `${staffId} is not on the staff register`, kind, field);
    return staff;
  }

  /** SD-14: the project's business signer is notified; the project must belong to the customer. */
  private async businessSigner(customerId: string, projectId: string | undefined): Promise<string | null> {
    if (!(await this.queries.customer(customerId))) {
      throw new DomainError('SD-14', `customer ${customerId} is not registered`, 'rule', 'customerId');
    }
    if (projectId === undefined) return null;
    const project = await this.queries.project(projectId);
    if (!project || project.customerId !== customerId) {
      throw new DomainError('SD-14', `project ${projectId} is not a registered project of ${customerId}`, 'rule', 'projectId');
    }
    return project.businessSignerId;
  }

  private onFault(faultId: string, ctx: CommandContext, build: (now: string) => FaultCommand): Promise<CommandReply> {
    return runCommand(this.store, this.clock, faultDecider, faultStream(faultId), faultId, ctx, build);
  }

  private onCollaboration(id: string, ctx: CommandContext, build: (now: string) => CollaborationCommand): Promise<CommandReply> {
    return runCommand(this.store, this.clock, collaborationDecider, collaborationStream(id), id, ctx, build);
  }
}
