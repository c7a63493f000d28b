import 'reflect-metadata';
import { readDistributedConfig } from '@ebp/shared-runtime';
import { startQueryApi } from '@ebp/platform-distributed';
import { contexts } from '@ebp/platform-contexts';

startQueryApi(contexts, readDistributedConfig({ mongo: true, jwt: true, kafka: true }, process.env, 3004))
  .then(async (app) => console.log(`query-api listening on ${await app.getUrl()}`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
