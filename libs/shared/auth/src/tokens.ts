import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import type { Actor } from '@ebp/shared-eventsourcing';
import { isRole } from './roles';

const ISSUER = 'ebp';
const ALGORITHM = 'HS256';

// A string secret makes jsonwebtoken try (and fail) to parse it as a public key on every call,
// about 1.4 ms of CPU per request; a secret KeyObject built once skips that.
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

export interface IssueTokenInput {
  userId: string;
  roles: string[];
  expiresInSeconds?: number;
}

export function issueToken(secret: string, input: IssueTokenInput): string {
  const unknown = input.roles.filter((r) => !isRole(r));
  if (unknown.length) throw new Error(`unknown role(s): ${unknown.join(', ')}`);
  return jwt.sign({ roles: input.roles }, keyOf(secret), {
    algorithm: ALGORITHM,
    subject: input.userId,
    issuer: ISSUER,
    expiresIn: input.expiresInSeconds ?? 12 * 3600,
  });
}

/** Returns the actor of a valid token, or null for a bad, expired or foreign token. */
export function verifyToken(secret: string, token: string): Actor | null {
  try {
    const payload = jwt.verify(token, keyOf(secret), { algorithms: [ALGORITHM], issuer: ISSUER });
    if (typeof payload === 'string' || typeof payload.sub !== 'string') return null;
    const roles: unknown = payload['roles'];
    if (!Array.isArray(roles) || !roles.every((r): r is string => typeof r === 'string')) return null;
    return { userId: payload.sub, roles: roles.filter(isRole) };
  } catch {
    return null;
  }
}

/**
 * The embedded default keeps its signing secret in the data directory, generated on first start,
 * so tokens survive restarts and no configuration is needed. `JWT_SECRET` overrides it.
 */
export function resolveJwtSecret(dataDir: string, fromEnv = process.env['JWT_SECRET']): string {
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}
