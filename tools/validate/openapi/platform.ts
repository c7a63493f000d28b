// The embedded platform in-process on a temporary data directory and a free port, for the OpenAPI
// checks: its document exactly as served at /docs-json, and the app to read Nest's metadata from.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken } from '@ebp/shared-auth';
// The platform app has no @ebp alias (nothing else imports an app); tools may depend on anything (type:app).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startPlatform, type RunningPlatform } from '../../../apps/platform/src/bootstrap';
import type { OpenApiDocument } from './check';

export interface PlatformUnderTest {
  platform: RunningPlatform;
  url: string;
  /** The OpenAPI document as GET /docs-json serves it. */
  document: OpenApiDocument;
  token(userId: string, ...roles: string[]): string;
}

const JWT_SECRET = 'openapi-validate';

/** Starts the platform, hands it to `use`, then stops it and removes its data directory, whatever happens. */
export async function withPlatform<T>(use: (p: PlatformUnderTest) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ebp-openapi-'));
  try {
    const platform = await startPlatform({ port: 0, host: '127.0.0.1', dataDir, eventStoreSync: 'NORMAL', logger: false, jwtSecret: JWT_SECRET });
    try {
      const response = await fetch(`${platform.url}/docs-json`);
      if (!response.ok) throw new Error(`GET /docs-json answered ${response.status}`);
      const document = (await response.json()) as OpenApiDocument;
      return await use({ platform, url: platform.url, document, token: (userId, ...roles) => issueToken(JWT_SECRET, { userId, roles }) });
    } finally {
      await platform.app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
