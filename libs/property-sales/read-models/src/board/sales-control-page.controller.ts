import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@ebp/shared-auth';
import { ApiOkText, ReadsFrom } from '@ebp/shared-nest';
import { ProjectIdParam, requireCode } from '../shared/params';
import { BuildingIdParam } from './board-query.controller';
import { SALES_CONTROL_PAGE } from './sales-control.page';

/** PS-1: the live sales-control page; a public shell, its script reads everything with the caller's token. */
@ApiTags('property-sales pages')
@Controller('sales-control')
export class SalesControlPageController {
  @Get(':projectId/:buildingId')
  @Public()
  @ReadsFrom()
  @ProjectIdParam()
  @BuildingIdParam()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  @ApiOperation({
    summary:
      'PS-1 the live sales-control board page (HTML, CSS and a little JavaScript): open it as /sales-control/<projectId>/<buildingId>?token=<bearer token>; it draws floors × units colour-coded by state and repaints cells from the board\'s event stream without reloading. The page itself holds no data',
  })
  @ApiOkText('text/html', 'The page shell')
  page(@Param('projectId') projectId: string, @Param('buildingId') buildingId: string): string {
    requireCode(projectId, 'PS-1', 'projectId');
    requireCode(buildingId, 'PS-1', 'buildingId');
    return SALES_CONTROL_PAGE;
  }
}
