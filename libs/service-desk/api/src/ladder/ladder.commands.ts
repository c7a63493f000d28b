import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type EventStore, type ReadModelStore } from '@ebp/shared-eventsourcing';
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
  customerPreferencesDecider,
  customerPreferencesStream,
  serviceLadderDecider,
  serviceLadderStream,
  shirkingFindingDecider,
  shirkingFindingStream,
  ticketExpectationDecider,
  ticketExpectationStream,
  type LadderSite,
  type ServiceLadderCommand,
  type TicketExpectationCommand,
} from '@ebp/service-desk-domain';
import { DirectoryQueries, TicketQueries, type TicketView } from '@ebp/service-desk-read-models';
import type {
  DeclareRemoteImpossibleDto,
  DispatchOnSiteDto,
  EscalateToRemoteDto,
  RecordArrivalDto,
  RecordCustomerPreferenceDto,
  RecordExpectationUnmetDto,
  RecordImprovementAnalysisDto,
  RecordShirkingFindingDto,
  StartHotlineServiceDto,
} from './ladder.dto';

/**
 * Application layer of SD-6, SD-8 and SD-17: looks up tickets, staff and customer sites in the
 * read models, then runs the pure deciders through read → fold → decide → append.
 */
@Injectable()
export class LadderCommands {
  private readonly queries: DirectoryQueries;
  private readonly tickets: TicketQueries;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new DirectoryQueries(readModels);
    this.tickets = new TicketQueries(readModels);
  }

  async startHotline(ticketId: string, dto: StartHotlineServiceDto, ctx: CommandContext): Promise<CommandReply> {
    const ticket = await this.requireTicket(ticketId, 'SD-8', 'not-found');
    const reply = await this.onLadder(ticketId, ctx, (now) => ({
      type: 'StartHotlineService',
      data: { ticketId, customerId: ticket.customerId, startedBy: ctx.actor.userId, startedAt: dto.startedAt, note: dto.note ?? null },
      metadata: { now },
    }));
    return locatedAt(`/service-desk/service-ladders/${ticketId}`, reply);
  }

  escalateToRemote(ticketId: string, dto: EscalateToRemoteDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onLadder(ticketId, ctx, (now) => ({
      type: 'EscalateToRemote',
      data: { ticketId, escalatedBy: ctx.actor.userId, escalatedAt: dto.escalatedAt, authorization: dto.authorization ?? null },
      metadata: { now },
    }));
  }

  declareRemoteImpossible(ticketId: string, dto: DeclareRemoteImpossibleDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onLadder(ticketId, ctx, (now) => ({
      type: 'DeclareRemoteImpossible',
      data: { ticketId, reason: dto.reason, declaredBy: ctx.actor.userId, declaredAt: dto.declaredAt },
      metadata: { now },
    }));
  }

  async dispatchOnSite(ticketId: string, dto: DispatchOnSiteDto, ctx: CommandContext): Promise<CommandReply> {
    const ticket = await this.requireTicket(ticketId, 'SD-8', 'not-found');
    const site = await this.siteOf(ticket.customerId, dto.siteId);
    return this.onLadder(ticketId, ctx, (now) => ({
      type: 'DispatchOnSite',
      data: { ticketId, siteId: dto.siteId, site, dispatchedBy: ctx.actor.userId, dispatchedAt: dto.dispatchedAt, engineerId: dto.engineerId ?? null },
      metadata: { now },
    }));
  }

  recordArrival(ticketId: string, dto: RecordArrivalDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onLadder(ticketId, ctx, (now) => ({
      type: 'RecordArrival',
      data: { ticketId, recordedBy: ctx.actor.userId, arrivedAt: dto.arrivedAt },
      metadata: { now },
    }));
  }

  async recordShirkingFinding(dto: RecordShirkingFindingDto, ctx: CommandContext): Promise<CommandReply> {
    const caller = await this.queries.staffMember(ctx.actor.userId);
    const ticket = await this.requireTicket(dto.ticketId, 'SD-6', 'rule');
    const staff = await this.queries.staffMember(dto.staffId);
    if (!staff) throw new DomainError('SD-6', `staff member ${dto.staffId} is not registered`, 'rule', 'staffId');
    const findingId = randomUUID();
    return runCommand(this.store, this.clock, shirkingFindingDecider, shirkingFindingStream(findingId), findingId, ctx, (now) => ({
      type: 'RecordShirkingFinding' as const,
      data: {
        findingId,
        supervisor: { staffId: ctx.actor.userId, roles: ctx.actor.roles, isDepartmentManager: caller?.isDepartmentManager === true },
        ticket: { ticketId: ticket.ticketId, customerId: ticket.customerId },
        staffMember: { staffId: staff.staffId, name: staff.name, department: staff.department },
        kind: dto.kind,
        sanction: dto.sanction,
        description: dto.description,
      },
      metadata: { now },
    }));
  }

  async recordCustomerPreference(customerId: string, dto: RecordCustomerPreferenceDto, ctx: CommandContext): Promise<CommandReply> {
    if (!(await this.queries.customer(customerId))) {
      throw new DomainError('SD-17', `customer ${customerId} is not registered`, 'not-found', 'customerId');
    }
    return runCommand(this.store, this.clock, customerPreferencesDecider, customerPreferencesStream(customerId), customerId, ctx, (now) => ({
      type: 'RecordCustomerPreference' as const,
      data: { customerId, topic: dto.topic, preference: dto.preference, recordedBy: ctx.actor.userId },
      metadata: { now },
    }));
  }

  async recordExpectationUnmet(ticketId: string, dto: RecordExpectationUnmetDto, ctx: CommandContext): Promise<CommandReply> {
    const ticket = await this.requireTicket(ticketId, 'SD-17', 'not-found');
    const reply = await this.onExpectation(ticketId, ctx, (now) => ({
      type: 'RecordExpectationUnmet',
      data: { ticketId, customerId: ticket.customerId, expectation: dto.expectation, reason: dto.reason, recordedBy: ctx.actor.userId },
      metadata: { now },
    }));
    return locatedAt(`/service-desk/ticket-expectations/${ticketId}`, reply);
  }

  recordImprovementAnalysis(ticketId: string, dto: RecordImprovementAnalysisDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onExpectation(ticketId, ctx, (now) => ({
      type: 'RecordImprovementAnalysis',
      data: { ticketId, analysis: dto.analysis, improvementActions: dto.improvementActions, recordedBy: ctx.actor.userId },
      metadata: { now },
    }));
  }

  private onLadder(ticketId: string, ctx: CommandContext, build: (now: string) => ServiceLadderCommand): Promise<CommandReply> {
    return runCommand(this.store, this.clock, serviceLadderDecider, serviceLadderStream(ticketId), ticketId, ctx, build);
  }

  private onExpectation(ticketId: string, ctx: CommandContext, build: (now: string) => TicketExpectationCommand): Promise<CommandReply> {
    return runCommand(this.store, this.clock, ticketExpectationDecider, ticketExpectationStream(ticketId), ticketId, ctx, build);
  }

  /** A ticket in the path is 404 when unknown; one named in a body is a 422 on its field. */
  private async requireTicket(ticketId: string, rule: string, kind: 'not-found' | 'rule'): Promise<TicketView> {
    const ticket = await this.tickets.ticket(ticketId);
    if (!ticket) throw new DomainError(rule, `ticket ${ticketId} does not exist`, kind, 'ticketId');
    return ticket;
  }

  /** The customer's site from the directory; the decider refuses null or a site without a response time. */
  private async siteOf(customerId: string, siteId: string): Promise<LadderSite | null> {
    const customer = await this.queries.customer(customerId);
    const site = customer?.sites.find((s) => s.siteId === siteId);
    return site ? { siteId: site.siteId, name: site.name, responseTimeMinutes: site.responseTimeMinutes } : null;
  }
}
