// `npm run validate:openapi`: the embedded platform's OpenAPI document, exactly as served at
// /docs-json, checked against the routes Nest registered (see check.ts for every rule):
//   - each operation has a 2xx response with a content schema (204 excepted; text/* → {type: string});
//   - bearer security on every operation not marked @Public();
//   - every path parameter of the URL is declared, and every query parameter the handler reads
//     (@Query('name'), the class-validator properties of a @Query() DTO) is declared;
//   - error responses: 400/401/403 on commands, 401/403 on everything not public, with the platform's
//     error shapes (400 `fields`, 4xx `rule`, 412 `currentRevision`, 503 `minPosition`); warnings for a
//     query without 503 and a command without 409/412.
// Usage: node -r ./tools/node/register-paths.js dist/tools/validate/openapi/main.js [--verbose] [--json FILE]
// Exit 1 on any error, 2 when the check could not run.
import { writeFileSync } from 'node:fs';
import { ACCESS_TOKEN_PARAM } from '@ebp/shared-auth';
import { MIN_POSITION_PARAM, WAIT_PARAM, platformValidationPipe } from '@ebp/shared-nest';
import { checkOpenApi, formatReport, type CheckOptions } from './check';
import { withPlatform } from './platform';
import { collectRoutes } from './routes';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose') || args.includes('-v');
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  const started = Date.now();

  const { document, routes } = await withPlatform(async (p) => ({ document: p.document, routes: collectRoutes(p.platform.app) }));
  if (routes.length === 0) throw new Error('found no Nest route: the controller discovery is broken');

  const options: CheckOptions = {
    forbidNonWhitelisted: forbidsUnknownProperties(),
    // The ConsistencyInterceptor takes these off every route's query before the pipes run; the
    // AuthGuard takes access_token off the query of @TokenInQuery routes.
    interceptorQueryParams: [MIN_POSITION_PARAM, WAIT_PARAM, ACCESS_TOKEN_PARAM],
    expectedOnQueries: [MIN_POSITION_PARAM],
  };
  const result = checkOpenApi(document, routes, options);
  console.log(formatReport(result, { verbose }));
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify(result, null, 2) + '\n');
  if (verbose) console.log(`(${routes.length} Nest route(s), ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result.errors === 0 ? 0 : 1;
}

/** Whether the platform's validation pipe refuses unknown properties (it does; read from the pipe itself). */
function forbidsUnknownProperties(): boolean {
  const pipe = platformValidationPipe() as unknown as { validatorOptions?: { forbidNonWhitelisted?: boolean } };
  return pipe.validatorOptions?.forbidNonWhitelisted ?? true;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('openapi: the check could not run:', error);
    process.exit(2);
  },
);
