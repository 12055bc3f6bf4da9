import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { ExplanationDrawer, type MatchItem } from './ExplanationDrawer';

const item: MatchItem = {
  projectId: 'p1', startupId: 's1', title: '北斗农机自动导航系统 A 轮', startupName: '无锡星航智农', stage: 'a',
  tracks: ['intelligent_agri_machinery'], regionCode: '320211', amountSought: 900_000_000, instruments: ['equity'], eligible: true, score: 72.4,
  breakdown: [
    { key: 'hardTech', labelZh: '硬科技', labelEn: 'Hard tech', value: 0.9, weight: 0.4, contribution: 36, inputs: {}, zh: '有效发明专利 5 项', en: '5 valid invention patents' },
    { key: 'fit', labelZh: '契合度', labelEn: 'Fit', value: 0.6, weight: 0.6, contribution: 36.4, inputs: {}, zh: '关键词命中 北斗', en: 'Keyword hit: BeiDou' },
  ],
  reasons: [
    { code: 'MIN_TRL', kind: 'data_missing', mode: 'soft', penalty: 0.1, input: 'trl', expected: 6, actual: null, zh: '未填写技术成熟度', en: 'TRL not given' },
  ],
  hints: [
    { code: 'MIN_RD_INTENSITY', input: 'rdIntensityBp', current: 400, threshold: 500, unit: 'bp', delta: 100, pointsGained: 2.5, zh: '研发强度再提高 1 个百分点', en: 'R&D intensity +1 pp' },
  ],
  redacted: true, dealStage: null,
};

describe('<ExplanationDrawer>', () => {
  it('explains the score: contributions per criterion, failed constraints and hints', async () => {
    const onShortlist = vi.fn();
    await renderWithProviders(<ExplanationDrawer item={item} open onClose={() => undefined} onShortlist={onShortlist} />);
    const box = await screen.findByTestId('explanation');
    expect(within(box).getByText('72.4')).toBeTruthy();
    expect(within(screen.getByTestId('criterion-hardTech')).getByText('+贡献 36 分')).toBeTruthy();
    expect(within(screen.getByTestId('criterion-hardTech')).getByText('权重 40%')).toBeTruthy();
    expect(within(screen.getByTestId('criterion-fit')).getByText('关键词命中 北斗')).toBeTruthy();
    expect(within(screen.getByTestId('reasons')).getByText('未填写技术成熟度')).toBeTruthy();
    expect(within(screen.getByTestId('reasons')).getByText('数据缺失')).toBeTruthy();
    expect(within(screen.getByTestId('hints')).getByText('+2.5')).toBeTruthy();
    expect(screen.getByText('部分财务数据以区间显示（未获企业授权）')).toBeTruthy();
    expect(screen.getByText('智能农机装备')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '加入管线' }));
    expect(onShortlist).toHaveBeenCalledWith(item);
  });

  it('follows the UI language and disables shortlisting once in the pipeline', async () => {
    await renderWithProviders(<ExplanationDrawer item={{ ...item, dealStage: 'shortlisted' }} open onClose={() => undefined} onShortlist={() => undefined} />, 'en');
    await screen.findByTestId('explanation');
    expect(screen.getByText('5 valid invention patents')).toBeTruthy();
    expect(screen.getByText('TRL not given')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'In pipeline' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
