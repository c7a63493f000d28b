import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { COMPLAINT_SEVERITIES, CONDUCT_KINDS, type Complainant, type ComplaintSeverity, type ConductKind } from '@ebp/hr-attendance-domain';
import { EntityId, Timestamp, OneOf, OptionalFen, OptionalTimestamp, OptionalText, Text } from '@ebp/shared-nest';
import { STAFF_ID } from '../shared/ids';

export const COMPLAINANTS: readonly Complainant[] = ['customer', 'sales'];

export class RecordComplaintDto {
  @EntityId({ description: 'The staff member the complaint is upheld against (must have an employment record)' }, STAFF_ID) staffId!: string;
  @OneOf(COMPLAINANTS, { description: 'Who complained: a customer, or a sales colleague' }) complainant!: Complainant;
  @OneOf(COMPLAINT_SEVERITIES, { description: "HR-4 sets the fine by the policy's tariff unless fineFen is given" }) severity!: ComplaintSeverity;
  @OptionalFen(1, { description: 'HR-4 an explicit fine in fen (at least the policy minimum, ¥10.00 = 1000); omitted = the severity tariff' })
  fineFen?: number | null;
  @Text(4000, { description: 'What was found' }) finding!: string;
  @OptionalTimestamp({ description: "When the complaint was upheld (now when omitted); the fine lands on that month's payslip, or as an adjustment on the next open one" })
  upheldAt?: string | null;
}

export class RecordConductDto {
  @EntityId({ description: 'The staff member (must have an employment record)' }, STAFF_ID) staffId!: string;
  @OneOf(CONDUCT_KINDS, { description: 'HR-7 personal call over the limit, unrelated browsing, games, a dispute with a customer, or shirking' })
  kind!: ConductKind;
  @Timestamp({ description: 'When it happened (not in the future, during employment)' }) occurredAt!: string;
  @Text(4000, { description: 'What happened' }) description!: string;
  @ApiPropertyOptional({ type: 'number', minimum: 0, maximum: 1440, nullable: true, description: "HR-7 the call's length in minutes: required for a personal call, which must exceed the policy's 3 minutes" })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1440)
  callMinutes?: number | null;
  @OptionalText(500, { description: 'The sanction: warning, criticism, education, disciplinary-action, reassignment, …' }) sanction?: string | null;
  @OptionalFen(0, { description: 'HR-7 a penalty in fen, deducted on the payslip (omitted = none)' }) penaltyFen?: number | null;
}
