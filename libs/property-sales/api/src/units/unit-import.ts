import { DomainError } from '@ebp/shared-eventsourcing';
import { CODE_PATTERN, MAX_AREA_CENTI_SQM, MAX_PRICE_FEN, UNIT_TYPES, type UnitType } from '@ebp/property-sales-domain';

// PS-1: a building's units from a CSV file, imported by the site manager. Pure: parsing and per-row checks, no I/O.

/** At most this many data rows per file. */
export const MAX_UNIT_IMPORT_ROWS = 5_000;
/** The columns the header must name (any order; case, spaces, `-` and `_` are ignored: `Area_Centi_Sqm` = `areaCentiSqm`). */
export const UNIT_IMPORT_COLUMNS = ['number', 'floor', 'type', 'areaCentiSqm', 'listPriceFen'] as const;
export type UnitImportColumn = (typeof UNIT_IMPORT_COLUMNS)[number];

/** One record of a CSV file; `row` is its number in the file, the header being row 1 (as a spreadsheet numbers them). */
export interface CsvRecord {
  row: number;
  fields: string[];
}

/** One row's problem; `row` as in `CsvRecord`. */
export interface UnitImportRowError {
  row: number;
  /** The row's unit number cell, null when empty. */
  number: string | null;
  /** The column at fault, or `row` for the row as a whole. */
  field: string;
  rule: string;
  message: string;
}

/** A data row that passed the checks that need no stream. */
export interface UnitRow {
  row: number;
  number: string;
  floor: number;
  type: UnitType;
  areaCentiSqm: number;
  listPriceFen: number;
}

export type UnitRowCheck = { ok: true; unit: UnitRow } | { ok: false; errors: UnitImportRowError[] };

const fileError = (message: string, field = 'csv'): DomainError => new DomainError('PS-1', message, 'invalid', field);

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
export function readUnitHeader(record: CsvRecord): Record<UnitImportColumn, number> {
  const keys = record.fields.map(columnKey);
  const index = {} as Record<UnitImportColumn, number>;
  const missing: string[] = [];
  for (const column of UNIT_IMPORT_COLUMNS) {
    const at = keys.indexOf(columnKey(column));
    if (at < 0) missing.push(column);
    else if (keys.indexOf(columnKey(column), at + 1) >= 0) throw fileError(`the header names ${column} twice`, 'header');
    index[column] = at;
  }
  if (missing.length > 0) {
    throw fileError(`the first row must be the header ${UNIT_IMPORT_COLUMNS.join(',')}; missing: ${missing.join(', ')}`, 'header');
  }
  return index;
}

/** One data row's cells by column, trimmed; `extra` = non-empty cells beyond the header's columns. */
export interface UnitImportRecord {
  row: number;
  cells: Record<UnitImportColumn, string>;
  extra: number;
}

/** Header required, blank rows skipped, at most MAX_UNIT_IMPORT_ROWS data rows (else 400: nothing is applied). */
export function readUnitImport(text: string): UnitImportRecord[] {
  if (typeof text !== 'string') throw fileError('the body must be the CSV text (Content-Type: text/csv)');
  const records = parseCsv(text).filter((r) => !isBlank(r));
  if (records.length === 0) throw fileError(`the CSV is empty: it needs the header ${UNIT_IMPORT_COLUMNS.join(',')} and a row per unit`, 'header');
  const [header, ...data] = records;
  const index = readUnitHeader(header);
  if (data.length > MAX_UNIT_IMPORT_ROWS) throw fileError(`at most ${MAX_UNIT_IMPORT_ROWS} rows per import, got ${data.length}: split the file`);
  const width = header.fields.length;
  return data.map((record) => {
    const cells = {} as Record<UnitImportColumn, string>;
    for (const column of UNIT_IMPORT_COLUMNS) cells[column] = (record.fields[index[column]] ?? '').trim();
    const extra = record.fields.slice(width).filter((f) => f.trim() !== '').length;
    return { row: record.row, cells, extra };
  });
}

const WHOLE = /^\d{1,15}$/;

/** A whole number cell in [min, max]; null when it is not one. */
function wholeIn(text: string, min: number, max: number): number | null {
  if (!WHOLE.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/** PS-1: the row's own checks (number form, floor, type, area, price), every failing cell listed. */
export function checkUnitRow(record: UnitImportRecord): UnitRowCheck {
  const { row, cells } = record;
  const number = cells.number === '' ? null : cells.number;
  const errors: UnitImportRowError[] = [];
  const fail = (field: string, message: string) => errors.push({ row, number, field, rule: 'PS-1', message });
  if (record.extra > 0) fail('row', "the row has more cells than the header's columns (an unquoted comma?)");
  if (number === null) fail('number', 'number is empty');
  else if (!CODE_PATTERN.test(number)) fail('number', `number '${number}' must be 1-32 letters, digits, _ or - (no dots)`);
  const floor = wholeIn(cells.floor, 1, 999);
  if (floor === null) fail('floor', cells.floor === '' ? 'floor is empty' : `floor '${cells.floor}' must be a whole number from 1`);
  const type = UNIT_TYPES.find((t) => t === cells.type.toLowerCase());
  if (type === undefined) fail('type', `type '${cells.type}' must be one of ${UNIT_TYPES.join(', ')}`);
  const areaCentiSqm = wholeIn(cells.areaCentiSqm, 1, MAX_AREA_CENTI_SQM);
  if (areaCentiSqm === null) fail('areaCentiSqm', `areaCentiSqm '${cells.areaCentiSqm}' must be a whole number of hundredths of a square metre (12345 = 123.45 m²), 1 to ${MAX_AREA_CENTI_SQM}`);
  const listPriceFen = wholeIn(cells.listPriceFen, 1, MAX_PRICE_FEN);
  if (listPriceFen === null) fail('listPriceFen', `listPriceFen '${cells.listPriceFen}' must be a whole number of fen, 1 to ${MAX_PRICE_FEN}`);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, unit: { row, number: number!, floor: floor!, type: type!, areaCentiSqm: areaCentiSqm!, listPriceFen: listPriceFen! } };
}

/** The rows of a file that passed their own checks, a unit number named twice being an error of its later rows. */
export function checkUnitRows(records: UnitImportRecord[]): { units: UnitRow[]; errors: UnitImportRowError[] } {
  const units: UnitRow[] = [];
  const errors: UnitImportRowError[] = [];
  const firstRow = new Map<string, number>();
  for (const record of records) {
    const check = checkUnitRow(record);
    if (!check.ok) {
      errors.push(...check.errors);
      continue;
    }
    const earlier = firstRow.get(check.unit.number);
    if (earlier !== undefined) {
      errors.push({ row: record.row, number: check.unit.number, field: 'number', rule: 'PS-1', message: `unit ${check.unit.number} is already in row ${earlier} of this file` });
      continue;
    }
    firstRow.set(check.unit.number, record.row);
    units.push(check.unit);
  }
  return { units, errors };
}

/** A refusal of a row's ListUnit as that row's error. */
export function unitRowErrorOf(unit: UnitRow, error: DomainError): UnitImportRowError {
  const prefix = `${error.rule}: `;
  const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  const field = error.field && (UNIT_IMPORT_COLUMNS as readonly string[]).includes(error.field) ? error.field : 'row';
  return { row: unit.row, number: unit.number, field, rule: error.rule, message };
}
