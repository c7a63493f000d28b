import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { resolveJwtSecret } from '@ebp/shared-auth';
import { createHttpApp } from '@ebp/shared-nest';
import type { PlatformConfig } from './config';
import { EmbeddedEngine } from './embedded-engine';
import { engineParts, platformModule } from './platform.module';

export interface RunningPlatform {
  app: NestFastifyApplication;
  engine: EmbeddedEngine;
  url: string;
  jwtSecret: string;
}

/** Opens the data directory, catches the read models up, then serves HTTP. */
export async function startPlatform(config: PlatformConfig): Promise<RunningPlatform> {
  const jwtSecret = resolveJwtSecret(config.dataDir, config.jwtSecret);
  const engine = new EmbeddedEngine({ dataDir: config.dataDir, eventStoreSync: config.eventStoreSync, ...engineParts });
  await engine.start();
  try {
    const app = await createHttpApp(platformModule(engine, jwtSecret), {
      title: 'Event-sourced business platform',
      description: 'Commands and read models of every bounded context, and the audit trail (embedded default).',
      logger: config.logger,
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return { app, engine, jwtSecret, url: `http://127.0.0.1:${port}` };
  } catch (error) {
    await engine.stop();
    throw error;
  }
}
