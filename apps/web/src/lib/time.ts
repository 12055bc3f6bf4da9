import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TZ = 'Asia/Shanghai';

/** A wall-clock date + time picked in the form, read in the event's zone → an ISO instant. */
export function wallToIso(date: Dayjs, time: Dayjs, tz: string): string {
  return dayjs.tz(`${date.format('YYYY-MM-DD')}T${time.format('HH:mm')}:00`, tz).toISOString();
}

/** An instant → the wall clock in the event's zone, as a Dayjs whose local fields are that wall clock. */
export function isoToWall(iso: string, tz: string): Dayjs {
  return dayjs(dayjs(iso).tz(tz).format('YYYY-MM-DDTHH:mm:ss'));
}

const fmt = (lang: string, tz: string, opts: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: tz, ...opts });

/** 09:30 in the event's zone. */
export function formatTime(iso: string | null | undefined, tz: string, lang: string): string {
  if (!iso) return '—';
  return fmt(lang, tz, { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

/** 2026年12月17日 周四 / Thu 17 Dec 2026 in the event's zone. */
export function formatDay(iso: string | null | undefined, tz: string, lang: string): string {
  if (!iso) return '—';
  return fmt(lang, tz, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }).format(new Date(iso));
}

export function formatDateTime(iso: string | null | undefined, tz: string, lang: string): string {
  if (!iso) return '—';
  return `${formatDay(iso, tz, lang)} ${formatTime(iso, tz, lang)}`;
}

export function formatRange(from: string, to: string, tz: string, lang: string): string {
  return `${formatTime(from, tz, lang)}–${formatTime(to, tz, lang)}`;
}
