// The CI security gate's rules, pure: `npm audit --json` output and the reviewed allowlist in, a verdict out.

/** One advisory as `npm audit --json` (npm ≥ 7, report v2) lists it in a vulnerability's `via`. */
export interface AuditAdvisory {
  source: number;
  name: string;
  title: string;
  url: string;
  severity: 'info' | 'low' | 'moderate' | 'high' | 'critical';
  range?: string;
}

export interface AuditReport {
  auditReportVersion?: number;
  vulnerabilities?: Record<string, { name: string; severity: string; via: (string | AuditAdvisory)[] }>;
  metadata?: { vulnerabilities?: Record<string, number> };
}

/** An entry of `.ci/audit-allowlist.json`: an advisory someone read and decided to live with, until a date. */
export interface AllowlistEntry {
  /** GHSA id (`GHSA-xxxx-xxxx-xxxx`, the end of the advisory URL). */
  id: string;
  package: string;
  reason: string;
  /** YYYY-MM-DD: when it was last reviewed. */
  reviewedOn: string;
  /** YYYY-MM-DD: after this day the entry stops suppressing and the gate fails until someone re-reviews. */
  expiresOn: string;
}

export type GateVerdict =
  | { kind: 'pass'; blocking: []; allowed: AuditAdvisory[]; expired: AllowlistEntry[]; unused: AllowlistEntry[] }
  | { kind: 'fail'; blocking: AuditAdvisory[]; allowed: AuditAdvisory[]; expired: AllowlistEntry[]; unused: AllowlistEntry[] }
  /** npm could not get a report (the audit endpoint unreachable, refused, or an answer that is no report). */
  | { kind: 'unavailable'; reason: string };

export const BLOCKING = new Set(['high', 'critical']);
/** A review older than this is no review: entries must expire within it. */
export const MAX_REVIEW_DAYS = 180;

export const ghsaOf = (a: AuditAdvisory): string => /GHSA-[\w-]+/i.exec(a.url)?.[0].toUpperCase() ?? `npm:${a.source}`;

/** Checks the allowlist's own shape; returns the problems (the gate fails on any). */
export function allowlistProblems(entries: unknown): string[] {
  if (!Array.isArray(entries)) return ['the allowlist must be a JSON array'];
  const problems: string[] = [];
  const date = /^\d{4}-\d{2}-\d{2}$/;
  entries.forEach((e: Partial<AllowlistEntry>, i) => {
    const at = `entry ${i} (${e?.id ?? 'no id'})`;
    if (!e || typeof e !== 'object') return problems.push(`${at}: not an object`);
    if (typeof e.id !== 'string' || !/^GHSA-[\w-]+$/i.test(e.id)) problems.push(`${at}: id must be a GHSA id`);
    if (typeof e.package !== 'string' || !e.package) problems.push(`${at}: package is required`);
    if (typeof e.reason !== 'string' || e.reason.trim().length < 20) problems.push(`${at}: reason must say why (≥ 20 characters)`);
    if (typeof e.reviewedOn !== 'string' || !date.test(e.reviewedOn)) problems.push(`${at}: reviewedOn must be YYYY-MM-DD`);
    if (typeof e.expiresOn !== 'string' || !date.test(e.expiresOn)) problems.push(`${at}: expiresOn must be YYYY-MM-DD`);
    else if (typeof e.reviewedOn === 'string' && date.test(e.reviewedOn)) {
      const days = (Date.parse(e.expiresOn) - Date.parse(e.reviewedOn)) / 86_400_000;
      if (days < 0) problems.push(`${at}: expiresOn is before reviewedOn`);
      if (days > MAX_REVIEW_DAYS) problems.push(`${at}: expiresOn is more than ${MAX_REVIEW_DAYS} days after reviewedOn`);
    }
    return undefined;
  });
  return problems;
}

/**
 * `stdout` is what `npm audit --omit=dev --json` printed. High and critical advisories fail the gate
 * unless a live allowlist entry names them; an expired entry suppresses nothing.
 */
export function judge(stdout: string, allowlist: AllowlistEntry[], today: string): GateVerdict {
  let report: AuditReport & { message?: string; statusCode?: number; error?: unknown };
  try {
    report = JSON.parse(stdout) as typeof report;
  } catch {
    return { kind: 'unavailable', reason: `npm audit printed no JSON: ${stdout.trim().slice(0, 200) || '(nothing)'}` };
  }
  if (!report || typeof report !== 'object' || !report.vulnerabilities || typeof report.vulnerabilities !== 'object') {
    const why = report?.message ?? (report?.error ? JSON.stringify(report.error).slice(0, 200) : 'no vulnerabilities section');
    return { kind: 'unavailable', reason: String(why) };
  }
  const advisories = new Map<string, AuditAdvisory>();
  for (const v of Object.values(report.vulnerabilities))
    for (const via of v.via) if (typeof via === 'object' && via) advisories.set(`${ghsaOf(via)}:${via.name}`, via);

  const live = allowlist.filter((e) => e.expiresOn >= today);
  const expired = allowlist.filter((e) => e.expiresOn < today);
  const isAllowed = (a: AuditAdvisory) => live.some((e) => e.id.toUpperCase() === ghsaOf(a) && e.package === a.name);
  const serious = [...advisories.values()].filter((a) => BLOCKING.has(a.severity));
  const blocking = serious.filter((a) => !isAllowed(a));
  const allowed = serious.filter(isAllowed);
  const unused = live.filter((e) => !serious.some((a) => e.id.toUpperCase() === ghsaOf(a) && e.package === a.name));
  return blocking.length
    ? { kind: 'fail', blocking, allowed, expired, unused }
    : { kind: 'pass', blocking: [], allowed, expired, unused };
}
