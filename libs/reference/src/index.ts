/**
 * @app/reference — the vocabulary every lib shares: tracks, industries, stages, instruments,
 * qualification kinds, region codes and the official rubrics with their evaluators.
 * Pure data and pure functions: no Nest, no TypeORM, no clock, no network (lint enforces it).
 */
export * from './project-enums';
export * from './tracks';
export * from './industries';
export * from './regions';
export * from './region-tree';
export * from './validators';
export * from './constraint-modes';
// The rubric engine is namespaced: its IpType/QualificationKind mirror the enums above.
export * as Qualification from './qualification';
export { TECH_SME_2022, SME_SIZE_2011 } from './qualification';
