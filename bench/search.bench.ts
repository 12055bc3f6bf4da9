// Embedded search over N zh+en projects: index build time and heap; 2-term query + 2 filters + 2 facets p50/p95 vs a linear scan; --candidates compares MiniSearch, FlexSearch, Orama;
// --engines embedded,meilisearch: the same documents and queries in both engines side by side (a private Meilisearch server from MEILI_BIN)
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { BRANDS, DEMO_REGIONS, STAGE_LABELS, TRACK_CONTENT } from '../db/seeds/demo/vocabulary';
import {
  EmbeddedSearchEngine,
  F,
  MeilisearchEngine,
  SearchEngine,
  SearchResult,
  FilterExpr,
  PROJECT_SEARCH_SETTINGS,
  ProjectDocument,
  SearchIndex,
  buildProjectDocument,
  visibilityFilter,
} from '@app/search';
import { loadJieba } from '@app/search';
import {
  BenchResult,
  Timing,
  heapUsedMb,
  intArg,
  log,
  machineInfo,
  printResult,
  ratio,
  timeIt,
  timePair,
  wallMs,
} from './lib/measure';
import { MeiliServer, meiliBinary } from '../test/support/meilisearch-server';

// ------------------------------------------------------------------ seeded documents

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** English phrases per track, mixed into the pitches (real English words, as founders write them). */
const EN: Record<string, string[]> = {
  integrated_circuits: [
    'automotive MCU chip',
    'low power Bluetooth SoC',
    'SerDes interface IP',
    'SiC gate driver',
    'chip design tape-out',
  ],
  semiconductor_materials: [
    'semiconductor materials',
    'KrF photoresist',
    'electronic specialty gases',
    'CMP slurry',
    'wafer fab qualification',
  ],
  artificial_intelligence: [
    'machine vision inspection',
    'industry large language model',
    'edge AI inference',
    'production scheduling optimizer',
  ],
  biomedicine: ['preclinical pharmacology', 'organoid drug screening', 'innovative drug IND filing'],
  medical_devices: ['medical imaging device', 'minimally invasive surgery robot', 'in vitro diagnostics'],
  new_materials: ['advanced composite materials', 'graphene coating', 'high performance alloy'],
  high_end_equipment: ['precision machine tools', 'wafer inspection equipment', 'laser processing system'],
  intelligent_agri_machinery: ['autonomous tractor navigation', 'precision agriculture drone', 'smart farm machinery'],
  new_energy: ['perovskite solar cells', 'hydrogen electrolyzer', 'wind turbine monitoring'],
  new_energy_vehicles: ['battery management system', 'electric drive motor', 'vehicle charging module'],
  energy_storage: ['solid state battery electrolyte', 'sodium ion battery', 'grid scale storage'],
  commercial_aerospace: ['small satellite platform', 'reusable rocket engine', 'satellite ground station'],
  low_altitude_economy: ['eVTOL aircraft', 'drone logistics network', 'low altitude traffic management'],
  quantum: ['quantum key distribution', 'quantum sensing', 'superconducting qubit control'],
  robotics: ['collaborative robot arm', 'humanoid robot joint', 'warehouse mobile robot'],
  internet_of_things: ['industrial IoT gateway', 'smart meter module', 'wireless sensor network'],
  industrial_software: ['CAD kernel', 'manufacturing execution system', 'industrial simulation software'],
  new_generation_it: ['distributed database', 'cloud native platform', 'cybersecurity gateway'],
  environmental_protection: ['wastewater treatment', 'carbon capture', 'solid waste recycling'],
  life_health: ['elderly care monitoring', 'nutrition health platform', 'rehabilitation devices'],
  enterprise_services: ['SaaS procurement platform', 'HR software', 'supply chain finance'],
  consumer: ['smart home appliance', 'consumer electronics brand', 'direct to consumer retail'],
  culture_creative: ['digital content platform', 'cultural IP licensing', 'virtual production studio'],
  modern_agriculture: ['seed breeding technology', 'vertical farming', 'agricultural traceability'],
  fintech: ['credit risk model', 'supply chain finance platform', 'regtech compliance'],
};

const TRACKS = Object.keys(TRACK_CONTENT);
const STAGES = Object.keys(STAGE_LABELS);
const INSTRUMENTS = ['equity', 'convertible_grant', 'loan', 'ip_pledge_loan', 'equity_loan_package'];

function generateProjects(n: number, seed = 20260301): ProjectDocument[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const docs: ProjectDocument[] = [];
  const base = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < n; i++) {
    const track = pick(TRACKS);
    const content = TRACK_CONTENT[track];
    const product = pick(content.products);
    const region = pick(DEMO_REGIONS);
    const [brand] = pick(BRANDS);
    const field = pick(content.fields);
    const startupName = `${pick(region.places)}${brand}${field}科技有限公司`;
    const second = rnd() < 0.3 ? pick(TRACKS) : null;
    const en = pick(EN[track] ?? ['technology platform']);
    docs.push(
      buildProjectDocument({
        id: `p${i}`,
        startupId: `s${i % Math.max(1, Math.floor(n / 2))}`,
        organizationId: `o${i % Math.max(1, Math.floor(n / 3))}`,
        title: `${product.name}${rnd() < 0.5 ? '产业化' : '研发'}项目`,
        summary: `${product.benefit}。${product.problem}。${en}.`,
        pitch: `${product.technology}。${field}方向，${region.label}。We build ${en} for ${pick(['domestic', 'global', 'industrial'])} customers.`,
        tracks: second && second !== track ? [track, second] : [track],
        regionCode: region.code,
        stage: pick(STAGES),
        instruments: rnd() < 0.3 ? [pick(INSTRUMENTS), pick(INSTRUMENTS)] : [pick(INSTRUMENTS)],
        amountSought: Math.round(100_000_000 + rnd() * 20_000_000_000),
        status: rnd() < 0.85 ? 'published' : rnd() < 0.5 ? 'draft' : 'archived',
        publishedAt: new Date(base - Math.floor(rnd() * 400) * 86_400_000),
        updatedAt: new Date(base),
        startupName,
        keywords: [...product.keywords, ...content.keywords.slice(0, 2)],
      }),
    );
  }
  return docs;
}

interface BenchQuery {
  text: string;
  terms: string[];
  filter: FilterExpr;
  facets: string[];
  /** Filter as a predicate, for the scan baseline and the candidates that filter outside the library. */
  accept: (d: ProjectDocument) => boolean;
}

/** Two words that occur together in a track's texts (one zh keyword + one zh/en word), 2 filters, 2 facets. */
function generateQueries(count: number, seed = 7): BenchQuery[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const out: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const track = pick(TRACKS);
    const content = TRACK_CONTENT[track];
    const product = pick(content.products);
    const first = pick([...product.keywords, ...content.keywords]);
    const second =
      rnd() < 0.5
        ? pick(content.fields)
        : pick(
            (EN[track] ?? ['technology'])
              .join(' ')
              .split(' ')
              .filter((w) => w.length > 3),
          );
    const stages = [pick(STAGES), pick(STAGES)];
    const min = Math.round(rnd() * 5_000_000_000);
    const max = min + 10_000_000_000;
    out.push({
      text: `${first} ${second}`,
      terms: [first.toLowerCase(), second.toLowerCase()],
      filter: F.and(F.in('stage', stages), F.range('amountSought', { gte: min, lte: max })),
      facets: ['tracks', 'instruments'],
      accept: (d) =>
        stages.includes(d.stage as string) && (d.amountSought ?? -1) >= min && (d.amountSought ?? -1) <= max,
    });
  }
  return out;
}

// ------------------------------------------------------------------ helpers

// Once, before any work: flipping V8 flags later can deoptimise code that is already running.
setFlagsFromString('--expose-gc');
const gcFn = runInNewContext('gc') as () => void;

function gc(): void {
  gcFn();
}

function settledHeapMb(): number {
  gc();
  gc();
  return heapUsedMb();
}

function flagArg(args: string[], name: string): boolean {
  return args.includes(`--${name}`);
}

function stringArg(args: string[], name: string, fallback: string): string {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  return args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
}

const textOf = (d: ProjectDocument) =>
  `${d.title}\n${d.startupName}\n${d.keywords.join(' ')}\n${d.summary}\n${d.pitch}`.toLowerCase();

/** The baseline: the same filter + facets + top-20 by relevance-free order, by a linear scan with String.includes. */
function scanSearch(
  docs: ProjectDocument[],
  lowered: string[],
  q: BenchQuery,
): { total: number; top: string[]; facets: Record<string, Record<string, number>> } {
  const facets: Record<string, Record<string, number>> = { tracks: {}, instruments: {} };
  const top: string[] = [];
  let total = 0;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    if (!q.accept(d)) continue;
    const text = lowered[i];
    if (!q.terms.every((t) => text.includes(t))) continue;
    total++;
    if (top.length < 20) top.push(d.id);
    for (const t of d.tracks) facets.tracks[t] = (facets.tracks[t] ?? 0) + 1;
    for (const t of d.instruments) facets.instruments[t] = (facets.instruments[t] ?? 0) + 1;
  }
  return { total, top, facets };
}

function facetCount(docs: Iterable<ProjectDocument>): Record<string, Record<string, number>> {
  const facets: Record<string, Record<string, number>> = { tracks: {}, instruments: {} };
  for (const d of docs) {
    for (const t of d.tracks) facets.tracks[t] = (facets.tracks[t] ?? 0) + 1;
    for (const t of d.instruments) facets.instruments[t] = (facets.instruments[t] ?? 0) + 1;
  }
  return facets;
}

// ------------------------------------------------------------------ segmentation

function measureSegmentation(docs: ProjectDocument[]): Record<string, unknown> {
  const texts = docs.slice(0, 20_000).map(textOf);
  const chars = texts.reduce((s, t) => s + t.length, 0);
  const out: Record<string, unknown> = { chars };
  const jieba = loadJieba();
  const sample = '潍坊泰星微电子材料有限公司研发KrF光刻胶，车规级芯片国产替代';
  const intl = new Intl.Segmenter('zh', { granularity: 'word' });
  const intlCut = (t: string) => [...intl.segment(t)].filter((s) => s.isWordLike).map((s) => s.segment);
  let start = process.hrtime.bigint();
  let tokens = 0;
  for (const t of texts) tokens += intlCut(t).length;
  let ms = Number(process.hrtime.bigint() - start) / 1e6;
  out.intl = {
    ms: Math.round(ms),
    charsPerSec: Math.round(chars / (ms / 1000)),
    tokens,
    sample: intlCut(sample).join(' | '),
  };
  if (jieba) {
    for (const [mode, cut] of [
      ['jiebaCut', (t: string) => jieba.cut(t, true)],
      ['jiebaCutForSearch', (t: string) => jieba.cutForSearch(t, true)],
    ] as const) {
      start = process.hrtime.bigint();
      tokens = 0;
      for (const t of texts) tokens += cut(t).length;
      ms = Number(process.hrtime.bigint() - start) / 1e6;
      out[mode] = {
        ms: Math.round(ms),
        charsPerSec: Math.round(chars / (ms / 1000)),
        tokens,
        sample: cut(sample)
          .filter((s) => s.trim())
          .join(' | '),
      };
    }
  } else {
    out.jieba = 'not installed';
  }
  return out;
}

// ------------------------------------------------------------------ candidates

interface CandidateFigures {
  buildMs: number;
  heapMb: number;
  query: Timing;
  /** Queries whose hit count equals the scan's (the scan counts substrings; a word index may differ). */
  agreesWithScanPct: number;
  notes: string;
}

async function measureCandidates(
  docs: ProjectDocument[],
  queries: BenchQuery[],
  iterations: number,
): Promise<Record<string, CandidateFigures | string>> {
  const jieba = loadJieba();
  const tokenize = (s: string) =>
    (jieba
      ? jieba.cutForSearch(s.toLowerCase(), true)
      : [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(s.toLowerCase())].map((x) => x.segment)
    ).filter((t) => /[\p{L}\p{N}]/u.test(t));
  const queryTokenize = (s: string) =>
    (jieba ? jieba.cut(s.toLowerCase(), true) : tokenize(s)).filter((t) => /[\p{L}\p{N}]/u.test(t));
  const lowered = docs.map(textOf);
  const scanTotals = queries.map((q) => scanSearch(docs, lowered, q).total);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const results: Record<string, CandidateFigures | string> = {};

  const run = async (
    name: string,
    notes: string,
    build: () => Promise<(q: BenchQuery) => Promise<number> | number>,
  ) => {
    log(`candidate ${name}: building ${docs.length} documents`);
    const before = settledHeapMb();
    let search: (q: BenchQuery) => Promise<number> | number = () => 0;
    const buildMs = await wallMs(async () => {
      search = await build();
    });
    const heapMb = Number((settledHeapMb() - before).toFixed(1));
    let agree = 0;
    for (let i = 0; i < queries.length; i++) if ((await search(queries[i])) === scanTotals[i]) agree++;
    const query = await timeIt((i) => search(queries[i % queries.length]), { warmup: 10, iterations });
    results[name] = { buildMs, heapMb, query, agreesWithScanPct: Math.round((100 * agree) / queries.length), notes };
    log(`  ${name}: build ${buildMs} ms, heap +${heapMb} MB, p50 ${query.p50} ms, p95 ${query.p95} ms`);
  };

  // MiniSearch: text with prefix + fuzzy, AND; its filter callback; facets by a pass over the results.
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const MiniSearch = require('minisearch') as typeof import('minisearch').default;
    await run('minisearch', 'prefix+fuzzy(0.2) AND; filter callback; facets counted over results in JS', async () => {
      const ms = new MiniSearch<ProjectDocument>({
        fields: ['title', 'startupName', 'keywords', 'summary', 'pitch'],
        extractField: (d, f) => {
          const v = (d as unknown as Record<string, unknown>)[f];
          return Array.isArray(v) ? v.join(' ') : String(v ?? '');
        },
        tokenize,
        searchOptions: { tokenize: queryTokenize },
      });
      ms.addAll(docs);
      return (q) => {
        const hits = ms.search(q.text, {
          prefix: true,
          fuzzy: 0.2,
          combineWith: 'AND',
          filter: (r) => q.accept(byId.get(r.id as string) as ProjectDocument),
        });
        facetCount(hits.map((h) => byId.get(h.id as string) as ProjectDocument));
        return hits.length;
      };
    });
  } catch (err) {
    results.minisearch = `failed: ${(err as Error).message}`;
  }

  // FlexSearch: Document index per field (its tag filter is OR and bounded, so filters run outside).
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Document } = require('flexsearch') as {
      Document: new (o: unknown) => { add(d: unknown): void; search(q: string, o: unknown): { result: string[] }[] };
    };
    await run(
      'flexsearch',
      'Document index (strict), union of fields, limit 100 000; filters + facets outside in JS',
      async () => {
        const index = new Document({
          document: { id: 'id', index: ['title', 'startupName', 'keywords', 'summary', 'pitch'] },
          tokenize: 'strict',
          encode: tokenize,
        });
        for (const d of docs) index.add({ ...d, keywords: d.keywords.join(' ') });
        return (q) => {
          const ids = new Set<string>();
          for (const field of index.search(q.text, { limit: 100_000 })) for (const id of field.result) ids.add(id);
          const hits = [...ids].map((id) => byId.get(id) as ProjectDocument).filter(q.accept);
          facetCount(hits);
          return hits.length;
        };
      },
    );
  } catch (err) {
    results.flexsearch = `failed: ${(err as Error).message}`;
  }

  // Orama: its own where-clause filters and facets.
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const orama = require('@orama/orama') as typeof import('@orama/orama');
    await run(
      'orama',
      'its where filters (enum[] / number) and facets, threshold 0 (all terms), tolerance 1',
      async () => {
        const db = orama.create({
          schema: {
            title: 'string',
            startupName: 'string',
            keywords: 'string[]',
            summary: 'string',
            pitch: 'string',
            stage: 'enum',
            amountSought: 'number',
            tracks: 'enum[]',
            instruments: 'enum[]',
          } as const,
          components: {
            tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: (raw: string) => tokenize(raw) },
          },
        });
        await orama.insertMultiple(
          db,
          docs.map((d) => ({
            id: d.id,
            title: d.title,
            startupName: d.startupName,
            keywords: d.keywords,
            summary: d.summary,
            pitch: d.pitch,
            stage: d.stage ?? '',
            amountSought: d.amountSought ?? 0,
            tracks: d.tracks,
            instruments: d.instruments,
          })),
          1000,
        );
        return async (q) => {
          const filter = q.filter as unknown as {
            and: [{ in: { values: string[] } }, { range: { gte: number; lte: number } }];
          };
          const r = await orama.search(db, {
            term: q.text,
            threshold: 0,
            tolerance: 1,
            where: {
              stage: { in: filter.and[0].in.values },
              amountSought: { between: [filter.and[1].range.gte, filter.and[1].range.lte] },
            },
            facets: { tracks: {}, instruments: {} },
            limit: 20,
          });
          return r.count;
        };
      },
    );
  } catch (err) {
    results.orama = `failed: ${(err as Error).message}`;
  }

  await run(
    'tourong-embedded',
    'this lib: jieba + typed-array inverted index, bitset filters, facet columns, heap top-k',
    async () => {
      const engine = new EmbeddedSearchEngine();
      const index = engine.index<ProjectDocument>('projects');
      await index.applySettings(PROJECT_SEARCH_SETTINGS);
      await index.upsert(docs, { batchSize: 5000 });
      return async (q) =>
        (await index.search(q.text, { filter: q.filter, facets: q.facets, limit: 20 })).estimatedTotal;
    },
  );
  return results;
}

// ------------------------------------------------------------------ engines side by side

/** Resident and peak memory of a process, from /proc (Linux). */
function processMemoryMb(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

/** A typo in the query's longest word (≥ 6 letters: one interior letter dropped); null when none. */
function typoOf(q: BenchQuery): BenchQuery | null {
  const words = q.text.split(' ');
  const i = words.findIndex((w) => /^[a-z]{6,}$/i.test(w));
  if (i < 0) return null;
  const w = words[i];
  const at = Math.floor(w.length / 2);
  words[i] = w.slice(0, at) + w.slice(at + 1);
  return { ...q, text: words.join(' ') };
}

const overlap = (a: string[], b: string[]) => {
  if (a.length === 0 && b.length === 0) return 1;
  const sb = new Set(b);
  return a.filter((x) => sb.has(x)).length / Math.max(a.length, b.length);
};
const pct = (x: number) => Math.round(100 * x);

interface EngineRun {
  figures: Record<string, unknown>;
  answers: SearchResult<ProjectDocument>[];
}

async function measureEngine(
  kind: 'embedded' | 'meilisearch',
  docs: ProjectDocument[],
  queries: BenchQuery[],
  opts: { iterations: number; warmup: number; segmenter: 'jieba' | 'intl' },
): Promise<EngineRun> {
  let server: MeiliServer | undefined;
  let engine: SearchEngine;
  if (kind === 'meilisearch') {
    const bin = meiliBinary();
    if (!bin) throw new Error('--engines meilisearch needs MEILI_BIN (a Meilisearch server binary)');
    // Both cores, as a single-node deployment would give it.
    server = await MeiliServer.start(bin, { indexingThreads: 2, indexingMemory: '1GiB' });
    engine = new MeilisearchEngine({ url: server.url, apiKey: server.masterKey, taskTimeoutMs: 600_000 });
  } else {
    engine = new EmbeddedSearchEngine({ segmenter: opts.segmenter });
  }
  try {
    log(`${kind}: building the index (${docs.length} documents)`);
    const heapBefore = settledHeapMb();
    const memBefore = server ? processMemoryMb(server.pid!) : undefined;
    const index = engine.index<ProjectDocument>('projects');
    const buildMs = await wallMs(async () => {
      await index.applySettings(PROJECT_SEARCH_SETTINGS);
      await index.upsert(docs, { batchSize: 5000 });
    });
    const stats = await index.stats();
    if (stats.numberOfDocuments !== docs.length)
      throw new Error(`${kind}: indexed ${stats.numberOfDocuments} of ${docs.length}`);
    const memory = server
      ? { serverBeforeMb: memBefore!.rssMb, ...processMemoryMb(server.pid!) }
      : { heapDeltaMb: Number((settledHeapMb() - heapBefore).toFixed(1)) };

    const answers: SearchResult<ProjectDocument>[] = [];
    for (const q of queries)
      answers.push(await index.search(q.text, { filter: q.filter, facets: q.facets, limit: 20 }));

    log(`${kind}: timing ${opts.iterations} queries`);
    const query = await timeIt(
      (i) => {
        const q = queries[i % queries.length];
        return index.search(q.text, { filter: q.filter, facets: q.facets, limit: 20 });
      },
      { warmup: opts.warmup, iterations: opts.iterations },
    );
    const typos = queries.map(typoOf).filter((q): q is BenchQuery => q !== null);
    const typo = await timeIt(
      (i) => {
        const q = typos[i % typos.length];
        return index.search(q.text, { filter: q.filter, limit: 20 });
      },
      { warmup: Math.min(opts.warmup, 10), iterations: Math.min(opts.iterations, 100) },
    );
    // Typo recall: what the misspelled query finds of what the right spelling finds (top 20).
    let typoRecall = 0;
    for (const q of typos) {
      const right = queries.find((x) => x.filter === q.filter)!;
      const [a, b] = await Promise.all([
        index.search(right.text, { filter: q.filter, limit: 20 }),
        index.search(q.text, { filter: q.filter, limit: 20 }),
      ]);
      const want = new Set(a.hits.map((h) => h.id));
      typoRecall += want.size === 0 ? 1 : b.hits.filter((h) => want.has(h.id)).length / want.size;
    }

    // Commit → visible: one upsert as the writer does it (returns when the engine accepted and, on
    // Meilisearch, processed the task), then search until the new word is found.
    log(`${kind}: commit → visible`);
    const lags: number[] = [];
    for (let i = 0; i < 20; i++) {
      const token = `lagprobe${i}${'abcdefghij'[i % 10]}zq`;
      const doc = { ...docs[i], title: `${docs[i].title} ${token}` };
      const started = performance.now();
      await index.upsert([doc]);
      for (;;) {
        const r = await index.search(token, { limit: 1 });
        if (r.hits.some((h) => h.id === doc.id)) break;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      lags.push(performance.now() - started);
      await index.upsert([docs[i]]);
    }
    lags.sort((a, b) => a - b);
    const at = (p: number) => Number(lags[Math.min(lags.length - 1, Math.floor(p * lags.length))].toFixed(1));

    return {
      answers,
      figures: {
        buildMs,
        buildDocsPerSec: Math.round(docs.length / (buildMs / 1000)),
        memory,
        ...(server ? { memoryAfterQueries: processMemoryMb(server.pid!) } : {}),
        twoTermsTwoFiltersTwoFacetsMs: query,
        typoQueryMs: typo,
        typoQueries: typos.length,
        typoRecallPct: pct(typoRecall / Math.max(1, typos.length)),
        commitToVisibleMs: { p50: at(0.5), p95: at(0.95), max: at(1) },
      },
    };
  } finally {
    await engine.close();
    await server?.stop();
  }
}

async function measureEngines(
  kinds: ('embedded' | 'meilisearch')[],
  docs: ProjectDocument[],
  queries: BenchQuery[],
  lowered: string[],
  opts: { iterations: number; warmup: number; segmenter: 'jieba' | 'intl' },
): Promise<Record<string, unknown>> {
  const runs: Record<string, EngineRun> = {};
  for (const kind of kinds) runs[kind] = await measureEngine(kind, docs, queries, opts);
  const scans = queries.map((q) => scanSearch(docs, lowered, q));
  const out: Record<string, unknown> = {};
  for (const kind of kinds) {
    out[kind] = {
      ...runs[kind].figures,
      countEqualToScanPct: pct(
        runs[kind].answers.filter((r, i) => r.estimatedTotal === scans[i].total).length / queries.length,
      ),
    };
  }
  if (runs.embedded && runs.meilisearch) {
    const [a, b] = [runs.embedded.answers, runs.meilisearch.answers];
    const ids = (r: SearchResult<ProjectDocument>) => r.hits.map((h) => h.id);
    const facetsEqual = a.filter(
      (r, i) => JSON.stringify(sortedFacets(r.facets)) === JSON.stringify(sortedFacets(b[i].facets)),
    );
    out.agreement = {
      top20OverlapPct: pct(a.reduce((s, r, i) => s + overlap(ids(r), ids(b[i])), 0) / a.length),
      top20SetEqualPct: pct(a.filter((r, i) => overlap(ids(r), ids(b[i])) === 1).length / a.length),
      exactCountEqualPct: pct(a.filter((r, i) => r.estimatedTotal === b[i].estimatedTotal).length / a.length),
      facetCountsEqualPct: pct(facetsEqual.length / a.length),
      bothEmptyPct: pct(a.filter((r, i) => r.estimatedTotal === 0 && b[i].estimatedTotal === 0).length / a.length),
      countRatioMeiliToEmbeddedMedian: median(
        a.filter((r) => r.estimatedTotal > 0).map((r) => b[a.indexOf(r)].estimatedTotal / r.estimatedTotal),
      ),
    };
  }
  return out;
}

function sortedFacets(f: Record<string, Record<string, number>>): [string, [string, number][]][] {
  return Object.keys(f)
    .sort()
    .map((k) => [k, Object.entries(f[k]).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))]);
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.floor(s.length / 2)].toFixed(3));
}

// ------------------------------------------------------------------ main

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const n = intArg(args, 'n', 100_000);
  const iterations = intArg(args, 'iterations', 300);
  const warmup = intArg(args, 'warmup', 30);
  const candidates = flagArg(args, 'candidates');
  const candidateN = intArg(args, 'candidate-n', Math.min(n, 20_000));
  const segmenter = stringArg(args, 'segmenter', 'jieba') as 'jieba' | 'intl';
  const engines = stringArg(args, 'engines', 'embedded')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean) as ('embedded' | 'meilisearch')[];
  for (const e of engines)
    if (e !== 'embedded' && e !== 'meilisearch') throw new Error(`--engines: unknown engine ${e}`);

  log(`generating ${n} projects`);
  const docs = generateProjects(n);
  const queries = generateQueries(200);
  const lowered = docs.map(textOf);

  log('segmentation');
  const segmentation = measureSegmentation(docs);

  log(`building the embedded index (${segmenter})`);
  const heapBefore = settledHeapMb();
  const engine = new EmbeddedSearchEngine({ segmenter });
  const index: SearchIndex<ProjectDocument> = engine.index<ProjectDocument>('projects');
  const buildMs = await wallMs(async () => {
    await index.applySettings(PROJECT_SEARCH_SETTINGS);
    await index.upsert(docs, { batchSize: 5000 });
  });
  const heapDeltaMb = Number((settledHeapMb() - heapBefore).toFixed(1));
  const stats = await index.stats();
  if (stats.numberOfDocuments !== n) throw new Error(`indexed ${stats.numberOfDocuments} of ${n}`);

  // Check the work is real: the engine finds something for most queries, and facets add up.
  let nonEmpty = 0;
  let agree = 0;
  for (const q of queries) {
    const r = await index.search(q.text, { filter: q.filter, facets: q.facets, limit: 20 });
    const scan = scanSearch(docs, lowered, q);
    if (r.estimatedTotal > 0) nonEmpty++;
    if (r.estimatedTotal === scan.total) agree++;
    const facetSum = Object.values(r.facets.instruments ?? {}).reduce((s, c) => s + c, 0);
    if (r.estimatedTotal > 0 && facetSum < r.estimatedTotal)
      throw new Error(`facet counts do not cover the hits for "${q.text}"`);
  }
  if (nonEmpty < queries.length / 2)
    throw new Error(`only ${nonEmpty}/${queries.length} queries found anything: the bench is not measuring real work`);

  log(`timing ${iterations} queries, interleaved with the scan baseline`);
  const { baseline, candidate } = await timePair(
    (i) => scanSearch(docs, lowered, queries[i % queries.length]),
    (i) => {
      const q = queries[i % queries.length];
      return index.search(q.text, { filter: q.filter, facets: q.facets, limit: 20 });
    },
    { warmup, iterations },
  );
  const visibility = await timeIt(
    (i) => {
      const q = queries[i % queries.length];
      return index.search(q.text, {
        filter: F.and(visibilityFilter(`o${i}`), q.filter),
        facets: q.facets,
        sort: [{ field: 'publishedAt', order: 'desc' }],
        limit: 20,
      });
    },
    { warmup: 10, iterations },
  );
  const empty = await timeIt(() => index.search('', { facets: ['tracks', 'stage'], limit: 20 }), {
    warmup: 5,
    iterations: Math.min(iterations, 100),
  });

  const result: BenchResult = {
    name: 'search',
    machine: machineInfo(),
    params: {
      documents: n,
      queries: queries.length,
      iterations,
      warmup,
      segmenter: engine.tokenizer.kind,
      candidates,
      candidateDocuments: candidates ? candidateN : undefined,
    },
    figures: {
      buildMs,
      buildDocsPerSec: Math.round(n / (buildMs / 1000)),
      heapDeltaMb,
      twoTermsTwoFiltersTwoFacetsMs: candidate,
      withVisibilityAndSortMs: visibility,
      emptyQueryAllDocsTwoFacetsMs: empty,
      queriesWithHitsPct: Math.round((100 * nonEmpty) / queries.length),
      totalsEqualToScanPct: Math.round((100 * agree) / queries.length),
      targetP95Ms: 15,
      meetsTarget: candidate.p95 <= 15,
      segmentation,
    },
    baseline: { linearScanIncludesMs: baseline },
    ratios: { p50: ratio(candidate.p50, baseline.p50), p95: ratio(candidate.p95, baseline.p95) },
    notes: [
      'query: two words from one track (zh keyword + zh field word or English word), stage IN [2] AND amountSought range, facets tracks + instruments, limit 20',
      'baseline: the same filter and facets by a linear scan with String.includes over lower-cased text (no ranking, no tokenization)',
      'totalsEqualToScanPct: word matching (with prefix/typo/synonyms) vs substring matching; they differ by design, it shows both did the work',
    ],
  };
  if (candidates) {
    log(`candidates on ${candidateN} documents`);
    (result.figures as Record<string, unknown>).candidates = await measureCandidates(
      generateProjects(candidateN),
      queries,
      Math.min(iterations, 100),
    );
  }
  if (engines.includes('meilisearch')) {
    // The embedded index above is dropped first: each engine is measured alone in this process.
    await engine.close();
    log(`engines side by side: ${engines.join(', ')}`);
    (result.params as Record<string, unknown>).engines = engines;
    (result.figures as Record<string, unknown>).engines = await measureEngines(engines, docs, queries, lowered, {
      iterations,
      warmup,
      segmenter,
    });
    result.notes!.push(
      'engines: the same documents and queries through the SearchIndex port; Meilisearch is a private server on loopback (2 indexing threads, 1 GiB indexing memory), so its query times include the HTTP round trip',
      'engines memory: embedded = API heap growth after the build; Meilisearch = server RSS (and peak) after the build and after the queries',
      'commitToVisibleMs: one upsert as the writer does it (Meilisearch: enqueue + task processed) until a search finds the new word; the queue and the event relay come on top',
      'agreement: embedded vs Meilisearch on the 200 queries: top-20 overlap, identical top-20 sets, identical counts, identical facet counts',
    );
  }
  printResult(result);
  await engine.close();
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
