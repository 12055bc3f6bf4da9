import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { regionLabel, regionOptions, regionPath } from '../lib/regions';
import { REGIONS, renderWithProviders } from '../test/render';
import { asDivision, matchesRegion, RegionCascader } from './RegionCascader';

describe('region helpers', () => {
  it('names a code province first in Chinese, district first in English, a municipality once, an unknown code as itself', () => {
    expect(regionLabel(REGIONS, '320211', false)).toBe('江苏省 无锡市 滨湖区');
    expect(regionLabel(REGIONS, '320211', true)).toBe('Binhu, Wuxi, Jiangsu');
    expect(regionLabel(REGIONS, '110108', false)).toBe('北京市 海淀区');
    expect(regionLabel(REGIONS, '3202', false)).toBe('江苏省 无锡市');
    expect(regionLabel(REGIONS, '320300', false)).toBe('江苏省 徐州市');
    expect(regionLabel(REGIONS, '440305', false)).toBe('440305');
    expect(regionLabel(REGIONS, null, false)).toBe('—');
  });

  it('reads padded codes as their path and pads a city picked as the last level', () => {
    expect(regionPath('320211')).toEqual(['32', '3202', '320211']);
    expect(regionPath('320000')).toEqual(['32']);
    expect(regionPath('320300')).toEqual(['32', '3203']);
    expect(asDivision('3203')).toBe('320300');
  });

  it('searches by name at any level or by code prefix of the picked place', () => {
    const [, js] = regionOptions(REGIONS, false);
    const wuxi = js.children![0];
    const binhu = [js, wuxi, wuxi.children![0]];
    expect(matchesRegion('无锡', binhu)).toBe(true);
    expect(matchesRegion('320211', binhu)).toBe(true);
    expect(matchesRegion('3202', binhu)).toBe(true);
    expect(matchesRegion('320214', binhu)).toBe(false);
    expect(matchesRegion('徐州', binhu)).toBe(false);
    expect(regionOptions(REGIONS, true)[1].children![1]).toEqual({ value: '3203', label: 'Xuzhou' });
  });
});

function Single({ onChange }: { onChange: (v: string | undefined) => void }) {
  const [v, setV] = useState<string | undefined>('320211');
  return <RegionCascader value={v} onChange={(c) => { setV(c); onChange(c); }} data-testid="region" />;
}

function Multiple({ onChange }: { onChange: (v: string[]) => void }) {
  const [v, setV] = useState<string[]>(['3202']);
  return <RegionCascader multiple value={v} onChange={(c) => { setV(c); onChange(c); }} data-testid="regions" />;
}

describe('<RegionCascader>', () => {
  it('shows the stored code as place names and gives back the district code a user picks', async () => {
    const onChange = vi.fn();
    await renderWithProviders(<Single onChange={onChange} />);
    expect(screen.getByTestId('region').textContent).toContain('江苏省 / 无锡市 / 滨湖区');
    fireEvent.mouseDown(screen.getByRole('combobox'));
    fireEvent.click(await screen.findByText('新吴区'));
    expect(onChange).toHaveBeenLastCalledWith('320214');
    fireEvent.mouseDown(screen.getByRole('combobox'));
    fireEvent.click((await screen.findAllByText('徐州市'))[0]);
    expect(onChange).toHaveBeenLastCalledWith('320300');
  });

  it('finds a district by its code', async () => {
    const onChange = vi.fn();
    await renderWithProviders(<Single onChange={onChange} />);
    fireEvent.mouseDown(screen.getByRole('combobox'));
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '320214' } });
    const hits = document.querySelectorAll('.ant-cascader-menu-item');
    expect(Array.from(hits).map((h) => h.textContent)).toEqual(['江苏省 / 无锡市 / 新吴区']);
    fireEvent.click(hits[0]);
    expect(onChange).toHaveBeenLastCalledWith('320214');
  });

  it('for mandates keeps area prefixes: a whole city stays one code, a province checked means all of it', async () => {
    const onChange = vi.fn();
    await renderWithProviders(<Multiple onChange={onChange} />, 'en');
    expect(screen.getByTestId('regions').textContent).toContain('Wuxi');
    fireEvent.mouseDown(screen.getByRole('combobox'));
    fireEvent.click(await screen.findByText('Beijing', { selector: '.ant-cascader-menu-item-content' }));
    const checkboxes = document.querySelectorAll('.ant-cascader-menu:first-child .ant-cascader-checkbox');
    fireEvent.click(checkboxes[0]); // 北京
    expect(onChange).toHaveBeenLastCalledWith(['3202', '11']);
    await i18n.changeLanguage('zh-CN');
  });
});
