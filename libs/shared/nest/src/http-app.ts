import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PlatformErrorFilter } from './error.filter';
import { platformValidationPipe } from './validation';

/** Largest `text/csv` body (e.g. a punch-clock export) the app accepts; JSON keeps the adapter's 1 MiB. */
export const CSV_BODY_LIMIT = 2 * 1_048_576;

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
  // `text/csv` arrives as a UTF-8 string, so `@Body() csv: string` works; other unknown types stay Fastify's 415.
  app.useBodyParser('text/csv', { bodyLimit: CSV_BODY_LIMIT }, (_request, body, done) => done(null, body.toString('utf8')));
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
