import type { Problem } from './problem';

/**
 * The time-indexed model of the day in CPLEX LP text, for an LP/MIP solver (HiGHS in
 * `scheduler-bounds`): x(m,s) = meeting m at slot s over its candidate slots; one slot per meeting,
 * one meeting per person and slot, shared tables per slot, maxima per person, locked meetings fixed.
 * Its LP relaxation bounds every schedule; solved as a MIP it gives the optimum.
 */
export interface BoundModelOptions {
  /** What to maximise: Σ weight·x, or the number of meetings. */
  objective: 'weight' | 'count';
  integer: boolean;
}

export const columnName = (m: number, s: number) => `x${m}_${s}`;

export function boundModel(pr: Problem, { objective, integer }: BoundModelOptions): string {
  const terms = objectiveTerms(pr, objective);
  const rows = scheduleRows(pr);
  return lpText('Maximize', terms, rows, allColumns(pr), integer ? allColumns(pr) : []);
}

/**
 * Second stage: among schedules of weight ≥ `minWeight`, the fewest breaks. A participant's
 * breaks in a session = (meeting blocks started) − (1 if any meeting): st(p,s) ≥ y(p,s) − y(p,s−1),
 * a(p,k) ≤ Σ y(p,s) over the session, minimise Σ st − Σ a.
 */
export function breaksModel(pr: Problem, minWeight: number): string {
  const S = pr.slots;
  const rows = scheduleRows(pr);
  rows.push(`wmin: ${objectiveTerms(pr, 'weight').join(' + ')} >= ${num(minWeight)}`);
  const at = new Map<number, number[]>();
  pr.candidates.forEach((c, m) => c.forEach((s) => pr.parts[m].forEach((p) => push(at, p * S + s, m))));
  const y = (p: number, s: number, sign: '+' | '-') =>
    (at.get(p * S + s) ?? []).map((m) => `${sign} ${columnName(m, s)}`);
  const extra: string[] = [];
  const binaries: string[] = [];
  const obj: string[] = [];
  pr.participantIds.forEach((_, p) => {
    if (pr.meetingsOf[p].length < 2) return;
    pr.sessions.forEach((sess, k) => {
      const inSession: string[] = [];
      for (let s = sess.start; s < sess.end; s++) {
        inSession.push(...y(p, s, '+'));
        const here = y(p, s, '-');
        if (here.length === 0) continue;
        const st = `st${p}_${s}`;
        extra.push(st);
        obj.push(st);
        const prev = s > sess.start ? y(p, s - 1, '+') : [];
        rows.push(`b${p}_${s}: ${st} ${here.join(' ')} ${prev.join(' ')} >= 0`);
      }
      if (inSession.length === 0) return;
      const an = `a${p}_${k}`;
      binaries.push(an);
      obj.push(`- ${an}`);
      rows.push(`n${p}_${k}: ${an} ${inSession.map((t) => t.replace('+', '-')).join(' ')} <= 0`);
    });
  });
  const columns = [...allColumns(pr), ...extra.map((c) => `${c} <= 1`), ...binaries];
  return lpText('Minimize', obj.length > 0 ? obj : ['0 x_empty'], rows, columns, [...allColumns(pr), ...binaries]);
}

function objectiveTerms(pr: Problem, objective: 'weight' | 'count'): string[] {
  const terms: string[] = [];
  pr.candidates.forEach((c, m) => {
    const w = objective === 'weight' ? num(pr.weight[m]) : '1';
    for (const s of c) terms.push(`${w} ${columnName(m, s)}`);
  });
  return terms.length > 0 ? terms : ['0 x_empty'];
}

function scheduleRows(pr: Problem): string[] {
  const S = pr.slots;
  const rows: string[] = [];
  const at = new Map<number, number[]>();
  const shared = new Map<number, number[]>();
  pr.candidates.forEach((c, m) => {
    if (c.length === 0) return;
    const sum = c.map((s) => columnName(m, s)).join(' + ');
    rows.push(pr.lockedSlot[m] >= 0 ? `m${m}: ${sum} = 1` : `m${m}: ${sum} <= 1`);
    for (const s of c) {
      for (const p of pr.parts[m]) push(at, p * S + s, m);
      if (pr.boothTable[m] < 0) push(shared, s, m);
    }
  });
  for (const [key, ms] of at) {
    if (ms.length < 2) continue;
    const s = key % S;
    rows.push(`p${key}: ${ms.map((m) => columnName(m, s)).join(' + ')} <= 1`);
  }
  for (const [s, ms] of shared) {
    if (ms.length > pr.sharedTables)
      rows.push(`t${s}: ${ms.map((m) => columnName(m, s)).join(' + ')} <= ${pr.sharedTables}`);
  }
  pr.meetingsOf.forEach((ms, p) => {
    const cols = ms.flatMap((m) => pr.candidates[m].map((s) => columnName(m, s)));
    if (ms.length > pr.maxMeetings[p] && cols.length > 0)
      rows.push(`c${p}: ${cols.join(' + ')} <= ${pr.maxMeetings[p]}`);
  });
  return rows;
}

function allColumns(pr: Problem): string[] {
  return pr.candidates.flatMap((c, m) => c.map((s) => columnName(m, s)));
}

function lpText(sense: string, objective: string[], rows: string[], bounded: string[], integers: string[]): string {
  const wrap = (line: string) => line.replace(/((?:\S+\s+){40})/g, '$1\n  ');
  const out = [sense, wrap(` obj: ${objective.join(' + ').replace(/\+ -/g, '-')}`), 'Subject To'];
  for (const r of rows) out.push(wrap(` ${r}`));
  out.push('Bounds');
  for (const c of bounded) out.push(c.includes('<=') ? ` 0 <= ${c}` : ` 0 <= ${c} <= 1`);
  if (integers.length > 0) {
    out.push('Generals');
    for (let i = 0; i < integers.length; i += 40) out.push(` ${integers.slice(i, i + 40).join(' ')}`);
  }
  out.push('End');
  return out.join('\n');
}

function push(map: Map<number, number[]>, key: number, m: number): void {
  const list = map.get(key);
  if (list) list.push(m);
  else map.set(key, [m]);
}

const num = (x: number) => String(Number(x.toPrecision(12)));
