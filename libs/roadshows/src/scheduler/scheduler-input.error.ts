export type SchedulerInputErrorCode =
  | 'NO_SLOTS'
  | 'TOO_MANY_SLOTS'
  | 'TOO_MANY_PARTICIPANTS'
  | 'TOO_MANY_MEETINGS'
  | 'INVALID_SESSIONS'
  | 'INVALID_TABLES'
  | 'INVALID_VALUE'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_PARTICIPANT'
  | 'SELF_MEETING'
  | 'SLOT_OUT_OF_RANGE'
  | 'LOCKED_OUT_OF_RANGE'
  | 'LOCKED_FORBIDDEN'
  | 'LOCKED_CONFLICT'
  | 'UNKNOWN_TABLE'
  | 'UNKNOWN_MEETING';

/** An impossible or oversized day; `code` is stable and `field` a JSON path (the API maps it to 422). */
export class SchedulerInputError extends Error {
  override readonly name = 'SchedulerInputError';

  constructor(
    readonly code: SchedulerInputErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(`${code} at ${field}: ${message}`);
  }
}
