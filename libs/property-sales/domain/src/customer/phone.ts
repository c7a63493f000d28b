import { createHash } from 'node:crypto';
import { DomainError } from '@ebp/shared-eventsourcing';

const RULE = 'PS-2';
const SEPARATORS = /[\s\-.()\u00a0]/g;
const MOBILE = /^1\d{10}$/;
/** A landline without its trunk 0: area code and number, 10 or 11 digits (Beijing 10…, others 2…–9…). */
const LANDLINE_AFTER_COUNTRY_CODE = /^(10\d{8}|[2-9]\d{8,10})$/;
/** A landline with its trunk 0 (`0\d{9,11}`, the area code as above). */
const LANDLINE = /^0(10\d{8}|[2-9]\d{8,10})$/;

/**
 * PS-2: one number, one customer. Spaces, dashes, dots and parentheses are dropped; a leading
 * +86 / 0086 (or 86 before an 11-digit mobile) is the country code; a mainland mobile `1xxxxxxxxxx`
 * becomes `+861xxxxxxxxxx`, a landline `0<area><number>` becomes `+86<area><number>`. Anything
 * else is refused (400 naming PS-2, field phone).
 */
export function normalisePhone(raw: string): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw new DomainError(RULE, 'phone is required', 'invalid', 'phone');
  let text = raw.trim().replace(SEPARATORS, '');
  let countryCode = false;
  if (text.startsWith('+86')) {
    text = text.slice(3);
    countryCode = true;
  } else if (text.startsWith('0086')) {
    text = text.slice(4);
    countryCode = true;
  } else if (text.length === 13 && text.startsWith('86')) {
    text = text.slice(2);
    countryCode = true;
  }
  if (!/^\d+$/.test(text)) throw new DomainError(RULE, `phone '${raw}' is not a mainland China phone number`, 'invalid', 'phone');
  if (MOBILE.test(text)) return `+86${text}`;
  if (LANDLINE.test(text)) return `+86${text.slice(1)}`;
  if (countryCode && LANDLINE_AFTER_COUNTRY_CODE.test(text)) return `+86${text}`;
  throw new DomainError(RULE, `phone '${raw}' is not a mainland China phone number (a mobile 1xxxxxxxxxx or a landline 0xxx…)`, 'invalid', 'phone');
}

/** PS-2: the customer's id, `c-` + the first 16 hex digits of sha256 of the normalised phone (no personal data in ids or stream names). */
export function customerIdOf(phone: string): string {
  return `c-${createHash('sha256').update(normalisePhone(phone)).digest('hex').slice(0, 16)}`;
}

/** The national form of a normalised number: the mobile as dialled, a landline with its trunk 0. */
function nationalOf(phone: string): string {
  const national = phone.startsWith('+86') ? phone.slice(3) : phone.replace(/\D/g, '');
  return MOBILE.test(national) || national.startsWith('0') ? national : `0${national}`;
}

/** PS-2 personal data: `+8613812341234` → `138****1234` (first 3 and last 4 of the national number). */
export function maskPhone(phone: string): string {
  const national = nationalOf(phone);
  if (national.length < 8) return '****';
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
}

/** PS-2 personal data: an ID number as first 3 + `****` + last 4 (`110****1234`); null stays null. */
export function maskIdNumber(idNumber: string): string;
export function maskIdNumber(idNumber: string | null): string | null;
export function maskIdNumber(idNumber: string | null): string | null {
  if (idNumber === null || idNumber === undefined) return null;
  const text = idNumber.trim();
  if (text.length < 8) return '****';
  return `${text.slice(0, 3)}****${text.slice(-4)}`;
}
