import { Inject, Injectable } from '@nestjs/common';
import { type EventStore, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { CLOCK, type Clock, type CommandContext, type CommandReply, EVENT_STORE, READ_MODEL_STORE, runCommand } from '@ebp/shared-nest';
import {
  callbackFileDecider,
  callbackFileStream,
  needsCampaignDecider,
  needsCampaignStream,
  type CallbackFileCommand,
  type CampaignCustomerRef,
  type NeedsCampaignCommand,
} from '@ebp/service-desk-domain';
import { DirectoryQueries } from '@ebp/service-desk-read-models';
import type { DeliverProjectDto, RecordCallbackDto, RecordGiftSentDto, RecordNeedsPlanDto } from './callbacks.dto';

/** SD-11/SD-12 application layer: looks up projects and customers, then runs the pure deciders. */
@Injectable()
export class CallbacksCommands {
  private readonly queries: DirectoryQueries;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new DirectoryQueries(readModels);
  }

  async deliverProject(projectId: string, dto: DeliverProjectDto, ctx: CommandContext): Promise<CommandReply> {
    const found = await this.queries.project(projectId);
    const project = found ? { projectId: found.projectId, name: found.name, customerId: found.customerId } : null;
    return this.onFile(projectId, ctx, (now) => ({
      type: 'DeliverProject',
      data: { projectId, project, deliveredOn: dto.deliveredOn, deliveredBy: ctx.actor.userId },
      metadata: { now },
    }));
  }

  recordCallback(projectId: string, dto: RecordCallbackDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onFile(projectId, ctx, (now) => ({
      type: 'RecordCallback',
      data: {
        projectId,
        outcome: dto.outcome,
        notes: dto.notes ?? null,
        satisfaction: dto.satisfaction,
        calledAt: dto.calledAt ?? now,
        calledBy: ctx.actor.userId,
      },
      metadata: { now },
    }));
  }

  async recordGiftSent(year: number, dto: RecordGiftSentDto, ctx: CommandContext): Promise<CommandReply> {
    const customer = await this.customerRef(dto.customerId);
    return this.onCampaign(year, ctx, (now) => ({
      type: 'RecordGiftSent',
      data: { year, customerId: dto.customerId, customer, sentAt: dto.sentAt, note: dto.note ?? null, recordedBy: ctx.actor.userId },
      metadata: { now },
    }));
  }

  async recordNeedsPlan(year: number, dto: RecordNeedsPlanDto, ctx: CommandContext): Promise<CommandReply> {
    const customer = await this.customerRef(dto.customerId);
    return this.onCampaign(year, ctx, (now) => ({
      type: 'RecordNeedsPlan',
      data: { year, customerId: dto.customerId, customer, plan: dto.plan, surveyedAt: dto.surveyedAt ?? null, recordedBy: ctx.actor.userId },
      metadata: { now },
    }));
  }

  private async customerRef(customerId: string): Promise<CampaignCustomerRef | null> {
    const customer = await this.queries.customer(customerId);
    return customer ? { customerId: customer.customerId, name: customer.name } : null;
  }

  private onFile(projectId: string, ctx: CommandContext, build: (now: string) => CallbackFileCommand): Promise<CommandReply> {
    return runCommand(this.store, this.clock, callbackFileDecider, callbackFileStream(projectId), projectId, ctx, build);
  }

  private onCampaign(year: number, ctx: CommandContext, build: (now: string) => NeedsCampaignCommand): Promise<CommandReply> {
    return runCommand(this.store, this.clock, needsCampaignDecider, needsCampaignStream(year), String(year), ctx, build);
  }
}
