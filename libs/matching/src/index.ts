/** Matching: the pure engine for now; deal flow and the pipeline arrive with the rest of the matching issue. */
export * from './engine';
