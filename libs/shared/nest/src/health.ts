import { Controller, Get, Inject, Injectable, Module, ServiceUnavailableException, type DynamicModule } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@ebp/shared-auth';

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** A named probe of one engine the process needs. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

@Injectable()
export class Lifecycle {
  shuttingDown = false;
}

export class LiveSchema {
  @ApiProperty({ example: 'ok' }) status!: string;
}

export class CheckSchema {
  @ApiProperty({ example: 'event-store' }) name!: string;
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
  @ApiPropertyOptional() error?: string;
}

export class ReadySchema {
  @ApiProperty({ enum: ['ready', 'not-ready', 'shutting-down'] }) status!: string;
  @ApiProperty({ type: [CheckSchema] }) checks!: CheckSchema[];
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    private readonly lifecycle: Lifecycle,
  ) {}

  @Public()
  @Get('live')
  @ApiOkResponse({ type: LiveSchema, description: 'The process answers HTTP' })
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOkResponse({ type: ReadySchema, description: 'Every engine the process needs answers' })
  @ApiServiceUnavailableResponse({ type: ReadySchema, description: 'An engine is down, or the process is shutting down' })
  async ready() {
    if (this.lifecycle.shuttingDown) throw new ServiceUnavailableException({ status: 'shutting-down' });
    const results = await Promise.all(
      this.checks.map(async (c) => {
        try {
          await c.check();
          return { name: c.name, status: 'up' };
        } catch (error) {
          return { name: c.name, status: 'down', error: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
    if (results.some((r) => r.status !== 'up')) throw new ServiceUnavailableException({ status: 'not-ready', checks: results });
    return { status: 'ready', checks: results };
  }
}

@Module({})
export class HealthModule {
  static forRoot(checks: ReadinessCheck[]): DynamicModule {
    return {
      module: HealthModule,
      global: true,
      controllers: [HealthController],
      providers: [{ provide: READINESS_CHECKS, useValue: checks }, Lifecycle],
      exports: [Lifecycle],
    };
  }
}
