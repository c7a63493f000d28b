import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@ebp/shared-eventsourcing';
import { CLOCK, EVENT_STORE, locatedAt, runCommand, type Clock, type CommandContext, type CommandReply } from '@ebp/shared-nest';
import { requireCode, signingListDecider, signingListStream, type SigningListCommand } from '@ebp/property-sales-domain';
import { requireDay, SalesStaff } from '../directory/sales-staff';
import type { SubmitSigningListDto } from './signing-lists.dto';

const RULE = 'PS-6';

/** PS-6 application layer: one stream per project, signing day and agency; a resubmission is the next version. */
@Injectable()
export class SigningListsCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly staff: SalesStaff,
  ) {}

  async submit(projectId: string, date: string, dto: SubmitSigningListDto, ctx: CommandContext): Promise<CommandReply> {
    requireCode(projectId, 'projectId', RULE);
    requireDay(date, RULE);
    const actor = await this.staff.actor(ctx.actor, dto.agencyId, RULE);
    await this.staff.project(projectId, RULE);
    const id = `${projectId}.${date}.${dto.agencyId}`;
    const reply = await runCommand(this.store, this.clock, signingListDecider, signingListStream(projectId, date, dto.agencyId), id, ctx, (now): SigningListCommand => ({
      type: 'SubmitSigningList',
      data: { projectId, date, agencyId: dto.agencyId, appointments: dto.appointments.map((a) => ({ unitId: a.unitId, customerId: a.customerId, time: a.time })), actor },
      metadata: { now },
    }));
    return locatedAt(`/property-sales/signing-lists?projectId=${projectId}&date=${date}`, reply);
  }
}
