import { Body, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiParam } from '@nestjs/swagger';
import { Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, ApiCommandOk, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import { RegisterCustomerDto, RegisterProjectDto, RegisterStaffDto, StaffAbsenceDto, UpdateStaffDto } from './directory.dto';
import { DirectoryCommands } from './directory.commands';

const REFERENCE_DATA_ADMINS = ['office', 'general-manager', 'hr-manager'] as const;
const CUSTOMER_ADMINS = ['customer-service', 'business-dept', 'office', 'general-manager'] as const;

const StaffId = () => ApiParam({ name: 'staffId', description: 'A registered staff member' });

@CommandController('service-desk', 'service-desk directory')
export class DirectoryController {
  constructor(private readonly commands: DirectoryCommands) {}

  @Post('staff')
  @Roles(...REFERENCE_DATA_ADMINS)
  @ApiOperation({ summary: 'Register a staff member (department, roles, responsible manager flag)' })
  @ApiCommandCreated()
  registerStaff(@Body() dto: RegisterStaffDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.registerStaff(dto, ctx);
  }

  @Put('staff/:staffId')
  @Roles(...REFERENCE_DATA_ADMINS)
  @ApiOperation({ summary: "Update a staff member's name, department, roles and responsible manager flag" })
  @StaffId()
  @ApiCommandOk()
  updateStaff(@Param('staffId') staffId: string, @Body() dto: UpdateStaffDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.updateStaff(staffId, dto, ctx);
  }

  @Put('staff/:staffId/absence')
  @Roles(...REFERENCE_DATA_ADMINS)
  @ApiOperation({ summary: 'SD-3 record a staff member absent or back (transfers then go to the alternate)' })
  @StaffId()
  @ApiCommandOk()
  absence(@Param('staffId') staffId: string, @Body() dto: StaffAbsenceDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.setStaffAbsence(staffId, dto, ctx);
  }

  @Post('customers')
  @Roles(...CUSTOMER_ADMINS)
  @ApiOperation({ summary: 'Register a customer with its contact and sites (each site with its agreed response time)' })
  @ApiCommandCreated()
  registerCustomer(@Body() dto: RegisterCustomerDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.registerCustomer(dto, ctx);
  }

  @Post('projects')
  @Roles(...CUSTOMER_ADMINS)
  @ApiOperation({ summary: 'Register a project of a registered customer, with its business signer' })
  @ApiCommandCreated()
  registerProject(@Body() dto: RegisterProjectDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.registerProject(dto, ctx);
  }
}
