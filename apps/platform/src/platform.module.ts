import { Controller, Get, Inject, Module, Param, Post, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AuthModule, Roles } from '@ebp/shared-auth';
import { AuditModule, auditProjection } from '@ebp/shared-audit';
import {
  ApiQueryErrors,
  CLOCK,
  ConsistencyModule,
  ReadsFrom,
  EVENT_BUS,
  EVENT_STORE,
  HealthModule,
  LIVE_EVENTS,
  Lifecycle,
  READ_MODEL_STORE,
  auditPayloadReadersOf,
  integrationMappingOf,
  systemClock,
} from '@ebp/shared-nest';
import { contexts } from '@ebp/platform-contexts';
import { DomainError, type Projection } from '@ebp/shared-eventsourcing';
import { EmbeddedEngine, type EmbeddedEngineOptions } from './embedded-engine';

export const ENGINE = Symbol('ENGINE');

/** Every read model the platform keeps: the audit trail and each context's projections. */
export const allProjections: Projection<object>[] = [auditProjection as Projection<object>, ...contexts.flatMap((c) => c.projections)];

/** What the engine runs for the list of contexts: read models, policies and the published language. */
export const engineParts: Pick<EmbeddedEngineOptions, 'projections' | 'lanes' | 'integration'> = {
  projections: allProjections,
  lanes: contexts.map((c) => ({ context: c.name, reactors: c.reactors, integrationReactors: c.consumes })),
  integration: integrationMappingOf(contexts),
};

class CheckpointSchema {
  @ApiProperty({ example: 'service-desk-tickets' }) name!: string;
  @ApiProperty({ example: 1187, description: 'Global position applied so far' }) checkpoint!: number;
}

class EngineStatusSchema {
  @ApiProperty({ example: 1190, description: 'Position of the last event in the store' }) head!: number;
  @ApiProperty({ example: 1190, description: 'Last position the relay handed to the bus' }) relay!: number;
  @ApiProperty({ type: [CheckpointSchema] }) projections!: CheckpointSchema[];
}

class RebuildSchema {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Events replayed' }) events!: number;
  @ApiProperty() millis!: number;
}

@ApiTags('operations')
@ApiQueryErrors()
@Controller('admin/projections')
export class ProjectionAdminController {
  constructor(@Inject(ENGINE) private readonly engine: EmbeddedEngine) {}

  @Get()
  @Roles('general-manager', 'office')
  @ApiOperation({ summary: 'Event store head, relay position and each projection checkpoint' })
  @ApiOkResponse({ type: EngineStatusSchema })
  @ReadsFrom()
  status() {
    return this.engine.status();
  }

  @Post(':name/rebuild')
  @Roles('general-manager', 'office')
  @ApiOperation({ summary: 'Drop a read model and rebuild it from position 0' })
  @ApiParam({ name: 'name', description: 'Projection name, as listed by GET /admin/projections' })
  @ApiCreatedResponse({ type: RebuildSchema, description: 'Rebuilt' })
  async rebuild(@Param('name') name: string) {
    if (!this.engine.runner.names().includes(name)) {
      throw new DomainError('projection', `unknown projection ${name}; known: ${this.engine.runner.names().join(', ')}`, 'not-found');
    }
    const started = process.hrtime.bigint();
    const events = await this.engine.runner.rebuild(this.engine.eventStore, name);
    return { name, events, millis: Number(process.hrtime.bigint() - started) / 1e6 };
  }
}

@Module({})
class EngineModule implements OnApplicationShutdown {
  constructor(
    @Inject(ENGINE) private readonly engine: EmbeddedEngine,
    private readonly lifecycle: Lifecycle,
  ) {}

  static forEngine(engine: EmbeddedEngine): DynamicModule {
    return {
      module: EngineModule,
      global: true,
      controllers: [ProjectionAdminController],
      providers: [
        { provide: ENGINE, useValue: engine },
        { provide: EVENT_STORE, useValue: engine.eventStore },
        { provide: READ_MODEL_STORE, useValue: engine.readModels },
        { provide: EVENT_BUS, useValue: engine.bus },
        { provide: CLOCK, useValue: systemClock },
        { provide: LIVE_EVENTS, useValue: engine.live },
      ],
      exports: [ENGINE, EVENT_STORE, READ_MODEL_STORE, EVENT_BUS, CLOCK, LIVE_EVENTS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.lifecycle.shuttingDown = true;
    await this.engine.stop();
  }
}

/** The embedded default: every module in one process over the SQLite engine. */
export function platformModule(engine: EmbeddedEngine, jwtSecret: string): DynamicModule {
  return {
    module: PlatformModule,
    imports: [
      AuthModule.forRoot({ secret: jwtSecret }),
      HealthModule.forRoot([
        { name: 'event-store', check: async () => void (await engine.eventStore.headPosition()) },
        { name: 'read-models', check: async () => void (await engine.readModels.load('relay')) },
      ]),
      EngineModule.forEngine(engine),
      ConsistencyModule.forRoot({ allProjections: allProjections.map((p) => p.name) }),
      ...contexts.flatMap((c) => [c.commands, c.queries]),
      AuditModule.withPayloadReaders(auditPayloadReadersOf(contexts)),
    ],
  };
}

@Module({})
export class PlatformModule {}
