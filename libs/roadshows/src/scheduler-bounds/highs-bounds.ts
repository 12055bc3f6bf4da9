import highsLoader from 'highs';
import {
  boundModel,
  breaksModel,
  buildProblem,
  schedule,
  type DayInput,
  type Problem,
  type ScheduleOptions,
  type ScheduleResult,
} from '../scheduler';

// Why here and not in scheduler/: the highs loader reads its .wasm from disk (node:fs) and is
// async; scheduler/ stays pure and synchronous and only writes the model text (bound-model.ts).

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loading: Promise<Highs> | undefined;
/** One HiGHS instance per process (loading the WebAssembly takes ~100 ms). */
export function loadHighs(): Promise<Highs> {
  loading ??= highsLoader();
  return loading;
}

export interface BoundsOptions {
  /** Also solve the MIP (prove the optimum): true, false, or 'auto' = when ≤ `mipMaxColumns` columns (default). */
  mip?: boolean | 'auto';
  mipMaxColumns?: number;
  /** HiGHS time limit per solve, seconds (default 20); a MIP that hits it proves nothing. */
  timeLimitSec?: number;
}

export interface ScheduleBounds {
  /** LP relaxation: no schedule holds more weight, nor more meetings. */
  lp: { weight: number; meetings: number };
  /** The MIP optimum when HiGHS proved it (else absent). */
  mip?: { weight: number; meetings: number; proven: boolean };
  /** Fewest breaks among schedules of the optimal weight, when the MIP proved it; null otherwise. */
  breaksLowerBound: number | null;
  columns: number;
}

export interface ScheduleWithBounds extends ScheduleResult {
  bounds: ScheduleBounds;
  /** Achieved ÷ bound (best proven bound: MIP if proven, else LP). */
  ratio: { weight: number; meetings: number };
}

export async function computeBounds(input: DayInput | Problem, options: BoundsOptions = {}): Promise<ScheduleBounds> {
  const pr = 'meetingIds' in input ? input : buildProblem(input);
  const highs = await loadHighs();
  const timeLimit = options.timeLimitSec ?? 20;
  const columns = pr.candidates.reduce((n, c) => n + c.length, 0);
  const solve = (lp: string, mip: boolean) => {
    const r = highs.solve(lp, { output_flag: false, time_limit: timeLimit, ...(mip ? { mip_rel_gap: 0 } : {}) });
    return { optimal: r.Status === 'Optimal', value: r.ObjectiveValue };
  };
  const lpWeight = solve(boundModel(pr, { objective: 'weight', integer: false }), false);
  const lpCount = solve(boundModel(pr, { objective: 'count', integer: false }), false);
  if (!lpWeight.optimal || !lpCount.optimal) throw new Error('the LP relaxation did not solve to optimality');
  const bounds: ScheduleBounds = {
    lp: { weight: round(lpWeight.value), meetings: Math.floor(lpCount.value + 1e-6) },
    breaksLowerBound: null,
    columns,
  };
  const wantMip =
    options.mip === true || ((options.mip ?? 'auto') === 'auto' && columns <= (options.mipMaxColumns ?? 8000));
  if (!wantMip) return bounds;
  const w = solve(boundModel(pr, { objective: 'weight', integer: true }), true);
  const c = solve(boundModel(pr, { objective: 'count', integer: true }), true);
  bounds.mip = { weight: round(w.value), meetings: Math.round(c.value), proven: w.optimal && c.optimal };
  if (w.optimal) {
    const b = solve(breaksModel(pr, w.value - 1e-6 * Math.max(1, w.value)), true);
    if (b.optimal) bounds.breaksLowerBound = Math.round(b.value);
  }
  return bounds;
}

/** `schedule()` plus its bounds and the achieved ratio. */
export async function scheduleWithBounds(
  input: DayInput,
  options: ScheduleOptions & BoundsOptions = {},
): Promise<ScheduleWithBounds> {
  const result = schedule(input, options);
  const bounds = await computeBounds(buildProblem(input), options);
  const best = bounds.mip?.proven ? bounds.mip : bounds.lp;
  return {
    ...result,
    bounds,
    ratio: {
      weight: best.weight > 0 ? round(result.stats.weight / best.weight) : 1,
      meetings: best.meetings > 0 ? round(result.stats.meetings / best.meetings) : 1,
    },
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
