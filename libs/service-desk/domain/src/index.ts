import type { Reactor } from '@ebp/shared-eventsourcing';
import { callbacksReactors } from './callbacks';
import { dutyReactors } from './duty';
import { faultsReactors } from './faults';
import { ladderReactors } from './ladder';
import { proactiveReactors } from './proactive';
import { reportReactors } from './report';

export * from './shared';
export * from './ticket';
export * from './directory';
export * from './callbacks';
export * from './faults';
export * from './duty';
export * from './ladder';
export * from './proactive';
export * from './report';

/** Every service-desk policy that turns an event into a command elsewhere (run by the reactor runner). */
export const serviceDeskReactors: Reactor[] = [
  ...callbacksReactors,
  ...faultsReactors,
  ...dutyReactors,
  ...ladderReactors,
  ...proactiveReactors,
  ...reportReactors,
];

// transition: importers move to @ebp/shared-kernel
export {
  addDays,
  firstDayOf,
  formatIsoWeek,
  isCalendarDate,
  isCalendarDate as isRealDate,
  isMonth as isSupervisionMonth,
  isoWeekDates,
  lastDayOf,
  minutesBetween,
  monthEndInstant,
  nextMonth,
  shanghaiDate,
  shanghaiInstant,
  shanghaiMonth,
  statutoryHolidayOn,
  statutoryHolidaysBetween,
} from '@ebp/shared-kernel';
// transition: importers call parseIsoWeek(text, 'SD-10') from @ebp/shared-kernel or parseReportWeek
export { parseReportWeek as parseIsoWeek } from './duty';
