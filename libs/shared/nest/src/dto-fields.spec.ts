import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CalendarDate, EntityId, OptionalEntityId, Timestamp, type IdRule } from './dto-fields';

const STAFF: IdRule = { pattern: /^[a-z]{1,8}$/, maxLength: 8, message: '$property must be 1-8 letters', example: 'li' };

class Fields {
  @EntityId() entityId!: string;
  @OptionalEntityId({}, STAFF) staffId?: string;
  @Timestamp() at!: string;
  @CalendarDate({}, { message: '$property: YYYY-MM-DD please' }) date!: string;
}

const VALID = { entityId: 'c-1:a.b', staffId: 'li', at: '2026-03-02T09:00:00+08:00', date: '2026-03-02' };

const errorsOf = (input: Record<string, unknown>) =>
  Object.fromEntries(validateSync(plainToInstance(Fields, { ...VALID, ...input })).map((e) => [e.property, Object.values(e.constraints ?? {})]));

describe('dto fields', () => {
  it('accepts valid values and an omitted optional id', () => {
    expect(errorsOf({})).toEqual({});
    expect(errorsOf({ staffId: undefined })).toEqual({});
  });

  it("answers 'must be a string' and the id rule's own message for a non-string id", () => {
    expect(errorsOf({ entityId: 7, staffId: 7 })).toEqual({
      entityId: ['entityId must be a string', 'entityId must be 1-64 letters, digits, _ . : or -'],
      staffId: ['staffId must be a string', 'staffId must be 1-8 letters'],
    });
  });

  it('requires an offset on a timestamp', () => {
    expect(errorsOf({ at: '2026-03-02T09:00:00' })).toEqual({ at: ['at must be an ISO 8601 date-time with an offset, e.g. 2026-03-02T09:00:00+08:00'] });
  });

  it('answers a calendar date with the message given', () => {
    expect(errorsOf({ date: '2026-3-2' })).toEqual({ date: ['date: YYYY-MM-DD please'] });
  });
});
