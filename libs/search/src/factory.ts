import { EmbeddedSearchEngine } from './embedded/embedded-engine';
import { SegmenterKind } from './embedded/tokenizer';
import { MeilisearchEngine } from './meilisearch/meilisearch-engine';
import { SearchEngine } from './port';

export type SearchEngineConfig =
  | { engine: 'embedded'; segmenter?: SegmenterKind }
  | {
      engine: 'meilisearch';
      url: string;
      apiKey?: string;
      indexPrefix?: string;
      taskTimeoutMs?: number;
      requestTimeoutMs?: number;
      batchSize?: number;
    };

/**
 * The one way to get an engine: SEARCH_ENGINE=embedded (default, in-process) or
 * SEARCH_ENGINE=meilisearch with MEILI_URL and MEILI_MASTER_KEY.
 */
export function createSearchEngine(config: SearchEngineConfig): SearchEngine {
  if (config.engine === 'meilisearch') {
    if (!config.url) throw new Error('SEARCH_ENGINE=meilisearch needs MEILI_URL');
    const { engine: _engine, ...options } = config;
    void _engine;
    return new MeilisearchEngine(options);
  }
  return new EmbeddedSearchEngine({ segmenter: config.segmenter });
}
