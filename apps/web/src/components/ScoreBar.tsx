import { Progress } from 'antd';
import { round } from '../lib/format';

export function scoreColor(score: number): string {
  if (score >= 75) return '#16a34a';
  if (score >= 55) return '#1d4ed8';
  if (score >= 35) return '#d97706';
  return '#94a3b8';
}

/** A 0–100 fit score as a slim bar with the number beside it. */
export function ScoreBar({ score, width = 140 }: { score: number | null | undefined; width?: number }) {
  if (score == null) return <span style={{ color: '#94a3b8' }}>—</span>;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, width }} data-testid="score-bar">
      <Progress percent={score} showInfo={false} size="small" strokeColor={scoreColor(score)} style={{ flex: 1, margin: 0 }} />
      <span style={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums', minWidth: 34, textAlign: 'right' }}>{round(score, 1)}</span>
    </div>
  );
}
