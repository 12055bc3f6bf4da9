/** Roadshows: events, themed sessions, applications, agenda, investors, 1:1 meetings, the scheduler, calendars. */

// ── Scheduler (pure: libs/roadshows/src/scheduler; HiGHS bounds: scheduler-bounds) ──────────────
export * from './scheduler';
export * from './scheduler-bounds';
// ── end Scheduler ──────────────────────────────────────────────────────────────────────────────
