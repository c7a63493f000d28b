import 'reflect-metadata';
import { startPlatform } from './bootstrap';
import { readConfig } from './config';

async function main(): Promise<void> {
  const config = readConfig();
  const { url } = await startPlatform(config);
  if (!config.logger) return;
  console.log(
    [
      `platform listening on ${url} (data in ${config.dataDir})`,
      `  OpenAPI UI   ${url}/docs   (JSON: ${url}/docs-json)`,
      `  health       ${url}/health/live  ${url}/health/ready`,
      `  a token      npm run token -- --user <staff id> --roles customer-service`,
      `  demo data    npm run demo`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
