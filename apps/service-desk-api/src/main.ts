import 'reflect-metadata';
import { readDistributedConfig } from '@ebp/shared-runtime';
import { startServiceDeskApi } from '@ebp/platform-distributed';

startServiceDeskApi(readDistributedConfig({ eventStore: true, mongo: true, jwt: true }, process.env, 3001))
  .then(async (app) => console.log(`service-desk-api listening on ${await app.getUrl()}`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
