import 'reflect-metadata';
import { readDistributedConfig } from '@ebp/shared-runtime';
import { startCommandApi } from '@ebp/platform-distributed';
import { serviceDesk } from '@ebp/service-desk-module';

// The generic command API for one manifest; a context's app is only this file.
startCommandApi(serviceDesk, readDistributedConfig({ eventStore: true, mongo: true, jwt: true }, process.env, 3001))
  .then(async (app) => console.log(`${serviceDesk.name}-api listening on ${await app.getUrl()}`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
