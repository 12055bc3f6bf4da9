import { Assignment } from './assignment';
import { buildProblem, type Problem } from './problem';
import { Search } from './search';
import type {
  DayInput,
  MovedMeeting,
  ScheduleChanges,
  ScheduledMeeting,
  ScheduleOptions,
  ScheduleResult,
  UnscheduledMeeting,
  UnscheduledReason,
} from './types';

export const DEFAULT_BUDGET = 200_000;

/**
 * Plans the day: the most weight of meetings, then the fewest breaks, then breaks spread evenly.
 * With `input.previous` it re-plans "unbooked only": a published meeting keeps its slot while it
 * still fits and moves only when it does not (`changes` lists what moved).
 */
export function schedule(input: DayInput, options: ScheduleOptions = {}): ScheduleResult {
  const pr = buildProblem(input);
  const budget = options.budget ?? DEFAULT_BUDGET;
  const a = new Assignment(pr);
  const search = new Search(pr, a, options.seed ?? 1, budget);
  search.pinFixed(input.previous !== undefined);
  search.construct();
  search.improve();
  return buildResult(pr, a, search.iterations, input.previous !== undefined);
}

/**
 * The baseline the bench compares against: locked meetings, then every other meeting in input
 * order at its first fitting slot; no ordering by weight, no search.
 */
export function firstFitSchedule(input: DayInput): ScheduleResult {
  const pr = buildProblem(input);
  const a = new Assignment(pr);
  new Search(pr, a, 1, 0).pinFixed(false);
  pr.meetingIds.forEach((_, m) => {
    if (a.slotOf[m] >= 0) return;
    const s = pr.candidates[m].find((c) => a.fits(m, c));
    if (s !== undefined) a.place(m, s);
  });
  return buildResult(pr, a, 0, input.previous !== undefined);
}

function buildResult(pr: Problem, a: Assignment, iterations: number, replanned: boolean): ScheduleResult {
  const table = assignTables(pr, a);
  const scheduled: ScheduledMeeting[] = [];
  const unscheduled: UnscheduledMeeting[] = [];
  pr.meetingIds.forEach((id, m) => {
    if (a.slotOf[m] >= 0) {
      scheduled.push({
        meetingId: id,
        slot: a.slotOf[m],
        table: pr.tableNames[table[m]],
        participants: pr.parts[m].map((p) => pr.participantIds[p]),
        weight: pr.weight[m],
        locked: pr.lockedSlot[m] >= 0,
      });
    } else unscheduled.push({ meetingId: id, reason: reasonFor(pr, a, m) });
  });
  scheduled.sort(
    (x, y) => x.slot - y.slot || compareTables(x.table, y.table, pr) || (x.meetingId < y.meetingId ? -1 : 1),
  );
  let maxBreaks = 0;
  for (const b of a.breaks) maxBreaks = Math.max(maxBreaks, b);
  const belowMin = pr.participantIds.filter((_, p) => a.count[p] < pr.minMeetings[p]);
  const result: ScheduleResult = {
    scheduled,
    unscheduled,
    stats: {
      meetings: a.meetings,
      weight: round(a.weight),
      breaks: a.totalBreaks,
      maxBreaksPerParticipant: maxBreaks,
      belowMin,
      iterations,
    },
  };
  if (replanned) result.changes = changesFrom(pr, a, table, unscheduled);
  return result;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

function compareTables(x: string, y: string, pr: Problem): number {
  return pr.tableNames.indexOf(x) - pr.tableNames.indexOf(y);
}

/**
 * Tables per slot: booth meetings at their booth; on shared tables the locked ones first at their
 * table, then published ones at their old table when free, then the lowest free table.
 */
function assignTables(pr: Problem, a: Assignment): Int32Array {
  const table = new Int32Array(pr.meetingIds.length).fill(-1);
  for (let s = 0; s < pr.slots; s++) {
    const taken = new Uint8Array(pr.sharedTables);
    const here = [...a.atSlot[s]].sort((x, y) => x - y);
    for (const m of here) {
      if (pr.lockedTable[m] >= 0) {
        table[m] = pr.lockedTable[m];
        taken[table[m]] = 1;
      }
    }
    for (const m of here) {
      const t = pr.previousTable[m];
      if (table[m] < 0 && pr.previousSlot[m] === s && t >= 0 && t < pr.sharedTables && !taken[t]) {
        table[m] = t;
        taken[t] = 1;
      }
    }
    let next = 0;
    for (const m of here) {
      if (table[m] >= 0) continue;
      while (taken[next]) next++;
      table[m] = next;
      taken[next] = 1;
    }
  }
  pr.boothTable.forEach((t, m) => {
    if (t >= 0 && a.slotOf[m] >= 0) table[m] = t;
  });
  return table;
}

/** Why m is not in the final schedule, judged against that schedule. */
function reasonFor(pr: Problem, a: Assignment, m: number): UnscheduledReason {
  const S = pr.slots;
  if (pr.candidates[m].length === 0) return 'NO_COMMON_SLOT';
  // Full means a maximum below the day's length was reached; a full grid is "busy".
  if (pr.parts[m].some((p) => a.count[p] >= pr.maxMeetings[p] && pr.maxMeetings[p] < S)) return 'PARTICIPANT_FULL';
  const bothFree = pr.candidates[m].some((s) => pr.parts[m].every((p) => a.busy[p * S + s] < 0));
  return bothFree ? 'NO_TABLE' : 'PARTICIPANT_BUSY';
}

function changesFrom(
  pr: Problem,
  a: Assignment,
  table: Int32Array,
  unscheduled: UnscheduledMeeting[],
): ScheduleChanges {
  const moved: MovedMeeting[] = [];
  const added: string[] = [];
  let kept = 0;
  const reasons = new Map(unscheduled.map((u) => [u.meetingId, u.reason]));
  const dropped: UnscheduledMeeting[] = [];
  pr.meetingIds.forEach((id, m) => {
    const prev = pr.previousSlot[m];
    const now = a.slotOf[m];
    if (prev < 0) {
      if (now >= 0) added.push(id);
      return;
    }
    if (now < 0) {
      dropped.push({ meetingId: id, reason: reasons.get(id)! });
      return;
    }
    const sameTable = pr.previousTable[m] < 0 || pr.previousTable[m] === table[m];
    if (prev === now && sameTable) kept++;
    else
      moved.push({
        meetingId: id,
        from: { slot: prev, table: pr.previousTable[m] >= 0 ? pr.tableNames[pr.previousTable[m]] : '' },
        to: { slot: now, table: pr.tableNames[table[m]] },
      });
  });
  return { kept, moved, dropped, added };
}
