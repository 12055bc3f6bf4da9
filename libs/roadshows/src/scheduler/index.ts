/** The 1:1 meeting scheduler for roadshow days: pure functions over plain data (docs/roadshows.md, "Scheduler"). */
export * from './types';
export { SchedulerInputError, type SchedulerInputErrorCode } from './scheduler-input.error';
export { LIMITS, PRIORITY_FACTOR, buildProblem, type Problem } from './problem';
export { countBreaks } from './breaks';
export { seededRandom } from './prng';
export { schedule, firstFitSchedule, DEFAULT_BUDGET } from './schedule';
export { boundModel, breaksModel, columnName, type BoundModelOptions } from './bound-model';
export {
  syntheticRoadshowDay,
  syntheticB2bDay,
  universityVcDay,
  type RoadshowDayOptions,
  type B2bDayOptions,
} from './synthetic';
