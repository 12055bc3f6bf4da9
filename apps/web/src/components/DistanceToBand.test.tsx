import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../api/client';
import { renderWithProviders } from '../test/render';
import { DistanceToBand } from './DistanceToBand';

const base: Schemas['IndicatorResultView'] = {
  key: 'techStaffShare', label: '科技人员占比', labelEn: 'Tech staff share', rawValue: 12, displayValue: '12%', points: 10,
  minPoints: 0, maxPointsPossible: 20, maxPoints: 20, band: '≥10%', missingInputs: [],
  explanation: '科技人员 12 人，占职工总数 12%', explanationEn: '12 tech staff, 12% of headcount',
};

describe('<DistanceToBand>', () => {
  it('draws the distance to the next band as a bar and says it in words', async () => {
    await renderWithProviders(
      <DistanceToBand indicator={{ ...base, nextBand: { threshold: 20, unit: 'percent', delta: 8, flipsVerdict: false, pointsGained: 5 } }} />,
    );
    expect(screen.getByTestId('points').textContent).toContain('10 / 20');
    const meter = screen.getByRole('meter');
    expect(meter.getAttribute('aria-valuenow')).toBe('60'); // 12 of 20
    expect(screen.getByTestId('next-band').textContent).toContain('还差 8 个百分点，可再得 5 分');
  });

  it('says the top band is reached when there is no next band', async () => {
    await renderWithProviders(<DistanceToBand indicator={{ ...base, points: 20 }} />, 'en');
    expect(screen.queryByRole('meter')).toBeNull();
    expect(screen.getByText('Top band reached')).toBeTruthy();
    expect(screen.getByText('Tech staff share')).toBeTruthy();
  });

  it('shows the possible range and the missing inputs when a figure is absent', async () => {
    await renderWithProviders(<DistanceToBand indicator={{ ...base, points: null, rawValue: null, maxPointsPossible: 20, missingInputs: ['fiscalYears[2024].techStaff'] }} />);
    expect(screen.getByTestId('points').textContent).toContain('0–20 / 20');
    expect(screen.getByText('缺少数据')).toBeTruthy();
  });

  it('shows money gaps in 万元', async () => {
    await renderWithProviders(
      <DistanceToBand indicator={{ ...base, key: 'rd', rawValue: 100, nextBand: { threshold: 200, unit: 'fen', delta: 5_000_000_00, flipsVerdict: true, pointsGained: 3 } }} />,
    );
    expect(screen.getByTestId('next-band').textContent).toContain('500 万元');
    expect(screen.getByTestId('next-band').textContent).toContain('达到即可满足认定条件');
  });
});

describe('humanized input paths', () => {
  it('reads engine paths as words in both languages', async () => {
    const { humanizeText } = await import('../lib/inputs');
    expect(humanizeText('缺少 fiscalYears[2025].headcount、foundedOn', 'zh-CN')).toBe('缺少 2025 年职工总数、成立日期');
    expect(humanizeText('missing fiscalYears[2025].rdSpend', 'en')).toBe('missing 2025 R&D spend');
  });
});
