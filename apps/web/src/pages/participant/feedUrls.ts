/** A feed path (/api/v1/calendar-feeds/<token>.ics) → the https URL and its webcal:// twin that calendar apps subscribe to. */
export function feedUrls(path: string, origin: string): { https: string; webcal: string } {
  const https = new URL(path, origin).toString();
  return { https, webcal: https.replace(/^https?:\/\//, 'webcal://') };
}
