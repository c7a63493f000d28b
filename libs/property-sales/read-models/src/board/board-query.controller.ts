import { Controller, Get, Inject, Param, Query, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { Roles, TokenInQuery } from '@ebp/shared-auth';
import { ApiQueryErrors, CLOCK, READ_MODEL_STORE, ReadsFrom, type Clock } from '@ebp/shared-nest';
import { CODE_PATTERN } from '@ebp/property-sales-domain';
import { PS_ROLES } from '../shared/access';
import { ProjectIdParam, requireCode } from '../shared/params';
import { SalesAsOfQueryDto } from '../shared/query.dto';
import { SalesBoardLive } from './board-live';
import { salesBoardProjection } from './board.projection';
import { SalesBoardQueries } from './board.queries';
import { SalesBoardSchema } from './board.schemas';

export const BuildingIdParam = () => ApiParam({ name: 'buildingId', example: 'b1', schema: { type: 'string', pattern: CODE_PATTERN.source } });

/** The board's readers: every role of the sales centre. */
export const BOARD_ROLES = PS_ROLES;

@ApiTags('property-sales queries')
@ApiQueryErrors()
@Controller('property-sales')
export class SalesBoardQueryController {
  private readonly queries: SalesBoardQueries;

  constructor(
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly live: SalesBoardLive,
  ) {
    this.queries = new SalesBoardQueries(store);
  }

  @Get('projects/:projectId/buildings/:buildingId/board')
  @Roles(...BOARD_ROLES)
  @ReadsFrom(salesBoardProjection.name)
  @ProjectIdParam()
  @BuildingIdParam()
  @ApiOperation({
    summary:
      'PS-1 the sales-control board of a building: floors (top first) × units with number, type, area, list price and state as of now (or ?asOf) — a reservation past its expiry shows available; any sales-centre role',
  })
  @ApiOkResponse({ type: SalesBoardSchema })
  board(@Param('projectId') projectId: string, @Param('buildingId') buildingId: string, @Query() q: SalesAsOfQueryDto) {
    return this.queries.board(projectId, buildingId, q.asOf ?? this.clock.now());
  }

  @Get('projects/:projectId/buildings/:buildingId/board/events')
  @Roles(...BOARD_ROLES)
  @TokenInQuery()
  @ReadsFrom(salesBoardProjection.name)
  @ProjectIdParam()
  @BuildingIdParam()
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary:
      "PS-1 the board's live changes as Server-Sent Events: one `event: unit` message (id = global position; data {unitId, number, floor, state, expiresAt, position}) per state change of a unit of the building, `event: price` on a new list price, a heartbeat comment every 15 s; the token may come as ?access_token= (EventSource sends no headers); any sales-centre role",
  })
  @ApiOkResponse({
    description: 'An endless text/event-stream; apply a message only when its position is above the unit\'s position on the board',
    content: { 'text/event-stream': { schema: { type: 'string', example: 'event: unit\nid: 42\ndata: {"unitId":"lakeside.b1.1203","number":"1203","floor":12,"state":"subscribed","expiresAt":null,"position":42}\n\n' } } },
  })
  events(@Param('projectId') projectId: string, @Param('buildingId') buildingId: string, @Res() reply: FastifyReply): void {
    requireCode(projectId, 'PS-1', 'projectId');
    requireCode(buildingId, 'PS-1', 'buildingId');
    const refusal = this.live.refusal();
    if (refusal) throw new ServiceUnavailableException({ statusCode: 503, error: 'unavailable', message: refusal });
    // Fastify leaves the response to us from here on: the stream stays open until either side ends it.
    reply.hijack();
    this.live.open(projectId, buildingId, reply.raw);
  }
}
