import { Body, HttpCode, Post, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, CommandController, CommandCtx, ErrorSchema, POSITION_HEADER, type CommandContext } from '@ebp/shared-nest';
import { AttendanceCommands, type PunchImportResult } from './attendance.commands';
import { IMPORT_DESCRIPTION, PunchImportResultSchema } from './attendance.dto';

interface HeaderWriter {
  header(name: string, value: string): unknown;
}

const CSV_EXAMPLE = 'staffId,date,signIn,signOut\r\ncs-li,2026-03-02,08:25,17:40\r\ncs-wang,2026-03-02,08:41,\r\n';

@CommandController('hr-attendance', 'hr-attendance attendance')
export class AttendanceController {
  constructor(private readonly commands: AttendanceCommands) {}

  @Post('attendance/sign-in')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "HR-2 the caller signs in now (the day's earliest sign-in counts; after 08:30 on a working day is late)" })
  @ApiCommandCreated()
  signIn(@CommandCtx() ctx: CommandContext) {
    return this.commands.signIn(ctx);
  }

  @Post('attendance/sign-out')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "HR-2 the caller signs out now (the day's latest sign-out counts)" })
  @ApiCommandCreated()
  signOut(@CommandCtx() ctx: CommandContext) {
    return this.commands.signOut(ctx);
  }

  @Post('attendance/imports')
  @HttpCode(200)
  @Roles('hr-manager')
  @ApiOperation({ summary: "HR-2 import the punch clock's CSV export: one punch per row, bad rows reported by row number", description: IMPORT_DESCRIPTION })
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'The punch-clock export', schema: { type: 'string', maxLength: 2 * 1_048_576, example: CSV_EXAMPLE } })
  @ApiResponse({
    status: 200,
    description: 'Read: the good rows were applied, every refused row is listed',
    type: PunchImportResultSchema,
    headers: { 'X-Position': { description: 'Highest event-store position appended; 0 = nothing appended', schema: { type: 'integer' } } },
  })
  @ApiResponse({ status: 413, description: 'The body is over 2 MiB', type: ErrorSchema })
  @ApiResponse({ status: 415, description: 'The body is not text/csv', type: ErrorSchema })
  async importPunches(@Body() csv: unknown, @CommandCtx() ctx: CommandContext, @Res({ passthrough: true }) reply: HeaderWriter): Promise<PunchImportResult> {
    // No body at all reads as an empty file (400 naming the header); a parsed JSON or form body is the wrong type.
    if (csv !== undefined && csv !== null && typeof csv !== 'string') {
      throw new UnsupportedMediaTypeException('send the punch-clock export as the body with Content-Type: text/csv');
    }
    const result = await this.commands.importPunches(typeof csv === 'string' ? csv : '', ctx);
    reply.header(POSITION_HEADER, String(result.position));
    return result;
  }
}
