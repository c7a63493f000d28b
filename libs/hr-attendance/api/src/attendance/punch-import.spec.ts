import { DomainError } from '@ebp/shared-eventsourcing';
import { checkEmployment, checkPunchRow, importFieldOf, MAX_IMPORT_ROWS, parseClockTime, parseCsv, readPunchImport, rowErrorOf, type PunchRow } from './punch-import';

const HEADER = 'staffId,date,signIn,signOut';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('HR-2 punch-clock CSV: reading the file', () => {
  it('HR-2 parses quoted fields with commas, doubled quotes and line breaks inside', () => {
    const records = parseCsv('a,"b, c","say ""hi""","two\nlines"\nx,y,z,w');
    expect(records).toEqual([
      { row: 1, fields: ['a', 'b, c', 'say "hi"', 'two\nlines'] },
      { row: 2, fields: ['x', 'y', 'z', 'w'] },
    ]);
  });

  it('HR-2 accepts CRLF, LF and CR line ends, a BOM, and no line end after the last row', () => {
    expect(parseCsv('\uFEFFh1,h2\r\na,b\nc,d\re,f').map((r) => r.fields)).toEqual([
      ['h1', 'h2'],
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(parseCsv('h\r\n')).toEqual([{ row: 1, fields: ['h'] }]);
    expect(parseCsv('')).toEqual([]);
  });

  it('HR-2 keeps empty cells, a trailing comma and a quoted empty cell', () => {
    expect(parseCsv('a,,"",\n')[0].fields).toEqual(['a', '', '', '']);
  });

  it('HR-2 refuses a file with an unclosed quote (400), naming the row it opened on', () => {
    const error = refusal(() => parseCsv(`${HEADER}\ncs-li,2026-03-02,"08:25,17:40\n`));
    expect(error).toMatchObject({ rule: 'HR-2', kind: 'invalid', field: 'csv' });
    expect(error.message).toContain('row 2');
  });

  it('HR-2 numbers rows as the file shows them: header row 1, blank rows counted but skipped', () => {
    const records = readPunchImport(`\r\n${HEADER}\r\n\r\ncs-li,2026-03-02,08:25,17:40\r\n ,  ,,\r\ncs-wang,2026-03-02,,17:31\r\n\r\n`);
    expect(records.map((r) => [r.row, r.cells.staffId])).toEqual([
      [4, 'cs-li'],
      [6, 'cs-wang'],
    ]);
  });

  it('HR-2 reads the columns by the header, in any order and spelling, ignoring other columns', () => {
    const [record] = readPunchImport('Sign Out,note,STAFFID,Sign-In,date\n17:40,hello,cs-li,08:25,2026-03-02\n');
    expect(record.cells).toEqual({ staffId: 'cs-li', date: '2026-03-02', signIn: '08:25', signOut: '17:40' });
    const [other] = readPunchImport('date,staff_id,sign_out,sign_in\n2026-03-02, cs-li ,17:40,08:25\n');
    expect(other.cells).toEqual({ staffId: 'cs-li', date: '2026-03-02', signIn: '08:25', signOut: '17:40' });
  });

  it('HR-2 refuses a file without the header, or a header missing a column or naming one twice (400)', () => {
    expect(refusal(() => readPunchImport('cs-li,2026-03-02,08:25,17:40\n'))).toMatchObject({ rule: 'HR-2', kind: 'invalid', field: 'header' });
    expect(refusal(() => readPunchImport('staffId,date,signIn\n')).message).toContain('missing: signOut');
    expect(refusal(() => readPunchImport('staffId,date,signIn,signOut,sign-in\n')).message).toContain('signIn twice');
    expect(refusal(() => readPunchImport(''))).toMatchObject({ field: 'header' });
    expect(refusal(() => readPunchImport('\r\n \r\n'))).toMatchObject({ field: 'header' });
  });

  it(`HR-2 refuses more than ${MAX_IMPORT_ROWS} data rows (400), blank rows not counted`, () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `s${i},2026-03-02,08:25,`).join('\n');
    expect(readPunchImport(`${HEADER}\n${rows(MAX_IMPORT_ROWS)}\n\n\n`)).toHaveLength(MAX_IMPORT_ROWS);
    expect(refusal(() => readPunchImport(`${HEADER}\n${rows(MAX_IMPORT_ROWS + 1)}`))).toMatchObject({ rule: 'HR-2', kind: 'invalid', field: 'csv' });
  });

  it('HR-2 reads a missing trailing cell as empty and flags non-empty cells beyond the header', () => {
    const [short, long, padded] = readPunchImport(`${HEADER}\ncs-li,2026-03-02,08:25\ncs-li,2026-03-03,08:25,17:40,oops\ncs-li,2026-03-04,08:25,17:40,,\n`);
    expect(short.cells.signOut).toBe('');
    expect(long.extra).toBe(1);
    expect(padded.extra).toBe(0);
  });
});

describe('HR-2 punch-clock CSV: checking a row', () => {
  const record = (cells: Partial<Record<'staffId' | 'date' | 'signIn' | 'signOut', string>>, row = 2, extra = 0) => ({
    row,
    extra,
    cells: { staffId: 'cs-li', date: '2026-03-02', signIn: '08:25', signOut: '17:40', ...cells },
  });

  it("HR-2 turns a good row into a punch at the clock's Asia/Shanghai times", () => {
    expect(checkPunchRow(record({ signIn: '8:05' }))).toEqual({
      ok: true,
      punch: { row: 2, staffId: 'cs-li', date: '2026-03-02', month: '2026-03', signInAt: '2026-03-02T08:05:00+08:00', signOutAt: '2026-03-02T17:40:00+08:00' },
    });
    expect(checkPunchRow(record({ signIn: '' }))).toMatchObject({ ok: true, punch: { signInAt: null, signOutAt: '2026-03-02T17:40:00+08:00' } });
  });

  it('HR-2 import reports a bad time on its row and applies nothing from it', () => {
    const check = checkPunchRow(record({ signIn: '8.25' }, 7));
    expect(check).toEqual({
      ok: false,
      errors: [{ row: 7, staffId: 'cs-li', field: 'signIn', rule: 'HR-2', message: expect.stringContaining("'8.25'") }],
    });
    for (const bad of ['24:00', '08:60', '0825', '08:25:00', '08:5', 'noon']) {
      expect({ bad, check: checkPunchRow(record({ signOut: bad })) }).toEqual({ bad, check: { ok: false, errors: [expect.objectContaining({ field: 'signOut' })] } });
    }
  });

  it('HR-2 import reports an impossible or malformed date on its row', () => {
    for (const bad of ['2026-02-30', '2026/03/02', '02.03.2026', '']) {
      expect({ bad, check: checkPunchRow(record({ date: bad })) }).toEqual({
        bad,
        check: { ok: false, errors: [expect.objectContaining({ field: 'date', rule: 'HR-2' })] },
      });
    }
  });

  it('HR-1 import reports a staff id that is empty or not of the id form', () => {
    expect(checkPunchRow(record({ staffId: '' }))).toEqual({ ok: false, errors: [expect.objectContaining({ staffId: null, field: 'staffId', rule: 'HR-1' })] });
    for (const bad of ['-li', 'cs li', 'cs.li', 'x'.repeat(65), '李明']) {
      expect({ bad, check: checkPunchRow(record({ staffId: bad })) }).toEqual({ bad, check: { ok: false, errors: [expect.objectContaining({ field: 'staffId', rule: 'HR-1' })] } });
    }
  });

  it('HR-2 import lists every failing cell of a row, a row without any time, and a sign-out before the sign-in', () => {
    const many = checkPunchRow(record({ staffId: 'a b', date: 'x', signIn: 'y' }));
    expect(many.ok ? [] : many.errors.map((e) => e.field)).toEqual(['staffId', 'date', 'signIn']);
    expect(checkPunchRow(record({ signIn: '', signOut: '' }))).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'signIn', message: expect.stringContaining('neither') })] });
    expect(checkPunchRow(record({ signIn: '17:40', signOut: '08:25' }))).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'signOut' })] });
    expect(checkPunchRow(record({}, 3, 1))).toEqual({ ok: false, errors: [expect.objectContaining({ row: 3, field: 'row' })] });
  });

  it('HR-2 clock times: H:MM or HH:MM on a 24-hour clock', () => {
    expect(['0:00', '8:05', '08:05', '23:59'].map(parseClockTime)).toEqual(['00:00', '08:05', '08:05', '23:59']);
    expect(['24:00', '12:60', '-1:00', ' 8:05', '8:5'].map(parseClockTime)).toEqual([null, null, null, null, null]);
  });

  const punch: PunchRow = { row: 5, staffId: 'cs-li', date: '2026-03-02', month: '2026-03', signInAt: '2026-03-02T08:25:00+08:00', signOutAt: null };

  it('HR-1 import reports a staff id without an employment record on its row', () => {
    expect(checkEmployment(punch, null)).toEqual({ row: 5, staffId: 'cs-li', field: 'staffId', rule: 'HR-1', message: 'staff member cs-li has no employment record' });
  });

  it('HR-2 import reports a day the staff member is not employed on (before hire, after leaving)', () => {
    expect(checkEmployment(punch, { hireDate: '2026-03-02', leavingDate: null })).toBeNull();
    expect(checkEmployment(punch, { hireDate: '2026-03-03', leavingDate: null })).toMatchObject({ field: 'date', rule: 'HR-2' });
    expect(checkEmployment(punch, { hireDate: '2025-01-01', leavingDate: '2026-03-01' })).toMatchObject({ field: 'date', rule: 'HR-2' });
  });

  it("HR-2 import reports the decider's refusal of a row on that row's column", () => {
    expect(rowErrorOf(punch, new DomainError('HR-2', 'signOutAt 2026-03-02T17:40:00+08:00 is in the future', 'invalid', 'signOutAt'))).toEqual({
      row: 5,
      staffId: 'cs-li',
      field: 'signOut',
      rule: 'HR-2',
      message: 'signOutAt 2026-03-02T17:40:00+08:00 is in the future',
    });
    expect([importFieldOf('signInAt'), importFieldOf('date'), importFieldOf(undefined)]).toEqual(['signIn', 'date', 'row']);
  });
});
