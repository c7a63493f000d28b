import { Body, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, ApiCommandOk, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import { StaffIdParam } from '../shared/params';
import { ChangeBaseSalaryDto, ChangeEmployeeDetailsDto, HireEmployeeDto, RecordLeavingDto } from './employees.dto';
import { EmployeesCommands } from './employees.commands';

// HR-1: only HR hires and changes records and salaries.
@CommandController('hr-attendance', 'hr-attendance employees')
export class EmployeesController {
  constructor(private readonly commands: EmployeesCommands) {}

  @Post('employees')
  @Roles('hr-manager')
  @ApiOperation({ summary: 'HR-1 hire: the employment record with position, department, manager, monthly base salary and hire date (probation follows)' })
  @ApiCommandCreated()
  hire(@Body() dto: HireEmployeeDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.hire(dto, ctx);
  }

  @Put('employees/:staffId')
  @Roles('hr-manager')
  @ApiOperation({ summary: "HR-1 replace a staff member's name, position, department and manager (an omitted managerId removes the manager)" })
  @StaffIdParam()
  @ApiCommandOk()
  changeDetails(@Param('staffId') staffId: string, @Body() dto: ChangeEmployeeDetailsDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.changeDetails(staffId, dto, ctx);
  }

  @Post('employees/:staffId/salary')
  @HttpCode(200)
  @Roles('hr-manager')
  @ApiOperation({ summary: 'HR-1 a new monthly base salary from a date (HR-6: the current month at the earliest); earlier days keep the base then in force' })
  @StaffIdParam()
  @ApiCommandOk()
  changeBaseSalary(@Param('staffId') staffId: string, @Body() dto: ChangeBaseSalaryDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.changeBaseSalary(staffId, dto, ctx);
  }

  @Post('employees/:staffId/leaving')
  @HttpCode(200)
  @Roles('hr-manager')
  @ApiOperation({ summary: "HR-1 record a staff member's last day of employment (HR-6: not before the current month)" })
  @StaffIdParam()
  @ApiCommandOk()
  recordLeaving(@Param('staffId') staffId: string, @Body() dto: RecordLeavingDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordLeaving(staffId, dto, ctx);
  }
}
