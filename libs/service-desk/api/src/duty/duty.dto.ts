import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MONITORING_OUTCOMES, type MonitoringOutcome } from '@ebp/service-desk-domain';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const ID_MESSAGE = '$property must be 1-64 letters, digits, _ . : or -';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a date YYYY-MM-DD';

export class SubmitWeeklyReportDto {
  @ApiProperty({ description: 'Service situation of the week' })
  @IsString() @IsNotEmpty() @MaxLength(8000) serviceSituation!: string;
  @ApiProperty({ description: 'Customer feedback received during the week' })
  @IsString() @IsNotEmpty() @MaxLength(8000) customerFeedback!: string;
}

export class AssignHolidayDutyDto {
  @ApiProperty({ example: '2026-02-17', description: 'A statutory holiday day (Asia/Shanghai)' })
  @Matches(DATE, { message: DATE_MESSAGE }) date!: string;
  @ApiProperty({ description: 'A customer-service staff member' })
  @Matches(ID, { message: ID_MESSAGE }) staffId!: string;
}

export class LogMonitoringCheckDto {
  @ApiProperty({ example: '2026-02-17', description: 'The holiday day the caller is on duty for' })
  @Matches(DATE, { message: DATE_MESSAGE }) date!: string;
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) customerId!: string;
  @ApiProperty({ description: "The customer's site or website checked" })
  @IsString() @IsNotEmpty() @MaxLength(500) target!: string;
  @ApiProperty({ enum: MONITORING_OUTCOMES }) @IsIn(MONITORING_OUTCOMES) outcome!: MonitoringOutcome;
  @ApiPropertyOptional({ description: 'What is wrong; required when a problem was found' })
  @IsOptional() @IsString() @MaxLength(4000) description?: string;
}
