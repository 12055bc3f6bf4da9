import { CheckCircleOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Result, Space, Spin, Statistic, Steps, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ImportErrorTable, type ImportCellError } from './ImportErrorTable';

export interface DryRunReport {
  totalRows: number;
  validRows: number;
  companies?: number;
  errors: ImportCellError[];
  errorsTruncated?: boolean;
}

export interface CommitResult {
  /** Rows written (companies upserted, investments now in the portfolio), when done at once. */
  count?: number;
  /** A background job to poll. */
  jobId?: string | null;
}

export interface JobProgress {
  status: string;
  totalRows: number;
  processedRows: number;
  count: number;
  failureReason: string | null;
}

interface Props {
  /** Checks the file and writes nothing. */
  dryRun: (file: File) => Promise<DryRunReport>;
  commit: (file: File) => Promise<CommitResult>;
  /** Polls a background import (only for imports that can run in the worker). */
  job?: (id: string) => Promise<JobProgress>;
  doneMessage: (count: number) => string;
  maxMb: number;
  /** Above the drop zone: template download, expected columns. */
  help?: ReactNode;
  onDone?: () => void;
  testId?: string;
}

/** A coded 422 (`*_HAS_ERRORS`) carries the report: show it like the dry run's. */
function reportOf(err: unknown): DryRunReport | null {
  if (err instanceof ApiError && err.details && typeof err.details.report === 'object' && err.details.report) {
    return err.details.report as DryRunReport;
  }
  return null;
}

/**
 * Upload → dry run (the row-level error table) → commit. One component for the organizer's startup
 * import and the investor's portfolio import; each passes its own API calls.
 */
export function ImportPanel({ dryRun, commit, job, doneMessage, maxMb, help, onDone, testId }: Props) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<DryRunReport | null>(null);
  const [result, setResult] = useState<CommitResult | null>(null);

  const check = useMutation({
    mutationFn: dryRun,
    onSuccess: (r) => setReport(r),
  });
  const write = useMutation({
    mutationFn: commit,
    onSuccess: (r) => {
      setResult(r);
      if (!r.jobId) onDone?.();
    },
    onError: (err) => {
      const r = reportOf(err);
      if (r) setReport(r);
    },
  });
  const progress = useQuery({
    queryKey: ['import-job', result?.jobId],
    queryFn: () => job!(result!.jobId!),
    enabled: !!result?.jobId && !!job,
    refetchInterval: (q) => (q.state.data && ['succeeded', 'failed'].includes(q.state.data.status) ? false : 1500),
  });

  const reset = () => {
    setFile(null);
    setReport(null);
    setResult(null);
    check.reset();
    write.reset();
  };
  const choose = (f: File) => {
    reset();
    setFile(f);
    check.mutate(f);
  };

  const step = result ? 2 : report || check.isPending || check.isError ? 1 : 0;
  const clean = !!report && report.errors.length === 0 && report.totalRows > 0;

  return (
    <Card data-testid={testId}>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 20 }}
        items={[{ title: t('imports.step.choose') }, { title: t('imports.step.check') }, { title: t('imports.step.done') }]}
      />
      {step === 0 && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {help}
          <div data-testid="import-drop">
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              choose(f);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t('imports.drop')}</p>
            <p className="ant-upload-hint">{t('imports.dropHint', { mb: maxMb })}</p>
          </Upload.Dragger>
          </div>
        </Space>
      )}
      {step === 1 && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {check.isPending && <Spin tip={t('imports.checking', { name: file?.name })}><div style={{ height: 80 }} /></Spin>}
          {check.isError && !report && (
            <Alert type="error" showIcon role="alert" title={t('imports.fileInvalid')} description={check.error.message} />
          )}
          {report && (
            <>
              <div style={{ color: 'rgba(0,0,0,0.45)' }}>{file?.name}</div>
              <Space size={32} wrap>
                <Statistic title={t('imports.rows')} value={report.totalRows} />
                <Statistic title={t('imports.validRows')} value={report.validRows} suffix={`/ ${report.totalRows}`} valueStyle={{ color: clean ? '#16a34a' : undefined }} />
                {report.companies != null && <Statistic title={t('imports.companies')} value={report.companies} />}
                <Statistic title={t('imports.problems')} value={report.errors.length} valueStyle={{ color: report.errors.length ? '#dc2626' : undefined }} />
              </Space>
              {report.errors.length > 0 ? (
                <>
                  <Alert type="warning" showIcon data-testid="import-has-errors"
                    title={t('imports.hasErrors', { count: report.errors.length })}
                    description={report.errorsTruncated ? t('imports.truncated', { count: report.errors.length }) : undefined} />
                  <ImportErrorTable errors={report.errors} />
                </>
              ) : report.totalRows > 0 ? (
                <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('imports.allGood')} description={t('imports.summary', { total: report.totalRows, valid: report.validRows })} />
              ) : (
                <Alert type="info" showIcon title={t('imports.summary', { total: 0, valid: 0 })} />
              )}
              {write.isError && !reportOf(write.error) && <Alert type="error" showIcon role="alert" title={write.error.message} />}
            </>
          )}
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={reset}>{t('imports.rechoose')}</Button>
            {report && (
              <Button type="primary" disabled={!clean || !file} loading={write.isPending} onClick={() => file && write.mutate(file)} data-testid="import-commit">
                {t('imports.commit', { count: report.totalRows })}
              </Button>
            )}
          </Space>
        </Space>
      )}
      {step === 2 && result && (
        result.jobId ? (
          <Result
            status={progress.data?.status === 'failed' ? 'error' : progress.data?.status === 'succeeded' ? 'success' : 'info'}
            title={progress.data?.status === 'succeeded' ? t('imports.doneTitle') : progress.data?.status === 'failed' ? t('imports.failed', { reason: progress.data.failureReason ?? '' }) : t('imports.queued')}
            subTitle={progress.data?.status === 'succeeded' ? doneMessage(progress.data.count) : progress.data ? t('imports.progress', { done: progress.data.processedRows, total: progress.data.totalRows }) : undefined}
            extra={[
              progress.data && progress.data.status !== 'succeeded' && progress.data.status !== 'failed' ? (
                <Progress key="p" percent={progress.data.totalRows ? Math.round((progress.data.processedRows / progress.data.totalRows) * 100) : 0} style={{ maxWidth: 360 }} />
              ) : null,
              <Button key="again" onClick={reset}>{t('imports.again')}</Button>,
            ]}
          />
        ) : (
          <Result status="success" title={t('imports.doneTitle')} subTitle={doneMessage(result.count ?? 0)} data-testid="import-done"
            extra={<Button onClick={reset}>{t('imports.again')}</Button>} />
        )
      )}
    </Card>
  );
}
