import { gridSessions, gridSlots, slotsOverlapping } from './grid';

const at = (hhmm: string) => new Date(`2026-12-10T${hhmm}:00.000Z`);

describe('meeting grid slots', () => {
  it('splits the window into equal slots around lunch, which is no slot and no break', () => {
    const slots = gridSlots({
      startsAt: at('01:00'),
      endsAt: at('06:00'),
      slotMinutes: 30,
      lunchStartsAt: at('03:00'),
      lunchEndsAt: at('04:00'),
    });
    expect(slots.map((s) => s.startsAt.toISOString().slice(11, 16))).toEqual([
      '01:00',
      '01:30',
      '02:00',
      '02:30',
      '04:00',
      '04:30',
      '05:00',
      '05:30',
    ]);
    expect(slots.map((s) => s.session)).toEqual([
      'morning',
      'morning',
      'morning',
      'morning',
      'afternoon',
      'afternoon',
      'afternoon',
      'afternoon',
    ]);
    expect(gridSessions(slots)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 8 },
    ]);
  });

  it('drops a trailing partial slot and keeps one session without lunch', () => {
    const slots = gridSlots({
      startsAt: at('01:00'),
      endsAt: at('02:50'),
      slotMinutes: 20,
      lunchStartsAt: null,
      lunchEndsAt: null,
    });
    expect(slots).toHaveLength(5);
    expect(slots[4].endsAt.toISOString()).toBe('2026-12-10T02:40:00.000Z');
    expect(gridSessions(slots)).toEqual([{ start: 0, end: 5 }]);
  });

  it('marks the slots a pitch overlaps (half-open: touching is not overlapping)', () => {
    const slots = gridSlots({
      startsAt: at('01:00'),
      endsAt: at('03:00'),
      slotMinutes: 30,
      lunchStartsAt: null,
      lunchEndsAt: null,
    });
    expect(slotsOverlapping(slots, at('01:30'), at('02:08'))).toEqual([1, 2]);
    expect(slotsOverlapping(slots, at('00:00'), at('01:00'))).toEqual([]);
  });
});
