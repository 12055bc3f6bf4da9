import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { AgendaTab } from './AgendaTab';
import type { EventView } from './useEvent';

const session = {
  id: 's1', eventId: 'e1', title: '生命健康专场', track: null, room: null, startsAt: '2026-12-18T01:30:00.000Z', endsAt: '2026-12-18T04:00:00.000Z',
  pitchMinutes: 8, qaMinutes: 2, maxPitches: 6,
};
const event = {
  id: 'e1', organizationId: 'oo', organizerName: '滨湖区科技金融服务中心', title: '金兔路演', description: '', venue: null, onlineUrl: null, regionCode: null,
  timeZone: 'Asia/Shanghai', startsAt: '2026-12-18T01:00:00.000Z', endsAt: '2026-12-18T09:00:00.000Z', applicationDeadline: null, status: 'open',
  capacity: 5, visibility: 'public', questions: [], sessions: [session], version: 1, mine: true,
} as unknown as EventView;
const application = {
  id: 'a1', eventId: 'e1', eventTitle: '金兔路演', sessionId: 's1', projectId: 'p1', projectTitle: '卡尔曼可穿戴心电监测 A 轮', startupName: '卡尔曼医疗',
  answers: {}, status: 'accepted', decisionReason: null, decidedAt: null, createdAt: '2026-11-01T00:00:00.000Z',
};
const colleagues = { ...application, id: 'a2', projectId: 'p2', projectTitle: '湖畔预制菜 种子轮', startupName: '湖畔食品' };
const slot = { position: 1, applicationId: 'a1', projectId: 'p1', projectTitle: application.projectTitle, startupName: '卡尔曼医疗', startsAt: '2026-12-18T01:30:00.000Z', endsAt: '2026-12-18T01:38:00.000Z' };

/** The agenda as the server holds it; PUT and POST change it like the API does. */
function stubServer() {
  const state = { slots: [] as (typeof slot)[], publishedAt: null as string | null, gets: 0 };
  const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  const agenda = () => ({ sessionId: 's1', publishedAt: state.publishedAt, slots: state.slots });
  vi.stubGlobal('fetch', async (req: Request) => {
    const url = new URL(req.url);
    if (url.pathname === '/api/v1/events/e1/applications') return json({ items: [application, colleagues] });
    if (url.pathname === '/api/v1/sessions/s1/agenda' && req.method === 'GET') { state.gets += 1; return json(agenda()); }
    if (url.pathname === '/api/v1/sessions/s1/agenda' && req.method === 'PUT') {
      const { applicationIds } = (await req.json()) as { applicationIds: string[] };
      state.slots = applicationIds.map((id, i) => (id === 'a1' ? { ...slot, position: i + 1 } : { ...slot, position: i + 1, applicationId: 'a2', projectId: 'p2', projectTitle: colleagues.projectTitle, startupName: '湖畔食品' }));
      return json(agenda());
    }
    if (url.pathname === '/api/v1/sessions/s1/agenda/publish') { state.publishedAt = '2026-12-05T03:00:00.000Z'; return json(agenda()); }
    return Promise.resolve(new Response('{}', { status: 404 }));
  });
  return state;
}
afterEach(() => vi.unstubAllGlobals());

describe('<AgendaTab>', () => {
  it('keeps a draft through a refetch, publishes only the saved order, then shows it frozen', async () => {
    const server = stubServer();
    const { client } = await renderWithProviders(<AgendaTab event={event} />);
    fireEvent.click((await screen.findAllByTestId('agenda-add'))[0]);
    expect(screen.getByTestId('agenda-list').textContent).toContain('卡尔曼可穿戴心电监测 A 轮');
    const publish = () => screen.getByTestId('agenda-publish') as HTMLButtonElement;
    expect(publish().disabled).toBe(true); // unsaved: nothing to publish yet

    // Meanwhile a colleague saved another order; a refetch brings it. The draft on screen stays the
    // organizer's own (an effect copying the saved agenda into the draft would drop it here).
    server.slots = [{ ...slot, applicationId: 'a2', projectId: 'p2', projectTitle: colleagues.projectTitle, startupName: '湖畔食品' }];
    await act(() => client.invalidateQueries({ queryKey: ['agenda'] }));
    await waitFor(() => expect((client.getQueryData(['agenda', 's1']) as { slots: { applicationId: string }[] }).slots[0]?.applicationId).toBe('a2'));
    await act(async () => undefined); // let the screen render what the cache now holds
    expect(server.gets).toBe(2);
    expect(screen.getByTestId('agenda-list').textContent).toContain('卡尔曼可穿戴心电监测 A 轮');
    expect(screen.getByTestId('agenda-list').textContent).not.toContain('湖畔预制菜');
    expect(publish().disabled).toBe(true);

    fireEvent.click(screen.getByTestId('agenda-save'));
    await waitFor(() => expect(publish().disabled).toBe(false));
    expect(server.slots.map((x) => x.applicationId)).toEqual(['a1']);
    fireEvent.click(publish());
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    expect(await screen.findByText('议程已发布并冻结；参与方的日历会同步更新。')).toBeTruthy();
    expect(server.publishedAt).not.toBeNull();
    expect(screen.queryByTestId('agenda-publish')).toBeNull();
  });
});
