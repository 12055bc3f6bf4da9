import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { breaksOf, canMove, MeetingGrid, type GridMeeting, type GridParticipant, type GridSlot } from './MeetingGrid';

const slots: GridSlot[] = [0, 1, 2, 3].map((i) => ({
  index: i,
  startsAt: new Date(Date.UTC(2026, 11, 17, 5 + (i >= 2 ? 1 : 0), (i % 2) * 30)).toISOString(),
  endsAt: new Date(Date.UTC(2026, 11, 17, 5 + (i >= 2 ? 1 : 0), (i % 2) * 30 + 30)).toISOString(),
  session: i < 2 ? 'morning' : 'afternoon',
}));
const people: GridParticipant[] = [
  { id: 'fund', name: '太湖天使基金', role: 'investor' },
  { id: 'bank', name: '江南科技银行', role: 'investor' },
  { id: 'kalman', name: '卡尔曼医疗', role: 'founder' },
];
const meetings: GridMeeting[] = [
  { id: 'm1', slot: 0, table: 'T1', parties: ['fund', 'kalman'], locked: false },
  { id: 'm2', slot: 1, table: 'T2', parties: ['bank', 'kalman'], locked: true },
  { id: 'm3', slot: 3, table: 'T1', parties: ['fund', 'bank'], locked: false },
];

describe('canMove', () => {
  it('allows a slot where both parties are free, refuses a busy party, a locked meeting and the same slot', () => {
    expect(canMove(meetings, 'm1', 2)).toBe(true);
    expect(canMove(meetings, 'm1', 1)).toBe(false); // 卡尔曼 meets the bank then
    expect(canMove(meetings, 'm1', 3)).toBe(false); // the fund meets the bank then
    expect(canMove(meetings, 'm2', 2)).toBe(false); // locked
    expect(canMove(meetings, 'm1', 0)).toBe(false);
  });
});

describe('breaksOf', () => {
  it('counts idle gaps inside one session only (the lunch gap is free)', () => {
    expect(breaksOf(meetings, 'fund', slots)).toBe(0); // slot 0 (morning) and 3 (afternoon)
    expect(breaksOf([...meetings, { id: 'm4', slot: 2, table: 'T3', parties: ['kalman', 'x'], locked: false }, { id: 'm5', slot: 0, table: 'T3', parties: ['bank', 'y'], locked: false }], 'bank', slots)).toBe(0);
    const gappy: GridMeeting[] = [
      { id: 'a', slot: 0, table: 'T1', parties: ['p', 'q'], locked: false },
      { id: 'b', slot: 3, table: 'T1', parties: ['p', 'r'], locked: false },
    ];
    const oneSession = slots.map((s) => ({ ...s, session: 'morning' as const }));
    expect(breaksOf(gappy, 'p', oneSession)).toBe(1);
  });
});

describe('<MeetingGrid>', () => {
  it('shows each participant’s counterpart and table per slot, and the lock state', async () => {
    await renderWithProviders(<MeetingGrid slots={slots} participants={people} meetings={meetings} timeLabel={(iso) => iso.slice(11, 16)} />);
    const kalmanAt0 = screen.getByTestId('cell-kalman-0');
    expect(kalmanAt0.textContent).toContain('太湖天使基金');
    expect(kalmanAt0.textContent).toContain('洽谈桌 T1');
    expect(screen.getByTestId('cell-kalman-1').textContent).toContain('江南科技银行');
    expect(screen.getByTestId('cell-kalman-2').textContent).toBe('');
    expect(screen.getByText('午后')).toBeTruthy();
    expect(screen.getAllByText('投资方')).toHaveLength(2);
  });

  it('toggles a lock and moves a meeting by drag and drop onto a slot where both are free', async () => {
    const onLock = vi.fn();
    const onMove = vi.fn();
    await renderWithProviders(<MeetingGrid slots={slots} participants={people} meetings={meetings} timeLabel={(iso) => iso.slice(11, 16)} onLock={onLock} onMove={onMove} />);
    fireEvent.click(screen.getAllByTestId('lock-m1')[0]);
    expect(onLock).toHaveBeenCalledWith(expect.objectContaining({ id: 'm1' }), true);
    fireEvent.click(screen.getAllByTestId('lock-m2')[0]);
    expect(onLock).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'm2' }), false);

    const card = screen.getAllByTestId('meeting-m1')[0];
    expect(card.getAttribute('draggable')).toBe('true');
    expect(screen.getAllByTestId('meeting-m2')[0].getAttribute('draggable')).toBe('false');
    fireEvent.dragStart(card);
    // Slot 1: 卡尔曼 is busy — not a drop target.
    fireEvent.dragOver(screen.getByTestId('cell-fund-1'));
    fireEvent.drop(screen.getByTestId('cell-fund-1'));
    expect(onMove).not.toHaveBeenCalled();
    fireEvent.dragStart(card);
    fireEvent.dragOver(screen.getByTestId('cell-kalman-2'));
    fireEvent.drop(screen.getByTestId('cell-kalman-2'));
    expect(onMove).toHaveBeenCalledWith(expect.objectContaining({ id: 'm1' }), 2);
  });
});
