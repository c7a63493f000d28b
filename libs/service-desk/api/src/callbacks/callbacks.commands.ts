import { Inject, Injectable } from '@nestjs/common';
import {
  handleCommand,
  type Actor,
  type CommandMetadata,
  type Decider,
  type DomainEvent,
  type EventStore,
  type ReadModelStore,
} from '@ebp/shared-eventsourcing';
import { CLOCK, EVENT_STORE, READ_MODEL_STORE, type Clock } from '@ebp/shared-nest';
import {
  callbackFileDecider,
  callbackFileStream,
  needsCampaignDecider,
  needsCampaignStream,
  type CallbackFileCommand,
  type CampaignCustomerRef,
  type NeedsCampaignCommand,
} from '@ebp/service-desk-domain';
import { ServiceDeskQueries } from '@ebp/service-desk-read-models';
import type { DeliverProjectDto, RecordCallbackDto, RecordGiftSentDto, RecordNeedsPlanDto } from './callbacks.dto';

export interface CallbacksRequestContext {
  actor: Actor;
  correlationId?: string;
  ifMatch?: number;
}

export interface CallbacksAccepted {
  id: string;
  revision: number;
  events: string[];
}

/** SD-11/SD-12 application layer: looks up projects and customers, then runs the pure deciders. */
@Injectable()
export class CallbacksCommands {
  private readonly queries: ServiceDeskQueries;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new ServiceDeskQueries(readModels);
  }

  async deliverProject(projectId: string, dto: DeliverProjectDto, ctx: CallbacksRequestContext): Promise<CallbacksAccepted> {
    const found = await this.queries.project(projectId);
    const project = found ? { projectId: found.projectId, name: found.name, customerId: found.customerId } : null;
    return this.onFile(projectId, ctx, (now) => ({
      type: 'DeliverProject',
      data: { projectId, project, deliveredOn: dto.deliveredOn, deliveredBy: ctx.actor.userId },
      metadata: { now },
    }));
  }

  recordCallback(projectId: string, dto: RecordCallbackDto, ctx: CallbacksRequestContext): Promise<CallbacksAccepted> {
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

  async recordGiftSent(year: number, dto: RecordGiftSentDto, ctx: CallbacksRequestContext): Promise<CallbacksAccepted> {
    const customer = await this.customerRef(dto.customerId);
    return this.onCampaign(year, ctx, (now) => ({
      type: 'RecordGiftSent',
      data: { year, customerId: dto.customerId, customer, sentAt: dto.sentAt, note: dto.note ?? null, recordedBy: ctx.actor.userId },
      metadata: { now },
    }));
  }

  async recordNeedsPlan(year: number, dto: RecordNeedsPlanDto, ctx: CallbacksRequestContext): Promise<CallbacksAccepted> {
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

  private onFile(projectId: string, ctx: CallbacksRequestContext, build: (now: string) => CallbackFileCommand): Promise<CallbacksAccepted> {
    return this.run(callbackFileDecider, callbackFileStream(projectId), projectId, ctx, build);
  }

  private onCampaign(year: number, ctx: CallbacksRequestContext, build: (now: string) => NeedsCampaignCommand): Promise<CallbacksAccepted> {
    return this.run(needsCampaignDecider, needsCampaignStream(year), String(year), ctx, build);
  }

  private async run<S, C, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    streamId: string,
    id: string,
    ctx: CallbacksRequestContext,
    build: (now: string) => NoInfer<C>,
  ): Promise<CallbacksAccepted> {
    const now = this.clock.now();
    const meta: CommandMetadata = { now, actor: ctx.actor, correlationId: ctx.correlationId };
    const result = await handleCommand(this.store, decider, streamId, build(now), meta, { ifMatch: ctx.ifMatch });
    return { id, revision: result.revision, events: result.events.map((e) => e.type) };
  }
}
