import { allowlistProblems, judge, type AllowlistEntry } from './lib/audit-gate';

// The shape `npm audit --omit=dev --json` prints (npm 11, auditReportVersion 2): advisories sit in
// `via` of the vulnerable package; packages that are only vulnerable through another carry its name.
const report = JSON.stringify({
  auditReportVersion: 2,
  vulnerabilities: {
    'fast-xml-parser': {
      name: 'fast-xml-parser',
      severity: 'high',
      via: [
        { source: 1101234, name: 'fast-xml-parser', title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', severity: 'high', range: '<4.4.1' },
        { source: 1101235, name: 'fast-xml-parser', title: 'ReDoS in entity parsing', url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff', severity: 'moderate', range: '<4.5.0' },
      ],
    },
    exceljs: { name: 'exceljs', severity: 'high', via: ['fast-xml-parser'] },
    tar: {
      name: 'tar',
      severity: 'critical',
      via: [{ source: 1101300, name: 'tar', title: 'Arbitrary file write', url: 'https://github.com/advisories/GHSA-gggg-hhhh-iiii', severity: 'critical', range: '<6.2.1' }],
    },
  },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 2, critical: 1, total: 4 } },
});

const entry = (over: Partial<AllowlistEntry> = {}): AllowlistEntry => ({
  id: 'GHSA-aaaa-bbbb-cccc',
  package: 'fast-xml-parser',
  reason: 'only parses our own generated xlsx; no untrusted XML reaches it',
  reviewedOn: '2026-12-01',
  expiresOn: '2027-03-01',
  ...over,
});

describe('audit gate', () => {
  it('fails on every high and critical advisory, once each, and ignores moderate ones', () => {
    const v = judge(report, [], '2026-12-03');
    expect(v.kind).toBe('fail');
    if (v.kind !== 'fail') return;
    expect(v.blocking.map((a) => [a.name, a.severity, a.url.slice(-19)]).sort()).toEqual([
      ['fast-xml-parser', 'high', 'GHSA-aaaa-bbbb-cccc'],
      ['tar', 'critical', 'GHSA-gggg-hhhh-iiii'],
    ]);
  });

  it('a live allowlist entry suppresses exactly its advisory in its package', () => {
    const v = judge(report, [entry()], '2026-12-03');
    expect(v.kind).toBe('fail');
    if (v.kind === 'unavailable') return;
    expect(v.blocking.map((a) => a.name)).toEqual(['tar']);
    expect(v.allowed.map((a) => a.name)).toEqual(['fast-xml-parser']);
    // The same id for another package does not count.
    const other = judge(report, [entry({ package: 'exceljs' })], '2026-12-03');
    expect(other.kind === 'fail' && other.blocking.map((a) => a.name).sort()).toEqual(['fast-xml-parser', 'tar']);
  });

  it('passes when everything serious is allowed, and names entries that match nothing', () => {
    const tar = entry({ id: 'GHSA-gggg-hhhh-iiii', package: 'tar', reason: 'build-time only: extracts our own tarballs in the Dockerfile' });
    const stale = entry({ id: 'GHSA-zzzz-zzzz-zzzz', package: 'left-pad' });
    const v = judge(report, [entry(), tar, stale], '2026-12-03');
    expect(v.kind).toBe('pass');
    if (v.kind !== 'pass') return;
    expect(v.unused.map((e) => e.id)).toEqual(['GHSA-zzzz-zzzz-zzzz']);
  });

  it('an expired entry suppresses nothing (the gate fails until someone reviews it again)', () => {
    const v = judge(report, [entry({ expiresOn: '2026-12-02' })], '2026-12-03');
    expect(v.kind).toBe('fail');
    if (v.kind !== 'fail') return;
    expect(v.blocking.map((a) => a.name).sort()).toEqual(['fast-xml-parser', 'tar']);
    expect(v.expired.map((e) => e.id)).toEqual(['GHSA-aaaa-bbbb-cccc']);
  });

  it('a clean report passes', () => {
    expect(judge(JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: {} }), [], '2026-12-03').kind).toBe('pass');
  });

  it('no report is "unavailable" with npm’s reason — the runner fails closed on it', () => {
    // What npm 11 prints when the registry refuses the audit endpoint (this machine's proxy does).
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    expect(judge(refused, [], '2026-12-03')).toEqual({
      kind: 'unavailable',
      reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
    expect(judge('', [], '2026-12-03')).toEqual({ kind: 'unavailable', reason: 'npm audit printed no JSON: (nothing)' });
  });

  it('refuses an allowlist without a GHSA id, a reason, or a review that expires within 180 days', () => {
    expect(allowlistProblems([])).toEqual([]);
    expect(allowlistProblems([entry()])).toEqual([]);
    expect(allowlistProblems({})).toEqual(['the allowlist must be a JSON array']);
    expect(
      allowlistProblems([entry({ id: '1101234', reason: 'fine', reviewedOn: '2026-12-01', expiresOn: '2027-12-01' })]),
    ).toEqual([
      'entry 0 (1101234): id must be a GHSA id',
      'entry 0 (1101234): reason must say why (≥ 20 characters)',
      'entry 0 (1101234): expiresOn is more than 180 days after reviewedOn',
    ]);
  });

  it('the committed allowlist is a valid one', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(allowlistProblems(require('../.ci/audit-allowlist.json'))).toEqual([]);
  });
});
