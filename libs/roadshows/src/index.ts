/** Roadshows: events, themed sessions, applications, agenda, investors, 1:1 meetings, the scheduler, calendars. */
export {};
