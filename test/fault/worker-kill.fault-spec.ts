import { converge, createDrafts, FaultEnv, inParallel, makeCohort, publish, type Cohort } from '../support/fault-env';

/**
 * kill -9 of the worker while it relays (outbox rows claimed, jobs half-added) and while the
 * projection broadcast and search sync jobs run: after a restart every event is delivered (no row
 * left pending, the API's watermark at the outbox head) and search and deal flow equal the database.
 */
describe('faults: the worker killed mid-relay and mid-sync', () => {
  jest.setTimeout(240_000);
  let world: FaultEnv;
  let cohort: Cohort;

  beforeEach(async () => {
    world = await FaultEnv.start();
    cohort = await makeCohort(world);
  });

  afterEach(() => world?.close());

  async function workerReady() {
    const res = await fetch(`http://127.0.0.1:${world.workerPort}/health/ready`);
    return { status: res.status, body: (await res.json()) as any };
  }

  it('kill -9 during a 200-publish burst and again while it catches up: every event delivered once the worker is back', async () => {
    const drafts = await createDrafts(world, cohort, 200, '杀进程');
    let acked = 0;
    let restarted: Promise<void> | undefined;
    const statuses = await inParallel(drafts, 6, async (id) => {
      const res = await publish(world, cohort, id);
      if (res.status !== 200) return res.status;
      acked++;
      if (acked === 50) await world.worker.stop('SIGKILL'); // mid-relay: NOTIFY-driven passes in flight
      if (acked === 120) {
        // Restart, and kill it again as soon as it is live: it is relaying the backlog then.
        await world.startWorker();
        await world.worker.stop('SIGKILL');
        restarted = world.startWorker();
      }
      return res.status;
    });
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    await restarted;
    const result = await converge(world, cohort);
    expect(result.published).toBe(200);
    // Every committed event left the outbox, and this API process applied up to the head.
    let ready = await workerReady();
    while (ready.body.info.outbox.pending !== 0) {
      await new Promise((r) => setTimeout(r, 200));
      ready = await workerReady();
    }
    expect(ready.status).toBe(200);
    const [{ head }] = await world.pg.query<{ head: string }>('SELECT max(seq)::text AS head FROM outbox_events');
    let api = await world.ready();
    while (api.body.info.projections.watermark < Number(head)) {
      await new Promise((r) => setTimeout(r, 200));
      api = await world.ready();
    }
    expect(api.body.info.projections.watermark).toBeGreaterThanOrEqual(Number(head));
    expect(api.body.info.projections.behind).toBe(0);
  });
});
