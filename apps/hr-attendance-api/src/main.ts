import 'reflect-metadata';
import { readDistributedConfig } from '@ebp/shared-runtime';
import { startCommandApi } from '@ebp/platform-distributed';
import { hrAttendance } from '@ebp/hr-attendance-module';

// The generic command API for one manifest; a context's app is only this file.
startCommandApi(hrAttendance, readDistributedConfig({ eventStore: true, mongo: true, jwt: true }, process.env, 3005))
  .then(async (app) => console.log(`${hrAttendance.name}-api listening on ${await app.getUrl()}`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
