import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ImportPanel } from '../../components/ImportPanel';
import { fileUpload, saveBlob } from '../../lib/download';
import { PageHeader } from '../../lib/page';

/** The template's columns (the API's IMPORT_COLUMNS headers); required ones first. */
const COLUMNS = ['企业名称', '统一社会信用代码', '地区代码', '年度', '成立日期', '行业', '赛道', '高校衍生', '营业收入（元）', '研发费用（元）', '…'];
const REQUIRED = new Set(['企业名称', '统一社会信用代码', '地区代码', '年度']);

export function StartupImportPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const template = useMutation({
    mutationFn: () => saveBlob(api.GET('/api/v1/imports/startups/template', { parseAs: 'blob' }), '企业导入模板.xlsx'),
    onError: (err) => message.error(err.message),
  });
  return (
    <>
      <PageHeader
        title={t('imports.title')}
        intro={t('imports.intro')}
        extra={<Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()} data-testid="import-template">{t('imports.template')}</Button>}
      />
      <ImportPanel
        testId="startup-import"
        maxMb={20}
        help={
          <div>
            <Typography.Text type="secondary">{t('imports.columns')}：</Typography.Text>
            <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
              {COLUMNS.map((c) => <Tag key={c} color={REQUIRED.has(c) ? 'blue' : undefined}>{c}</Tag>)}
            </Space>
          </div>
        }
        dryRun={(file) => call(api.POST('/api/v1/imports/startups/dry-run', fileUpload(file)))}
        commit={async (file) => {
          const r = await call(api.POST('/api/v1/imports/startups', fileUpload(file)));
          return { count: r.report.companies, jobId: r.importId };
        }}
        job={async (id) => {
          const j = await call(api.GET('/api/v1/imports/startups/{id}', { params: { path: { id } } }));
          return { status: j.status, totalRows: j.totalRows, processedRows: j.processedRows, count: j.startupsUpserted, failureReason: j.failureReason };
        }}
        doneMessage={(count) => t('imports.doneStartups', { count })}
      />
    </>
  );
}
