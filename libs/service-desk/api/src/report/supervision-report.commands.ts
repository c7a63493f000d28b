import { Inject, Injectable } from '@nestjs/common';
import { DomainError, handleCommand, type EventStore, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { CLOCK, EVENT_STORE, READ_MODEL_STORE, type Clock } from '@ebp/shared-nest';
import {
  isSupervisionMonth,
  supervisionReportDecider,
  supervisionReportStream,
  type SupervisionFiguresSource,
} from '@ebp/service-desk-domain';
import { ServiceDeskQueries, SupervisionReportQueries } from '@ebp/service-desk-read-models';
import type { SubmitSupervisionReportDto } from './supervision-report.dto';
import { type RequestContext } from '../command-runner';

export interface SupervisionReportAccepted {
  id: string;
  version: number;
  revision: number;
  events: string[];
}

/** SD-9 application layer: computes the month's figures now and hands them to the decider to freeze. */
@Injectable()
export class SupervisionReportCommands {
  private readonly directory: ServiceDeskQueries;
  private readonly source: SupervisionFiguresSource;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
    // Provided by ReportQueryModule (global); absent in a command-only deployment.
  ) {
    this.directory = new ServiceDeskQueries(readModels);
    // The figures frozen at submission are the read side's live figures of that moment.
    this.source = new SupervisionReportQueries(readModels);
  }

  async submit(month: string, dto: SubmitSupervisionReportDto, ctx: RequestContext): Promise<SupervisionReportAccepted> {
    if (!isSupervisionMonth(month)) throw new DomainError('SD-9', `month must be YYYY-MM, got '${month}'`, 'invalid', 'month');
    const generalManager = await this.directory.generalManager();
    if (!generalManager) throw new DomainError('SD-9', 'no general manager is on the staff register to address the report to', 'rule');
    const figures = await this.source.figures(month);
    const now = this.clock.now();
    const result = await handleCommand(
      this.store,
      supervisionReportDecider,
      supervisionReportStream(month),
      {
        type: 'SubmitSupervisionReport',
        data: {
          month,
          submittedBy: ctx.actor.userId,
          submitterRoles: ctx.actor.roles,
          generalManagerId: generalManager.staffId,
          figures,
          comments: dto.comments ?? null,
        },
        metadata: { now },
      },
      { now, actor: ctx.actor, correlationId: ctx.correlationId },
      { ifMatch: ctx.ifMatch },
    );
    const submitted = result.events.find((e) => e.type === 'SupervisionReportSubmitted');
    return {
      id: month,
      version: submitted?.data.version ?? 0,
      revision: result.revision,
      events: result.events.map((e) => e.type),
    };
  }
}
