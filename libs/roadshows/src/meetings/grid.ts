import type { RoadshowMeetingGridEntity } from '../entities/roadshow-meeting-grid.entity';

export interface GridSlot {
  index: number;
  startsAt: Date;
  endsAt: Date;
  session: 'morning' | 'afternoon';
}

/**
 * The grid's slots: equal slots from the window's start to lunch (morning) and from lunch's end to
 * the window's end (afternoon); without lunch, one session. Pure.
 */
export function gridSlots(
  grid: Pick<RoadshowMeetingGridEntity, 'startsAt' | 'endsAt' | 'slotMinutes' | 'lunchStartsAt' | 'lunchEndsAt'>,
): GridSlot[] {
  const step = grid.slotMinutes * 60_000;
  const out: GridSlot[] = [];
  const fill = (from: number, to: number, session: GridSlot['session']) => {
    for (let t = from; t + step <= to; t += step)
      out.push({ index: out.length, startsAt: new Date(t), endsAt: new Date(t + step), session });
  };
  if (grid.lunchStartsAt && grid.lunchEndsAt) {
    fill(grid.startsAt.getTime(), grid.lunchStartsAt.getTime(), 'morning');
    fill(grid.lunchEndsAt.getTime(), grid.endsAt.getTime(), 'afternoon');
  } else {
    fill(grid.startsAt.getTime(), grid.endsAt.getTime(), 'morning');
  }
  return out;
}

/** Scheduler sessions as half-open slot ranges (morning, then afternoon when there is lunch). */
export function gridSessions(slots: readonly GridSlot[]): { start: number; end: number }[] {
  const morning = slots.filter((s) => s.session === 'morning').length;
  return morning < slots.length && morning > 0
    ? [
        { start: 0, end: morning },
        { start: morning, end: slots.length },
      ]
    : [{ start: 0, end: slots.length }];
}

/** Slots overlapping [from, to) — a participant's own pitch makes them unavailable there. */
export function slotsOverlapping(slots: readonly GridSlot[], from: Date, to: Date): number[] {
  return slots.filter((s) => s.startsAt < to && s.endsAt > from).map((s) => s.index);
}
