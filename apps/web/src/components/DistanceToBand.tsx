import { Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { formatWan, round } from '../lib/format';
import { humanizeText } from '../lib/inputs';

type Indicator = Schemas['IndicatorResultView'];

/** A gap in its unit, in words: `12.5 个百分点`, `3 项`, `120 万元`. */
export function formatGap(delta: number, unit: string, t: (k: string) => string, lang: string): string {
  if (unit === 'fen') return formatWan(Math.abs(delta), lang);
  return `${round(Math.abs(delta), 2)} ${t(`report.unit.${unit}`)}`;
}

/**
 * One scored indicator: its points out of the maximum, and — when a higher band exists — how far the
 * current value is from that band's threshold, as a bar (current ÷ threshold) with the gap in words.
 */
export function DistanceToBand({ indicator }: { indicator: Indicator }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const next = indicator.nextBand;
  const pointsPct = indicator.points == null ? 0 : (indicator.points / Math.max(1, indicator.maxPoints)) * 100;
  let progressToNext: number | null = null;
  if (next && indicator.rawValue != null && next.threshold > 0) {
    progressToNext = Math.max(0, Math.min(100, (indicator.rawValue / next.threshold) * 100));
  } else if (next && indicator.rawValue != null && next.delta > 0) {
    progressToNext = 0;
  }
  return (
    <div data-testid={`indicator-${indicator.key}`} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 12 }}>
        <Space size={8} wrap>
          <Typography.Text strong>{en ? indicator.labelEn : indicator.label}</Typography.Text>
          <Typography.Text type="secondary">{indicator.displayValue}</Typography.Text>
          {indicator.band && <Tag>{indicator.band}</Tag>}
        </Space>
        <Typography.Text data-testid="points" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          {indicator.points == null ? `${indicator.minPoints}–${indicator.maxPointsPossible}` : indicator.points} / {indicator.maxPoints} {t('report.points')}
        </Typography.Text>
      </div>
      <Progress percent={round(pointsPct, 0)} showInfo={false} size="small" strokeColor="#1d4ed8" />
      {next ? (
        <div data-testid="next-band" style={{ marginTop: 4 }}>
          {progressToNext != null && (
            <div
              role="meter"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={round(progressToNext, 0)}
              aria-label={t('report.nextBand')}
              style={{ position: 'relative', height: 6, background: '#fdecc8', borderRadius: 3, margin: '6px 0' }}
            >
              <div style={{ width: `${progressToNext}%`, height: '100%', background: '#d97706', borderRadius: 3 }} />
            </div>
          )}
          <Typography.Text type="warning" style={{ fontSize: 13 }}>
            {t('report.gap', { gap: formatGap(next.delta, next.unit, t, i18n.language), points: round(next.pointsGained, 1) })}
            {next.flipsVerdict ? ` · ${t('report.gapFlip')}` : ''}
          </Typography.Text>
        </div>
      ) : indicator.points != null && indicator.points >= indicator.maxPoints ? (
        <Typography.Text type="success" style={{ fontSize: 13 }}>{t('report.topBand')}</Typography.Text>
      ) : null}
      <div style={{ fontSize: 13, color: '#595959', marginTop: 4 }}>
        {indicator.missingInputs.length > 0 && <Tag color="default" style={{ marginInlineEnd: 6 }}>{t('report.missing')}</Tag>}
        {humanizeText(en ? indicator.explanationEn : indicator.explanation, i18n.language)}
      </div>
    </div>
  );
}
