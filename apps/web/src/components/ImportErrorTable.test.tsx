import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { renderWithProviders } from '../test/render';
import { ImportErrorTable, importErrorMessage, type ImportCellError } from './ImportErrorTable';

const errors: ImportCellError[] = [
  { row: 7, column: '地区代码', value: '3202', code: 'REGION_CODE_INVALID' },
  { row: 3, column: '统一社会信用代码', value: '91320211MA2B00005X', code: 'CREDIT_CODE_INVALID' },
  { row: 3, column: '企业名称', value: '', code: 'REQUIRED' },
  { row: 12, column: '营业收入（元）', value: '12,3.4.5', code: 'SOMETHING_NEW' },
];

function bodyRows(): string[][] {
  const table = screen.getByTestId('import-errors');
  return within(table)
    .getAllByRole('row')
    .filter((r) => r.querySelector('td'))
    .map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent ?? ''));
}

describe('<ImportErrorTable>', () => {
  it('lists every cell error by row, with the column, the cell as read and the problem in Chinese', async () => {
    await renderWithProviders(<ImportErrorTable errors={errors} layout="table" />);
    const rows = bodyRows();
    expect(rows.map((r) => r[0])).toEqual(['3', '3', '7', '12']);
    // Within a row, in the order the API reported them (the file's column order).
    expect(rows[1].slice(1, 3)).toEqual(['企业名称', '（空）']);
    expect(rows[1][3]).toBe('必填项为空 REQUIRED');
    expect(rows[0][2]).toBe('91320211MA2B00005X');
    expect(rows[0][3]).toContain('统一社会信用代码有误');
    expect(rows[2][3]).toBe('不是有效的行政区划代码（如 320211） REGION_CODE_INVALID');
    // A code this build does not know still reads as a problem, with its code.
    expect(rows[3][3]).toBe('数据有误（SOMETHING_NEW） SOMETHING_NEW');
  });

  it('speaks English when the user does', async () => {
    await renderWithProviders(<ImportErrorTable errors={errors} layout="table" />, 'en');
    expect(screen.getAllByText('Problem').length).toBeGreaterThan(0);
    const rows = bodyRows();
    expect(rows[1][2]).toBe('(empty)');
    expect(rows[1][3]).toBe('A required value is missing REQUIRED');
    expect(rows[2][3]).toBe('Not a valid region code (e.g. 320211) REGION_CODE_INVALID');
    await i18n.changeLanguage('zh-CN');
  });

  it('pages long reports and filters by column', async () => {
    const many = Array.from({ length: 45 }, (_, i) => ({ row: i + 2, column: i % 3 ? '年度' : '行业', value: 'x', code: i % 3 ? 'NOT_A_YEAR' : 'INDUSTRY_UNKNOWN' }));
    await renderWithProviders(<ImportErrorTable errors={many} pageSize={20} layout="table" />);
    expect(bodyRows()).toHaveLength(20);
    expect(screen.getByTitle('3')).toBeTruthy(); // three pages
    fireEvent.click(screen.getByRole('button', { name: /filter|筛选/i }));
    fireEvent.click(await screen.findByText('行业', { selector: '.ant-dropdown-menu-title-content *, .ant-dropdown-menu-title-content' }));
    fireEvent.click(screen.getByRole('button', { name: /确\s*定|OK/ }));
    const filtered = bodyRows();
    expect(filtered).toHaveLength(15);
    expect(filtered.every((r) => r[1] === '行业' && r[3].startsWith('无法识别的行业'))).toBe(true);
  });
});

describe('<ImportErrorTable> at phone width', () => {
  it('shows one card per error: row and column, the problem, the cell', async () => {
    await renderWithProviders(<ImportErrorTable errors={errors} />); // jsdom matches no breakpoint: a phone
    const items = Array.from(screen.getByTestId('import-errors').querySelectorAll('.ant-list-item')).map((li) => li.textContent);
    expect(items).toEqual([
      '第 3 行 · 统一社会信用代码CREDIT_CODE_INVALID统一社会信用代码有误（应为 18 位，校验位正确）91320211MA2B00005X',
      '第 3 行 · 企业名称REQUIRED必填项为空（空）',
      '第 7 行 · 地区代码REGION_CODE_INVALID不是有效的行政区划代码（如 320211）3202',
      '第 12 行 · 营业收入（元）SOMETHING_NEW数据有误（SOMETHING_NEW）12,3.4.5',
    ]);
  });
});

describe('importErrorMessage', () => {
  it('covers every code both import routes send, in both languages', async () => {
    const codes = ['REQUIRED', 'NUL_CHARACTER', 'TOO_LONG', 'NOT_A_DATE', 'REGION_CODE_INVALID', 'CREDIT_CODE_INVALID', 'NOT_A_YEAR', 'NOT_A_COUNT', 'NOT_MONEY', 'NOT_YES_NO', 'TRACK_UNKNOWN', 'INDUSTRY_UNKNOWN', 'FIGURES_CONTRADICT', 'DUPLICATE_ROW', 'HEADER_MISSING', 'CREDIT_CODE_OWNED_ELSEWHERE', 'ROUND_UNKNOWN', 'TOO_MANY_KEYWORDS', 'TOO_MANY_ROWS'];
    for (const lang of ['zh-CN', 'en']) {
      await i18n.changeLanguage(lang);
      const t = i18n.t.bind(i18n);
      for (const code of codes) {
        expect(importErrorMessage(t, code)).not.toBe(t('imports.code.unknown', { code }));
        expect(importErrorMessage(t, code)).not.toContain('imports.code');
      }
    }
    await i18n.changeLanguage('zh-CN');
  });
});
