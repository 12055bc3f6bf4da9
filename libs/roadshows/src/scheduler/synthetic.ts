import { seededRandom } from './prng';
import type { DayInput, MeetingInput, ParticipantInput } from './types';

/** Seeded days for tests and the bench: the same options give the same day. */

export interface RoadshowDayOptions {
  investors: number;
  startups: number;
  slots: number;
  tables: number;
  requests: number;
  /** Share of meetings locked at a slot (chosen so the locked ones fit together). */
  lockedShare: number;
  seed: number;
}

/** Investors × startups with scores, must-meets, session preferences, some unavailability, two sessions. */
export function syntheticRoadshowDay(o: RoadshowDayOptions): DayInput {
  const rnd = seededRandom(o.seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  const half = Math.floor(o.slots / 2);
  const participants: ParticipantInput[] = [];
  for (let i = 0; i < o.investors; i++) participants.push(person(`inv${i}`, o.slots, rnd, 4 + pick(o.slots - 3)));
  for (let i = 0; i < o.startups; i++) participants.push(person(`st${i}`, o.slots, rnd, o.slots));
  const seen = new Set<string>();
  const meetings: MeetingInput[] = [];
  while (meetings.length < o.requests && seen.size < o.investors * o.startups) {
    // Popular startups draw more requests (a skewed demand, as in real roadshows).
    const st = Math.floor(o.startups * rnd() * rnd());
    const inv = pick(o.investors);
    const key = `${inv}:${st}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = rnd();
    meetings.push({
      id: `m${meetings.length}`,
      participants: [`inv${inv}`, `st${st}`],
      score: Math.round((0.3 + 0.7 * rnd()) * 100) / 100,
      priority: rnd() < 0.2 ? 'must' : 'would_like',
      session: r < 0.15 ? 'morning' : r < 0.25 ? 'afternoon' : 'either',
    });
  }
  const day: DayInput = {
    slots: o.slots,
    sessions:
      half > 0 && half < o.slots
        ? [
            { start: 0, end: half },
            { start: half, end: o.slots },
          ]
        : undefined,
    tables: o.tables,
    participants,
    meetings,
  };
  lockSome(day, Math.round(o.lockedShare * meetings.length), rnd);
  return day;
}

function person(id: string, slots: number, rnd: () => number, max: number): ParticipantInput {
  const p: ParticipantInput = { id, maxMeetings: max };
  if (rnd() < 0.15) {
    const from = Math.floor(rnd() * slots);
    const len = 1 + Math.floor(rnd() * 3);
    p.forbiddenSlots = [...Array(len).keys()].map((k) => from + k).filter((s) => s < slots);
  }
  return p;
}

/** Locks up to `n` meetings at random slots where they fit with the locked ones so far. */
function lockSome(day: DayInput, n: number, rnd: () => number): void {
  const forbidden = new Map(day.participants.map((p) => [p.id, new Set(p.forbiddenSlots ?? [])]));
  const max = new Map(day.participants.map((p) => [p.id, p.maxMeetings ?? day.slots]));
  const busy = new Set<string>();
  const count = new Map<string, number>();
  const tables = new Array(day.slots).fill(0);
  let locked = 0;
  for (const m of day.meetings) {
    if (locked >= n) break;
    if (rnd() > (2 * n) / day.meetings.length) continue;
    const s = Math.floor(rnd() * day.slots);
    const [a, b] = m.participants;
    const ok =
      tables[s] < day.tables &&
      [a, b].every((p) => !forbidden.get(p)!.has(s) && !busy.has(`${p}@${s}`) && (count.get(p) ?? 0) < max.get(p)!);
    if (!ok) continue;
    for (const p of [a, b]) {
      busy.add(`${p}@${s}`);
      count.set(p, (count.get(p) ?? 0) + 1);
    }
    tables[s]++;
    m.fixed = { slot: s };
    delete m.session;
    locked++;
  }
}

export interface B2bDayOptions {
  participants: number;
  meetings: number;
  slots: number;
  seed: number;
}

/**
 * Shaped like the B2B instances of Bofill et al. (JAIR 2022): any participant with any other,
 * two sessions, some participants with as many meetings as slots. Generated from a hidden
 * schedule, so every meeting fits in some schedule (the optimum schedules them all).
 */
export function syntheticB2bDay(o: B2bDayOptions): DayInput {
  const rnd = seededRandom(o.seed);
  const S = o.slots;
  const ids = [...Array(o.participants).keys()].map((i) => `p${i}`);
  const full = new Set(ids.slice(0, Math.max(1, Math.floor(o.participants / 12))));
  const busy = new Set<string>();
  const pairs = new Set<string>();
  const meetings: MeetingInput[] = [];
  const perSlot = new Array(S).fill(0);
  let guard = 0;
  const add = (a: number, b: number, s: number) => {
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (a === b || pairs.has(key) || busy.has(`${a}@${s}`) || busy.has(`${b}@${s}`)) return false;
    pairs.add(key);
    busy.add(`${a}@${s}`);
    busy.add(`${b}@${s}`);
    perSlot[s]++;
    meetings.push({
      id: `m${meetings.length}`,
      participants: [ids[a], ids[b]],
      score: 1,
      priority: rnd() < 0.3 ? 'must' : 'would_like',
    });
    return true;
  };
  // The full participants meet someone in every slot of the hidden schedule.
  [...full].forEach((_, a) => {
    for (let s = 0; s < S && meetings.length < o.meetings; s++) {
      for (let t = 0; t < 50 && !add(a, full.size + Math.floor(rnd() * (o.participants - full.size)), s); t++);
    }
  });
  while (meetings.length < o.meetings && guard++ < o.meetings * 200) {
    add(Math.floor(rnd() * o.participants), Math.floor(rnd() * o.participants), Math.floor(rnd() * S));
  }
  const participants: ParticipantInput[] = ids.map((id, i) => {
    const free = [...Array(S).keys()].filter((s) => !busy.has(`${i}@${s}`));
    // Unavailable for a few slots the hidden schedule left free.
    const forbiddenSlots = full.has(id) ? [] : free.filter(() => rnd() < 0.25);
    return forbiddenSlots.length > 0 ? { id, forbiddenSlots } : { id };
  });
  const half = Math.floor(S / 2);
  return {
    slots: S,
    sessions: [
      { start: 0, end: half },
      { start: half, end: S },
    ],
    tables: Math.max(...perSlot),
    participants,
    meetings,
  };
}

/**
 * The articles' case: 6 university projects, each at its own booth, and 32 VC firms, each asking
 * for 2–4 of the projects; 12 slots in two sessions.
 */
export function universityVcDay(seed = 7): DayInput {
  const rnd = seededRandom(seed);
  const projects = [...Array(6).keys()].map((i) => `uni${i + 1}`);
  const vcs = [...Array(32).keys()].map((i) => `vc${i + 1}`);
  const participants: ParticipantInput[] = [
    ...projects.map((id) => ({ id, booth: `booth-${id}` })),
    ...vcs.map((id) => (rnd() < 0.2 ? { id, forbiddenSlots: [Math.floor(rnd() * 12)] } : { id })),
  ];
  const meetings: MeetingInput[] = [];
  for (const vc of vcs) {
    const wanted = [...projects].sort(() => rnd() - 0.5).slice(0, 2 + Math.floor(rnd() * 3));
    for (const p of wanted) {
      meetings.push({
        id: `${vc}-${p}`,
        participants: [p, vc],
        score: Math.round((0.4 + 0.6 * rnd()) * 100) / 100,
        priority: rnd() < 0.25 ? 'must' : 'would_like',
        session: rnd() < 0.2 ? 'morning' : 'either',
      });
    }
  }
  return {
    slots: 12,
    sessions: [
      { start: 0, end: 6 },
      { start: 6, end: 12 },
    ],
    tables: 0,
    participants,
    meetings,
  };
}
