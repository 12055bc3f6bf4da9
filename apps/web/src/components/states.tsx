import { Button, Empty, Result, Skeleton } from 'antd';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

export function PageLoading({ rows = 6 }: { rows?: number }) {
  return <Skeleton active paragraph={{ rows }} data-testid="loading" />;
}

/** An error as the API worded it (in the user's language), with the request id for support. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const message = apiError?.code === 'NETWORK_ERROR' ? t('errors.network') : apiError?.message ?? t('errors.network');
  return (
    <Result
      status={apiError?.status === 404 ? '404' : apiError?.status === 403 ? '403' : 'error'}
      title={t('errors.title')}
      subTitle={
        <>
          <div role="alert">{message}</div>
          {apiError?.requestId && <div style={{ fontSize: 12, opacity: 0.6 }}>{t('errors.requestId', { id: apiError.requestId })}</div>}
        </>
      }
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}

export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <div>
          <div style={{ fontSize: 16, fontWeight: 500, color: 'rgba(0,0,0,0.85)' }}>{title}</div>
          {hint && <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: 4 }}>{hint}</div>}
        </div>
      }
      style={{ padding: '48px 0' }}
    >
      {action}
    </Empty>
  );
}

/** The message for a form's banner: the API's own, already in the user's language. */
export function apiErrorMessage(error: unknown, t: (key: string) => string): string {
  if (!(error instanceof ApiError) || error.code === 'NETWORK_ERROR') return t('errors.network');
  return error.message;
}

/**
 * Puts an API error under the field it names (details.field / details.fields[]) and returns the
 * message for the form's banner (apiErrorMessage).
 */
export function applyApiError(
  form: FormInstance,
  error: unknown,
  t: (key: string, opts?: Record<string, unknown>) => string,
  fieldMap: Record<string, (string | number)[]> = {},
): string {
  if (!(error instanceof ApiError) || error.code === 'NETWORK_ERROR') return apiErrorMessage(error, t);
  const known = (field: string): (string | number)[] => fieldMap[field] ?? field.split('.');
  const problems: { name: (string | number)[]; errors: string[] }[] = [];
  const listed = error.details.fields ?? error.details.problems;
  const fields = Array.isArray(listed) ? (listed as { field: string }[]).filter((f) => typeof f?.field === 'string') : [];
  if (fields.length) {
    for (const f of fields) {
      const name = known(f.field);
      if (name) problems.push({ name, errors: [t('errors.fieldInvalid')] });
    }
  } else if (error.field) {
    const name = known(error.field);
    const extra = typeof error.details.expectedCheckCharacter === 'string'
      ? ` ${t('errors.checkCharacter', { char: error.details.expectedCheckCharacter })}`
      : '';
    if (name) problems.push({ name, errors: [error.message + extra] });
  }
  if (problems.length) form.setFields(problems);
  return apiErrorMessage(error, t);
}
