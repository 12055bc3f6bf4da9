import { SchedulerInputError } from './scheduler-input.error';
import type { DayInput, Priority } from './types';

export const LIMITS = { participants: 2000, meetings: 20000, slots: 200 } as const;
/** A must-meet counts this many would-like meetings of the same score. */
export const PRIORITY_FACTOR: Record<Priority, number> = { must: 4, would_like: 1 };

/** The validated day in index form: participants, meetings and tables are numbers from here on. */
export interface Problem {
  slots: number;
  sessions: { start: number; end: number }[];
  /** Session index of each slot. */
  sessionOf: Int32Array;
  participantIds: string[];
  /** `forbidden[p * slots + s]` = 1 when p is unavailable at s. */
  forbidden: Uint8Array;
  maxMeetings: Int32Array;
  minMeetings: Int32Array;
  meetingIds: string[];
  parts: number[][];
  weight: Float64Array;
  /** Slots a meeting may take: every participant available, in the preferred session (locked: its slot). */
  candidates: number[][];
  lockedSlot: Int32Array;
  /** Table index a locked meeting asked for, else −1. */
  lockedTable: Int32Array;
  /** Booth table index of a meeting (first participant with a booth), or −1: it needs a shared table. */
  boothTable: Int32Array;
  meetingsOf: number[][];
  sharedTables: number;
  /** `T1` … `Tn`, then the booths. */
  tableNames: string[];
  /** Published assignments by meeting index: slot (−1 none) and table (−1 none). */
  previousSlot: Int32Array;
  previousTable: Int32Array;
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
const fail = (code: ConstructorParameters<typeof SchedulerInputError>[0], field: string, message: string): never => {
  throw new SchedulerInputError(code, field, message);
};

/** Checks the day and builds the index form; throws `SchedulerInputError` with a code and a field. */
export function buildProblem(input: DayInput): Problem {
  if (input === null || typeof input !== 'object') fail('INVALID_VALUE', '', 'the day must be an object');
  const S = input.slots;
  if (!isInt(S) || S <= 0) fail('NO_SLOTS', 'slots', 'the day needs at least one slot');
  if (S > LIMITS.slots) fail('TOO_MANY_SLOTS', 'slots', `at most ${LIMITS.slots} slots`);
  if (!isInt(input.tables) || input.tables < 0) fail('INVALID_TABLES', 'tables', 'tables is a non-negative integer');
  if (!Array.isArray(input.participants)) fail('INVALID_VALUE', 'participants', 'participants must be an array');
  if (!Array.isArray(input.meetings)) fail('INVALID_VALUE', 'meetings', 'meetings must be an array');
  if (input.participants.length > LIMITS.participants)
    fail('TOO_MANY_PARTICIPANTS', 'participants', `at most ${LIMITS.participants} participants`);
  if (input.meetings.length > LIMITS.meetings)
    fail('TOO_MANY_MEETINGS', 'meetings', `at most ${LIMITS.meetings} meetings`);

  const sessions = input.sessions ?? [{ start: 0, end: S }];
  if (!Array.isArray(sessions) || sessions.length === 0)
    fail('INVALID_SESSIONS', 'sessions', 'sessions is a non-empty array');
  const sessionOf = new Int32Array(S).fill(-1);
  let expected = 0;
  sessions.forEach((sess, i) => {
    if (!isInt(sess?.start) || !isInt(sess?.end) || sess.start !== expected || sess.end <= sess.start || sess.end > S)
      fail('INVALID_SESSIONS', `sessions[${i}]`, 'sessions are consecutive, non-empty [start, end) ranges of slots');
    for (let s = sess.start; s < sess.end; s++) sessionOf[s] = i;
    expected = sess.end;
  });
  if (expected !== S) fail('INVALID_SESSIONS', 'sessions', 'sessions must cover every slot');

  const P = input.participants.length;
  const index = new Map<string, number>();
  const forbidden = new Uint8Array(P * S);
  const maxMeetings = new Int32Array(P);
  const minMeetings = new Int32Array(P);
  const tableNames = Array.from({ length: input.tables }, (_, t) => `T${t + 1}`);
  const tableIndex = new Map(tableNames.map((n, t) => [n, t]));
  const boothOf = new Int32Array(P).fill(-1);
  input.participants.forEach((p, i) => {
    const at = `participants[${i}]`;
    if (typeof p?.id !== 'string' || p.id === '') fail('INVALID_VALUE', `${at}.id`, 'id is a non-empty string');
    if (index.has(p.id)) fail('DUPLICATE_ID', `${at}.id`, `participant ${p.id} appears twice`);
    index.set(p.id, i);
    (p.forbiddenSlots ?? []).forEach((s, k) => {
      if (!isInt(s) || s < 0 || s >= S)
        fail('SLOT_OUT_OF_RANGE', `${at}.forbiddenSlots[${k}]`, `slot ${s} is not 0…${S - 1}`);
      forbidden[i * S + s] = 1;
    });
    const max = p.maxMeetings ?? S;
    const min = p.minMeetings ?? 0;
    if (!isInt(max) || max < 0) fail('INVALID_VALUE', `${at}.maxMeetings`, 'maxMeetings is a non-negative integer');
    if (!isInt(min) || min < 0 || min > max)
      fail('INVALID_VALUE', `${at}.minMeetings`, 'minMeetings is a non-negative integer ≤ maxMeetings');
    maxMeetings[i] = Math.min(max, S);
    minMeetings[i] = min;
    if (p.booth !== undefined) {
      if (typeof p.booth !== 'string' || p.booth === '' || tableIndex.has(p.booth))
        fail('INVALID_VALUE', `${at}.booth`, 'booth is a name of its own (not a shared table, not another booth)');
      tableIndex.set(p.booth, tableNames.length);
      boothOf[i] = tableNames.length;
      tableNames.push(p.booth);
    }
  });

  const M = input.meetings.length;
  const meetingIndex = new Map<string, number>();
  const parts: number[][] = [];
  const weight = new Float64Array(M);
  const candidates: number[][] = [];
  const lockedSlot = new Int32Array(M).fill(-1);
  const lockedTable = new Int32Array(M).fill(-1);
  const boothTable = new Int32Array(M).fill(-1);
  const meetingsOf: number[][] = Array.from({ length: P }, () => []);
  input.meetings.forEach((m, j) => {
    const at = `meetings[${j}]`;
    if (typeof m?.id !== 'string' || m.id === '') fail('INVALID_VALUE', `${at}.id`, 'id is a non-empty string');
    if (meetingIndex.has(m.id)) fail('DUPLICATE_ID', `${at}.id`, `meeting ${m.id} appears twice`);
    meetingIndex.set(m.id, j);
    if (!Array.isArray(m.participants) || m.participants.length !== 2)
      fail('INVALID_VALUE', `${at}.participants`, 'a 1:1 meeting has exactly two participants');
    const ps = m.participants.map((id, k) => {
      const p = index.get(id);
      if (p === undefined) return fail('UNKNOWN_PARTICIPANT', `${at}.participants[${k}]`, `no participant ${id}`);
      return p;
    });
    if (ps[0] === ps[1]) fail('SELF_MEETING', `${at}.participants`, `${m.participants[0]} cannot meet themselves`);
    parts.push(ps);
    for (const p of ps) meetingsOf[p].push(j);
    const w = m.weight ?? (m.score ?? 1) * PRIORITY_FACTOR[m.priority ?? 'would_like'];
    if (m.priority !== undefined && !(m.priority in PRIORITY_FACTOR))
      fail('INVALID_VALUE', `${at}.priority`, 'priority is must or would_like');
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0)
      fail('INVALID_VALUE', `${at}.weight`, 'the weight (score × priority) is a positive number');
    weight[j] = w;
    boothTable[j] = ps.map((p) => boothOf[p]).find((t) => t >= 0) ?? -1;

    const pref = m.session ?? 'either';
    if (!['morning', 'afternoon', 'either'].includes(pref))
      fail('INVALID_VALUE', `${at}.session`, 'session is morning, afternoon or either');
    // With one session there is nothing to prefer; with more, morning is the first and afternoon the last.
    const wanted = sessions.length < 2 || pref === 'either' ? -1 : pref === 'morning' ? 0 : sessions.length - 1;
    const free = (s: number) => ps.every((p) => forbidden[p * S + s] === 0);
    if (m.fixed !== undefined) {
      const s = m.fixed.slot;
      if (!isInt(s) || s < 0 || s >= S) fail('LOCKED_OUT_OF_RANGE', `${at}.fixed.slot`, `slot ${s} is not 0…${S - 1}`);
      if (!free(s)) fail('LOCKED_FORBIDDEN', `${at}.fixed.slot`, `a participant is unavailable at slot ${s}`);
      lockedSlot[j] = s;
      if (m.fixed.table !== undefined) {
        const t = tableIndex.get(m.fixed.table);
        const allowed = boothTable[j] >= 0 ? ps.some((p) => boothOf[p] === t) : t !== undefined && t < input.tables;
        if (t === undefined || !allowed)
          fail('UNKNOWN_TABLE', `${at}.fixed.table`, `${m.fixed.table} is not a table this meeting can use`);
        lockedTable[j] = t!;
        if (boothTable[j] >= 0) boothTable[j] = t!;
      }
      candidates.push([s]);
    } else {
      const c: number[] = [];
      for (let s = 0; s < S; s++) if (free(s) && (wanted < 0 || sessionOf[s] === wanted)) c.push(s);
      candidates.push(c);
    }
  });

  checkLocked(input, S, P, parts, lockedSlot, lockedTable, boothTable, maxMeetings);

  const previousSlot = new Int32Array(M).fill(-1);
  const previousTable = new Int32Array(M).fill(-1);
  (input.previous ?? []).forEach((a, k) => {
    const at = `previous[${k}]`;
    const j = meetingIndex.get(a?.meetingId);
    if (j === undefined) return fail('UNKNOWN_MEETING', `${at}.meetingId`, `no meeting ${a?.meetingId}`);
    if (previousSlot[j] >= 0) fail('DUPLICATE_ID', `${at}.meetingId`, `meeting ${a.meetingId} published twice`);
    // A published slot beyond today's grid is legal input: the meeting simply has to move.
    if (!isInt(a.slot) || a.slot < 0) fail('SLOT_OUT_OF_RANGE', `${at}.slot`, 'slot is a non-negative integer');
    previousSlot[j] = a.slot;
    previousTable[j] = a.table === undefined ? -1 : (tableIndex.get(a.table) ?? -1);
  });

  return {
    slots: S,
    sessions: sessions.map((s) => ({ start: s.start, end: s.end })),
    sessionOf,
    participantIds: input.participants.map((p) => p.id),
    forbidden,
    maxMeetings,
    minMeetings,
    meetingIds: input.meetings.map((m) => m.id),
    parts,
    weight,
    candidates,
    lockedSlot,
    lockedTable,
    boothTable,
    meetingsOf,
    sharedTables: input.tables,
    tableNames,
    previousSlot,
    previousTable,
  };
}

/** Locked meetings must fit together: one per person and slot, one per table and slot, tables and maxima. */
function checkLocked(
  input: DayInput,
  S: number,
  P: number,
  parts: number[][],
  lockedSlot: Int32Array,
  lockedTable: Int32Array,
  boothTable: Int32Array,
  maxMeetings: Int32Array,
): void {
  const person = new Int32Array(P * S).fill(-1);
  const shared = new Int32Array(S);
  const table = new Map<number, number>();
  const count = new Int32Array(P);
  lockedSlot.forEach((s, j) => {
    if (s < 0) return;
    const at = `meetings[${j}].fixed`;
    for (const p of parts[j]) {
      if (person[p * S + s] >= 0)
        fail('LOCKED_CONFLICT', at, `${input.participants[p].id} has two locked meetings at slot ${s}`);
      person[p * S + s] = j;
      if (++count[p] > maxMeetings[p])
        fail('LOCKED_CONFLICT', at, `${input.participants[p].id} has more locked meetings than their maximum`);
    }
    if (boothTable[j] < 0 && ++shared[s] > input.tables)
      fail('LOCKED_CONFLICT', at, `more locked meetings at slot ${s} than tables`);
    if (lockedTable[j] >= 0) {
      const key = lockedTable[j] * S + s;
      if (table.has(key)) fail('LOCKED_CONFLICT', at, `two locked meetings at one table in slot ${s}`);
      table.set(key, j);
    }
  });
}
