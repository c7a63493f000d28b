import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';
import { customerDirectoryProjection, projectDirectoryProjection, staffDirectoryProjection } from './directory.projections';
import { DirectoryQueryController } from './directory-query.controller';

export const directoryProjections: Projection<object>[] = [staffDirectoryProjection, customerDirectoryProjection, projectDirectoryProjection];

/** Staff, customer and project directories; needs READ_MODEL_STORE from the host app. */
@Module({ controllers: [DirectoryQueryController] })
export class DirectoryQueryModule {}
