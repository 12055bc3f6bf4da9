export {
  computeBounds,
  loadHighs,
  scheduleWithBounds,
  type BoundsOptions,
  type ScheduleBounds,
  type ScheduleWithBounds,
} from './highs-bounds';
