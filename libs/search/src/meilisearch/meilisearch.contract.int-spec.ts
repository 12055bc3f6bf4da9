import { describeSearchContract } from '../search.contract';
import { MeilisearchEngine } from './meilisearch-engine';

// Runs against a real server when MEILI_URL is set (MEILI_MASTER_KEY optional); otherwise skipped
// with a notice — no Meilisearch server can be installed on the development machine.
const url = process.env.MEILI_URL;

if (url) {
  jest.setTimeout(60_000);
  describeSearchContract('meilisearch', async () => {
    const engine = new MeilisearchEngine({
      url,
      apiKey: process.env.MEILI_MASTER_KEY,
      indexPrefix: `test_${process.pid}_`,
      taskTimeoutMs: 30_000,
      batchSize: 3,
    });
    const health = await engine.health();
    if (!health.ok) throw new Error(`Meilisearch at ${url} is not healthy: ${health.detail}`);
    return engine;
  });
} else {
  console.info('Meilisearch contract suite skipped: set MEILI_URL (and MEILI_MASTER_KEY) to run it against a server.');
  describe.skip('SearchIndex contract: meilisearch (MEILI_URL not set)', () => {
    it('runs against a Meilisearch server', () => undefined);
  });
}
