import { countBreaks } from './breaks';
import { schedule } from './schedule';
import { SchedulerInputError } from './scheduler-input.error';
import { syntheticB2bDay, syntheticRoadshowDay, universityVcDay } from './synthetic';
import type { DayInput, ScheduleResult } from './types';

/** Every hard constraint of the day, checked from the output alone. */
function violations(day: DayInput, r: ScheduleResult): string[] {
  const out: string[] = [];
  const people = new Map(day.participants.map((p) => [p.id, p]));
  const meetings = new Map(day.meetings.map((m) => [m.id, m]));
  const personAt = new Set<string>();
  const tableAt = new Set<string>();
  const count = new Map<string, number>();
  const sharedTables = new Set(Array.from({ length: day.tables }, (_, t) => `T${t + 1}`));
  for (const a of r.scheduled) {
    const m = meetings.get(a.meetingId)!;
    if (a.slot < 0 || a.slot >= day.slots) out.push(`${a.meetingId} out of range`);
    if (tableAt.has(`${a.table}@${a.slot}`)) out.push(`table ${a.table} double-booked at ${a.slot}`);
    tableAt.add(`${a.table}@${a.slot}`);
    const booths = m.participants.map((id) => people.get(id)!.booth).filter((b) => b !== undefined);
    if (booths.length > 0 ? !booths.includes(a.table) : !sharedTables.has(a.table))
      out.push(`${a.meetingId} wrong table`);
    if (m.fixed && (m.fixed.slot !== a.slot || (m.fixed.table !== undefined && m.fixed.table !== a.table)))
      out.push(`${a.meetingId} left its locked slot`);
    for (const id of m.participants) {
      if (personAt.has(`${id}@${a.slot}`)) out.push(`${id} double-booked at ${a.slot}`);
      personAt.add(`${id}@${a.slot}`);
      if (people.get(id)!.forbiddenSlots?.includes(a.slot)) out.push(`${id} forbidden at ${a.slot}`);
      count.set(id, (count.get(id) ?? 0) + 1);
    }
  }
  for (const [id, n] of count) if (n > (people.get(id)!.maxMeetings ?? Infinity)) out.push(`${id} over max`);
  for (const m of day.meetings) {
    if (m.fixed && !r.scheduled.some((a) => a.meetingId === m.id)) out.push(`locked ${m.id} dropped`);
  }
  if (r.scheduled.length + r.unscheduled.length !== day.meetings.length) out.push('meetings lost or duplicated');
  return out;
}

function breaksOf(day: DayInput, r: ScheduleResult): number {
  const sessions = day.sessions ?? [{ start: 0, end: day.slots }];
  const slots = new Map<string, number[]>();
  for (const a of r.scheduled) for (const id of a.participants) slots.set(id, [...(slots.get(id) ?? []), a.slot]);
  return [...slots.values()].reduce((n, s) => n + countBreaks(s, sessions), 0);
}

describe('schedule: constraints on seeded random days', () => {
  for (let seed = 1; seed <= 25; seed++) {
    it(`holds every constraint (seed ${seed})`, () => {
      const day =
        seed % 2 === 0
          ? syntheticRoadshowDay({
              investors: 30,
              startups: 15,
              slots: 8 + (seed % 5),
              tables: 6,
              requests: 200,
              lockedShare: 0.1,
              seed,
            })
          : syntheticB2bDay({ participants: 20 + seed, meetings: 60 + seed * 2, slots: 10, seed });
      if (seed % 3 === 0) day.participants[0].booth = 'booth-A';
      const r = schedule(day, { seed, budget: 20_000 });
      expect(violations(day, r)).toEqual([]);
      expect(r.stats.breaks).toBe(breaksOf(day, r));
      expect(r.stats.meetings).toBe(r.scheduled.length);
    });
  }

  it('keeps the articles case (6 projects at booths, 32 VCs) valid', () => {
    const day = universityVcDay();
    const r = schedule(day);
    expect(violations(day, r)).toEqual([]);
    expect(r.scheduled.every((a) => a.table.startsWith('booth-'))).toBe(true);
  });
});

describe('schedule: determinism', () => {
  it('gives the same output for the same input and seed', () => {
    const day = syntheticRoadshowDay({
      investors: 40,
      startups: 20,
      slots: 10,
      tables: 8,
      requests: 300,
      lockedShare: 0.1,
      seed: 3,
    });
    expect(schedule(day, { seed: 5 })).toEqual(schedule(structuredClone(day), { seed: 5 }));
  });
});

describe('schedule: objective', () => {
  it('schedules the heavier meeting when two compete for the only slot', () => {
    const day: DayInput = {
      slots: 1,
      tables: 1,
      participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      meetings: [
        { id: 'light', participants: ['a', 'b'], score: 0.9 },
        { id: 'heavy', participants: ['a', 'c'], score: 0.5, priority: 'must' },
      ],
    };
    const r = schedule(day);
    expect(r.scheduled.map((a) => a.meetingId)).toEqual(['heavy']);
    expect(r.unscheduled).toEqual([{ meetingId: 'light', reason: 'PARTICIPANT_BUSY' }]);
  });

  it('packs a day without breaks when one exists', () => {
    const day: DayInput = {
      slots: 6,
      tables: 3,
      participants: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
      meetings: [
        { id: 'ab', participants: ['a', 'b'] },
        { id: 'ac', participants: ['a', 'c'] },
        { id: 'ad', participants: ['a', 'd'] },
        { id: 'bc', participants: ['b', 'c'] },
      ],
    };
    const r = schedule(day);
    expect(r.stats.meetings).toBe(4);
    expect(r.stats.breaks).toBe(0);
  });

  it('does not count the lunch gap: a meeting on each side of lunch is no break', () => {
    const day: DayInput = {
      slots: 4,
      sessions: [
        { start: 0, end: 2 },
        { start: 2, end: 4 },
      ],
      tables: 1,
      participants: [{ id: 'a' }, { id: 'b', forbiddenSlots: [1, 2] }, { id: 'c' }],
      meetings: [
        { id: 'ab1', participants: ['a', 'b'], fixed: { slot: 0 } },
        { id: 'ab2', participants: ['a', 'c'], fixed: { slot: 3 } },
      ],
    };
    expect(schedule(day).stats.breaks).toBe(0);
  });

  it('gives a reason for each meeting it leaves out', () => {
    const day: DayInput = {
      slots: 2,
      tables: 1,
      participants: [
        { id: 'a', forbiddenSlots: [0, 1] },
        { id: 'b' },
        { id: 'c', maxMeetings: 1 },
        { id: 'd' },
        { id: 'e' },
      ],
      meetings: [
        { id: 'never', participants: ['a', 'b'] },
        { id: 'c1', participants: ['c', 'd'], priority: 'must' },
        { id: 'c2', participants: ['c', 'e'] },
        { id: 'de', participants: ['d', 'e'], priority: 'must' },
        { id: 'be', participants: ['b', 'e'] },
      ],
    };
    const r = schedule(day);
    const reasons = Object.fromEntries(r.unscheduled.map((u) => [u.meetingId, u.reason]));
    expect(reasons.never).toBe('NO_COMMON_SLOT');
    expect(reasons.c2).toBe('PARTICIPANT_FULL');
    expect(reasons.be).toBe('NO_TABLE');
  });
});

describe('schedule: re-planning (unbooked only)', () => {
  it('moves only the published meetings whose slot no longer fits, and lists them', () => {
    const day = syntheticRoadshowDay({
      investors: 40,
      startups: 20,
      slots: 10,
      tables: 10,
      requests: 250,
      lockedShare: 0,
      seed: 11,
    });
    const first = schedule(day);
    const published = first.scheduled.map((a) => ({ meetingId: a.meetingId, slot: a.slot, table: a.table }));
    // Someone becomes unavailable for the slots of two of their meetings.
    const victim = first.scheduled[0].participants[0];
    const theirs = first.scheduled.filter((a) => a.participants.includes(victim)).slice(0, 2);
    const p = day.participants.find((x) => x.id === victim)!;
    p.forbiddenSlots = [...(p.forbiddenSlots ?? []), ...theirs.map((a) => a.slot)];
    const again = schedule({ ...day, previous: published });
    expect(violations(day, again)).toEqual([]);
    const changes = again.changes!;
    const touched = [...changes.moved.map((m) => m.meetingId), ...changes.dropped.map((d) => d.meetingId)].sort();
    expect(touched).toEqual(theirs.map((a) => a.meetingId).sort());
    expect(changes.kept).toBe(published.length - theirs.length);
    for (const m of changes.moved) expect(theirs.find((a) => a.meetingId === m.meetingId)!.slot).toBe(m.from.slot);
  });
});

describe('schedule: input errors', () => {
  const base = (): DayInput => ({
    slots: 4,
    tables: 1,
    participants: [{ id: 'a' }, { id: 'b', forbiddenSlots: [2] }],
    meetings: [{ id: 'm', participants: ['a', 'b'] }],
  });
  const cases: [string, (d: DayInput) => void, string, string][] = [
    ['no slots', (d) => (d.slots = 0), 'NO_SLOTS', 'slots'],
    ['too many slots', (d) => (d.slots = 201), 'TOO_MANY_SLOTS', 'slots'],
    ['self meeting', (d) => (d.meetings[0].participants = ['a', 'a']), 'SELF_MEETING', 'meetings[0].participants'],
    [
      'unknown participant',
      (d) => (d.meetings[0].participants = ['a', 'z']),
      'UNKNOWN_PARTICIPANT',
      'meetings[0].participants[1]',
    ],
    ['duplicate participant', (d) => d.participants.push({ id: 'a' }), 'DUPLICATE_ID', 'participants[2].id'],
    [
      'duplicate meeting',
      (d) => d.meetings.push({ id: 'm', participants: ['a', 'b'] }),
      'DUPLICATE_ID',
      'meetings[1].id',
    ],
    [
      'locked out of range',
      (d) => (d.meetings[0].fixed = { slot: 4 }),
      'LOCKED_OUT_OF_RANGE',
      'meetings[0].fixed.slot',
    ],
    [
      'locked in a forbidden slot',
      (d) => (d.meetings[0].fixed = { slot: 2 }),
      'LOCKED_FORBIDDEN',
      'meetings[0].fixed.slot',
    ],
    [
      'unknown table',
      (d) => (d.meetings[0].fixed = { slot: 0, table: 'T9' }),
      'UNKNOWN_TABLE',
      'meetings[0].fixed.table',
    ],
    [
      'too many participants',
      (d) => (d.participants = Array.from({ length: 2001 }, (_, i) => ({ id: `p${i}` }))),
      'TOO_MANY_PARTICIPANTS',
      'participants',
    ],
    [
      'too many meetings',
      (d) => (d.meetings = Array.from({ length: 20001 }, (_, i) => ({ id: `m${i}`, participants: ['a', 'b'] }))),
      'TOO_MANY_MEETINGS',
      'meetings',
    ],
    [
      'locked meetings that collide',
      (d) => {
        d.participants.push({ id: 'c' });
        d.meetings[0].fixed = { slot: 0 };
        d.meetings.push({ id: 'm2', participants: ['a', 'c'], fixed: { slot: 0 } });
      },
      'LOCKED_CONFLICT',
      'meetings[1].fixed',
    ],
    [
      'forbidden slot out of range',
      (d) => (d.participants[0].forbiddenSlots = [9]),
      'SLOT_OUT_OF_RANGE',
      'participants[0].forbiddenSlots[0]',
    ],
    ['sessions that leave a gap', (d) => (d.sessions = [{ start: 0, end: 2 }]), 'INVALID_SESSIONS', 'sessions'],
  ];
  for (const [name, mutate, code, field] of cases) {
    it(`rejects ${name} with ${code} at ${field}`, () => {
      const day = base();
      mutate(day);
      let error: unknown;
      try {
        schedule(day);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SchedulerInputError);
      expect({ code: (error as SchedulerInputError).code, field: (error as SchedulerInputError).field }).toEqual({
        code,
        field,
      });
    });
  }
});
