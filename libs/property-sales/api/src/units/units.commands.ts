import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConcurrencyConflictError, DomainError, loadState, type EventStore } from '@ebp/shared-eventsourcing';
import { CLOCK, EVENT_STORE, execute, locatedAt, replyOf, runCommand, type Clock, type CommandContext, type CommandReply } from '@ebp/shared-nest';
import {
  CODE_PATTERN,
  SIGNING_STEPS,
  unitDecider,
  unitIdOf,
  unitIdParts,
  unitStream,
  type SalesActor,
  type SigningStep,
  type Unit,
  type UnitCommand,
} from '@ebp/property-sales-domain';
import { SalesParties } from './sales-parties';
import { checkUnitRows, readUnitImport, unitRowErrorOf, type UnitImportRowError, type UnitRow } from './unit-import';
import type {
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
} from './units.dto';

/** Unit streams written at the same time by an import. */
const IMPORT_CONCURRENCY = 16;

export interface UnitImportResult {
  rows: number;
  applied: number;
  unchanged: number;
  failed: number;
  errors: UnitImportRowError[];
  /** Highest event-store position appended; 0 = nothing appended. */
  position: number;
}

/** A new id for something the API creates on a unit, e.g. `ps-9f86d081884c`. */
const newId = (prefix: string): string => `${prefix}-${randomBytes(6).toString('hex')}`;

function requireUnitId(unitId: string): string {
  if (!unitIdParts(unitId)) throw new DomainError('PS-1', `'${unitId}' is not a unit id (<projectId>.<buildingId>.<number>)`, 'invalid', 'unitId');
  return unitId;
}

function requireCodeParam(value: string, field: string): string {
  if (!CODE_PATTERN.test(value)) throw new DomainError('PS-1', `${field} must be 1-32 letters, digits, _ or - (no dots), got '${value}'`, 'invalid', field);
  return value;
}

/** PS-7: a step by its name or its ordinal 1 … 11. */
export function signingStepOf(value: string): SigningStep {
  const byOrdinal = /^\d{1,2}$/.test(value) ? SIGNING_STEPS[Number(value) - 1] : undefined;
  const found = byOrdinal ?? SIGNING_STEPS.find((s) => s.step === value);
  if (!found) throw new DomainError('PS-7', `step must be 1-11 or one of ${SIGNING_STEPS.map((s) => s.step).join(', ')}, got '${value}'`, 'invalid', 'step');
  return found.step;
}

async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

type Build = (now: string, actor: SalesActor) => UnitCommand;

/**
 * PS-1 … PS-9 application layer. Every command is decided on the unit's stream and appended with
 * its expected revision (handleCommand): a lost race is decided again on fresh state, so of two
 * subscriptions of one unit exactly one is appended and the other refused naming PS-1. Reference
 * data (building, customer, the caller's agency) is read fresh and passed in; nothing else is written.
 */
@Injectable()
export class UnitsCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly parties: SalesParties,
  ) {}

  // PS-1 listing, price, hold (the site manager: the controller's @Roles)

  async listUnit(projectId: string, buildingId: string, dto: ListUnitDto, ctx: CommandContext): Promise<CommandReply> {
    const building = await this.parties.building(requireCodeParam(projectId, 'projectId'), requireCodeParam(buildingId, 'buildingId'));
    const unitId = unitIdOf(projectId, buildingId, requireCodeParam(dto.number, 'number'));
    const reply = await runCommand(this.store, this.clock, unitDecider, unitStream(unitId), unitId, ctx, (now) => ({
      type: 'ListUnit' as const,
      data: { unitId, projectId, buildingId, number: dto.number, floor: dto.floor, type: dto.type, areaCentiSqm: dto.areaCentiSqm, listPriceFen: dto.listPriceFen, buildingFloors: building.floors, by: ctx.actor.userId },
      metadata: { now },
    }));
    return locatedAt(`/property-sales/units/${unitId}`, reply);
  }

  /**
   * PS-1: one ListUnit per row. A row that fails its checks or that the decider refuses is
   * reported and applies nothing; the others apply. A file that cannot be read, or an unknown
   * building, is refused as a whole.
   */
  async importUnits(projectId: string, buildingId: string, csv: string, ctx: CommandContext): Promise<UnitImportResult> {
    const building = await this.parties.building(requireCodeParam(projectId, 'projectId'), requireCodeParam(buildingId, 'buildingId'));
    const records = readUnitImport(csv);
    const { units, errors } = checkUnitRows(records);
    const failedRows = new Set(errors.map((e) => e.row));
    const now = this.clock.now();
    const clock: Clock = { now: () => now };
    const rowCtx: CommandContext = { actor: ctx.actor, correlationId: ctx.correlationId ?? randomUUID() };
    let applied = 0;
    let unchanged = 0;
    let position = 0;
    await mapBounded(units, IMPORT_CONCURRENCY, async (unit) => {
      const unitId = unitIdOf(projectId, buildingId, unit.number);
      try {
        const result = await execute(this.store, clock, unitDecider, unitStream(unitId), rowCtx, (at) => ({
          type: 'ListUnit' as const,
          data: { unitId, projectId, buildingId, number: unit.number, floor: unit.floor, type: unit.type, areaCentiSqm: unit.areaCentiSqm, listPriceFen: unit.listPriceFen, buildingFloors: building.floors, by: ctx.actor.userId },
          metadata: { now: at },
        }));
        if (result.events.length > 0) {
          applied++;
          position = Math.max(position, result.position);
        } else unchanged++;
      } catch (error) {
        errors.push(this.rowError(unit, error));
        failedRows.add(unit.row);
      }
    });
    errors.sort((a, b) => a.row - b.row);
    return { rows: records.length, applied, unchanged, failed: failedRows.size, errors, position };
  }

  private rowError(unit: UnitRow, error: unknown): UnitImportRowError {
    if (error instanceof DomainError) return unitRowErrorOf(unit, error);
    if (error instanceof ConcurrencyConflictError) {
      return { row: unit.row, number: unit.number, field: 'row', rule: 'PS-1', message: `unit ${unit.number} kept changing while importing; import the file again (units already listed stay unchanged)` };
    }
    throw error;
  }

  changePrice(unitId: string, dto: ChangePriceDto, ctx: CommandContext): Promise<CommandReply> {
    return this.simple(unitId, ctx, (now) => ({ type: 'ChangeUnitPrice', data: { unitId, listPriceFen: dto.listPriceFen, reason: dto.reason, by: ctx.actor.userId }, metadata: { now } }));
  }

  hold(unitId: string, dto: HoldUnitDto, ctx: CommandContext): Promise<CommandReply> {
    return this.simple(unitId, ctx, (now) => ({ type: 'HoldUnit', data: { unitId, reason: dto.reason, by: ctx.actor.userId }, metadata: { now } }));
  }

  release(unitId: string, ctx: CommandContext): Promise<CommandReply> {
    return this.simple(unitId, ctx, (now) => ({ type: 'ReleaseUnit', data: { unitId, by: ctx.actor.userId }, metadata: { now } }));
  }

  // PS-1 / PS-2 reservations

  async reserve(unitId: string, dto: ReserveUnitDto, ctx: CommandContext): Promise<CommandReply> {
    const customer = await this.parties.customer(dto.customerId);
    const reply = await this.onUnit(unitId, ctx, customer?.agencyId ?? null, (now, by) => ({ type: 'ReserveUnit', data: { unitId, customerId: dto.customerId, customer, by }, metadata: { now } }));
    return locatedAt(`/property-sales/units/${unitId}`, reply);
  }

  async cancelReservation(unitId: string, ctx: CommandContext): Promise<CommandReply> {
    const unit = await this.unit(unitId);
    return this.onUnit(unitId, ctx, unit?.reservation?.agencyId ?? null, (now, by) => ({ type: 'CancelReservation', data: { unitId, by }, metadata: { now } }));
  }

  // PS-3 price sheets

  async recordPriceSheet(unitId: string, dto: RecordPriceSheetDto, ctx: CommandContext): Promise<CommandReply> {
    const customer = await this.parties.customer(dto.customerId);
    const priceSheetId = newId('ps');
    const reply = await this.onUnit(
      unitId,
      ctx,
      customer?.agencyId ?? null,
      (now, by) => ({
        type: 'RecordPriceSheet',
        data: { unitId, priceSheetId, customerId: dto.customerId, customer, discounts: dto.discounts.map((d) => ({ reason: d.reason, amountFen: d.amountFen })), paymentMethod: dto.paymentMethod, by },
        metadata: { now },
      }),
      priceSheetId,
    );
    return locatedAt(`/property-sales/units/${unitId}/price-sheets/${priceSheetId}`, reply);
  }

  async decidePriceSheet(unitId: string, priceSheetId: string, approved: boolean, dto: SalesDecisionDto, ctx: CommandContext): Promise<CommandReply> {
    const unit = await this.unit(unitId);
    const agencyId = unit?.priceSheets.find((s) => s.priceSheetId === priceSheetId)?.agencyId ?? null;
    return this.onUnit(unitId, ctx, agencyId, (now, by) => ({ type: 'DecidePriceSheet', data: { unitId, priceSheetId, approved, reason: dto.reason ?? null, by }, metadata: { now } }), priceSheetId);
  }

  // PS-1 / PS-4 subscription: the one-customer guard is the unit stream's expected revision

  async subscribe(unitId: string, dto: SubscribeDto, ctx: CommandContext): Promise<CommandReply> {
    const unit = await this.unit(unitId);
    const agencyId = unit?.priceSheets.find((s) => s.priceSheetId === dto.priceSheetId)?.agencyId ?? null;
    const subscriptionId = newId('sub');
    const reply = await this.onUnit(unitId, ctx, agencyId, (now, by) => ({ type: 'SubscribeUnit', data: { unitId, subscriptionId, priceSheetId: dto.priceSheetId, by }, metadata: { now } }), subscriptionId);
    return locatedAt(`/property-sales/units/${unitId}/subscription`, reply);
  }

  recordDeposit(unitId: string, dto: DepositDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onSubscription(unitId, ctx, (now, by) => ({ type: 'RecordDeposit', data: { unitId, depositFen: dto.depositFen, receiptNo: dto.receiptNo, by }, metadata: { now } }));
  }

  issueForm(unitId: string, ctx: CommandContext): Promise<CommandReply> {
    return this.onSubscription(unitId, ctx, (now, by) => ({ type: 'IssueSubscriptionForm', data: { unitId, by }, metadata: { now } }));
  }

  review(unitId: string, ctx: CommandContext): Promise<CommandReply> {
    return this.onSubscription(unitId, ctx, (now, by) => ({ type: 'ReviewSubscription', data: { unitId, by }, metadata: { now } }));
  }

  sign(unitId: string, dto: SignSubscriptionDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onSubscription(unitId, ctx, (now, by) => ({ type: 'SignSubscription', data: { unitId, agreements: dto.agreements, by }, metadata: { now } }));
  }

  handOverCustomerCopy(unitId: string, ctx: CommandContext): Promise<CommandReply> {
    return this.onSubscription(unitId, ctx, (now, by) => ({ type: 'HandOverCustomerCopy', data: { unitId, by }, metadata: { now } }));
  }

  exportToErp(unitId: string, dto: ErpExportDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onSubscription(unitId, ctx, (now, by) => ({ type: 'ExportSubscriptionToErp', data: { unitId, erpReference: dto.erpReference, by }, metadata: { now } }));
  }

  handToSiteManager(unitId: string, ctx: CommandContext): Promise<CommandReply> {
    return this.onSubscription(unitId, ctx, (now, by) => ({ type: 'HandSubscriptionToSiteManager', data: { unitId, by }, metadata: { now } }));
  }

  cancelSubscription(unitId: string, dto: CancelSubscriptionDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onSubscription(unitId, ctx, (now, by) => ({ type: 'CancelSubscription', data: { unitId, reason: dto.reason, by }, metadata: { now } }));
  }

  // PS-5 follow-up

  scheduleFollowUp(unitId: string, dto: FollowUpDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onSubscription(unitId, ctx, (now, by) => ({
      type: 'ScheduleFollowUp',
      data: { unitId, targetSigningDate: dto.targetSigningDate, mortgageDocuments: dto.mortgageDocuments, by },
      metadata: { now },
    }));
  }

  receiveMortgageDocument(unitId: string, dto: MortgageDocumentDto, ctx: CommandContext): Promise<CommandReply> {
    return this.onSubscription(unitId, ctx, (now, by) => ({ type: 'ReceiveMortgageDocument', data: { unitId, document: dto.document, by }, metadata: { now } }));
  }

  // PS-7 / PS-8 signing

  completeSigningStep(unitId: string, stepParam: string, dto: SigningStepDto, ctx: CommandContext): Promise<CommandReply> {
    const step = signingStepOf(stepParam);
    const contractId = newId('ct');
    return this.onSubscription(unitId, ctx, (now, by) => ({ type: 'CompleteSigningStep', data: { unitId, step, contractId, note: dto.note ?? null, by }, metadata: { now } }));
  }

  recordSigningError(unitId: string, dto: SigningErrorDto, ctx: CommandContext): Promise<CommandReply> {
    const errorId = newId('err');
    return this.onSubscription(
      unitId,
      ctx,
      (now, by) => ({ type: 'RecordSigningError', data: { unitId, errorId, description: dto.description, responsibleSalespersonId: dto.responsibleSalespersonId, by }, metadata: { now } }),
      errorId,
    );
  }

  // plumbing

  /** The unit as stored (null when not listed): only to know which agency the caller must act for. */
  private async unit(unitId: string): Promise<Unit | null> {
    const { state } = await loadState(this.store, unitDecider, unitStream(requireUnitId(unitId)));
    return state.status === 'none' ? null : state;
  }

  private simple(unitId: string, ctx: CommandContext, build: (now: string) => UnitCommand): Promise<CommandReply> {
    return runCommand(this.store, this.clock, unitDecider, unitStream(requireUnitId(unitId)), unitId, ctx, build);
  }

  /** A command by the caller acting for `agencyId` (when they are its member), decided on the unit stream. */
  private async onUnit(unitId: string, ctx: CommandContext, agencyId: string | null, build: Build, id = unitId): Promise<CommandReply> {
    const stream = unitStream(requireUnitId(unitId));
    const by = await this.parties.actor(ctx.actor, agencyId);
    return replyOf(id, await execute(this.store, this.clock, unitDecider, stream, ctx, (now) => build(now, by)));
  }

  /** A command on the current subscription: the caller acts for the subscription's agency. */
  private async onSubscription(unitId: string, ctx: CommandContext, build: Build, id = unitId): Promise<CommandReply> {
    const unit = await this.unit(unitId);
    return this.onUnit(unitId, ctx, unit?.subscription?.agencyId ?? null, build, id);
  }
}
