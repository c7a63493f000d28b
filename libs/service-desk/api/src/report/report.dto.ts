import { ApiProperty } from '@nestjs/swagger';
import { CommandReplySchema, OptionalText } from '@ebp/shared-nest';

export class SubmitSupervisionReportDto {
  @OptionalText(4000, { description: "The business department's comments to the general manager" }) comments?: string;
}

/** The command reply plus the version the submission became. */
export class SupervisionReportReplySchema extends CommandReplySchema {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'Version of the month report this submission became' }) version!: number;
}
