import { DomainError } from '@ebp/shared-eventsourcing';
import { employedOn, type Employee } from '@ebp/hr-attendance-domain';
import { isCalendarDate } from '@ebp/shared-kernel';
import { isStaffId } from '../shared/ids';

// HR-2: the punch clock's export, imported by HR. Pure: parsing and per-row checks, no I/O.

/** At most this many data rows per file. */
export const MAX_IMPORT_ROWS = 5_000;
/** The columns the header must name (any order; case, spaces, `-` and `_` are ignored: `Sign-In` = `signIn`). */
export const IMPORT_COLUMNS = ['staffId', 'date', 'signIn', 'signOut'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** One record of a CSV file; `row` is its number in the file, the header being row 1 (as a spreadsheet numbers them). */
export interface CsvRecord {
  row: number;
  fields: string[];
}

/** One row's problem; `row` as in `CsvRecord`. */
export interface ImportRowError {
  row: number;
  /** The row's staff id cell, null when empty. */
  staffId: string | null;
  /** The column at fault (`staffId`, `date`, `signIn`, `signOut`), or `row` for the row as a whole. */
  field: string;
  rule: string;
  message: string;
}

/** A data row that passed the checks that need no employment record. */
export interface PunchRow {
  row: number;
  staffId: string;
  date: string;
  month: string;
  /** `${date}T${HH:MM}:00+08:00`, null when the cell is empty. */
  signInAt: string | null;
  signOutAt: string | null;
}

export type RowCheck = { ok: true; punch: PunchRow } | { ok: false; errors: ImportRowError[] };

const fileError = (message: string, field = 'csv'): DomainError => new DomainError('HR-2', message, 'invalid', field);

/**
 * RFC 4180 records: quoted fields (with `""` for a quote, commas and line breaks inside), CRLF, LF
 * or CR line ends, a leading byte-order mark dropped. An unclosed quote refuses the file (400): the
 * rest of it cannot be read reliably. Text after a closing quote is kept (`"a"b` → `ab`).
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let quoteStartRow = 0;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ row: records.length + 1, fields });
    fields = [];
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (input[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
      quoteStartRow = records.length + 1;
    } else if (c === ',') endField();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      endRecord();
    } else field += c;
  }
  if (quoted) throw fileError(`row ${quoteStartRow}: a quoted field is not closed`);
  // A last line without a line end is a record; the empty "line" after a final line end is not.
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

const isBlank = (record: CsvRecord): boolean => record.fields.every((f) => f.trim() === '');

const columnKey = (name: string): string => name.toLowerCase().replace(/[\s_-]/g, '');

/** The header's column index of each required column; 400 naming what is missing or repeated. */
export function readHeader(record: CsvRecord): Record<ImportColumn, number> {
  const keys = record.fields.map(columnKey);
  const index = {} as Record<ImportColumn, number>;
  const missing: string[] = [];
  for (const column of IMPORT_COLUMNS) {
    const at = keys.indexOf(columnKey(column));
    if (at < 0) missing.push(column);
    else if (keys.indexOf(columnKey(column), at + 1) >= 0) throw fileError(`the header names ${column} twice`, 'header');
    index[column] = at;
  }
  if (missing.length > 0) {
    throw fileError(`the first row must be the header ${IMPORT_COLUMNS.join(',')}; missing: ${missing.join(', ')}`, 'header');
  }
  return index;
}

/** One data row's cells by column, trimmed; `extra` = non-empty cells beyond the header's columns. */
export interface ImportRecord {
  row: number;
  cells: Record<ImportColumn, string>;
  extra: number;
}

/** Header required, blank rows skipped, at most MAX_IMPORT_ROWS data rows (else 400: nothing is applied). */
export function readPunchImport(text: string): ImportRecord[] {
  if (typeof text !== 'string') throw fileError('the body must be the CSV text (Content-Type: text/csv)');
  const records = parseCsv(text).filter((r) => !isBlank(r));
  if (records.length === 0) throw fileError(`the CSV is empty: it needs the header ${IMPORT_COLUMNS.join(',')} and a row per punch day`, 'header');
  const [header, ...data] = records;
  const index = readHeader(header);
  if (data.length > MAX_IMPORT_ROWS) throw fileError(`at most ${MAX_IMPORT_ROWS} rows per import, got ${data.length}: split the file`);
  const width = header.fields.length;
  return data.map((record) => {
    const cells = {} as Record<ImportColumn, string>;
    for (const column of IMPORT_COLUMNS) cells[column] = (record.fields[index[column]] ?? '').trim();
    const extra = record.fields.slice(width).filter((f) => f.trim() !== '').length;
    return { row: record.row, cells, extra };
  });
}

const TIME = /^(\d{1,2}):(\d{2})$/;

/** `H:MM` or `HH:MM` on a 24-hour clock → `HH:MM`; null when it is not one. */
export function parseClockTime(text: string): string | null {
  const m = TIME.exec(text);
  if (!m) return null;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  return hour <= 23 && minute <= 59 ? `${String(hour).padStart(2, '0')}:${m[2]}` : null;
}

/** The Asia/Shanghai instant of a punch-clock time on a date. */
export const shanghaiPunchInstant = (date: string, time: string): string => `${date}T${time}:00+08:00`;

/** HR-1 / HR-2: the row's own checks (staff id form, date, times), every failing cell listed. */
export function checkPunchRow(record: ImportRecord): RowCheck {
  const { row, cells } = record;
  const staffId = cells.staffId === '' ? null : cells.staffId;
  const errors: ImportRowError[] = [];
  const fail = (field: string, rule: string, message: string) => errors.push({ row, staffId, field, rule, message });
  if (record.extra > 0) fail('row', 'HR-2', `the row has more cells than the header's columns (an unquoted comma?)`);
  if (staffId === null) fail('staffId', 'HR-1', 'staffId is empty');
  else if (!isStaffId(staffId)) fail('staffId', 'HR-1', `staffId '${staffId}' must be 1-64 letters, digits, _ or -, starting with a letter or digit`);
  const dateOk = isCalendarDate(cells.date);
  if (!dateOk) fail('date', 'HR-2', cells.date === '' ? 'date is empty' : `date '${cells.date}' must be a calendar date YYYY-MM-DD`);
  const times: Partial<Record<'signIn' | 'signOut', string>> = {};
  for (const column of ['signIn', 'signOut'] as const) {
    if (cells[column] === '') continue;
    const time = parseClockTime(cells[column]);
    if (time === null) fail(column, 'HR-2', `${column} '${cells[column]}' must be a time HH:MM (24-hour, Asia/Shanghai) or empty`);
    else times[column] = time;
  }
  if (cells.signIn === '' && cells.signOut === '') fail('signIn', 'HR-2', 'the row has neither a sign-in nor a sign-out time');
  if (times.signIn && times.signOut && times.signOut < times.signIn) fail('signOut', 'HR-2', `sign-out ${times.signOut} is before sign-in ${times.signIn}`);
  if (errors.length > 0) return { ok: false, errors };
  const date = cells.date;
  return {
    ok: true,
    punch: {
      row,
      staffId: staffId!,
      date,
      month: date.slice(0, 7),
      signInAt: times.signIn ? shanghaiPunchInstant(date, times.signIn) : null,
      signOutAt: times.signOut ? shanghaiPunchInstant(date, times.signOut) : null,
    },
  };
}

/** HR-1 / HR-2: the row's staff member must have a record and be employed on the row's date. */
export function checkEmployment(punch: PunchRow, employee: Pick<Employee, 'hireDate' | 'leavingDate'> | null): ImportRowError | null {
  const base = { row: punch.row, staffId: punch.staffId };
  if (!employee) return { ...base, field: 'staffId', rule: 'HR-1', message: `staff member ${punch.staffId} has no employment record` };
  if (!employedOn(employee, punch.date)) {
    const span = `${employee.hireDate} – ${employee.leavingDate ?? 'now'}`;
    return { ...base, field: 'date', rule: 'HR-2', message: `staff member ${punch.staffId} is not employed on ${punch.date} (employed ${span})` };
  }
  return null;
}

/** The column of a refusal by the staff-month decider (its fields are the command's). */
export function importFieldOf(field: string | undefined): string {
  switch (field) {
    case 'signInAt':
      return 'signIn';
    case 'signOutAt':
      return 'signOut';
    case undefined:
      return 'row';
    default:
      return field;
  }
}

/** A refusal of a row's RecordPunch as that row's error. */
export function rowErrorOf(punch: PunchRow, error: DomainError): ImportRowError {
  const prefix = `${error.rule}: `;
  const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return { row: punch.row, staffId: punch.staffId, field: importFieldOf(error.field), rule: error.rule, message };
}
