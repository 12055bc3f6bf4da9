import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { feedUrls } from './feedUrls';
import { failingReason, InvestorMatchCard, type InvestorMatch } from './InvestorMatchCard';

type Reason = InvestorMatch['reasons'][number];
const reason = (over: Partial<Reason>): Reason => ({
  code: 'STAGE', kind: 'violated', mode: 'hard', penalty: 0, input: 'stage', expected: null, actual: null,
  zh: '融资阶段不在投资范围（种子轮–A 轮）', en: 'Stage outside the mandate (seed–A)', ...over,
}) as Reason;

const match = (over: Partial<InvestorMatch>): InvestorMatch => ({
  mandateId: 'm1', mandateTermsVersion: 1, mandateName: 'AI 早期', kind: 'fund', organizationId: 'o1', organizationName: '西溪早期基金',
  instruments: ['equity'], ticketMin: 100 * 1_000_000, ticketMax: 1000 * 1_000_000, eligible: true, score: 72.5,
  breakdown: [{ key: 'hardTech', labelZh: '硬科技属性', labelEn: 'Hard tech', value: 0.8, weight: 0.4, contribution: 32, inputs: {}, zh: '发明专利 9 项', en: '9 invention patents' }],
  reasons: [], hints: [], ...over,
}) as InvestorMatch;

describe('failingReason', () => {
  it('names a hard violation before a soft penalty or missing data', () => {
    const soft = reason({ code: 'REGION', mode: 'soft', penalty: 0.2 });
    const missing = reason({ code: 'MIN_RD_INTENSITY', kind: 'data_missing' });
    const hard = reason({ code: 'TICKET' });
    expect(failingReason({ reasons: [soft, missing, hard] })?.code).toBe('TICKET');
    expect(failingReason({ reasons: [soft, missing] })?.code).toBe('MIN_RD_INTENSITY');
    expect(failingReason({ reasons: [] })).toBeUndefined();
  });
});

describe('<InvestorMatchCard>', () => {
  it('shows a match with its score and what makes it up', async () => {
    await renderWithProviders(<InvestorMatchCard match={match({})} />);
    expect(screen.getByText('西溪早期基金')).toBeTruthy();
    expect(screen.getByTestId('score-bar').textContent).toContain('72.5');
    expect(screen.getByText('单笔 100 万元 – 1,000 万元')).toBeTruthy();
    expect(screen.queryByTestId('failing')).toBeNull();
  });

  it('explains a near miss by the criterion that failed, in the user’s language', async () => {
    const m = match({ eligible: false, score: null, reasons: [reason({ code: 'REGION', mode: 'soft', zh: '地区不在优先范围', en: 'Region not preferred' }), reason({})] });
    await renderWithProviders(<InvestorMatchCard match={m} />);
    expect(screen.getByTestId('failing').textContent).toBe('未通过：融资阶段不在投资范围（种子轮–A 轮）');
    expect(screen.getByTestId('match-reasons').textContent).toContain('地区不在优先范围');
    await renderWithProviders(<InvestorMatchCard match={{ ...m, mandateId: 'm2' }} />, 'en');
    expect(screen.getAllByTestId('failing')[1].textContent).toBe('Fails: Stage outside the mandate (seed–A)');
  });
});

describe('feedUrls', () => {
  it('turns the feed path into its https URL and the webcal:// twin', () => {
    expect(feedUrls('/api/v1/calendar-feeds/abc.ics', 'https://tourong.example')).toEqual({
      https: 'https://tourong.example/api/v1/calendar-feeds/abc.ics',
      webcal: 'webcal://tourong.example/api/v1/calendar-feeds/abc.ics',
    });
    expect(feedUrls('/api/v1/calendar-feeds/abc.ics', 'http://127.0.0.1:3000').webcal).toBe('webcal://127.0.0.1:3000/api/v1/calendar-feeds/abc.ics');
  });
});
