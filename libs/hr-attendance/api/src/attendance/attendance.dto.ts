import { ApiProperty } from '@nestjs/swagger';
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from './punch-import';

/** The OpenAPI text of the import's rows and numbering, kept next to the schema it describes. */
export const IMPORT_DESCRIPTION =
  `HR-2 import the punch clock's export (Content-Type: text/csv, UTF-8, at most 2 MiB and ${MAX_IMPORT_ROWS} data rows). ` +
  `The first non-blank row is the header ${IMPORT_COLUMNS.join(',')} (any order, case-insensitive; other columns are ignored); ` +
  'then one row per staff member and day: staffId, date YYYY-MM-DD, signIn and signOut as HH:MM Asia/Shanghai time, either may be empty. ' +
  'Quoted fields, CRLF or LF line ends and a byte-order mark are accepted; blank rows are skipped. ' +
  "Each row is one punch (source 'punch-clock'): a bad row applies nothing and is reported with its row number, good rows apply; " +
  'the earliest sign-in and latest sign-out of a day count, so importing the same file again applies nothing (unchanged). ' +
  'Row numbers are those of the file as a spreadsheet shows it: the header is row 1, blank rows are counted. ' +
  'A file that cannot be read (no header, a missing column, an unclosed quote, too many rows) is refused with 400 and nothing is applied.';

export class PunchImportErrorSchema {
  @ApiProperty({ type: 'integer', minimum: 2, example: 3, description: "The row's number in the file: the header is row 1, blank rows are counted" })
  row!: number;
  @ApiProperty({ type: String, nullable: true, example: 'cs-li', description: "The row's staffId cell (null when empty)" })
  staffId!: string | null;
  @ApiProperty({ enum: [...IMPORT_COLUMNS, 'row'], example: 'signIn', description: 'The column at fault, or `row` for the row as a whole' })
  field!: string;
  @ApiProperty({ example: 'HR-2', description: 'The rule the row breaks (HR-1 staff record, HR-2 attendance)' })
  rule!: string;
  @ApiProperty({ example: "signIn '8.25' must be a time HH:MM (24-hour, Asia/Shanghai) or empty" })
  message!: string;
}

export class PunchImportResultSchema {
  @ApiProperty({ type: 'integer', minimum: 0, example: 120, description: 'Data rows read (blank rows and the header not counted)' })
  rows!: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 117, description: 'Rows that recorded a sign-in or sign-out' })
  applied!: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 1, description: 'Valid rows already recorded (a re-import), nothing appended' })
  unchanged!: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 2, description: 'Rows refused; each has at least one entry in errors' })
  failed!: number;
  @ApiProperty({ type: [PunchImportErrorSchema], description: 'Every problem of every refused row, by row number' })
  errors!: PunchImportErrorSchema[];
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 5120,
    description: "Highest event-store position appended (also X-Position); 0 = nothing appended. Pass it as a query's minPosition to read the import",
  })
  position!: number;
}
