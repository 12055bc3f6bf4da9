import { describe, expect, it } from 'vitest';
import { laneOf } from './FollowUpBoard';

const base = { id: 'f', kind: 'investor_replies' as const, meetingId: 'm', eventId: 'e', ownerOrganizationId: 'o', counterpartOrganizationId: 'c', workingDays: 4, startedOn: '2026-12-17', dueOn: '2026-12-23', dueAt: '2026-12-23T16:00:00.000Z', timeZone: 'Asia/Shanghai', provisional: false, doneAt: null, mine: true, acknowledgeWorkingDays: 1, acknowledgeDueOn: '2026-12-18', acknowledgedAt: null };

describe('laneOf', () => {
  const before = Date.parse('2026-12-20T00:00:00Z');
  const after = Date.parse('2026-12-24T00:00:00Z');
  it('puts an open task past its deadline in the overdue lane before the ladder marks it', () => {
    expect(laneOf({ ...base, status: 'open' }, before)).toBe('open');
    expect(laneOf({ ...base, status: 'open' }, after)).toBe('overdue');
    expect(laneOf({ ...base, status: 'overdue' }, before)).toBe('overdue');
    expect(laneOf({ ...base, status: 'done' }, after)).toBe('done');
  });
});
