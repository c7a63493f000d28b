import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, issueToken, resolveJwtSecret } from '@ebp/shared-auth';

// Issues a bearer token for local use, signed with the platform's secret (JWT_SECRET or DATA_DIR/jwt-secret).
const { values } = parseArgs({
  options: {
    user: { type: 'string' },
    roles: { type: 'string' },
    hours: { type: 'string', default: '12' },
  },
});

if (!values.user || !values.roles) {
  console.error(`usage: npm run token -- --user <staff id> --roles <role>[,<role>…] [--hours 12]\nroles: ${ROLES.join(', ')}`);
  process.exit(2);
}

const secret = resolveJwtSecret(resolve(process.env['DATA_DIR'] ?? './data'));
const token = issueToken(secret, {
  userId: values.user,
  roles: values.roles.split(',').map((r) => r.trim()).filter(Boolean),
  expiresInSeconds: Math.round(Number(values.hours) * 3600),
});
process.stdout.write(token + '\n');
