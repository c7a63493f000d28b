import { Inject, Injectable } from '@nestjs/common';
import { loadState, type EventStore } from '@ebp/shared-eventsourcing';
import { CLOCK, EVENT_STORE, locatedAt, runCommand, type Clock, type CommandContext, type CommandReply } from '@ebp/shared-nest';
import { officeDayDecider, officeDayStream, requireCode, type AgencyActor, type OfficeDayCommand } from '@ebp/property-sales-domain';
import { requireDay, SalesStaff } from '../directory/sales-staff';
import type { AssignDutyAgencyDto, CheckInDto, HandOverDutyDto, InspectPremisesDto, ReconcileSalesControlDto, SubmitDayRecordsDto } from './office-days.dto';

const RULE = 'PS-10';

type DutyCommand = Exclude<OfficeDayCommand, { type: 'AssignDutyAgency' | 'CheckIn' }>;

/**
 * PS-10 application layer: one stream per project and day. The duty agency's steps take the caller's
 * agency from the day's DutyAgencyAssigned: the caller acts for it when they are its member.
 */
@Injectable()
export class OfficeDaysCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly staff: SalesStaff,
  ) {}

  async assignDutyAgency(projectId: string, date: string, dto: AssignDutyAgencyDto, ctx: CommandContext): Promise<CommandReply> {
    this.day(projectId, date);
    await this.staff.project(projectId, RULE);
    const agencyRegistered = await this.staff.agencyRegistered(dto.agencyId, RULE);
    const actor = { staffId: ctx.actor.userId, roles: ctx.actor.roles };
    return this.run(projectId, date, ctx, (now) => ({ type: 'AssignDutyAgency', data: { projectId, date, agencyId: dto.agencyId, agencyRegistered, actor }, metadata: { now } }));
  }

  async checkIn(projectId: string, date: string, dto: CheckInDto, ctx: CommandContext): Promise<CommandReply> {
    this.day(projectId, date);
    const actor = await this.staff.actor(ctx.actor, dto.agencyId, RULE);
    await this.staff.project(projectId, RULE);
    return this.run(projectId, date, ctx, (now) => ({ type: 'CheckIn', data: { projectId, date, agencyId: dto.agencyId, actor }, metadata: { now } }));
  }

  handOver(projectId: string, date: string, dto: HandOverDutyDto, ctx: CommandContext): Promise<CommandReply> {
    return this.byDutyAgency(projectId, date, ctx, (actor) => ({
      type: 'HandOverDuty',
      data: { projectId, date, fromAgencyId: dto.fromAgencyId ?? null, dutyBook: dto.dutyBook, masterSalesControl: dto.masterSalesControl, items: dto.items, actor },
    }));
  }

  inspect(projectId: string, date: string, dto: InspectPremisesDto, ctx: CommandContext): Promise<CommandReply> {
    return this.byDutyAgency(projectId, date, ctx, (actor) => ({ type: 'InspectPremises', data: { projectId, date, area: dto.area, findings: dto.findings, actor } }));
  }

  submitDayRecords(projectId: string, date: string, dto: SubmitDayRecordsDto, ctx: CommandContext): Promise<CommandReply> {
    return this.byDutyAgency(projectId, date, ctx, (actor, siteSupervisorId) => ({ type: 'SubmitDayRecords', data: { projectId, date, to: dto.to, siteSupervisorId, actor } }));
  }

  reconcile(projectId: string, date: string, dto: ReconcileSalesControlDto, ctx: CommandContext): Promise<CommandReply> {
    return this.byDutyAgency(projectId, date, ctx, (actor, siteSupervisorId) => ({
      type: 'ReconcileSalesControl',
      data: { projectId, date, with: dto.with, discrepancies: dto.discrepancies, siteSupervisorId, actor },
    }));
  }

  private day(projectId: string, date: string): void {
    requireCode(projectId, 'projectId', RULE);
    requireDay(date, RULE);
  }

  /** The caller acting for the day's duty agency (agencyId null when none is assigned or they are not its member: the decider refuses). */
  private async byDutyAgency(
    projectId: string,
    date: string,
    ctx: CommandContext,
    build: (actor: AgencyActor, siteSupervisorId: string) => Omit<DutyCommand, 'metadata'>,
  ): Promise<CommandReply> {
    this.day(projectId, date);
    const project = await this.staff.project(projectId, RULE);
    const { state } = await loadState(this.store, officeDayDecider, officeDayStream(projectId, date));
    const actor = await this.staff.actor(ctx.actor, state.dutyAgency?.agencyId ?? null, RULE);
    const command = build(actor, project.siteSupervisorId);
    // The decider sees the day's duty agency again on the stream it appends to: a re-assignment in between
    // leaves this actor acting for the old agency, which the decider then refuses.
    return this.run(projectId, date, ctx, (now) => ({ ...command, metadata: { now } }) as OfficeDayCommand);
  }

  private async run(projectId: string, date: string, ctx: CommandContext, build: (now: string) => OfficeDayCommand): Promise<CommandReply> {
    const reply = await runCommand(this.store, this.clock, officeDayDecider, officeDayStream(projectId, date), `${projectId}.${date}`, ctx, build);
    return locatedAt(`/property-sales/office-days/${projectId}/${date}`, reply);
  }
}
