import { ApiProperty } from '@nestjs/swagger';
import { CommandReplySchema } from '@ebp/shared-nest';

/**
 * HR-6: the close's reply. `id` is the month, `revision` the payroll month's stream revision,
 * `position` the highest position appended (payslips included), `events` the distinct types appended.
 */
export class PayrollCloseReplySchema extends CommandReplySchema {
  @ApiProperty({ type: 'integer', minimum: 0, example: 1000, description: 'Payslips of the month (issued now or by an earlier close) the close covers' })
  payslips!: number;
}
