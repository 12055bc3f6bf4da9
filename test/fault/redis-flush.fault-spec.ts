import Redis from 'ioredis';
import { converge, createDrafts, FaultEnv, inParallel, makeCohort, publish, type Cohort } from '../support/fault-env';

/**
 * Redis here keeps nothing on disk (house rule 6). A FLUSHALL drops jobs the relay already marked
 * dispatched without breaking a connection, and a restart drops everything: the worker notices its
 * sentinel key gone and re-delivers from the outbox, and each API process notices sequences it
 * never received and applies them from the table. Search and deal flow must end up equal to the
 * database, without restarting anything, and readiness must report the lag while it lasts.
 */
describe('faults: Redis loses its keys during a publish burst', () => {
  jest.setTimeout(240_000);
  let world: FaultEnv;
  let cohort: Cohort;
  let admin: Redis;

  // A world of its own per test (cluster, redis-server, api, worker: ~7–9 s on a busy 2-core machine),
  // so no test starts from another's flushed, restarted or stopped state.
  beforeEach(async () => {
    world = await FaultEnv.start();
    cohort = await makeCohort(world);
    admin = new Redis(world.redis.url, { maxRetriesPerRequest: null });
    admin.on('error', () => undefined);
  });

  afterEach(async () => {
    admin?.disconnect();
    await world?.close();
  });

  /** Publishes every draft, calling `fault(i)` after the i-th acknowledgement; all must be acknowledged. */
  async function burst(drafts: string[], fault: (acked: number) => Promise<void>) {
    let acked = 0;
    const statuses = await inParallel(drafts, 6, async (id) => {
      const res = await publish(world, cohort, id);
      if (res.status === 200) await fault(++acked);
      return res.status;
    });
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  }

  it('one FLUSHALL in the middle of 150 publishes: nothing lost, search and deal flow converge', async () => {
    const drafts = await createDrafts(world, cohort, 150, '一次清空');
    await burst(drafts, async (acked) => {
      if (acked === 60) await admin.flushall();
    });
    const result = await converge(world, cohort);
    expect(result.published).toBe(150);
    expect(world.worker.output()).toMatch(/Redis lost its keys \(sentinel missing\)/);
  });

  it('FLUSHALL again and again during 150 publishes: still nothing lost', async () => {
    const drafts = await createDrafts(world, cohort, 150, '反复清空');
    await burst(drafts, async (acked) => {
      if (acked % 25 === 0) await admin.flushall();
    });
    const result = await converge(world, cohort);
    expect(result.published).toBe(150);
  });

  it('redis-server killed and restarted mid-burst: nothing lost, nothing restarted', async () => {
    const drafts = await createDrafts(world, cohort, 100, '重启缓存');
    await burst(drafts, async (acked) => {
      if (acked === 40) {
        await world.redis.down();
        await world.redis.up();
      }
    });
    const result = await converge(world, cohort);
    expect(result.published).toBe(100);
    expect(world.api.proc.exitCode).toBeNull();
    expect(world.worker.proc.exitCode).toBeNull();
  });

  it('readiness reports the projections lag (events, seconds) while it lasts, without failing', async () => {
    const drafts = await createDrafts(world, cohort, 20, '滞后');
    world.worker.proc.kill('SIGSTOP'); // a stuck worker: nothing is relayed
    try {
      await burst(drafts, async () => undefined);
      let ready = await world.ready();
      while (!(ready.body.info.projections.behind >= 20 && ready.body.info.projections.degraded)) {
        await new Promise((r) => setTimeout(r, 200));
        ready = await world.ready();
      }
      expect(ready.status).toBe(200);
      expect(ready.body.info.projections.degraded).toBe(true);
      expect(ready.body.info.projections.behind).toBeGreaterThanOrEqual(20);
      expect(ready.body.info.projections.lagSeconds).toBeGreaterThan(0);
    } finally {
      world.worker.proc.kill('SIGCONT');
    }
    const result = await converge(world, cohort);
    expect(result.published).toBe(20);
    let ready = await world.ready();
    while (ready.body.info.projections.behind !== 0) {
      await new Promise((r) => setTimeout(r, 200));
      ready = await world.ready();
    }
    expect(ready.body.info.projections).toMatchObject({ behind: 0, lagSeconds: 0, degraded: false });
  });
});
