import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@ebp/shared-eventsourcing';
import { CurrentActor, Roles } from '@ebp/shared-auth';
import { etagOf, parseIfMatch } from '@ebp/shared-nest';
import { SubmitSupervisionReportDto } from './supervision-report.dto';
import { SupervisionReportCommands } from './supervision-report.commands';

@ApiTags('service-desk supervision reports')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the change is based on; stale → 412' })
@Controller('service-desk/supervision-reports')
export class SupervisionReportController {
  constructor(private readonly commands: SupervisionReportCommands) {}

  @Post(':month')
  @Roles('business-dept')
  @ApiOperation({ summary: 'SD-9 submit (or resubmit as a new version) an ended month\'s report to the general manager; freezes its figures' })
  async submit(
    @Param('month') month: string,
    @Body() dto: SubmitSupervisionReportDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.submit(month, dto, { actor, ifMatch: parseIfMatch(ifMatch), correlationId: correlationId || undefined });
    reply.header('ETag', etagOf(result.revision));
    reply.header('Location', `/service-desk/supervision-reports/${month}/versions/${result.version}`);
    return result;
  }
}
