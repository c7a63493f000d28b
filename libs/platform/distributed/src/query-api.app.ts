import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@ebp/shared-auth';
import { AuditModule } from '@ebp/shared-audit';
import { HealthModule, PortsModule, createHttpApp } from '@ebp/shared-nest';
import { openReadModels, type DistributedConfig } from '@ebp/shared-runtime';
import { ServiceDeskQueryModule } from '@ebp/service-desk-read-models';

@Module({})
class QueryApiModule {}

/** Read models and the audit trail over HTTP, from MongoDB. */
export async function startQueryApi(config: DistributedConfig): Promise<NestFastifyApplication> {
  const readModels = await openReadModels(config);
  const module: DynamicModule = {
    module: QueryApiModule,
    imports: [
      AuthModule.forRoot({ secret: config.jwtSecret }),
      HealthModule.forRoot([{ name: 'mongodb', check: () => readModels.ping() }]),
      PortsModule.forRoot({ readModels }),
      ServiceDeskQueryModule,
      AuditModule,
    ],
  };
  const app = await createHttpApp(module, { title: 'Query API', description: 'Service-desk read models and the audit trail', logger: config.logger });
  await app.listen({ port: config.port, host: config.host });
  return app;
}
