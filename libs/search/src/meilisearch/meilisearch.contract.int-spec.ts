import { MeiliServer, meiliBinary, meiliSkipNotice } from '../../../../test/support/meilisearch-server';
import { describeSearchContract } from '../search.contract';
import { MeilisearchEngine } from './meilisearch-engine';

// Against a real server: a private one when MEILI_BIN is set (`.ci/run` sets it when a server is
// installed), else a running one at MEILI_URL (MEILI_MASTER_KEY); with neither, skipped with a notice.
const bin = meiliBinary();
const sharedUrl = process.env.MEILI_URL;

if (bin || sharedUrl) {
  jest.setTimeout(60_000);
  let server: MeiliServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });
  describeSearchContract('meilisearch', async () => {
    server = bin ? await MeiliServer.start(bin) : undefined;
    const engine = new MeilisearchEngine({
      url: server?.url ?? sharedUrl!,
      apiKey: server?.masterKey ?? process.env.MEILI_MASTER_KEY,
      indexPrefix: `test_${process.pid}_`,
      taskTimeoutMs: 30_000,
      batchSize: 3,
    });
    const health = await engine.health();
    if (!health.ok) throw new Error(`Meilisearch at ${server?.url ?? sharedUrl} is not healthy: ${health.detail}`);
    return engine;
  });
} else {
  console.info(meiliSkipNotice('Meilisearch contract suite'));
  describe.skip('SearchIndex contract: meilisearch (no server)', () => {
    it('runs against a Meilisearch server', () => undefined);
  });
}
