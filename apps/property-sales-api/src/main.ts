import 'reflect-metadata';
import { readDistributedConfig } from '@ebp/shared-runtime';
import { startCommandApi } from '@ebp/platform-distributed';
import { propertySales } from '@ebp/property-sales-module';

// The generic command API for one manifest; a context's app is only this file.
startCommandApi(propertySales, readDistributedConfig({ eventStore: true, mongo: true, jwt: true }, process.env, 3006))
  .then(async (app) => console.log(`${propertySales.name}-api listening on ${await app.getUrl()}`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
