import { Body, Delete, HttpCode, Param, Post, Res, UnsupportedMediaTypeException, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import { Roles, type Role } from '@ebp/shared-auth';
import { ApiCommandCreated, ApiCommandOk, CommandController, CommandCtx, ErrorSchema, POSITION_HEADER, type CommandContext } from '@ebp/shared-nest';
import { CODE_PATTERN, SIGNING_STEPS } from '@ebp/property-sales-domain';
import { UnitsCommands, type UnitImportResult } from './units.commands';
import {
  CancelSubscriptionDto,
  ChangePriceDto,
  SalesDecisionDto,
  DepositDto,
  ErpExportDto,
  FollowUpDto,
  HoldUnitDto,
  ListUnitDto,
  MortgageDocumentDto,
  RecordPriceSheetDto,
  ReserveUnitDto,
  SignSubscriptionDto,
  SigningErrorDto,
  SigningStepDto,
  SubscribeDto,
  UNIT_IMPORT_DESCRIPTION,
  UnitImportResultSchema,
} from './units.dto';

interface HeaderWriter {
  header(name: string, value: string): unknown;
}

const CODE = CODE_PATTERN.source.slice(1, -1);
const UnitIdParam = () =>
  ApiParam({ name: 'unitId', description: 'The unit: <projectId>.<buildingId>.<number>', schema: { type: 'string', pattern: `^${CODE}\\.${CODE}\\.${CODE}$`, example: 'lakeside.b1.1203' } });
const BuildingParams = () =>
  applyDecorators(
    ApiParam({ name: 'projectId', schema: { type: 'string', pattern: CODE_PATTERN.source, example: 'lakeside' } }),
    ApiParam({ name: 'buildingId', description: 'A building added to the project', schema: { type: 'string', pattern: CODE_PATTERN.source, example: 'b1' } }),
  );
const PriceSheetParam = () => ApiParam({ name: 'id', description: 'The price sheet, as in the Location of its creation', schema: { type: 'string', example: 'ps-9f86d081884c' } });

const STEP_ROLES = [...new Set(SIGNING_STEPS.map((s) => s.role))] as Role[];
const STEP_LIST = SIGNING_STEPS.map((s, i) => `${i + 1} ${s.step} (${s.role})`).join('; ');

const CSV_EXAMPLE = 'number,floor,type,areaCentiSqm,listPriceFen\r\n1201,12,apartment,12345,300000000\r\n1202,12,apartment,9876,240000000\r\n';

@CommandController('property-sales', 'property-sales units')
export class UnitsController {
  constructor(private readonly commands: UnitsCommands) {}

  // PS-1 listing

  @Post('projects/:projectId/buildings/:buildingId/units')
  @Roles('site-manager')
  @ApiOperation({ summary: 'PS-1 put a unit of the building on sales control with its list price, approved by the caller (available)' })
  @BuildingParams()
  @ApiCommandCreated()
  listUnit(@Param('projectId') projectId: string, @Param('buildingId') buildingId: string, @Body() dto: ListUnitDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.listUnit(projectId, buildingId, dto, ctx);
  }

  @Post('projects/:projectId/buildings/:buildingId/units/import')
  @HttpCode(200)
  @Roles('site-manager')
  @ApiOperation({ summary: "PS-1 import a building's units from CSV: one unit per row, bad rows reported by row number", description: UNIT_IMPORT_DESCRIPTION })
  @BuildingParams()
  @ApiConsumes('text/csv')
  @ApiBody({ description: "The building's units", schema: { type: 'string', maxLength: 2 * 1_048_576, example: CSV_EXAMPLE } })
  @ApiResponse({
    status: 200,
    description: 'Read: the good rows were applied, every refused row is listed',
    type: UnitImportResultSchema,
    headers: { 'X-Position': { description: 'Highest event-store position appended; 0 = nothing appended', schema: { type: 'integer' } } },
  })
  @ApiResponse({ status: 413, description: 'The body is over 2 MiB', type: ErrorSchema })
  @ApiResponse({ status: 415, description: 'The body is not text/csv', type: ErrorSchema })
  async importUnits(
    @Param('projectId') projectId: string,
    @Param('buildingId') buildingId: string,
    @Body() csv: unknown,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) reply: HeaderWriter,
  ): Promise<UnitImportResult> {
    if (csv !== undefined && csv !== null && typeof csv !== 'string') {
      throw new UnsupportedMediaTypeException("send the building's units as the body with Content-Type: text/csv");
    }
    const result = await this.commands.importUnits(projectId, buildingId, typeof csv === 'string' ? csv : '', ctx);
    reply.header(POSITION_HEADER, String(result.position));
    return result;
  }

  @Post('units/:unitId/price')
  @HttpCode(200)
  @Roles('site-manager')
  @ApiOperation({ summary: 'PS-1 a new list price approved by the caller (not once subscribed or contracted)' })
  @UnitIdParam()
  @ApiCommandOk()
  changePrice(@Param('unitId') unitId: string, @Body() dto: ChangePriceDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.changePrice(unitId, dto, ctx);
  }

  @Post('units/:unitId/hold')
  @HttpCode(200)
  @Roles('site-manager')
  @ApiOperation({ summary: 'PS-1 the developer holds an available unit back from sale' })
  @UnitIdParam()
  @ApiCommandOk()
  hold(@Param('unitId') unitId: string, @Body() dto: HoldUnitDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.hold(unitId, dto, ctx);
  }

  @Post('units/:unitId/release')
  @HttpCode(200)
  @Roles('site-manager')
  @ApiOperation({ summary: 'PS-1 the developer releases a held unit: available again' })
  @UnitIdParam()
  @ApiCommandOk()
  release(@Param('unitId') unitId: string, @CommandCtx() ctx: CommandContext) {
    return this.commands.release(unitId, ctx);
  }

  // PS-1 / PS-2 reservations

  @Post('units/:unitId/reservations')
  @Roles('salesperson')
  @ApiOperation({ summary: "PS-1 reserve an available unit for a registered customer of the caller's agency (PS-2) for the policy's hours (24 h); then it is available again" })
  @UnitIdParam()
  @ApiCommandCreated()
  reserve(@Param('unitId') unitId: string, @Body() dto: ReserveUnitDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.reserve(unitId, dto, ctx);
  }

  @Delete('units/:unitId/reservations')
  @Roles('salesperson', 'agency-supervisor', 'site-manager')
  @ApiOperation({ summary: "PS-1 cancel the unit's reservation: by its salesperson, their agency's supervisor or the site manager" })
  @UnitIdParam()
  @ApiCommandOk()
  cancelReservation(@Param('unitId') unitId: string, @CommandCtx() ctx: CommandContext) {
    return this.commands.cancelReservation(unitId, ctx);
  }

  // PS-3 price sheets

  @Post('units/:unitId/price-sheets')
  @Roles('salesperson')
  @ApiOperation({ summary: "PS-3 record the price sheet (list price, discounts, payment method, total) for a customer of the caller's agency, while the unit is available or reserved for them" })
  @UnitIdParam()
  @ApiCommandCreated()
  recordPriceSheet(@Param('unitId') unitId: string, @Body() dto: RecordPriceSheetDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordPriceSheet(unitId, dto, ctx);
  }

  @Post('units/:unitId/price-sheets/:id/approve')
  @HttpCode(200)
  @Roles('agency-supervisor')
  @ApiOperation({ summary: "PS-3 the supervisor of the sheet's agency approves a discount above the policy threshold" })
  @UnitIdParam()
  @PriceSheetParam()
  @ApiCommandOk()
  approvePriceSheet(@Param('unitId') unitId: string, @Param('id') id: string, @Body() dto: SalesDecisionDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.decidePriceSheet(unitId, id, true, dto ?? {}, ctx);
  }

  @Post('units/:unitId/price-sheets/:id/reject')
  @HttpCode(200)
  @Roles('agency-supervisor')
  @ApiOperation({ summary: "PS-3 the supervisor of the sheet's agency rejects it (reason required): it cannot be subscribed" })
  @UnitIdParam()
  @PriceSheetParam()
  @ApiCommandOk()
  rejectPriceSheet(@Param('unitId') unitId: string, @Param('id') id: string, @Body() dto: SalesDecisionDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.decidePriceSheet(unitId, id, false, dto ?? {}, ctx);
  }

  // PS-1 / PS-4 subscription

  @Post('units/:unitId/subscriptions')
  @Roles('salesperson')
  @ApiOperation({
    summary: 'PS-4 subscribe the unit with a price sheet: one customer only (PS-1) — of concurrent subscriptions exactly one wins, the others get 409 naming PS-1',
  })
  @UnitIdParam()
  @ApiCommandCreated()
  subscribe(@Param('unitId') unitId: string, @Body() dto: SubscribeDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.subscribe(unitId, dto, ctx);
  }

  @Post('units/:unitId/subscription/deposit')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'PS-4 finance records the deposit' })
  @UnitIdParam()
  @ApiCommandOk()
  deposit(@Param('unitId') unitId: string, @Body() dto: DepositDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordDeposit(unitId, dto, ctx);
  }

  @Post('units/:unitId/subscription/form')
  @HttpCode(200)
  @Roles('salesperson')
  @ApiOperation({ summary: "PS-4 the subscription form is issued (after the deposit), by a salesperson of the subscription's agency" })
  @UnitIdParam()
  @ApiCommandOk()
  issueForm(@Param('unitId') unitId: string, @CommandCtx() ctx: CommandContext) {
    return this.commands.issueForm(unitId, ctx);
  }

  @Post('units/:unitId/subscription/review')
  @HttpCode(200)
  @Roles('agency-supervisor')
  @ApiOperation({ summary: "PS-4 the supervisor of the subscription's agency reviews the form" })
  @UnitIdParam()
  @ApiCommandOk()
  review(@Param('unitId') unitId: string, @CommandCtx() ctx: CommandContext) {
    return this.commands.review(unitId, ctx);
  }

  @Post('units/:unitId/subscription/sign')
  @HttpCode(200)
  @Roles('salesperson')
  @ApiOperation({ summary: 'PS-4 the customer signs the reviewed subscription with the other agreements: published for the ERP (same day)' })
  @UnitIdParam()
  @ApiCommandOk()
  sign(@Param('unitId') unitId: string, @Body() dto: SignSubscriptionDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.sign(unitId, dto, ctx);
  }

  @Post('units/:unitId/subscription/customer-copy')
  @HttpCode(200)
  @Roles('salesperson', 'agency-supervisor')
  @ApiOperation({ summary: "PS-4 the customer's copy is handed over in the project document bag" })
  @UnitIdParam()
  @ApiCommandOk()
  customerCopy(@Param('unitId') unitId: string, @CommandCtx() ctx: CommandContext) {
    return this.commands.handOverCustomerCopy(unitId, ctx);
  }

  @Post('units/:unitId/subscription/erp-export')
  @HttpCode(200)
  @Roles('site-manager')
  @ApiOperation({ summary: "PS-4 the ERP (明源) acknowledged the signed subscription, with its reference" })
  @UnitIdParam()
  @ApiCommandOk()
  erpExport(@Param('unitId') unitId: string, @Body() dto: ErpExportDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.exportToErp(unitId, dto, ctx);
  }

  @Post('units/:unitId/subscription/handover')
  @HttpCode(200)
  @Roles('site-manager')
  @ApiOperation({ summary: "PS-4 the developer's site manager receives the signed subscription" })
  @UnitIdParam()
  @ApiCommandOk()
  handover(@Param('unitId') unitId: string, @CommandCtx() ctx: CommandContext) {
    return this.commands.handToSiteManager(unitId, ctx);
  }

  @Post('units/:unitId/subscription/cancel')
  @HttpCode(200)
  @Roles('agency-supervisor', 'site-manager')
  @ApiOperation({ summary: "PS-4 cancel the subscription before the contract (the agency's supervisor or the site manager): the unit is available again" })
  @UnitIdParam()
  @ApiCommandOk()
  cancel(@Param('unitId') unitId: string, @Body() dto: CancelSubscriptionDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.cancelSubscription(unitId, dto, ctx);
  }

  // PS-5 follow-up

  @Post('units/:unitId/subscription/follow-up')
  @HttpCode(200)
  @Roles('salesperson')
  @ApiOperation({ summary: 'PS-5 the target signing date and the mortgage documents to collect (replaces an earlier follow-up)' })
  @UnitIdParam()
  @ApiCommandOk()
  followUp(@Param('unitId') unitId: string, @Body() dto: FollowUpDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.scheduleFollowUp(unitId, dto, ctx);
  }

  @Post('units/:unitId/subscription/mortgage-documents')
  @HttpCode(200)
  @Roles('salesperson')
  @ApiOperation({ summary: "PS-5 a mortgage document of the follow-up's checklist is received" })
  @UnitIdParam()
  @ApiCommandOk()
  mortgageDocument(@Param('unitId') unitId: string, @Body() dto: MortgageDocumentDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.receiveMortgageDocument(unitId, dto, ctx);
  }

  // PS-7 / PS-8 signing

  @Post('units/:unitId/signing/steps/:step')
  @HttpCode(200)
  @Roles(...STEP_ROLES)
  @ApiOperation({
    summary: 'PS-7 complete one of the eleven signing steps, in order, by its role; step 9 concludes the contract (UnitContracted)',
    description: `Steps: ${STEP_LIST}. Out of order → 422, wrong role (or an agency role of another agency) → 403, both naming PS-7. A step already done changes nothing.`,
  })
  @UnitIdParam()
  @ApiParam({ name: 'step', description: 'The step: its number 1-11 or its name', schema: { type: 'string', example: 'mortgage-documents-checked' } })
  @ApiCommandOk()
  signingStep(@Param('unitId') unitId: string, @Param('step') step: string, @Body() dto: SigningStepDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.completeSigningStep(unitId, step, dto ?? {}, ctx);
  }

  @Post('units/:unitId/signing-errors')
  @Roles('contract-administrator', 'site-manager')
  @ApiOperation({ summary: "PS-8 a signing error: a contract change request to the housing authority and the policy's fine (200 CNY) on the responsible salesperson" })
  @UnitIdParam()
  @ApiCommandCreated()
  signingError(@Param('unitId') unitId: string, @Body() dto: SigningErrorDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordSigningError(unitId, dto, ctx);
  }
}
