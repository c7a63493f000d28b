import { Module } from '@nestjs/common';
import { ServiceDeskCommands } from './service-desk.commands';
import { ServiceDeskController } from './service-desk.controller';

/** Service-desk commands over HTTP; needs EVENT_STORE, READ_MODEL_STORE and CLOCK from the host app. */
@Module({ controllers: [ServiceDeskController], providers: [ServiceDeskCommands] })
export class ServiceDeskApiModule {}
