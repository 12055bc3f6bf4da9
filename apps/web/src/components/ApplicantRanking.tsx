import { CheckOutlined, ClockCircleOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { ScoreBar } from './ScoreBar';

export type RankedApplication = Schemas['RankedApplicationView'];
export type Decision = Schemas['DecideApplicationDto']['status'];

export const APPLICATION_STATUS_COLORS: Record<RankedApplication['status'], string> = {
  pending: 'processing', accepted: 'success', waitlisted: 'warning', rejected: 'error', withdrawn: 'default',
};

/** The decisions still open to an application in this status (a decision can be revised until the agenda freezes it). */
export function decisionsFor(status: RankedApplication['status']): Decision[] {
  if (status === 'withdrawn') return [];
  return (['accepted', 'waitlisted', 'rejected'] as const).filter((d) => d !== status);
}

interface Props {
  items: RankedApplication[];
  trackLabel: (code: string) => string;
  sessionLabel?: (id: string | null) => string | null;
  busyId?: string | null;
  onDecide?: (app: RankedApplication, decision: Decision) => void;
}

/**
 * The organizer's screening table: applicants in the API's rank order (theme fit, then how many
 * invited investors' mandates take the project, then the best match score), with the 科技型中小企业
 * verdict and qualifications beside each, and accept / waitlist / reject on the row.
 */
export function ApplicantRanking({ items, trackLabel, sessionLabel, busyId, onDecide }: Props) {
  const { t } = useTranslation();
  return (
    <Table<RankedApplication>
      rowKey="id"
      dataSource={items}
      pagination={false}
      scroll={{ x: 1320 }}
      tableLayout="fixed"
      data-testid="applicant-ranking"
      rowClassName={(a) => `applicant-row applicant-${a.status}`}
      columns={[
        { title: '#', dataIndex: 'rank', width: 56, render: (r: number) => <Typography.Text strong data-testid="rank">{r}</Typography.Text> },
        {
          title: t('rs.applicants.project'), key: 'p', width: 300,
          render: (_: unknown, a) => (
            <div>
              <Typography.Text strong>{a.projectTitle ?? '—'}</Typography.Text>
              <div><Typography.Text type="secondary">{a.startupName ?? '—'}</Typography.Text></div>
              {sessionLabel?.(a.sessionId) && <Tag style={{ marginTop: 4 }}>{sessionLabel(a.sessionId)}</Tag>}
            </div>
          ),
        },
        {
          title: t('rs.applicants.theme'), key: 'theme', width: 180,
          render: (_: unknown, a) => (
            <Space size={[4, 4]} wrap>
              {a.fit?.themeMatch ? <Tag color="green" data-testid="theme-match">{t('rs.applicants.themeMatch')}</Tag> : <Tag>{t('rs.applicants.themeOff')}</Tag>}
              {(a.fit?.tracks ?? []).slice(0, 2).map((tr) => <Tag key={tr} color="blue">{trackLabel(tr)}</Tag>)}
            </Space>
          ),
        },
        {
          title: t('rs.applicants.mandates'), key: 'm', width: 150,
          render: (_: unknown, a) =>
            a.fit && a.fit.mandatesConsidered > 0 ? (
              <Tooltip title={t('rs.applicants.mandatesHint')}>
                <span data-testid="eligible">{t('rs.applicants.mandatesValue', { n: a.fit.eligibleMandates, of: a.fit.mandatesConsidered })}</span>
              </Tooltip>
            ) : <Typography.Text type="secondary">{t('rs.applicants.noInvestors')}</Typography.Text>,
        },
        { title: t('rs.applicants.bestScore'), key: 's', width: 170, render: (_: unknown, a) => <ScoreBar score={a.fit?.bestScore} /> },
        {
          title: t('rs.applicants.techSme'), key: 'q', width: 200,
          render: (_: unknown, a) => (
            <Space size={[4, 4]} wrap>
              {a.fit && (
                <Tag color={a.fit.techSmeVerdict === 'pass' ? 'green' : a.fit.techSmeVerdict === 'fail' ? 'red' : 'default'}>
                  {t(`report.verdict.${a.fit.techSmeVerdict}`)}{a.fit.techSmePoints != null ? ` · ${t('rs.applicants.points', { n: a.fit.techSmePoints })}` : ''}
                </Tag>
              )}
              {(a.fit?.qualifications ?? []).map((q) => <Tag key={q} color="gold">{t(`qualificationKind.${q}`, { defaultValue: q })}</Tag>)}
            </Space>
          ),
        },
        {
          title: t('rs.applicants.status'), dataIndex: 'status', width: 110,
          render: (s: RankedApplication['status'], a) => (
            <Tooltip title={a.decisionReason ?? undefined}>
              <Tag color={APPLICATION_STATUS_COLORS[s]} data-testid="status">{t(`rs.applicationStatus.${s}`)}</Tag>
            </Tooltip>
          ),
        },
        {
          title: t('common.actions'), key: 'a', width: 250, fixed: 'right',
          render: (_: unknown, a) => (
            <Space size={4}>
              {decisionsFor(a.status).map((d) => (
                <Button
                  key={d}
                  size="small"
                  type={d === 'accepted' ? 'primary' : 'default'}
                  danger={d === 'rejected'}
                  icon={d === 'accepted' ? <CheckOutlined /> : d === 'waitlisted' ? <ClockCircleOutlined /> : <CloseOutlined />}
                  loading={busyId === a.id}
                  onClick={() => onDecide?.(a, d)}
                  data-testid={`decide-${d}`}
                >
                  {t(`rs.decision.${d}`)}
                </Button>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
