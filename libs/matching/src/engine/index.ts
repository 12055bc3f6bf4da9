/**
 * Matching engine: hard constraints, five explained criteria (投早 · 投小 · 投硬科技 · 创新积分（估算） ·
 * fit), a columnar snapshot with a bounded top-k, cursor pagination and the no-grant redaction.
 * Pure TypeScript — no Nest, no I/O, no clock, no randomness.
 */
export * from './types';
export { Cohort } from './cohort';
export { evaluateConstraints } from './constraints';
export { compileMandate, normalizeWeights, type CompiledMandate } from './mandate';
export { explainMatch, explainPair, rankNaive, CRITERION_LABELS } from './score';
export { Snapshot, MAX_KEYWORDS } from './snapshot';
export { rankMandate } from './rank';
export { TopK } from './top-k';
export { redactForInvestor } from './redact';
export { isConfidential } from './format';
export { INNOVATION_INDICATORS } from './criteria/innovation-indicators';
export { ENGINE_VERSION, SCORE_VERSION, EngineInputError } from './reference';
export { innovationWeights } from './criteria/innovation';
