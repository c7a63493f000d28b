import 'reflect-metadata';
import { readDistributedConfig } from '@ebp/shared-runtime';
import { startProjector } from '@ebp/platform-distributed';
import { contexts } from '@ebp/platform-contexts';

startProjector(contexts, readDistributedConfig({ kafka: true, mongo: true }, process.env, 3003))
  .then(async ({ app }) => console.log(`projector running; health on ${await app.getUrl()}/health/ready`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
