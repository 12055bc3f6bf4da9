/** Search: one port, an embedded engine by default, a Meilisearch adapter. */
export {};
