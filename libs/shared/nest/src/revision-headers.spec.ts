import { BadRequestException } from '@nestjs/common';
import { etagOf, parseIfMatch } from './revision-headers';

describe('revision headers', () => {
  it('reads strong, weak and bare If-Match revisions', () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"3"')).toBe(3);
    expect(parseIfMatch('12')).toBe(12);
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it('refuses an If-Match that is not a revision with 400 naming the header', () => {
    expect(() => parseIfMatch('"abc"')).toThrow(BadRequestException);
  });

  it('writes the revision as a strong ETag that parses back', () => {
    expect(parseIfMatch(etagOf(7))).toBe(7);
  });
});
