import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken, resolveJwtSecret, verifyToken } from './tokens';

describe('tokens', () => {
  it('round-trips the user and roles of a signed token', () => {
    const token = issueToken('s3cret', { userId: 'u1', roles: ['customer-service'] });
    expect(verifyToken('s3cret', token)).toEqual({ userId: 'u1', roles: ['customer-service'] });
  });

  it('rejects a token signed with another secret', () => {
    const token = issueToken('other', { userId: 'u1', roles: ['staff'] });
    expect(verifyToken('s3cret', token)).toBeNull();
  });

  it('rejects an expired token', () => {
    const token = issueToken('s3cret', { userId: 'u1', roles: ['staff'], expiresInSeconds: -10 });
    expect(verifyToken('s3cret', token)).toBeNull();
  });

  it('refuses to issue a token for a role the regulations do not name', () => {
    expect(() => issueToken('s3cret', { userId: 'u1', roles: ['root'] })).toThrow(/unknown role/);
  });

  it('generates the embedded secret once, private to the owner, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ebp-auth-'));
    const first = resolveJwtSecret(dir, undefined);
    expect(resolveJwtSecret(dir, undefined)).toBe(first);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(resolveJwtSecret(dir, 'from-env')).toBe('from-env');
  });
});
