import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class SalesAsOfQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'The instant things are judged at; defaults to now', example: '2026-03-02T18:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}
