import { fireEvent, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { ApplicantRanking, decisionsFor, type RankedApplication } from './ApplicantRanking';

function app(over: Partial<RankedApplication>): RankedApplication {
  return {
    id: 'a1', eventId: 'e', eventTitle: '金兔路演', sessionId: 's1', projectId: 'p1', projectTitle: '卡尔曼可穿戴心电', startupName: '卡尔曼医疗',
    answers: {}, status: 'pending', decisionReason: null, decidedAt: null, createdAt: '2026-12-01T00:00:00Z', rank: 1,
    fit: { themeMatch: true, eligibleMandates: 2, mandatesConsidered: 3, bestScore: 81.4, qualifications: ['high_tech_enterprise'], techSmeVerdict: 'pass', techSmePoints: 76, tracks: ['intelligent_agri_machinery'], stage: 'a' },
    ...over,
  };
}

describe('decisionsFor', () => {
  it('offers the other two decisions, none once withdrawn', () => {
    expect(decisionsFor('pending')).toEqual(['accepted', 'waitlisted', 'rejected']);
    expect(decisionsFor('accepted')).toEqual(['waitlisted', 'rejected']);
    expect(decisionsFor('withdrawn')).toEqual([]);
  });
});

describe('<ApplicantRanking>', () => {
  const items = [
    app({}),
    app({ id: 'a2', rank: 2, projectTitle: '湖畔预制菜', startupName: '湖畔食品', status: 'waitlisted', decisionReason: '主题外', fit: { themeMatch: false, eligibleMandates: 0, mandatesConsidered: 0, bestScore: null, qualifications: [], techSmeVerdict: 'unknown', techSmePoints: null, tracks: [], stage: 'seed' } }),
  ];

  it('keeps the API’s rank order and shows theme fit, mandates, score, the 科技型中小企业 verdict and qualifications', async () => {
    await renderWithProviders(<ApplicantRanking items={items} trackLabel={(c) => (c === 'intelligent_agri_machinery' ? '智能农机装备' : c)} />);
    const rows = document.querySelectorAll('tr.applicant-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0] as HTMLElement);
    expect(first.getByTestId('rank').textContent).toBe('1');
    expect(first.getByText('卡尔曼可穿戴心电')).toBeTruthy();
    expect(first.getByTestId('theme-match').textContent).toBe('契合专场主题');
    expect(first.getByTestId('eligible').textContent).toBe('2 / 3 个偏好');
    expect(first.getByText('81.4')).toBeTruthy();
    expect(first.getByText('符合 · 76 分')).toBeTruthy();
    expect(first.getByText('高新技术企业')).toBeTruthy();
    expect(first.getByText('智能农机装备')).toBeTruthy();
    const second = within(rows[1] as HTMLElement);
    expect(second.getByText('主题外')).toBeTruthy();
    expect(second.getByText('尚未邀请投资方')).toBeTruthy();
    expect(second.getByTestId('status').textContent).toBe('候补');
  });

  it('decides from the row', async () => {
    const onDecide = vi.fn();
    await renderWithProviders(<ApplicantRanking items={items} trackLabel={(c) => c} onDecide={onDecide} />);
    const rows = document.querySelectorAll('tr.applicant-row');
    fireEvent.click(within(rows[0] as HTMLElement).getByTestId('decide-accepted'));
    expect(onDecide).toHaveBeenCalledWith(expect.objectContaining({ id: 'a1' }), 'accepted');
    expect(within(rows[1] as HTMLElement).queryByTestId('decide-waitlisted')).toBeNull();
    fireEvent.click(within(rows[1] as HTMLElement).getByTestId('decide-rejected'));
    expect(onDecide).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'a2' }), 'rejected');
  });
});
