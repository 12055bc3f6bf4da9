import { meiliBinary, meiliSkipNotice } from '../../../test/support/meilisearch-server';
import { describeSearchE2e } from './search-e2e.suite';

// The same end-to-end cases against a private real Meilisearch server (MEILI_BIN; `.ci/run` sets it
// when a server is installed). Without one: skipped with a notice.
if (meiliBinary()) {
  jest.setTimeout(60_000);
  describeSearchE2e('meilisearch');
} else {
  console.info(meiliSkipNotice('search e2e (SEARCH_ENGINE=meilisearch)'));
  describe.skip('search: GET /api/v1/search (meilisearch: no server binary)', () => {
    it('runs against a Meilisearch server', () => undefined);
  });
}
