import type { ApiHarness } from './api-app';
import { Actor, uniqueCreditCode } from './identity-fixtures';

const WAN = 1_000_000; // ¥10 000 in 分

export interface CompanySpec {
  legalName: string;
  foundedOn?: string;
  regionCode: string;
  tracks: string[];
  universitySpinOut?: boolean;
  priorRounds?: number;
  year?: number;
  figures?: Record<string, number>;
  inventionPatents?: number;
  qualifications?: { kind: string; validFrom?: string; validUntil?: string }[];
  project: {
    title: string;
    stage: string;
    amountSought: number;
    instruments: string[];
    keywords?: string[];
    trl?: number;
  };
  publish?: boolean;
}

async function ok(res: Promise<{ status: number; body: any; text: string }>, status: number, what: string) {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${r.status} ${r.text.slice(0, 400)}`);
  return r.body;
}

/** Creates a company with figures, IP and qualifications, and one (published) project, through the API. */
export async function createCompanyWithProject(
  api: ApiHarness,
  founder: Actor,
  spec: CompanySpec,
): Promise<{ startupId: string; projectId: string }> {
  const startup = await ok(
    api.request('/api/v1/startups', {
      method: 'POST',
      token: founder.token,
      json: {
        legalName: spec.legalName,
        creditCode: uniqueCreditCode(),
        foundedOn: spec.foundedOn ?? '2021-03-01',
        regionCode: spec.regionCode,
        industry: 'industry',
        tracks: spec.tracks,
        universitySpinOut: spec.universitySpinOut ?? false,
        ...(spec.priorRounds !== undefined ? { priorRounds: spec.priorRounds } : {}),
      },
    }),
    201,
    'create startup',
  );
  if (spec.figures) {
    await ok(
      api.request(`/api/v1/startups/${startup.id}/fiscal-years/${spec.year ?? 2025}`, {
        method: 'PUT',
        token: founder.token,
        json: spec.figures,
      }),
      200,
      'fiscal year',
    );
  }
  for (let i = 0; i < (spec.inventionPatents ?? 0); i++) {
    await ok(
      api.request(`/api/v1/startups/${startup.id}/ip-items`, {
        method: 'POST',
        token: founder.token,
        json: { type: 'invention_patent', number: `ZL2022${startup.id.slice(0, 6)}${i}.X` },
      }),
      201,
      'ip item',
    );
  }
  for (const q of spec.qualifications ?? []) {
    await ok(
      api.request(`/api/v1/startups/${startup.id}/qualifications`, { method: 'POST', token: founder.token, json: q }),
      201,
      'qualification',
    );
  }
  const project = await ok(
    api.request('/api/v1/projects', {
      method: 'POST',
      token: founder.token,
      json: { startupId: startup.id, ...spec.project, pitch: { problem: '问题', product: '产品' } },
    }),
    201,
    'create project',
  );
  if (spec.publish !== false)
    await ok(
      api.request(`/api/v1/projects/${project.id}/publish`, { method: 'POST', token: founder.token }),
      200,
      'publish',
    );
  return { startupId: startup.id, projectId: project.id };
}

export const money = { wan: (n: number) => n * WAN };
