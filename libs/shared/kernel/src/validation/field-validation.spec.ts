import { DomainError } from '@ebp/shared-eventsourcing';
import { optionalText, pastInstant, requireBoolean, requireInstant, requireOneOf, requireText, textList } from './field-validation';

function refusal(check: () => unknown): DomainError {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('field validation', () => {
  it('SD-1 requires text, trims it and names the field and rule when missing', () => {
    expect(requireText('  Invoice  ', 'description', 'SD-1')).toBe('Invoice');
    expect(refusal(() => requireText(' ', 'description', 'SD-1'))).toMatchObject({ rule: 'SD-1', kind: 'invalid', field: 'description' });
    expect(optionalText('', 'note', 'SD-7')).toBeNull();
    expect(optionalText(undefined, 'note', 'SD-7')).toBeNull();
  });

  it('SD-1 requires instants with an explicit offset', () => {
    expect(requireInstant('2026-03-02T10:00:00+08:00', 'receivedAt', 'SD-1')).toBe('2026-03-02T10:00:00+08:00');
    expect(refusal(() => requireInstant('2026-03-02T10:00:00', 'receivedAt', 'SD-1')).field).toBe('receivedAt');
  });

  it('SD-8 a past instant defaults to now and is neither in the future nor before its predecessor', () => {
    const now = '2026-03-02T10:00:00+08:00';
    expect(pastInstant(undefined, now, 'at', 'SD-8')).toBe(now);
    expect(refusal(() => pastInstant('2026-03-02T10:01:00+08:00', now, 'at', 'SD-8')).message).toContain('future');
    expect(refusal(() => pastInstant('2026-03-02T08:00:00+08:00', now, 'at', 'SD-8', { instant: '2026-03-02T09:00:00+08:00', what: 'dispatch' })).message).toContain('dispatch');
  });

  it('SD-3 lists, booleans and enumerations', () => {
    expect(textList([' a', 'b', 'a'], 'roles', 'SD-3')).toEqual(['a', 'b']);
    expect(requireBoolean(false, 'isDepartmentManager', 'SD-3')).toBe(false);
    expect(refusal(() => requireBoolean(undefined, 'isDepartmentManager', 'SD-3')).field).toBe('isDepartmentManager');
    expect(requireOneOf('email', ['email', 'fax'] as const, 'channel', 'SD-1')).toBe('email');
    expect(refusal(() => requireOneOf('pigeon', ['email', 'fax'] as const, 'channel', 'SD-1')).message).toContain('email, fax');
  });
});
