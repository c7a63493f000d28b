import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  type Actor,
  type EventStore,
  type ReadModelStore,
} from '@ebp/shared-eventsourcing';
import { CLOCK, type Clock, type CommandContext, type CommandReply, EVENT_STORE, READ_MODEL_STORE, runCommand } from '@ebp/shared-nest';
import {
  inspectionDecider,
  inspectionStream,
  researchVisitDecider,
  researchVisitStream,
  satisfactionSurveyDecider,
  satisfactionSurveyStream,
  type ResearchVisitCommand,
  type StaffMember,
} from '@ebp/service-desk-domain';
import { DirectoryQueries } from '@ebp/service-desk-read-models';
import type {
  CloseResearchVisitDto,
  OpenResearchVisitDto,
  RecordInspectionDto,
  RecordSatisfactionSurveyDto,
  RecordVisitFeedbackDto,
} from './proactive.dto';

const RULE = 'SD-16';

/** SD-16 application layer: reference data from read models, ids and now, then the pure deciders. */
@Injectable()
export class ProactiveCommands {
  private readonly queries: DirectoryQueries;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new DirectoryQueries(readModels);
  }

  /** The caller's department goes into the event, so the reactor's ticket needs no lookup. */
  async recordInspection(dto: RecordInspectionDto, ctx: CommandContext): Promise<CommandReply> {
    const project = await this.queries.project(dto.projectId);
    if (!project) throw new DomainError(RULE, `project ${dto.projectId} is not registered`, 'rule', 'projectId');
    const inspector = await this.callerAsStaff(ctx.actor);
    const inspectionId = randomUUID();
    return runCommand(this.store, this.clock, inspectionDecider, inspectionStream(inspectionId), inspectionId, ctx, (now) => ({
      type: 'RecordInspection' as const,
      data: {
        inspectionId,
        projectId: project.projectId,
        customerId: project.customerId,
        inspectorId: inspector.staffId,
        inspectorDepartment: inspector.department,
        inspectedAt: dto.inspectedAt,
        findings: dto.findings.map((f) => ({ description: f.description, severity: f.severity })),
      },
      metadata: { now },
    }));
  }

  async recordSatisfactionSurvey(dto: RecordSatisfactionSurveyDto, ctx: CommandContext): Promise<CommandReply> {
    await this.requireCustomer(dto.customerId);
    if (dto.projectId) {
      const project = await this.queries.project(dto.projectId);
      if (!project || project.customerId !== dto.customerId) {
        throw new DomainError(RULE, `project ${dto.projectId} is not a project of customer ${dto.customerId}`, 'rule', 'projectId');
      }
    }
    const surveyor = await this.callerAsStaff(ctx.actor);
    const surveyId = randomUUID();
    return runCommand(this.store, this.clock, satisfactionSurveyDecider, satisfactionSurveyStream(surveyId), surveyId, ctx, (now) => ({
      type: 'RecordSatisfactionSurvey' as const,
      data: {
        surveyId,
        customerId: dto.customerId,
        projectId: dto.projectId ?? null,
        method: dto.method,
        surveyedAt: dto.surveyedAt,
        scores: { ...dto.scores },
        comment: dto.comment ?? null,
        surveyedBy: surveyor.staffId,
        surveyorDepartment: surveyor.department,
      },
      metadata: { now },
    }));
  }

  async openResearchVisit(dto: OpenResearchVisitDto, ctx: CommandContext): Promise<CommandReply> {
    await this.requireCustomer(dto.customerId);
    const leader = await this.callerAsStaff(ctx.actor);
    const visitId = randomUUID();
    return this.onVisit(visitId, ctx, (now) => ({
      type: 'OpenResearchVisit',
      data: {
        visitId,
        customerId: dto.customerId,
        visitedAt: dto.visitedAt,
        leaderId: leader.staffId,
        leaderRoles: ctx.actor.roles,
        leaderDepartment: leader.department,
      },
      metadata: { now },
    }));
  }

  async recordVisitFeedback(visitId: string, dto: RecordVisitFeedbackDto, ctx: CommandContext): Promise<CommandReply> {
    const recorder = await this.callerAsStaff(ctx.actor);
    const feedbackId = randomUUID();
    const result = await this.onVisit(visitId, ctx, (now) => ({
      type: 'RecordVisitFeedback',
      data: { visitId, feedbackId, kind: dto.kind, text: dto.text, recordedBy: recorder.staffId, recorderDepartment: recorder.department },
      metadata: { now },
    }));
    return { ...result, id: feedbackId };
  }

  async closeResearchVisit(visitId: string, dto: CloseResearchVisitDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onVisit(visitId, ctx, (now) => ({
      type: 'CloseResearchVisit',
      data: { visitId, summary: dto.summary, solutionPlan: dto.solutionPlan, closedBy: ctx.actor.userId },
      metadata: { now },
    }));
  }

  private onVisit(visitId: string, ctx: CommandContext, build: (now: string) => ResearchVisitCommand): Promise<CommandReply> {
    return runCommand(this.store, this.clock, researchVisitDecider, researchVisitStream(visitId), visitId, ctx, build);
  }

  private async requireCustomer(customerId: string): Promise<void> {
    if (!(await this.queries.customer(customerId))) throw new DomainError(RULE, `customer ${customerId} is not registered`, 'rule', 'customerId');
  }

  private async callerAsStaff(actor: Actor): Promise<StaffMember> {
    const staff = await this.queries.staffMember(actor.userId);
    if (!staff) throw new DomainError(RULE, `caller ${actor.userId} is not on the staff register`, 'forbidden');
    return staff;
  }
}
