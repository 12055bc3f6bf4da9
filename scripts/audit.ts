// npm run audit:prod — the CI security gate: `npm audit --omit=dev`, failing on high/critical advisories
// that `.ci/audit-allowlist.json` does not name (with a reason and a review that has not expired).
//
// When npm cannot get a report (no network, or a registry/proxy that refuses the audit endpoint — this
// machine's answers 405), the gate FAILS CLOSED: "could not check" is not "nothing found". A machine
// that knowingly cannot reach the endpoint says so with AUDIT_WHEN_UNREACHABLE=warn, and the run then
// passes with a loud warning on stderr. Exit codes: 0 pass, 1 blocking advisories or a bad allowlist,
// 2 no report (fail closed).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allowlistProblems, ghsaOf, judge, type AllowlistEntry } from './lib/audit-gate';

const root = join(__dirname, '..');
const allowlistPath = join(root, '.ci/audit-allowlist.json');
const whenUnreachable = process.env.AUDIT_WHEN_UNREACHABLE ?? 'fail';
if (!['fail', 'warn'].includes(whenUnreachable)) {
  console.error(`AUDIT_WHEN_UNREACHABLE must be fail or warn, not ${whenUnreachable}`);
  process.exit(1);
}

const allowlist = JSON.parse(readFileSync(allowlistPath, 'utf8')) as AllowlistEntry[];
const problems = allowlistProblems(allowlist);
if (problems.length) {
  console.error(`audit: ${allowlistPath} is not a reviewed allowlist:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const npm = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const today = new Date().toISOString().slice(0, 10);
const verdict = judge(npm.stdout ?? '', allowlist, today);

if (verdict.kind === 'unavailable') {
  const msg = `audit: no report from npm audit (${verdict.reason})`;
  if (whenUnreachable === 'warn') {
    console.error(`⚠ ${msg}.\n⚠ AUDIT_WHEN_UNREACHABLE=warn: passing WITHOUT a security audit.`);
    process.exit(0);
  }
  console.error(`✗ ${msg}.\n  The gate fails closed. Where the audit endpoint is knowingly unreachable, set AUDIT_WHEN_UNREACHABLE=warn.`);
  process.exit(2);
}
for (const e of verdict.expired)
  console.error(`audit: allowlist entry ${e.id} (${e.package}) expired on ${e.expiresOn}; it no longer suppresses anything — review it`);
for (const e of verdict.unused) console.error(`audit: allowlist entry ${e.id} (${e.package}) matches no current advisory; remove it`);
for (const a of verdict.allowed) console.error(`audit: allowed ${a.severity} ${ghsaOf(a)} in ${a.name} (${a.title})`);
if (verdict.kind === 'fail') {
  console.error(`✗ audit: ${verdict.blocking.length} high/critical advisor${verdict.blocking.length === 1 ? 'y' : 'ies'} in production dependencies:`);
  for (const a of verdict.blocking) console.error(`  ${a.severity} ${ghsaOf(a)} ${a.name} ${a.range ?? ''}: ${a.title} (${a.url})`);
  console.error(`  Upgrade, or add a reviewed entry to .ci/audit-allowlist.json (id, package, reason, reviewedOn, expiresOn).`);
  process.exit(1);
}
console.log(`audit: no unallowed high/critical advisories in production dependencies (${verdict.allowed.length} allowed).`);
