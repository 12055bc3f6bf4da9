import { Grid, List, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ImportCellError {
  row: number;
  column: string;
  value: string;
  code: string;
}

/** What a cell error means, in the user's language (the API sends only the code). */
export function importErrorMessage(t: (k: string, o?: Record<string, unknown>) => string, code: string): string {
  return t(`imports.code.${code}`, { defaultValue: t('imports.code.unknown', { code }) });
}

/**
 * The dry run's row-level error table: spreadsheet row, column header, the cell as read, and what is
 * wrong with it (with its stable code). Sorted by row (within a row, in the file's column order); filterable by column.
 */
export function ImportErrorTable({ errors, pageSize = 20, layout = 'auto' }: {
  errors: readonly ImportCellError[];
  pageSize?: number;
  /** `auto`: a table from the md breakpoint up, one card per error on a phone. */
  layout?: 'auto' | 'table' | 'cards';
}) {
  const { t } = useTranslation();
  const md = Grid.useBreakpoint().md;
  const cards = layout === 'cards' || (layout === 'auto' && md === false);
  const rows = [...errors]
    .sort((a, b) => a.row - b.row)
    .map((e, i) => ({ ...e, key: `${e.row}:${e.column}:${e.code}:${i}` }));
  const columns = [...new Set(rows.map((e) => e.column))];
  if (cards) {
    return (
      <List
        data-testid="import-errors"
        size="small"
        bordered
        dataSource={rows}
        pagination={rows.length > pageSize ? { pageSize, size: 'small', align: 'center' } : false}
        renderItem={(e) => (
          <List.Item style={{ display: 'block' }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <Typography.Text strong>{t('imports.errors.rowN', { row: e.row })} · {e.column}</Typography.Text>
              <Tag style={{ marginInlineEnd: 0, fontSize: 11 }}>{e.code}</Tag>
            </div>
            <div style={{ marginTop: 4 }}>{importErrorMessage(t, e.code)}</div>
            <div style={{ marginTop: 2 }}>
              {e.value ? <Typography.Text code style={{ wordBreak: 'break-all' }}>{e.value}</Typography.Text> : <Typography.Text type="secondary">{t('imports.errors.empty')}</Typography.Text>}
            </div>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table
      data-testid="import-errors"
      size="small"
      rowKey="key"
      dataSource={rows}
      scroll={{ x: 560 }}
      pagination={rows.length > pageSize ? { pageSize, showSizeChanger: false, size: 'small' } : false}
      columns={[
        { title: t('imports.errors.row'), dataIndex: 'row', width: 72, sorter: (a, b) => a.row - b.row },
        {
          title: t('imports.errors.column'),
          dataIndex: 'column',
          width: 180,
          filters: columns.length > 1 ? columns.map((c) => ({ text: c, value: c })) : undefined,
          onFilter: (value, r) => r.column === value,
        },
        {
          title: t('imports.errors.value'),
          dataIndex: 'value',
          width: 180,
          render: (v: string) =>
            v ? <Typography.Text code ellipsis={{ tooltip: v }} style={{ maxWidth: 170 }}>{v}</Typography.Text> : <Typography.Text type="secondary">{t('imports.errors.empty')}</Typography.Text>,
        },
        {
          title: t('imports.errors.problem'),
          dataIndex: 'code',
          render: (code: string) => (
            <span>
              {importErrorMessage(t, code)} <Tag style={{ marginInlineStart: 4, fontSize: 11 }}>{code}</Tag>
            </span>
          ),
        },
      ]}
    />
  );
}
