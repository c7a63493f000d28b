import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { Text } from '@ebp/shared-nest';

/** Most customer contacts one report lists. */
export const MAX_REPORT_CONTACTS = 500;

export class ReportContactDto {
  @Text(200, { description: 'The customer contacted', example: 'Hangzhou Metro' }) customer!: string;
  @Text(50, { description: 'How: phone, visit, email, chat, …', example: 'phone' }) channel!: string;
  @Text(4000, { description: 'What the contact was about and its outcome' }) summary!: string;
}

export class SubmitDailyReportDto {
  @ApiProperty({ type: [ReportContactDto], maxItems: MAX_REPORT_CONTACTS, description: "HR-5 every customer contact of the day (an empty list when there were none)" })
  @IsArray()
  @ArrayMaxSize(MAX_REPORT_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => ReportContactDto)
  contacts!: ReportContactDto[];
  @Text(8000, { description: 'Summary of the day' }) summary!: string;
}
