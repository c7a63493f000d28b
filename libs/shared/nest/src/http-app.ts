import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PlatformErrorFilter } from './error.filter';
import { platformValidationPipe } from './validation';

export interface HttpAppOptions {
  title: string;
  description?: string;
  logger?: boolean;
}

/** A Nest app on Fastify with the platform's validation, error mapping and OpenAPI at /docs. */
export async function createHttpApp(module: Type<unknown> | DynamicModule, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter({ bodyLimit: 1_048_576 }), {
    logger: options.logger === false ? false : ['error', 'warn'],
  });
  app.useGlobalPipes(platformValidationPipe());
  app.useGlobalFilters(new PlatformErrorFilter());
  app.enableShutdownHooks();
  setUpOpenApi(app, options);
  return app;
}

function setUpOpenApi(app: INestApplication, options: HttpAppOptions): void {
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description ?? '')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
