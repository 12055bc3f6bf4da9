import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { DEFAULT_WEIGHTS, normalisedShares, WeightSliders, type Weights } from './WeightSliders';

function Harness({ onChange }: { onChange?: (w: Weights) => void }) {
  const [w, setW] = useState<Weights>(DEFAULT_WEIGHTS);
  return <WeightSliders value={w} onChange={(next) => { setW(next); onChange?.(next); }} />;
}

describe('normalisedShares', () => {
  it('sums to exactly 100 with largest-remainder rounding', () => {
    const s = normalisedShares({ early: 1, small: 1, hardTech: 1, innovation: 0, fit: 0 });
    expect(s.early + s.small + s.hardTech + s.innovation + s.fit).toBe(100);
    expect([s.early, s.small, s.hardTech].sort()).toEqual([33, 33, 34]);
    expect(s.innovation).toBe(0);
  });
  it('falls back to equal shares when every weight is zero', () => {
    expect(normalisedShares({ early: 0, small: 0, hardTech: 0, innovation: 0, fit: 0 }).fit).toBe(20);
  });
});

describe('<WeightSliders>', () => {
  it('shows each criterion with its share and re-normalises when a slider moves', async () => {
    const onChange = vi.fn();
    await renderWithProviders(<Harness onChange={onChange} />);
    expect(screen.getByText('硬科技属性')).toBeTruthy();
    expect(screen.getByTestId('share-fit').textContent).toBe('20%');

    // Keyboard on the fit slider's handle: End jumps to 100 (the others stay at 20 → 100 / 180).
    const handle = screen.getAllByRole('slider')[4]; // early, small, hardTech, innovation, fit
    fireEvent.keyDown(handle, { key: 'End', code: 'End', keyCode: 35 });
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_WEIGHTS, fit: 100 });
    expect(screen.getByTestId('share-fit').textContent).toBe('56%');
    const total = ['early', 'small', 'hardTech', 'innovation', 'fit']
      .map((k) => Number(screen.getByTestId(`share-${k}`).textContent!.replace('%', '')))
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(100);
    expect((screen.getByTestId('share-bar-fit') as HTMLElement).style.width).toBe('56%');
  });
});
