/**
 * Money in rubric data is integer 分 (like every amount in Tourong), but the standards state their
 * thresholds in 万元, so rubric files write `wanYuan(20_000)` and read like the published text.
 */
export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN_YUAN = 10_000 * FEN_PER_YUAN;

export function wanYuan(wan: number): number {
  return wan * FEN_PER_WAN_YUAN;
}
