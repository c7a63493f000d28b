import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { startPlatform } from './bootstrap';
import { readConfig } from './config';

async function main(): Promise<void> {
  const config = readConfig();
  const { url } = await startPlatform(config);
  const logger = new Logger('platform');
  logger.log(`listening on ${url} (data in ${config.dataDir})`);
  logger.log(`OpenAPI UI ${url}/docs · JSON ${url}/docs-json · health ${url}/health/ready`);
  logger.log('get a token: npm run token -- --user <staff id> --roles customer-service');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
