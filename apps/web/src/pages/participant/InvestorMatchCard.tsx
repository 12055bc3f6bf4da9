import { BankOutlined, FundOutlined } from '@ant-design/icons';
import { Alert, Card, Collapse, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { ScoreBar } from '../../components/ScoreBar';
import { CRITERION_COLORS } from '../../components/WeightSliders';
import { formatWan, round } from '../../lib/format';

export type InvestorMatch = Schemas['InvestorMatchView'];

/** The reason a near miss failed first: a hard exclusion before a soft penalty, a violated rule before missing data. */
export function failingReason(m: Pick<InvestorMatch, 'reasons'>): InvestorMatch['reasons'][number] | undefined {
  const rank = (r: InvestorMatch['reasons'][number]) => (r.mode === 'hard' ? 0 : 2) + (r.kind === 'violated' ? 0 : 1);
  return [...m.reasons].sort((a, b) => rank(a) - rank(b))[0];
}

/** One mandate or credit product against the founder's project: why it matches (the score's make-up) or why not (each failing criterion), and what would help. */
export function InvestorMatchCard({ match }: { match: InvestorMatch }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const text = (x: { zh: string; en: string }) => (en ? x.en : x.zh);
  const failing = match.eligible ? undefined : failingReason(match);
  return (
    <Card size="small" data-testid={`match-${match.mandateId}`} style={{ borderLeft: `3px solid ${match.eligible ? '#16a34a' : '#f59e0b'}` }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 12, flexWrap: 'wrap' }}>
        <div style={{ minWidth: 0 }}>
          <Space size={6} wrap>
            {match.kind === 'bank_product' ? <BankOutlined style={{ color: '#1d4ed8' }} /> : <FundOutlined style={{ color: '#1d4ed8' }} />}
            <Typography.Text strong style={{ fontSize: 15 }}>{match.organizationName}</Typography.Text>
            <Typography.Text type="secondary">· {match.mandateName}</Typography.Text>
            <Tag>{t(`pt.matches.kind.${match.kind}`)}</Tag>
          </Space>
          <div style={{ marginTop: 4 }}>
            <Space size={[4, 4]} wrap>
              {match.instruments.map((i) => <Tag key={i} color="blue">{t(`instrument.${i}`, { defaultValue: i })}</Tag>)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('pt.matches.ticket', { min: formatWan(match.ticketMin, i18n.language), max: formatWan(match.ticketMax, i18n.language) })}
              </Typography.Text>
            </Space>
          </div>
        </div>
        {match.eligible ? <ScoreBar score={match.score} width={180} /> : <Tag color="orange" data-testid="failing">{failing ? t('pt.matches.failing', { criterion: text(failing) }) : t('dealFlow.ineligible')}</Tag>}
      </div>
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8 }}
        defaultActiveKey={match.eligible ? [] : ['why']}
        items={[
          {
            key: 'why',
            label: match.eligible ? t('pt.matches.why') : t('pt.matches.whyNot'),
            children: (
              <div>
                {match.reasons.length > 0 && (
                  <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }} data-testid="match-reasons">
                    {match.reasons.map((r) => (
                      <Alert
                        key={`${r.code}-${r.input}`}
                        type={r.mode === 'soft' || r.kind === 'data_missing' ? 'warning' : 'error'}
                        showIcon
                        title={<><Tag>{t(`dealFlow.reasonKind.${r.kind}`)}</Tag><Tag color={r.mode === 'soft' ? 'gold' : 'red'}>{t(`dealFlow.reasonMode.${r.mode}`)}</Tag>{text(r)}</>}
                      />
                    ))}
                  </Space>
                )}
                {match.breakdown.map((c) => (
                  <div key={c.key} style={{ padding: '6px 0' }}>
                    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                      <Space size={6}>
                        <span style={{ width: 8, height: 8, borderRadius: 4, display: 'inline-block', background: CRITERION_COLORS[c.key] }} />
                        <Typography.Text>{en ? c.labelEn : c.labelZh}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dealFlow.weight', { pct: round(c.weight * 100, 0) })}</Typography.Text>
                      </Space>
                      <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>+{t('dealFlow.contribution', { points: round(c.contribution, 1) })}</Typography.Text>
                    </div>
                    <div style={{ height: 5, background: '#f0f0f0', borderRadius: 3, margin: '4px 0' }}>
                      <div style={{ width: `${round(c.value * 100, 1)}%`, height: '100%', borderRadius: 3, background: CRITERION_COLORS[c.key] }} />
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{text(c)}</Typography.Text>
                  </div>
                ))}
                {match.hints.length > 0 && (
                  <>
                    <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>{t('pt.matches.hints')}</Typography.Text>
                    {match.hints.map((h) => (
                      <div key={`${h.code}-${h.input}`} style={{ display: 'flex', justifyContent: 'space-between', gap: 12, padding: '4px 0' }}>
                        <span>{text(h)}</span>
                        {h.pointsGained ? <Tag color="green">+{round(h.pointsGained, 1)}</Tag> : null}
                      </div>
                    ))}
                  </>
                )}
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}
