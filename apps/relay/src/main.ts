import 'reflect-metadata';
import { readDistributedConfig } from '@ebp/shared-runtime';
import { startRelay } from '@ebp/platform-distributed';
import { contexts } from '@ebp/platform-contexts';

startRelay(contexts, readDistributedConfig({ eventStore: true, kafka: true, mongo: true }, process.env, 3002))
  .then(async ({ app }) => console.log(`relay running; health on ${await app.getUrl()}/health/ready`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
