/**
 * Breaks of one participant: within each session, the maximal runs of idle slots between two of
 * their meetings (a 3-slot gap is one break). Idle time before the first or after the last meeting
 * of a session is free, and the lunch gap between sessions is no break.
 */
export function countBreaks(
  meetingSlots: readonly number[],
  sessions: readonly { start: number; end: number }[],
): number {
  const sorted = [...new Set(meetingSlots)].sort((a, b) => a - b);
  let breaks = 0;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] - sorted[i - 1] > 1 && sameSession(sorted[i - 1], sorted[i], sessions)) breaks++;
  }
  return breaks;
}

function sameSession(a: number, b: number, sessions: readonly { start: number; end: number }[]): boolean {
  return sessions.some((s) => a >= s.start && a < s.end && b >= s.start && b < s.end);
}

/** The same count over a busy row (`row[s] >= 0` = in a meeting), with each slot's session index. */
export function rowBreaks(row: Int32Array, offset: number, slots: number, sessionOf: Int32Array): number {
  let breaks = 0;
  let last = -1;
  for (let s = 0; s < slots; s++) {
    if (row[offset + s] < 0) continue;
    if (last >= 0 && s - last > 1 && sessionOf[last] === sessionOf[s]) breaks++;
    last = s;
  }
  return breaks;
}
