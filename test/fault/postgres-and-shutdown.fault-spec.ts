import { money } from '../support/matching-fixtures';
import { FaultEnv, makeCohort, type Cohort } from '../support/fault-env';

const { wan } = money;

interface Outcome {
  status: number | 'network';
  id?: string;
  code?: string;
  during: 'before' | 'down' | 'after';
}

/**
 * Postgres restarted under a write load, and the API sent SIGTERM under load: a request gets a
 * coded answer (503 while the database is away, never 500), no write is half-applied (every
 * project row has its outbox event and the reverse), the app recovers by itself, and a draining
 * API finishes what it accepted.
 */
describe('faults: Postgres restart and SIGTERM under a write load', () => {
  jest.setTimeout(240_000);
  let world: FaultEnv;
  let cohort: Cohort;
  let seq = 0;

  // A world of its own per test: the SIGTERM test does not start from a Postgres that was just restarted.
  beforeEach(async () => {
    world = await FaultEnv.start();
    cohort = await makeCohort(world);
  });

  afterEach(() => world?.close());

  async function createOne(during: () => Outcome['during']): Promise<Outcome> {
    const phase = during();
    try {
      const res = await world.request('/api/v1/projects', {
        method: 'POST',
        token: cohort.founder.token,
        headers: { 'accept-language': 'en' },
        json: {
          startupId: cohort.startupId,
          title: `负载 ${seq++}`,
          stage: 'seed',
          amountSought: wan(800),
          instruments: ['equity'],
        },
      });
      return { status: res.status, id: res.body?.id, code: res.body?.code, during: phase };
    } catch {
      return { status: 'network', during: phase };
    }
  }

  /** Runs `workers` request loops until `stop()` says so; returns every outcome. */
  async function load(workers: number, phase: () => Outcome['during'], stop: (all: Outcome[]) => boolean) {
    const all: Outcome[] = [];
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (!stop(all)) all.push(await createOne(phase));
      }),
    );
    return all;
  }

  /** Rows and events agree: each project has its creation event, each event its project. */
  async function integrity() {
    const [orphanRows] = await world.pg.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM projects p
        WHERE NOT EXISTS (SELECT 1 FROM outbox_events o WHERE o.payload->>'projectId' = p.id::text)`,
    );
    const [orphanEvents] = await world.pg.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_events o
        WHERE o.type = 'startups.project_changed'
          AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.id::text = o.payload->>'projectId')`,
    );
    return { orphanRows: orphanRows.n, orphanEvents: orphanEvents.n };
  }

  it('Postgres stopped and started under load: 503 SERVICE_UNAVAILABLE meanwhile, nothing half-applied, recovery without a restart', async () => {
    let phase: Outcome['during'] = 'before';
    const count = (all: Outcome[], p: Outcome['during'], s: number | 'network') =>
      all.filter((o) => o.during === p && o.status === s).length;
    const done = load(
      4,
      () => phase,
      (all) => phase === 'after' && count(all, 'after', 201) >= 30,
    );
    // Faults are triggered by progress, not by time: 40 creates sent, then the database goes; 20
    // more sent while it is down, then it comes back.
    const waitFor = async (cond: () => boolean) => {
      while (!cond()) await new Promise((r) => setTimeout(r, 20));
    };
    await waitFor(() => seq >= 40);
    await world.pg.down('fast');
    phase = 'down';
    const downSince = seq;
    await waitFor(() => seq >= downSince + 20);
    const ready = await world.ready();
    expect(ready.status).toBe(503);
    expect(ready.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(ready.body.details.failing).toContain('database');
    await world.pg.up();
    phase = 'after';
    const seen = await done;
    // While it was down: coded 503s naming the database, never a 500 (or any other 5xx).
    const down = seen.filter((o) => o.during === 'down');
    const downStatuses = new Set(down.map((o) => o.status));
    expect([...downStatuses].filter((s) => s !== 503 && s !== 201)).toEqual([]);
    expect(down.filter((o) => o.status === 503).every((o) => o.code === 'SERVICE_UNAVAILABLE')).toBe(true);
    expect(count(seen, 'down', 503)).toBeGreaterThan(0);
    const fives = seen.filter((o) => typeof o.status === 'number' && o.status >= 500 && o.status !== 503);
    if (fives.length) {
      const logged = world.api
        .output()
        .split('\n')
        .filter((l) => l.includes('unhandled error'));
      throw new Error(`${fives.length} × 5xx other than 503:\n${logged.join('\n').slice(0, 4000)}`);
    }
    // Recovered without restarting anything: creates succeed again on the same processes.
    expect(count(seen, 'after', 201)).toBeGreaterThanOrEqual(30);
    expect(world.api.proc.exitCode).toBeNull();
    expect(world.worker.proc.exitCode).toBeNull();
    // Acknowledged creates are all there; a row that nobody was told about can only come from a
    // request whose answer was a 503 (the commit raced the shutdown), and then it is whole.
    const acked = seen.filter((o) => o.status === 201).map((o) => o.id!);
    const rows = await world.pg.query<{ id: string }>('SELECT id FROM projects');
    const inDb = new Set(rows.map((r) => r.id));
    expect(acked.filter((id) => !inDb.has(id))).toEqual([]);
    expect(inDb.size - acked.length).toBeLessThanOrEqual(count(seen, 'down', 503));
    expect(await integrity()).toEqual({ orphanRows: 0, orphanEvents: 0 });
    expect((await world.ready()).status).toBe(200);
  });

  it('SIGTERM under load: requests in flight finish, the process exits 0, nothing answered is missing', async () => {
    const before = (await world.pg.query<{ n: number }>('SELECT count(*)::int AS n FROM projects'))[0].n;
    let stopping = false;
    let exit: Promise<{ code: number | null; ms: number }> | undefined;
    const outcomes = await load(
      8,
      () => (stopping ? 'after' : 'before'),
      (all) => {
        if (!stopping && all.filter((o) => o.status === 201).length >= 40) {
          stopping = true;
          exit = world.api.stop('SIGTERM');
        }
        // Keep sending until the process is gone: late requests are refused at the door.
        return stopping && world.api.proc.exitCode !== null;
      },
    );
    const { code } = await exit!;
    expect(code).toBe(0);
    // Every answer is a 201: no request was cut off with a 5xx or an empty reply mid-way.
    const answered = outcomes.filter((o) => o.status !== 'network');
    expect(answered.filter((o) => o.status !== 201)).toEqual([]);
    // Requests that got no answer never reached a handler: the rows are exactly the 201s.
    const after = (await world.pg.query<{ n: number }>('SELECT count(*)::int AS n FROM projects'))[0].n;
    expect(after - before).toBe(answered.length);
    expect(await integrity()).toEqual({ orphanRows: 0, orphanEvents: 0 });
    await world.startApi();
    expect((await world.ready()).status).toBe(200);
  });
});
