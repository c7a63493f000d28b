import { DomainError } from '@ebp/shared-eventsourcing';
import { isStaffId, MONTH_ENTITY_ID_PATTERN, monthEntityOf, newHrRecordId, newMonthEntityId, requireCalendarDate, requireMonth, requireMonthEntityId, requireStaffId } from './ids';

describe('HR ids', () => {
  it('HR-2 a request id names its staff-month: <YYYY-MM>.<staffId>.<8 hex>', () => {
    const id = newMonthEntityId('2026-03', 'cs-li_2');
    expect(id).toMatch(MONTH_ENTITY_ID_PATTERN);
    expect(id.startsWith('2026-03.cs-li_2.')).toBe(true);
    expect(monthEntityOf(id)).toEqual({ month: '2026-03', staffId: 'cs-li_2' });
    expect(newMonthEntityId('2026-03', 'cs-li')).not.toBe(newMonthEntityId('2026-03', 'cs-li'));
  });

  it('HR-2 the month is the first 7 characters and the staff id lies between the first and last dot', () => {
    expect(monthEntityOf('2026-12.a-b-c.0123abcd')).toEqual({ month: '2026-12', staffId: 'a-b-c' });
    for (const bad of ['2026-13.cs-li.0123abcd', '2026-03.cs-li.0123ABCD', '2026-03.cs.li.0123abcd', '2026-03..0123abcd', '2026-03.cs-li', 'nonsense', '']) {
      expect({ bad, parsed: monthEntityOf(bad) }).toEqual({ bad, parsed: null });
    }
  });

  it('HR-2 an id that cannot be a request id is refused as invalid (400), naming the field', () => {
    expect(() => requireMonthEntityId('x', 'HR-2', 'requestId', 'leave request')).toThrow(DomainError);
    try {
      requireMonthEntityId('x', 'HR-2', 'requestId', 'leave request');
    } catch (error) {
      expect(error).toMatchObject({ rule: 'HR-2', kind: 'invalid', field: 'requestId' });
    }
  });

  it('HR-1 staff ids: a letter or digit, then up to 63 letters, digits, _ or -', () => {
    expect(['a', 'cs-li', 'A_1-b', '9'.repeat(64)].every(isStaffId)).toBe(true);
    expect(['', '-a', '_a', 'a.b', 'a b', 'a/b', '9'.repeat(65), '李'].some(isStaffId)).toBe(false);
    expect(requireStaffId('cs-li')).toBe('cs-li');
    expect(() => requireStaffId('a.b')).toThrow(expect.objectContaining({ rule: 'HR-1', kind: 'invalid', field: 'staffId' }));
  });

  it('HR-6 months and dates from paths are checked (400)', () => {
    expect(requireMonth('2026-03', 'HR-6')).toBe('2026-03');
    expect(() => requireMonth('2026-3', 'HR-6')).toThrow(expect.objectContaining({ rule: 'HR-6', kind: 'invalid', field: 'month' }));
    expect(requireCalendarDate('2024-02-29', 'HR-5')).toBe('2024-02-29');
    expect(() => requireCalendarDate('2026-02-29', 'HR-5')).toThrow(expect.objectContaining({ rule: 'HR-5', field: 'date' }));
  });

  it('HR-4 / HR-7 records HR enters get hr-<uuid> ids', () => {
    expect(newHrRecordId()).toMatch(/^hr-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
