// `npm run validate:client`: a typed client generated fresh from the platform's /docs-json must let
// register-and-read.mts compile (strict) and work.
//   1. start the embedded platform in-process (temporary data dir, free port), fetch /docs-json and
//      write it to tools/openapi-client/generated/openapi.json;
//   2. openapi-typescript (devDependency, pinned) → tools/openapi-client/generated/schema.d.ts;
//   3. tsc -p tools/openapi-client/tsconfig.json (strict; emits to tmp/openapi-client/);
//   4. run the compiled program against the same platform: register a ticket, read it back.
// generated/ is git-ignored: made fresh on every run, never committed.
// Usage: node -r ./tools/node/register-paths.js dist/tools/openapi-client/generate.js [--no-run] [--generate-only]
// Exit 1 when the client does not compile or does not work, 2 when the check could not run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { withPlatform } from '../validate/openapi/platform';

const ROOT = resolve(__dirname, '..', '..', '..'); // dist/tools/openapi-client → repository root
const HERE = join(ROOT, 'tools', 'openapi-client');
const GENERATED = join(HERE, 'generated');
const DOCUMENT = join(GENERATED, 'openapi.json');
const SCHEMA = join(GENERATED, 'schema.d.ts');
const COMPILED = join(ROOT, 'tmp', 'openapi-client', 'register-and-read.mjs');

interface Program {
  registerAndRead(baseUrl: string, caller: { adminToken: string; staffToken: string; staffId: string; customerId: string }): Promise<unknown>;
}

function bin(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`, { paths: [ROOT] })), file);
}

function run(what: string, args: string[]): boolean {
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  const ok = result.status === 0;
  console.log(`  ${ok ? 'ok   ' : 'ERROR'} ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok && output) console.log(output.replace(/^/gm, '        '));
  if (result.error) throw result.error;
  return ok;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const generateOnly = args.includes('--generate-only');
  const execute = !generateOnly && !args.includes('--no-run');
  return withPlatform(async (p) => {
    mkdirSync(GENERATED, { recursive: true });
    writeFileSync(DOCUMENT, JSON.stringify(p.document, null, 2) + '\n');
    console.log(`  ok    /docs-json → ${relative(ROOT, DOCUMENT)} (${Object.keys(p.document.paths ?? {}).length} paths)`);

    if (!run(`openapi-typescript → ${relative(ROOT, SCHEMA)}`, [bin('openapi-typescript', 'bin/cli.js'), DOCUMENT, '--output', SCHEMA])) return 1;
    if (generateOnly) return 0;

    if (!run('tsc -p tools/openapi-client/tsconfig.json (strict)', [bin('typescript', 'bin/tsc'), '-p', join(HERE, 'tsconfig.json')])) {
      console.log('openapi-client: INVALID (register-and-read.mts does not compile against the generated types)');
      return 1;
    }
    if (!execute) {
      console.log('openapi-client: valid (type-checked; not run)');
      return 0;
    }

    const started = Date.now();
    const program = (await import(COMPILED)) as Program;
    try {
      const ticket = await program.registerAndRead(p.url, {
        adminToken: p.token('typed-client-admin', 'office'),
        staffToken: p.token('typed-client-staff', 'customer-service'),
        staffId: 'typed-client-staff',
        customerId: 'typed-client-customer',
      });
      console.log(`  ok    register-and-read against the platform (${((Date.now() - started) / 1000).toFixed(1)} s): ${JSON.stringify(ticket)}`);
    } catch (error) {
      console.log(`  ERROR register-and-read against the platform: ${error instanceof Error ? error.message : String(error)}`);
      console.log('openapi-client: INVALID (the typed client compiles but does not work)');
      return 1;
    }
    console.log('openapi-client: valid (generated, type-checked, registered a ticket and read it back)');
    return 0;
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('openapi-client: the check could not run:', error);
    process.exit(2);
  },
);
