/**
 * @app/matching/testing — engine fixtures (the source articles' companies and mandates) and the
 * synthetic cohort generator, for specs, benches and seeds. Outside `src`: `dist` does not ship it.
 */
export * from './synthetic';
export * from './engine.fixtures';
