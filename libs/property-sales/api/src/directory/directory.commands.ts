import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@ebp/shared-eventsourcing';
import { CLOCK, EVENT_STORE, locatedAt, runCommand, type Clock, type CommandContext, type CommandReply } from '@ebp/shared-nest';
import { agencyDecider, agencyStream, projectDecider, projectStream, requireCode, type PsActor } from '@ebp/property-sales-domain';
import type { AddAgencyMemberDto, AddBuildingDto, RegisterAgencyDto, RegisterSalesProjectDto } from './directory.dto';

const RULE = 'PS-1';

const actorOf = (ctx: CommandContext): PsActor => ({ staffId: ctx.actor.userId, roles: ctx.actor.roles });

/** The reference data: the site manager registers projects, buildings and agencies; an agency's supervisor may add its members. */
@Injectable()
export class SalesDirectoryCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async registerProject(dto: RegisterSalesProjectDto, ctx: CommandContext): Promise<CommandReply> {
    const projectId = requireCode(dto.projectId, 'projectId', RULE);
    const reply = await runCommand(this.store, this.clock, projectDecider, projectStream(projectId), projectId, ctx, (now) => ({
      type: 'RegisterProject' as const,
      data: { projectId, name: dto.name, siteManagerId: dto.siteManagerId, siteSupervisorId: dto.siteSupervisorId, actor: actorOf(ctx) },
      metadata: { now },
    }));
    return locatedAt(`/property-sales/projects/${projectId}`, reply);
  }

  async addBuilding(projectId: string, dto: AddBuildingDto, ctx: CommandContext): Promise<CommandReply> {
    requireCode(projectId, 'projectId', RULE);
    const reply = await runCommand(this.store, this.clock, projectDecider, projectStream(projectId), `${projectId}.${dto.buildingId}`, ctx, (now) => ({
      type: 'AddBuilding' as const,
      data: { projectId, buildingId: dto.buildingId, name: dto.name, floors: dto.floors, actor: actorOf(ctx) },
      metadata: { now },
    }));
    return locatedAt(`/property-sales/projects/${projectId}/buildings/${dto.buildingId}/board`, reply);
  }

  async registerAgency(dto: RegisterAgencyDto, ctx: CommandContext): Promise<CommandReply> {
    const agencyId = requireCode(dto.agencyId, 'agencyId', RULE);
    const reply = await runCommand(this.store, this.clock, agencyDecider, agencyStream(agencyId), agencyId, ctx, (now) => ({
      type: 'RegisterAgency' as const,
      data: { agencyId, name: dto.name, supervisorId: dto.supervisorId, supervisorName: dto.supervisorName ?? null, actor: actorOf(ctx) },
      metadata: { now },
    }));
    return locatedAt(`/property-sales/agencies/${agencyId}`, reply);
  }

  async addMember(agencyId: string, dto: AddAgencyMemberDto, ctx: CommandContext): Promise<CommandReply> {
    requireCode(agencyId, 'agencyId', RULE);
    const reply = await runCommand(this.store, this.clock, agencyDecider, agencyStream(agencyId), dto.staffId, ctx, (now) => ({
      type: 'AddAgencyMember' as const,
      data: { agencyId, staffId: dto.staffId, name: dto.name, role: dto.role, actor: actorOf(ctx) },
      metadata: { now },
    }));
    return locatedAt(`/property-sales/agencies/${agencyId}`, reply);
  }
}
