import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class SubmitSupervisionReportDto {
  @ApiPropertyOptional({ description: "The business department's comments to the general manager" })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comments?: string;
}
