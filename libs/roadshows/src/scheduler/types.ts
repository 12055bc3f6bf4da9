/** The roadshow day the scheduler plans: plain JSON (docs/roadshows.md, "Scheduler"). */
export interface DayInput {
  /** Number of equal slots in the 1:1 window, indexed 0 … slots − 1. */
  slots: number;
  /**
   * Sessions as half-open slot ranges `[start, end)`, in order, covering every slot; the gap
   * between two sessions (lunch) is not a break. Default: one session over all slots. With two
   * sessions the first is `morning`, the second `afternoon`.
   */
  sessions?: SessionInput[];
  /** Shared tables (named `T1` … `Tn`); meetings of a participant with a booth use the booth instead. */
  tables: number;
  participants: ParticipantInput[];
  meetings: MeetingInput[];
  /** A previously published schedule: re-planning keeps each of these where it still fits. */
  previous?: PreviousAssignment[];
}

export interface SessionInput {
  start: number;
  end: number;
}

export interface ParticipantInput {
  id: string;
  /** Slots the participant is not available (0-based). */
  forbiddenSlots?: number[];
  minMeetings?: number;
  maxMeetings?: number;
  /** A fixed booth: every meeting of this participant takes place there (a table of its own). */
  booth?: string;
}

export type Priority = 'must' | 'would_like';
export type SessionPreference = 'morning' | 'afternoon' | 'either';

export interface MeetingInput {
  id: string;
  /** The two participants (any participant with any other). */
  participants: string[];
  /** Explicit weight; default `score × PRIORITY_FACTOR[priority]`. */
  weight?: number;
  /** Match score (default 1). */
  score?: number;
  priority?: Priority;
  session?: SessionPreference;
  /** A locked meeting: this slot (and table, if given) or nothing. */
  fixed?: { slot: number; table?: string };
}

export interface PreviousAssignment {
  meetingId: string;
  slot: number;
  table?: string;
}

export interface ScheduleOptions {
  /** Seed of the PRNG that breaks ties (default 1). Same input + seed → same output. */
  seed?: number;
  /** Local-search budget in move attempts (default 200 000): deterministic, unlike a wall clock. */
  budget?: number;
}

export type UnscheduledReason =
  /** No slot where every participant is available (forbidden slots, session preference). */
  | 'NO_COMMON_SLOT'
  /** A participant already has their maximum number of meetings. */
  | 'PARTICIPANT_FULL'
  /** In every common slot a participant is already in another (heavier or locked) meeting. */
  | 'PARTICIPANT_BUSY'
  /** Both participants are free in some common slot, but every shared table is taken then. */
  | 'NO_TABLE';

export interface ScheduledMeeting {
  meetingId: string;
  slot: number;
  table: string;
  participants: string[];
  weight: number;
  locked: boolean;
}

export interface UnscheduledMeeting {
  meetingId: string;
  reason: UnscheduledReason;
}

export interface ScheduleStats {
  meetings: number;
  weight: number;
  /** Total breaks over all participants (idle runs between two meetings of one session). */
  breaks: number;
  maxBreaksPerParticipant: number;
  /** Participants with fewer meetings than their `minMeetings`. */
  belowMin: string[];
  /** Local-search move attempts used (≤ budget). */
  iterations: number;
}

export interface MovedMeeting {
  meetingId: string;
  from: { slot: number; table: string };
  to: { slot: number; table: string };
}

export interface ScheduleChanges {
  /** Published meetings still at their slot and table. */
  kept: number;
  /** Published meetings that had to move (their old slot no longer fits). */
  moved: MovedMeeting[];
  /** Published meetings no longer scheduled, with the reason. */
  dropped: UnscheduledMeeting[];
  /** Meetings scheduled now that were not published. */
  added: string[];
}

export interface ScheduleResult {
  scheduled: ScheduledMeeting[];
  unscheduled: UnscheduledMeeting[];
  stats: ScheduleStats;
  /** Only when `previous` was given. */
  changes?: ScheduleChanges;
}
