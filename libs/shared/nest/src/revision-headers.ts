import { BadRequestException } from '@nestjs/common';

/** Parses `If-Match: "3"` (or W/"3") into a stream revision; absent → undefined. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header[0] : header).trim();
  const match = /^(?:W\/)?"?(-?\d+)"?$/.exec(value);
  if (!match) throw new BadRequestException({ statusCode: 400, error: 'invalid', field: 'If-Match', message: 'If-Match must be a stream revision such as "3"' });
  return Number(match[1]);
}

export function etagOf(revision: number): string {
  return `"${revision}"`;
}
