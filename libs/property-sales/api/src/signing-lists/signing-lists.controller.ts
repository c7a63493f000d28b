import { Body, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import { CodeParam, DayParam } from '../directory/sales-staff';
import { SigningListsCommands } from './signing-lists.commands';
import { SubmitSigningListDto } from './signing-lists.dto';

@CommandController('property-sales', 'property-sales signing lists')
export class SigningListsController {
  constructor(private readonly commands: SigningListsCommands) {}

  @Post('signing-lists/:projectId/:date')
  @Roles('agency-supervisor')
  @ApiOperation({
    summary: "PS-6 the agency supervisor submits the signing day's list to the site manager and finance; due by 17:00 (policy) the day before, a later one is flagged late",
    description: 'A resubmission replaces the list as the next version (an identical one changes nothing). The signing day must not have passed.',
  })
  @CodeParam('projectId', 'A registered project', 'lakeside')
  @DayParam('The signing day (YYYY-MM-DD)')
  @ApiCommandCreated()
  submit(@Param('projectId') projectId: string, @Param('date') date: string, @Body() dto: SubmitSigningListDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.submit(projectId, date, dto, ctx);
  }
}
