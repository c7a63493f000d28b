/**
 * Shared kernel: framework-free, I/O-free building blocks any context's domain may use — the
 * official Chinese working-day calendar, Asia/Shanghai dates, months and ISO weeks, versioned
 * policies, money in fen, the command shape, field validation and paging. Nothing here knows a
 * context, a framework, a database or the clock; context-specific rules and values stay in the
 * context (docs/architecture.md, "Layout and layer rules").
 */
export * from './calendar/calendar-date';
export * from './calendar/calendar-month';
export * from './calendar/iso-week';
export * from './calendar/official-calendar';
export * from './policy/policy-history';
export * from './money/fen';
export * from './command/domain-command';
export * from './validation/field-validation';
export * from './paging/paging';
export * from './text/text-export';
