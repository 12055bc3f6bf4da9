import { Slider, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { CRITERIA } from '../lib/reference';

export type Criterion = (typeof CRITERIA)[number];
export type Weights = Record<Criterion, number>;

export const DEFAULT_WEIGHTS: Weights = { early: 20, small: 20, hardTech: 20, innovation: 20, fit: 20 };
/** Colours of the breakdown entries: the five weighted criteria and portfolio fit (learned from the history, no slider). */
export const CRITERION_COLORS: Record<Criterion | 'portfolio', string> = {
  early: '#1d4ed8', small: '#0891b2', hardTech: '#7c3aed', innovation: '#d97706', fit: '#16a34a', portfolio: '#db2777',
};

/** Each weight's share of the total in whole percent, summing to exactly 100 (largest remainder). */
export function normalisedShares(weights: Weights): Weights {
  const total = CRITERIA.reduce((s, k) => s + Math.max(0, weights[k] ?? 0), 0);
  if (total <= 0) return { early: 20, small: 20, hardTech: 20, innovation: 20, fit: 20 };
  const exact = CRITERIA.map((k) => ({ k, v: (Math.max(0, weights[k] ?? 0) * 100) / total }));
  const floors = exact.map((e) => ({ ...e, f: Math.floor(e.v) }));
  let left = 100 - floors.reduce((s, e) => s + e.f, 0);
  [...floors].sort((a, b) => b.v - b.f - (a.v - a.f)).forEach((e) => {
    if (left > 0) {
      e.f += 1;
      left -= 1;
    }
  });
  return Object.fromEntries(floors.map((e) => [e.k, e.f])) as Weights;
}

/** Five sliders (0–100, relative importance) with each criterion's normalised share and a stacked bar. */
export function WeightSliders({ value = DEFAULT_WEIGHTS, onChange }: { value?: Weights; onChange?: (w: Weights) => void }) {
  const { t } = useTranslation();
  const shares = normalisedShares(value);
  return (
    <div data-testid="weight-sliders">
      <div
        aria-label={t('mandate.weights')}
        style={{ display: 'flex', height: 10, borderRadius: 5, overflow: 'hidden', marginBottom: 16, background: '#f0f0f0' }}
      >
        {CRITERIA.map((k) => (
          <Tooltip key={k} title={`${t(`criterion.${k}`)} ${shares[k]}%`}>
            <div data-testid={`share-bar-${k}`} style={{ width: `${shares[k]}%`, background: CRITERION_COLORS[k], transition: 'width .2s' }} />
          </Tooltip>
        ))}
      </div>
      {CRITERIA.map((k) => (
        <div key={k} style={{ display: 'grid', gridTemplateColumns: '120px 1fr 56px', alignItems: 'center', gap: 12 }}>
          <span>
            <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: CRITERION_COLORS[k], marginRight: 8 }} />
            {t(`criterion.${k}`)}
          </span>
          <Slider
            min={0}
            max={100}
            step={5}
            value={value[k]}
            onChange={(v: number) => onChange?.({ ...value, [k]: v })}
            aria-label={t(`criterion.${k}`)}
            data-testid={`weight-${k}`}
          />
          <span data-testid={`share-${k}`} style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontWeight: 500 }}>
            {shares[k]}%
          </span>
        </div>
      ))}
    </div>
  );
}
