import { fireEvent, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { MeetingRequestsTable, requestActions, type MyRequest } from './MeetingRequestsTable';

const base: MyRequest = {
  id: 'r1', eventId: 'e1', fromOrganizationId: 'fund', fromName: '西溪早期基金', toOrganizationId: 'startup', toName: '星航智农',
  projectId: 'p1', projectTitle: '智能农机导航系统', message: '想深入了解算法', priority: 'must', status: 'pending', declineReason: null,
  expiresAt: '2026-12-12T04:00:00.000Z', score: null, createdAt: '2026-12-01T02:00:00.000Z',
  direction: 'sent', eventTitle: '滨湖金兔路演日', eventStartsAt: '2026-12-13T01:00:00.000Z', eventTimeZone: 'Asia/Shanghai',
  counterpartName: '星航智农', meeting: null,
};

describe('requestActions', () => {
  it('lets the recipient answer a pending request and the sender withdraw an open one', () => {
    expect(requestActions({ direction: 'received', status: 'pending' })).toEqual(['accept', 'decline']);
    expect(requestActions({ direction: 'received', status: 'accepted' })).toEqual([]);
    expect(requestActions({ direction: 'sent', status: 'pending' })).toEqual(['withdraw']);
    expect(requestActions({ direction: 'sent', status: 'accepted' })).toEqual(['withdraw']);
    for (const status of ['declined', 'withdrawn', 'expired'] as const) {
      expect(requestActions({ direction: 'sent', status })).toEqual([]);
      expect(requestActions({ direction: 'received', status })).toEqual([]);
    }
  });
});

describe('<MeetingRequestsTable>', () => {
  const rows: MyRequest[] = [
    base,
    {
      ...base, id: 'r2', direction: 'received', fromOrganizationId: 'bank', fromName: '江南科技银行', toOrganizationId: 'fund',
      counterpartName: '江南科技银行', projectId: null, projectTitle: null, priority: 'would_like', message: '',
    },
    {
      ...base, id: 'r3', status: 'accepted', counterpartName: '泰星微电子',
      meeting: { slot: 2, table: 'T3', startsAt: '2026-12-13T02:00:00.000Z', endsAt: '2026-12-13T02:20:00.000Z' },
    },
    { ...base, id: 'r4', status: 'declined', declineReason: '本轮已满额', counterpartName: '之江理工' },
  ];

  it('shows each request with its counterpart, event, project, slot in the event’s zone and only the allowed actions', async () => {
    const onAction = vi.fn();
    await renderWithProviders(<MemoryRouter><MeetingRequestsTable items={rows} onAction={onAction} layout="table" /></MemoryRouter>);
    const row = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;

    const sent = row('星航智农');
    expect(within(sent).getByText('智能农机导航系统')).toBeTruthy();
    expect(within(sent).getByText('发出')).toBeTruthy();
    expect(within(sent).getByText('滨湖金兔路演日').getAttribute('href')).toBe('/events/e1');
    expect(within(sent).getByText('待回复')).toBeTruthy();
    expect(within(sent).getByText('必须见')).toBeTruthy();

    const received = row('江南科技银行');
    expect(within(received).getByText('收到')).toBeTruthy();
    fireEvent.click(within(received).getByTestId('accept-r2'));
    expect(onAction).toHaveBeenCalledWith(expect.objectContaining({ id: 'r2' }), 'accept');
    fireEvent.click(within(received).getByTestId('decline-r2'));
    expect(onAction).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'r2' }), 'decline');
    expect(within(received).queryByTestId('withdraw-r2')).toBeNull();

    // Scheduled: 02:00 UTC is 10:00 in Shanghai; withdrawing it cancels the meeting.
    const scheduled = row('泰星微电子');
    expect(within(scheduled).getByText('10:00–10:20')).toBeTruthy();
    expect(within(scheduled).getByText('T3 桌')).toBeTruthy();
    expect(within(scheduled).getByTestId('withdraw-r3').textContent).toContain('取消洽谈');

    const declined = row('之江理工');
    expect(within(declined).getByText('原因：本轮已满额')).toBeTruthy();
    expect(within(declined).queryByRole('button')).toBeNull();
  });

  it('reads in English', async () => {
    await renderWithProviders(<MemoryRouter><MeetingRequestsTable items={[rows[2]]} onAction={() => undefined} layout="table" /></MemoryRouter>, 'en');
    expect(screen.getByText('Accepted')).toBeTruthy();
    expect(screen.getByText('Table T3')).toBeTruthy();
    expect(screen.getByTestId('withdraw-r3').textContent).toContain('Cancel meeting');
  });

  it('stacks one card per request at phone width, with the same actions', async () => {
    const onAction = vi.fn();
    await renderWithProviders(<MemoryRouter><MeetingRequestsTable items={rows} onAction={onAction} /></MemoryRouter>);
    expect(screen.queryByRole('table')).toBeNull();
    const card = screen.getByTestId('request-card-r2');
    expect(within(card).getByText('江南科技银行')).toBeTruthy();
    fireEvent.click(within(card).getByTestId('accept-r2'));
    expect(onAction).toHaveBeenCalledWith(expect.objectContaining({ id: 'r2' }), 'accept');
    expect(within(screen.getByTestId('request-card-r3')).getByText('10:00–10:20')).toBeTruthy();
    expect(within(screen.getByTestId('request-card-r4')).queryByRole('button')).toBeNull();
  });
});
