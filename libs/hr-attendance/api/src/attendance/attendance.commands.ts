import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConcurrencyConflictError, DomainError, type EventStore } from '@ebp/shared-eventsourcing';
import { CLOCK, EVENT_STORE, execute, replyOf, type Clock, type CommandContext, type CommandReply } from '@ebp/shared-nest';
import { staffMonthDecider, staffMonthStream, type Employee } from '@ebp/hr-attendance-domain';
import { CalendarUnknownError, shanghaiMonth } from '@ebp/shared-kernel';
import { mapBounded } from '../shared/bounded';
import { clockAt, HrEmployees } from '../shared/hr-employees';
import { checkEmployment, checkPunchRow, readPunchImport, rowErrorOf, type ImportRowError, type PunchRow } from './punch-import';

/** Staff-month streams written at the same time by an import (each stream's rows run in file order). */
const IMPORT_CONCURRENCY = 16;

export interface PunchImportResult {
  rows: number;
  applied: number;
  unchanged: number;
  failed: number;
  errors: ImportRowError[];
  /** Highest event-store position appended; 0 = nothing appended. */
  position: number;
}

/** HR-2 application layer: own sign-in / sign-out now, and HR's import of the punch clock. */
@Injectable()
export class AttendanceCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly employees: HrEmployees,
  ) {}

  signIn(ctx: CommandContext): Promise<CommandReply> {
    return this.punchNow('in', ctx);
  }

  signOut(ctx: CommandContext): Promise<CommandReply> {
    return this.punchNow('out', ctx);
  }

  /** HR-2: the caller's own punch at this instant (the decider refuses a day they are not employed on). */
  private async punchNow(which: 'in' | 'out', ctx: CommandContext): Promise<CommandReply> {
    const employee = await this.employees.caller(ctx.actor);
    // The month (the stream) and the punch are the same instant, even at midnight on the month's last day.
    const now = this.clock.now();
    const month = shanghaiMonth(now);
    const result = await execute(this.store, clockAt(now), staffMonthDecider, staffMonthStream(month, employee.staffId), ctx, (at) => ({
      type: 'RecordPunch' as const,
      data: { staffId: employee.staffId, month, employee, signInAt: which === 'in' ? at : null, signOutAt: which === 'out' ? at : null, source: 'self' as const },
      metadata: { now: at },
    }));
    return replyOf(`${month}.${employee.staffId}`, result);
  }

  /**
   * HR-2: one RecordPunch per row (source 'punch-clock'). A row that fails its checks or that the
   * decider refuses is reported and applies nothing; the others apply. Only a file that cannot be
   * read at all is refused as a whole (400).
   */
  async importPunches(csv: string, ctx: CommandContext): Promise<PunchImportResult> {
    const records = readPunchImport(csv);
    const errors: ImportRowError[] = [];
    const failedRows = new Set<number>();
    const fail = (error: ImportRowError) => {
      errors.push(error);
      failedRows.add(error.row);
    };

    const checked: PunchRow[] = [];
    for (const record of records) {
      const check = checkPunchRow(record);
      if (check.ok) checked.push(check.punch);
      else check.errors.forEach(fail);
    }

    const staffIds = [...new Set(checked.map((p) => p.staffId))];
    const found = await mapBounded(staffIds, IMPORT_CONCURRENCY, (staffId) => this.employees.find(staffId));
    const employeeOf = new Map<string, Employee | null>(staffIds.map((id, i) => [id, found[i]]));

    const byStream = new Map<string, { punch: PunchRow; employee: Employee }[]>();
    for (const punch of checked) {
      const employee = employeeOf.get(punch.staffId) ?? null;
      const problem = checkEmployment(punch, employee);
      if (problem) {
        fail(problem);
        continue;
      }
      const stream = staffMonthStream(punch.month, punch.staffId);
      byStream.set(stream, [...(byStream.get(stream) ?? []), { punch, employee: employee! }]);
    }

    // One `now` and one conversation for the whole file; If-Match names no single stream here.
    const clock = clockAt(this.clock.now());
    const rowCtx: CommandContext = { actor: ctx.actor, correlationId: ctx.correlationId ?? randomUUID() };
    let applied = 0;
    let unchanged = 0;
    let position = 0;
    await mapBounded([...byStream.entries()], IMPORT_CONCURRENCY, async ([stream, rows]) => {
      for (const { punch, employee } of rows) {
        try {
          const result = await execute(this.store, clock, staffMonthDecider, stream, rowCtx, (now) => ({
            type: 'RecordPunch' as const,
            data: { staffId: punch.staffId, month: punch.month, employee, signInAt: punch.signInAt, signOutAt: punch.signOutAt, source: 'punch-clock' as const },
            metadata: { now },
          }));
          if (result.events.length > 0) {
            applied++;
            position = Math.max(position, result.position);
          } else unchanged++;
        } catch (error) {
          fail(this.rowError(punch, error));
        }
      }
    });

    errors.sort((a, b) => a.row - b.row);
    return { rows: records.length, applied, unchanged, failed: failedRows.size, errors, position };
  }

  /** A bad row never fails the import: refusals become its error; anything else (the store failing) is thrown. */
  private rowError(punch: PunchRow, error: unknown): ImportRowError {
    if (error instanceof DomainError) return rowErrorOf(punch, error);
    const base = { row: punch.row, staffId: punch.staffId };
    if (error instanceof CalendarUnknownError) return { ...base, field: 'date', rule: 'HR-2', message: error.message };
    if (error instanceof ConcurrencyConflictError) {
      return { ...base, field: 'row', rule: 'HR-2', message: `${punch.staffId}'s month kept changing while importing; import the file again (rows already recorded stay unchanged)` };
    }
    throw error;
  }
}
