import { screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routeKeys, selectedKey } from '../../layout/AppShell';
import { renderWithProviders } from '../../test/render';
import { FounderWorkbench, InvestorWorkbench, OrganizerWorkbench } from './Workbench';

type Answer = { status?: number; body: unknown } | 'never';

/** Answers the API by path (query string included when routes list it), like the server would. */
function stubApi(routes: Record<string, Answer>) {
  const seen: string[] = [];
  vi.stubGlobal('fetch', (req: Request) => {
    const url = new URL(req.url);
    const path = url.pathname + url.search;
    seen.push(path);
    const answer = routes[path] ?? routes[url.pathname];
    if (answer === 'never') return new Promise(() => undefined);
    if (!answer) return Promise.resolve(new Response(JSON.stringify({ code: 'NOT_FOUND', message: `no stub for ${path}` }), { status: 404, headers: { 'content-type': 'application/json' } }));
    return Promise.resolve(new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } }));
  });
  return seen;
}
afterEach(() => vi.unstubAllGlobals());

const ok = (body: unknown) => ({ body });
const query = <T,>(data: T) => ({ data, isPending: false, isError: false, error: null, refetch: () => undefined });

const request = (id: string, over: Record<string, unknown> = {}) => ({
  id, eventId: 'e1', fromOrganizationId: 'oi', fromName: '太湖天使基金', toOrganizationId: 'of', toName: '星航智农', projectId: 'p1', message: null,
  priority: 'must', status: 'pending', declineReason: null, expiresAt: '2099-12-20T10:00:00.000Z', score: 72, createdAt: '2026-11-01T00:00:00.000Z',
  direction: 'received', eventTitle: '无锡科技金融路演', eventStartsAt: '2099-12-21T01:00:00.000Z', eventTimeZone: 'Asia/Shanghai',
  counterpartName: '太湖天使基金', projectTitle: '北斗农机导航', meeting: null, ...over,
});
const followUp = (id: string, over: Record<string, unknown>) => ({
  id, kind: 'founder_sends_data_room', meetingId: 'm1', eventId: 'e1', ownerOrganizationId: 'of', counterpartOrganizationId: 'oi', status: 'open',
  workingDays: 5, startedOn: '2020-01-01', dueOn: '2099-01-10', dueAt: '2099-01-10T10:00:00.000Z', timeZone: 'Asia/Shanghai', provisional: false,
  acknowledgeWorkingDays: null, acknowledgeDueOn: null, acknowledgedAt: null, doneAt: null, mine: true, ...over,
});
const application = (id: string, status: string, eventTitle: string) => ({
  id, eventId: `ev-${id}`, eventTitle, sessionId: null, projectId: 'p1', projectTitle: '北斗农机导航', startupName: '星航智农', answers: {}, status,
  decisionReason: null, decidedAt: null, createdAt: `2026-11-0${id.length}T00:00:00.000Z`,
});
const project = (id: string, title: string, status: string) => ({ id, title, status, stage: 'angel' }) as never;
const event = (id: string, title: string, status: string, startsAt: string) => ({
  id, organizationId: 'oo', organizerName: '无锡科创园', title, description: null, venue: null, onlineUrl: null, timeZone: 'Asia/Shanghai',
  startsAt, endsAt: startsAt.replace('T01', 'T09'), applicationDeadline: null, status, capacity: 20, visibility: 'public', questions: [], sessions: [], version: 1, mine: true,
});

const inRouter = (ui: React.ReactElement) => <MemoryRouter>{ui}</MemoryRouter>;

describe('founder workbench', () => {
  it('counts requests to answer, own open follow-ups (overdue first), roadshows applied to and published projects, each linking to its screen', async () => {
    stubApi({
      '/api/v1/meeting-requests?direction=received&status=pending&limit=20': ok({ items: [request('r1'), request('r2', { counterpartName: '江南科技银行' })] }),
      '/api/v1/follow-ups': ok({ items: [
        followUp('f-open', {}),
        followUp('f-late', { kind: 'investor_replies', dueOn: '2020-01-10', dueAt: '2020-01-10T10:00:00.000Z' }),
        followUp('f-done', { status: 'done' }),
        followUp('f-theirs', { mine: false }),
      ] }),
      '/api/v1/applications': ok({ items: [application('a1', 'accepted', '无锡科技金融路演'), application('a22', 'withdrawn', '苏州创投日')] }),
    });
    await renderWithProviders(inRouter(<FounderWorkbench projects={query({ items: [project('p1', '北斗农机导航', 'published'), project('p2', '农机云平台', 'draft')], nextCursor: null })} />));

    const requests = screen.getByTestId('wb-requests');
    await waitFor(() => expect(within(requests).getByTestId('wb-requests-count').textContent).toBe('2'));
    expect(requests.textContent).toContain('江南科技银行');
    expect(within(requests).getAllByRole('link').map((a) => a.getAttribute('href'))).toContain('/meeting-requests');

    const followUps = screen.getByTestId('wb-follow-ups');
    await waitFor(() => expect(within(followUps).getByTestId('wb-follow-ups-count').textContent).toBe('2'));
    expect(followUps.textContent).toContain('1 项已逾期');
    const rows = followUps.querySelectorAll('.work-row');
    expect(rows[0].textContent).toContain('投资方答复意向'); // the overdue one first
    expect(rows[0].textContent).toContain('已逾期');

    const applications = screen.getByTestId('wb-applications');
    await waitFor(() => expect(within(applications).getByTestId('wb-applications-count').textContent).toBe('1'));
    expect(applications.textContent).toContain('已入选');
    expect(applications.textContent).not.toContain('苏州创投日');
    expect(within(applications).getByRole('link', { name: /无锡科技金融路演/ }).getAttribute('href')).toBe('/events/ev-a1');

    const projects = screen.getByTestId('wb-projects');
    expect(within(projects).getByTestId('wb-projects-count').textContent).toBe('1');
    expect(projects.textContent).toContain('1 个项目尚未发布');
    expect(within(projects).getByRole('link', { name: '北斗农机导航' }).getAttribute('href')).toBe('/projects/p1');
  });

  it('shows skeletons while loading, then empty states', async () => {
    stubApi({ '/api/v1/meeting-requests': 'never', '/api/v1/follow-ups': ok({ items: [] }), '/api/v1/applications': ok({ items: [] }) });
    await renderWithProviders(inRouter(<FounderWorkbench projects={query({ items: [], nextCursor: null })} />));
    expect(within(screen.getByTestId('wb-requests')).getByTestId('loading')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('wb-follow-ups').textContent).toContain('没有待办的跟进事项'));
    await waitFor(() => expect(screen.getByTestId('wb-applications').textContent).toContain('还没有报名路演活动'));
    expect(screen.getByTestId('wb-projects').textContent).toContain('还没有已发布的项目');
  });
});

describe('investor workbench', () => {
  it('shows deal flow per mandate with its best score, the pipeline by stage, and an API error in the card that failed', async () => {
    const seen = stubApi({
      '/api/v1/mandates/m1/deal-flow': ok({ mandateId: 'm1', total: 12, items: [
        { projectId: 'p1', eligible: true, score: 80.4 }, { projectId: 'p2', eligible: true, score: 65 }, { projectId: 'p3', eligible: false, score: null },
      ] }),
      '/api/v1/meeting-requests': { status: 500, body: { code: 'INTERNAL', message: 'Something went wrong on our side.', requestId: 'req-1' } },
      '/api/v1/follow-ups': ok({ items: [] }),
    });
    const mandates = query({ items: [{ id: 'm1', name: '硬科技早期基金', status: 'active' }, { id: 'm2', name: '农业专项', status: 'paused' }], nextCursor: null }) as never;
    const deal = (id: string, stage: string) => ({ id, stage, projectTitle: id });
    const deals = query({ items: [deal('d1', 'shortlisted'), deal('d2', 'shortlisted'), deal('d3', 'meeting'), deal('d4', 'passed')], nextCursor: null }) as never;
    await renderWithProviders(inRouter(<InvestorWorkbench mandates={mandates} deals={deals} />), 'en');

    const flow = screen.getByTestId('wb-deal-flow');
    await waitFor(() => expect(within(flow).getByTestId('wb-deal-flow-count').textContent).toBe('12'));
    expect(flow.textContent).toContain('12 matching projects');
    expect(flow.textContent).toContain('best 80');
    expect(flow.textContent).toContain('Paused');
    expect(within(flow).getByRole('link', { name: '硬科技早期基金' }).getAttribute('href')).toBe('/mandates/m1/deal-flow');
    expect(seen.filter((p) => p.includes('/deal-flow'))).toEqual(['/api/v1/mandates/m1/deal-flow?view=compact&limit=5']); // the paused one is not asked

    const pipeline = screen.getByTestId('wb-pipeline');
    expect(within(pipeline).getByTestId('wb-pipeline-count').textContent).toBe('3');
    expect(pipeline.textContent).toContain('1 passed');
    const stages = [...pipeline.querySelectorAll('.work-row')].map((r) => r.textContent);
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/2$/);

    await waitFor(() => expect(within(screen.getByTestId('wb-requests')).getByRole('alert').textContent).toBe('Something went wrong on our side.'));
    expect(screen.getByTestId('wb-follow-ups').textContent).toContain('No follow-ups to do');
  });
});

describe('organizer workbench', () => {
  it('lists upcoming events soonest first with applicants, and overdue follow-ups per event', async () => {
    stubApi({
      '/api/v1/events?mine=true': ok({ items: [
        event('e2', '苏州创投日', 'draft', '2099-06-01T01:00:00.000Z'),
        event('e1', '无锡科技金融路演', 'open', '2099-03-01T01:00:00.000Z'),
        event('e0', '去年的路演', 'finished', '2020-03-01T01:00:00.000Z'),
      ] }),
      '/api/v1/events/e1/applications': ok({ items: [{ id: 'x1' }, { id: 'x2' }, { id: 'x3' }], accepted: 1, capacity: 20 }),
      '/api/v1/events/e2/applications': ok({ items: [], accepted: 0, capacity: 20 }),
      '/api/v1/follow-ups': ok({ items: [
        followUp('f1', { status: 'overdue', mine: false }),
        followUp('f2', { dueAt: '2020-01-10T10:00:00.000Z', mine: false }),
        followUp('f3', { eventId: 'e2', mine: false }),
      ] }),
    });
    await renderWithProviders(inRouter(<OrganizerWorkbench />));

    const events = screen.getByTestId('wb-events');
    await waitFor(() => expect(within(events).getByTestId('wb-events-count').textContent).toBe('2'));
    const rows = [...events.querySelectorAll('.work-row')];
    expect(rows[0].textContent).toContain('无锡科技金融路演');
    expect(rows[0].textContent).toContain('3 家报名 · 已入选 1');
    expect(rows[0].textContent).toContain('报名中');
    expect(rows[1].textContent).toContain('草稿');
    expect(events.textContent).not.toContain('去年的路演');
    expect(within(events).getByRole('link', { name: /无锡科技金融路演/ }).getAttribute('href')).toBe('/events/e1?tab=applicants');

    const overdue = screen.getByTestId('wb-overdue');
    await waitFor(() => expect(within(overdue).getByTestId('wb-overdue-count').textContent).toBe('2'));
    expect(overdue.textContent).toContain('2 项逾期');
    expect(within(overdue).getByRole('link', { name: '无锡科技金融路演' }).getAttribute('href')).toBe('/events/e1?tab=follow-ups');
  });
});

describe('side menu groups', () => {
  it('selects by the items inside the groups, the longest route first', () => {
    const keys = routeKeys([
      { key: '/', label: 'home' },
      { key: 'group:a', type: 'group', label: 'A', children: [{ key: '/company', label: 'c' }, { key: '/company/figures', label: 'f' }] },
      { key: 'group:b', type: 'group', label: 'B', children: [{ key: '/deal-flow', label: 'd' }, { key: '/events', label: 'e' }] },
    ]);
    expect(keys).toEqual(['/', '/company', '/company/figures', '/deal-flow', '/events']);
    expect(selectedKey(keys, '/')).toBe('/');
    expect(selectedKey(keys, '/company/figures')).toBe('/company/figures');
    expect(selectedKey(keys, '/company')).toBe('/company');
    expect(selectedKey(keys, '/events/123')).toBe('/events');
    expect(selectedKey(keys, '/mandates/m1/deal-flow')).toBe('/deal-flow');
    expect(selectedKey(keys, '/profile')).toBeUndefined();
  });
});
