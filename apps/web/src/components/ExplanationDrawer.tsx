import { Alert, Button, Descriptions, Drawer, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { formatWan, round } from '../lib/format';
import { useTracks } from '../lib/reference';
import { ScoreBar } from './ScoreBar';
import { CRITERION_COLORS } from './WeightSliders';
import { useRegions } from '../lib/regions';

export type MatchItem = Schemas['MatchItemView'];

/**
 * Why a project scored what it did for a mandate: each criterion's value, weight and the points it
 * adds; the hard constraints it fails; and the thresholds within reach. Texts come from the API in
 * both languages (zh / en) and follow the UI language.
 */
export function ExplanationDrawer({
  item,
  open,
  onClose,
  onShortlist,
  shortlisting,
}: {
  item: MatchItem | null;
  open: boolean;
  onClose: () => void;
  onShortlist?: (item: MatchItem) => void;
  shortlisting?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const tracks = useTracks();
  const regions = useRegions();
  const en = i18n.language === 'en';
  const text = (x: { zh: string; en: string }) => (en ? x.en : x.zh);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={item ? (item.title ?? item.projectId) : t('dealFlow.explain')}
      extra={
        item && onShortlist && (
          <Button type="primary" disabled={!!item.dealStage} loading={shortlisting} onClick={() => onShortlist(item)}>
            {item.dealStage ? t('dealFlow.shortlisted') : t('dealFlow.shortlist')}
          </Button>
        )
      }
      destroyOnHidden
    >
      {item && (
        <div data-testid="explanation">
          <Descriptions column={2} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('dealFlow.company')}>{item.startupName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('dealFlow.stage')}>{t(`stage.${item.stage}`)}</Descriptions.Item>
            <Descriptions.Item label={t('dealFlow.amount')}>{formatWan(item.amountSought, i18n.language)}</Descriptions.Item>
            <Descriptions.Item label={t('dealFlow.region')}>{regions.label(item.regionCode)}</Descriptions.Item>
            <Descriptions.Item label={t('company.tracks')} span={2}>
              <Space size={[4, 4]} wrap>
                {item.tracks.map((tr) => <Tag key={tr}>{tracks.label(tr)}</Tag>)}
              </Space>
            </Descriptions.Item>
          </Descriptions>
          <div style={{ display: 'flex', alignItems: 'center', gap: 16, marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>{t('dealFlow.score')}</Typography.Title>
            {item.eligible ? <ScoreBar score={item.score} width={260} /> : <Tag color="red">{t('dealFlow.ineligible')}</Tag>}
          </div>
          {item.redacted && <Alert type="info" showIcon title={t('dealFlow.redacted')} style={{ marginBottom: 12 }} />}

          <Typography.Title level={5}>{t('dealFlow.breakdown')}</Typography.Title>
          {item.breakdown.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          <div>
            {item.breakdown.map((c) => (
              <div key={c.key} data-testid={`criterion-${c.key}`} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <Space size={6}>
                    <span style={{ width: 8, height: 8, borderRadius: 4, display: 'inline-block', background: CRITERION_COLORS[c.key] }} />
                    <Typography.Text strong>{en ? c.labelEn : c.labelZh}</Typography.Text>
                    {c.estimate && <Tag color="gold">{t('dealFlow.estimate')}</Tag>}
                    <Typography.Text type="secondary">{t('dealFlow.weight', { pct: round(c.weight * 100, 0) })}</Typography.Text>
                  </Space>
                  <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
                    +{t('dealFlow.contribution', { points: round(c.contribution, 1) })}
                  </Typography.Text>
                </div>
                <div style={{ height: 6, background: '#f0f0f0', borderRadius: 3, margin: '6px 0' }}>
                  <div style={{ width: `${round(c.value * 100, 1)}%`, height: '100%', borderRadius: 3, background: CRITERION_COLORS[c.key] }} />
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>{text(c)}</Typography.Text>
              </div>
            ))}
          </div>

          {item.reasons.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>{t('dealFlow.reasons')}</Typography.Title>
              <Space orientation="vertical" style={{ width: '100%' }} data-testid="reasons">
                {item.reasons.map((r) => (
                  <Alert
                    key={`${r.code}-${r.input}`}
                    type={r.mode === 'soft' || r.kind === 'data_missing' ? 'warning' : 'error'}
                    showIcon
                    title={
                      <>
                        <Tag>{t(`dealFlow.reasonKind.${r.kind}`)}</Tag>
                        <Tag color={r.mode === 'soft' ? 'gold' : 'red'}>{t(`dealFlow.reasonMode.${r.mode}`)}</Tag>
                        {text(r)}
                      </>
                    }
                  />
                ))}
              </Space>
            </>
          )}

          {item.hints.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>{t('dealFlow.hints')}</Typography.Title>
              <div data-testid="hints">
                {item.hints.map((h) => (
                  <div key={`${h.code}-${h.input}`} style={{ display: 'flex', justifyContent: 'space-between', gap: 12, padding: '8px 0', borderBottom: '1px solid #f5f5f5' }}>
                    <span>{text(h)}</span>
                    {h.pointsGained ? <Tag color="green">+{round(h.pointsGained, 1)}</Tag> : null}
                  </div>
                ))}
              </div>
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}
