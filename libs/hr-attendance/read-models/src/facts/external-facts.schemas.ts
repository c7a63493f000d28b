import { ApiEnum, ApiInstant, ApiInt, ApiText } from '@ebp/shared-nest';
import type { ExternalFactKind, ExternalFactView } from './external-facts.projection';

export class HrExternalFactSchema implements ExternalFactView {
  @ApiText({ description: 'The ComplaintFineRecorded / ConductRecorded event' }) eventId!: string;
  @ApiEnum(['complaint-fine', 'conduct'] satisfies ExternalFactKind[]) kind!: ExternalFactKind;
  @ApiText({ description: 'The staff id the service desk named, unknown to HR' }) staffId!: string;
  @ApiText({ example: '2026-03' }) month!: string;
  @ApiText({ description: 'Fine id or conduct record id' }) factId!: string;
  @ApiText({ nullable: true }) ticketId!: string | null;
  @ApiText({ nullable: true, description: 'SD-6 finding id' }) findingId!: string | null;
  @ApiText({ nullable: true, description: "The service desk's integration event" }) integrationEventId!: string | null;
  @ApiInt({ nullable: true, minimum: 0, description: 'Fine or penalty in fen' }) amountFen!: number | null;
  @ApiText() description!: string;
  @ApiInstant() occurredAt!: string;
  @ApiInstant() recordedAt!: string;
}
