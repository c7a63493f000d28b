import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type EventStore, type ReadModelStore } from '@ebp/shared-eventsourcing';
import {
  CLOCK,
  type Clock,
  type CommandContext,
  type CommandReply,
  EVENT_STORE,
  execute,
  locatedAt,
  READ_MODEL_STORE,
  replyOf,
} from '@ebp/shared-nest';
import { supervisionReportDecider, supervisionReportStream, type SupervisionFiguresSource } from '@ebp/service-desk-domain';
import { isMonth } from '@ebp/shared-kernel';
import { DirectoryQueries, SupervisionReportQueries } from '@ebp/service-desk-read-models';
import type { SubmitSupervisionReportDto } from './report.dto';

export interface SupervisionReportReply extends CommandReply {
  version: number;
}

/** SD-9 application layer: computes the month's figures now and hands them to the decider to freeze. */
@Injectable()
export class SupervisionReportCommands {
  private readonly directory: DirectoryQueries;
  private readonly source: SupervisionFiguresSource;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.directory = new DirectoryQueries(readModels);
    // The figures frozen at submission are the read side's live figures of that moment.
    this.source = new SupervisionReportQueries(readModels);
  }

  async submit(month: string, dto: SubmitSupervisionReportDto, ctx: CommandContext): Promise<SupervisionReportReply> {
    if (!isMonth(month)) throw new DomainError('SD-9', `month must be YYYY-MM, got '${month}'`, 'invalid', 'month');
    const generalManager = await this.directory.generalManager();
    if (!generalManager) throw new DomainError('SD-9', 'no general manager is on the staff register to address the report to', 'rule');
    const figures = await this.source.figures(month);
    const result = await execute(this.store, this.clock, supervisionReportDecider, supervisionReportStream(month), ctx, (now) => ({
      type: 'SubmitSupervisionReport' as const,
      data: {
        month,
        submittedBy: ctx.actor.userId,
        submitterRoles: ctx.actor.roles,
        generalManagerId: generalManager.staffId,
        figures,
        comments: dto.comments ?? null,
      },
      metadata: { now },
    }));
    const version = result.events.find((e) => e.type === 'SupervisionReportSubmitted')?.data.version ?? 0;
    return locatedAt(`/service-desk/supervision-reports/${month}/versions/${version}`, { ...replyOf(month, result), version });
  }
}
