import type { AppConfig } from '@app/platform';
import type { SearchEngineConfig } from '../factory';

/** Injection token of this process's `SearchEngine` (embedded or Meilisearch). */
export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');

/** SEARCH_ENGINE=embedded (default) or meilisearch with MEILI_URL / MEILI_MASTER_KEY; Meilisearch index uids start with QUEUE_PREFIX. */
export function searchEngineConfig(config: AppConfig): SearchEngineConfig {
  if (config.SEARCH_ENGINE === 'meilisearch') {
    return {
      engine: 'meilisearch',
      url: config.MEILI_URL ?? '',
      apiKey: config.MEILI_MASTER_KEY || undefined,
      indexPrefix: `${config.QUEUE_PREFIX}_`,
    };
  }
  return { engine: 'embedded' };
}
