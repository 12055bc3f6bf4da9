import { defineQueue } from '@app/platform';

/**
 * `search-sync`: committed project, company and mandate events → the external search engine, from
 * the worker (with SEARCH_ENGINE=embedded each API process indexes from the projection feed instead).
 * Jobs that arrive together, up to this concurrency, are written in one batch.
 */
export const SEARCH_SYNC_QUEUE = defineQueue('search-sync', {
  events: [
    'startups.startup_changed',
    'startups.project_changed',
    'funds.mandate_changed',
    'identity.organization_updated',
  ],
  concurrency: 100,
});
