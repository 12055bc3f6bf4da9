/**
 * How a mandate constraint acts: `hard` excludes a project that fails it; `soft` keeps the project and
 * lowers its score by a penalty that grows with the distance, shown as a reason. One vocabulary for
 * the funds' terms (what an investor writes) and the matching engine (what it means).
 */
export const CONSTRAINT_GROUPS = [
  'ticket',
  'track',
  'region',
  'stage',
  'instrument',
  'qualifications',
  'hardTechMinimums',
] as const;
export type ConstraintGroup = (typeof CONSTRAINT_GROUPS)[number];

export const CONSTRAINT_MODES = ['hard', 'soft'] as const;
export type ConstraintMode = (typeof CONSTRAINT_MODES)[number];

export type ConstraintModes = Record<ConstraintGroup, ConstraintMode>;

/**
 * The defaults of a new mandate. What investors drift from in practice is soft (ticket, track, stage);
 * what is a rule stays hard: a 返投 region limit, the instruments a fund or bank can offer, required
 * qualifications and hard-tech minimums (often a policy or credit-product condition).
 */
export const DEFAULT_CONSTRAINT_MODES: Readonly<ConstraintModes> = {
  ticket: 'soft',
  track: 'soft',
  region: 'hard',
  stage: 'soft',
  instrument: 'hard',
  qualifications: 'hard',
  hardTechMinimums: 'hard',
};

/** A soft ticket edge is soft within this share beyond the edge (50 %: up to ¥15 m on a ¥10 m ceiling), hard beyond. */
export const DEFAULT_TICKET_TOLERANCE_PCT = 50;
