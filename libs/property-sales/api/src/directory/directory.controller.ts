import { Body, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import { SalesDirectoryCommands } from './directory.commands';
import { AddAgencyMemberDto, AddBuildingDto, RegisterAgencyDto, RegisterSalesProjectDto } from './directory.dto';
import { CodeParam } from './sales-staff';

@CommandController('property-sales', 'property-sales directory')
export class SalesDirectoryController {
  constructor(private readonly commands: SalesDirectoryCommands) {}

  @Post('projects')
  @Roles('site-manager')
  @ApiOperation({ summary: "PS-1 register a project with the developer's site manager and site supervisor" })
  @ApiCommandCreated()
  registerProject(@Body() dto: RegisterSalesProjectDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.registerProject(dto, ctx);
  }

  @Post('projects/:projectId/buildings')
  @Roles('site-manager')
  @ApiOperation({ summary: 'PS-1 add a building with its floors to the project (re-adding the same building changes nothing)' })
  @CodeParam('projectId', 'A registered project', 'lakeside')
  @ApiCommandCreated()
  addBuilding(@Param('projectId') projectId: string, @Body() dto: AddBuildingDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.addBuilding(projectId, dto, ctx);
  }

  @Post('agencies')
  @Roles('site-manager')
  @ApiOperation({ summary: 'PS-1 register a sales agency with its supervisor (the supervisor is its first member)' })
  @ApiCommandCreated()
  registerAgency(@Body() dto: RegisterAgencyDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.registerAgency(dto, ctx);
  }

  @Post('agencies/:agencyId/members')
  @Roles('site-manager', 'agency-supervisor')
  @ApiOperation({ summary: "PS-1 add a salesperson or supervisor to the agency: the site manager or that agency's supervisor (another agency's supervisor: 403)" })
  @CodeParam('agencyId', 'A registered agency', 'sunrise')
  @ApiCommandCreated()
  addMember(@Param('agencyId') agencyId: string, @Body() dto: AddAgencyMemberDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.addMember(agencyId, dto, ctx);
  }
}
