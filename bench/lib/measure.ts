import { cpus, totalmem } from 'node:os';

/** Latency summary in milliseconds. */
export interface Timing {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
}

export interface TimeItOptions {
  /** Runs discarded before measuring: JIT, connection pools and caches settle first. */
  warmup?: number;
  iterations: number;
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryMb: number;
  node: string;
  platform: string;
}

/** What every bench prints: one JSON object, the baseline measured in the same run. */
export interface BenchResult {
  name: string;
  machine: MachineInfo;
  params?: Record<string, unknown>;
  figures: Record<string, unknown>;
  baseline: Record<string, unknown>;
  ratios: Record<string, number>;
  /** Optional: the targets, each MET / MISSED with the figures it read. */
  targets?: Record<string, unknown>;
  notes?: string[];
}

type Work = (i: number) => unknown;

const round = (x: number, digits = 3) => Number(x.toFixed(digits));
const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** Nearest-rank percentile of sorted samples (no interpolation: every value was really observed). */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return {
    n: sorted.length,
    mean: round(mean),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    min: round(sorted[0] ?? NaN),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/** Times `fn` once per iteration (sequentially, awaiting promises). */
export async function timeIt(fn: Work, { warmup = 0, iterations }: TimeItOptions): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    samples.push(elapsedMs(start));
  }
  return summarize(samples);
}

/**
 * Times a baseline and a candidate interleaved (A B B A …), so drift during the run — table
 * growth, checkpoints, a noisy neighbour, thermal throttling — lands on both sides equally instead
 * of on whichever ran second.
 */
export async function timePair(
  baseline: Work,
  candidate: Work,
  { warmup = 0, iterations }: TimeItOptions,
): Promise<{ baseline: Timing; candidate: Timing }> {
  for (let i = 0; i < warmup; i++) {
    await baseline(i);
    await candidate(i);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const order: [Work, number[]][] =
      i % 2 === 0
        ? [
            [baseline, a],
            [candidate, b],
          ]
        : [
            [candidate, b],
            [baseline, a],
          ];
    for (const [fn, samples] of order) {
      const start = process.hrtime.bigint();
      await fn(i);
      samples.push(elapsedMs(start));
    }
  }
  return { baseline: summarize(a), candidate: summarize(b) };
}

/** Wall-clock milliseconds of one run of `fn`. */
export async function wallMs(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return round(elapsedMs(start));
}

/** figure ÷ baseline, rounded; > 1 means the figure is slower (or bigger). */
export function ratio(figure: number, baseline: number): number {
  return baseline === 0 ? NaN : round(figure / baseline);
}

export function heapUsedMb(): number {
  return round(process.memoryUsage().heapUsed / 1024 / 1024, 1);
}

export function machineInfo(): MachineInfo {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    memoryMb: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** Progress goes to stderr, so stdout carries exactly one JSON object and can be piped to jq or a file. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function printResult(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

/** `--name value` or `--name=value` as an integer, with a default. */
export function intArg(args: string[], name: string, fallback: number): number {
  const flag = `--${name}`;
  const i = args.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  if (i < 0) return fallback;
  const raw = args[i].includes('=') ? args[i].slice(flag.length + 1) : args[i + 1];
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} needs a positive integer (got ${raw})`);
  return value;
}
