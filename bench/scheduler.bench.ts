// Roadshow 1:1 scheduler: weighted meetings vs the HiGHS LP/MIP bound, breaks vs the proven optimum, time; next to a greedy first-fit baseline (sections a: 300×150 synthetic day, b: B2B-shaped JAIR-like days, c: 6 projects × 32 VCs)
import {
  computeBounds,
  firstFitSchedule,
  schedule,
  syntheticB2bDay,
  syntheticRoadshowDay,
  universityVcDay,
  type DayInput,
  type ScheduleResult,
} from '@app/roadshows';
import { BenchResult, intArg, log, machineInfo, printResult, ratio, timeIt } from './lib/measure';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const section = (args.find((a) => a.startsWith('--section='))?.split('=')[1] ??
  (args.includes('--section') ? args[args.indexOf('--section') + 1] : 'all')) as 'a' | 'b' | 'c' | 'all';
const seed = intArg(args, 'seed', 1);
const iterations = intArg(args, 'iterations', smoke ? 1 : 3);
const investors = intArg(args, 'investors', smoke ? 60 : 300);
const startups = intArg(args, 'startups', smoke ? 30 : 150);
const requests = intArg(args, 'requests', smoke ? 600 : 3000);
const tables = intArg(args, 'tables', smoke ? 8 : 40);
const mipSeconds = intArg(args, 'mip-seconds', smoke ? 2 : 20);

const TARGET = { ratio: 0.99, ms: 2000 };
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

interface Row {
  instance: string;
  meetings: number;
  scheduler: { weight: number; meetings: number; breaks: number; maxBreaks: number; ms: number };
  firstFit: { weight: number; meetings: number; breaks: number; ms: number };
  bound: { weight: number; meetings: number; kind: 'lp' | 'mip'; breaksOptimum: number | null; solveMs: number };
  ratio: { weight: number; meetings: number; firstFitWeight: number };
  meetsTarget: boolean;
}

function check(day: DayInput, r: ScheduleResult): void {
  const at = new Set<string>();
  for (const a of r.scheduled)
    for (const key of [...a.participants.map((p) => `${p}@${a.slot}`), `#${a.table}@${a.slot}`]) {
      if (at.has(key)) throw new Error(`double booking ${key}`);
      at.add(key);
    }
  if (r.scheduled.length + r.unscheduled.length !== day.meetings.length) throw new Error('meetings lost');
}

async function measure(instance: string, day: DayInput, mip: boolean): Promise<Row> {
  let ours!: ScheduleResult;
  let ff!: ScheduleResult;
  const t1 = await timeIt(() => (ours = schedule(day, { seed })), { iterations });
  const t2 = await timeIt(() => (ff = firstFitSchedule(day)), { iterations });
  check(day, ours);
  check(day, ff);
  const started = performance.now();
  const b = await computeBounds(day, { mip, timeLimitSec: mipSeconds, mipMaxColumns: Infinity });
  const solveMs = Math.round(performance.now() - started);
  const best = b.mip?.proven ? { ...b.mip, kind: 'mip' as const } : { ...b.lp, kind: 'lp' as const };
  if (ours.stats.weight > best.weight + 1e-6) throw new Error(`${instance}: above the bound`);
  const row: Row = {
    instance,
    meetings: day.meetings.length,
    scheduler: {
      weight: ours.stats.weight,
      meetings: ours.stats.meetings,
      breaks: ours.stats.breaks,
      maxBreaks: ours.stats.maxBreaksPerParticipant,
      ms: t1.p50,
    },
    firstFit: { weight: ff.stats.weight, meetings: ff.stats.meetings, breaks: ff.stats.breaks, ms: t2.p50 },
    bound: {
      weight: best.weight,
      meetings: best.meetings,
      kind: best.kind,
      breaksOptimum: b.breaksLowerBound,
      solveMs,
    },
    ratio: {
      weight: r4(ours.stats.weight / best.weight),
      meetings: r4(ours.stats.meetings / best.meetings),
      firstFitWeight: r4(ff.stats.weight / best.weight),
    },
    meetsTarget: ours.stats.weight / best.weight >= TARGET.ratio && t1.p50 <= TARGET.ms,
  };
  log(
    `${instance}: ${JSON.stringify(row.ratio)} breaks ${row.scheduler.breaks} (opt ${b.breaksLowerBound}) ${t1.p50} ms`,
  );
  return row;
}

async function main(): Promise<void> {
  const rows: Record<string, Row[]> = {};
  if (section === 'a' || section === 'all') {
    const day = syntheticRoadshowDay({ investors, startups, slots: 16, tables, requests, lockedShare: 0.1, seed });
    rows.a = [await measure(`${investors}x${startups}`, day, false)];
  }
  if (section === 'b' || section === 'all') {
    const shapes = smoke
      ? [[12, 20, 6]]
      : [
          [12, 20, 6],
          [16, 30, 8],
          [42, 125, 10],
          [54, 180, 14],
          [66, 240, 18],
          [78, 302, 22],
        ];
    rows.b = [];
    for (const [participants, meetings, slots] of shapes) {
      const day = syntheticB2bDay({ participants, meetings, slots, seed });
      rows.b.push(await measure(`b2b-${participants}p-${meetings}m-${slots}s`, day, true));
    }
  }
  if (section === 'c' || section === 'all')
    rows.c = [await measure('6-projects-x-32-vcs', universityVcDay(seed), true)];

  const all = Object.values(rows).flat();
  const result: BenchResult = {
    name: 'scheduler',
    machine: machineInfo(),
    params: { smoke, section, seed, iterations, investors, startups, requests, tables, mipSeconds, target: TARGET },
    figures: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v])),
    baseline: Object.fromEntries(all.map((r) => [r.instance, r.firstFit])),
    ratios: Object.fromEntries(
      all.flatMap((r) => [
        [`${r.instance}.weightVsBound`, r.ratio.weight],
        [`${r.instance}.weightVsFirstFit`, ratio(r.scheduler.weight, r.firstFit.weight)],
        [`${r.instance}.breaksVsFirstFit`, ratio(r.scheduler.breaks, Math.max(1, r.firstFit.breaks))],
      ]),
    ),
    notes: [
      'scheduler: schedule() with the default budget (200 000 move attempts); firstFit: input order, first fitting slot, no search',
      'bound: the MIP optimum when HiGHS proved it within --mip-seconds, else the LP relaxation; breaksOptimum: fewest breaks among schedules of the optimal weight (null = not proven in time)',
      `target: weight ≥ ${TARGET.ratio} × bound in ≤ ${TARGET.ms} ms (meetsTarget per instance)`,
    ],
  };
  printResult(result);
}

main().catch((e) => {
  log(String(e instanceof Error ? e.stack : e));
  process.exit(1);
});
