import { Module } from '@nestjs/common';
import { CallbacksCommands } from './callbacks.commands';
import { CallbacksController } from './callbacks.controller';

/** SD-11 callbacks and SD-12 needs campaign commands; needs EVENT_STORE, READ_MODEL_STORE and CLOCK from the host app. */
@Module({ controllers: [CallbacksController], providers: [CallbacksCommands] })
export class CallbacksApiModule {}
