import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProjectDocument, PROJECT_SEARCH_SETTINGS, type ProjectDocument } from '../indexes';
import { F } from '../port';
import { EmbeddedSearchEngine } from './embedded-engine';
import { readImage, writeImage } from './image-file';

/**
 * An index restored from its image (postings kept, documents matched by content hash) answers every
 * query exactly like one rebuilt from the same documents: changed, new and deleted documents included.
 */
const TITLES = ['碳化硅功率器件', '固态电池隔膜', '工业机器人减速器', '光刻胶 photoresist', '大模型推理芯片', 'MEMS 传感器'];

function doc(i: number, edit = ''): ProjectDocument {
  return buildProjectDocument({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    startupId: `00000000-0000-4000-9000-${String(i % 7).padStart(12, '0')}`,
    organizationId: `00000000-0000-4000-a000-${String(i % 3).padStart(12, '0')}`,
    title: `${TITLES[i % TITLES.length]} ${i}${edit}`,
    summary: i % 2 ? '国产替代 高校成果转化' : 'semiconductor equipment for wafer fabs',
    pitch: `第${i}号项目：${TITLES[(i + 1) % TITLES.length]}，研发团队来自高校。`,
    tracks: [i % 2 ? 'ic_design' : 'new_materials'],
    regionCode: i % 2 ? '320211' : '330106',
    stage: i % 3 ? 'seed' : 'a',
    instruments: ['equity'],
    amountSought: (i + 1) * 1_000_000,
    status: i % 5 ? 'published' : 'draft',
    publishedAt: new Date(Date.UTC(2026, 0, 1 + i)),
    updatedAt: new Date(Date.UTC(2026, 5, 1 + i)),
    startupName: `公司${i % 7}`,
    keywords: ['碳化硅', `k${i % 4}`],
  });
}

const QUERIES: [string, Parameters<ReturnType<EmbeddedSearchEngine['index']>['search']>[1]][] = [
  ['碳化硅', {}],
  ['电池', { filter: F.eq('visibility', 'public') }],
  ['semiconductor', { facets: ['stage', 'tracks'] }],
  ['芯片 高校', { limit: 5 }],
  ['', { sort: [{ field: 'amountSought', order: 'desc' }], limit: 7, filter: F.in('stage', ['seed']) }],
  ['photoresit', {}], // a typo
  ['机器', {}], // a prefix
];

async function answers(engine: EmbeddedSearchEngine) {
  const index = engine.index<ProjectDocument>('projects');
  const out = [];
  for (const [q, o] of QUERIES) {
    const r = await index.search(q, o);
    out.push({ q, hits: r.hits.map((h) => [h.id, h.highlights, h.document]), facets: r.facets, total: r.estimatedTotal });
  }
  return out;
}

async function fromScratch(docs: ProjectDocument[]) {
  const engine = new EmbeddedSearchEngine({ segmenter: 'jieba' });
  await engine.rebuild('projects', PROJECT_SEARCH_SETTINGS, (shadow) => shadow.upsert(docs));
  return engine;
}

describe('embedded index image', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'search-image-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('restores to the same answers as a rebuild, reusing unchanged documents and indexing the rest', async () => {
    const before = Array.from({ length: 60 }, (_, i) => doc(i));
    const built = await fromScratch(before);
    // Noise before the image: replaced and deleted documents leave retired numbers behind.
    await built.index<ProjectDocument>('projects').upsert([doc(3, ' 旧'), doc(3)]);
    await built.index('projects').delete([doc(59).id]);
    const key = built.imageKey('projects', PROJECT_SEARCH_SETTINGS);
    const path = join(dir, 'projects.index');
    await writeImage(path, key, built.image('projects')!);

    // Since then: two edits, one deletion (58), two new documents.
    const after = before.filter((d) => d.id !== doc(58).id && d.id !== doc(59).id).map((d, i) => (i === 4 || i === 9 ? doc(i, ' 新版') : d));
    after.push(doc(60), doc(61));

    const image = await readImage(path, key);
    expect(image?.ids).toHaveLength(59);
    const restored = new EmbeddedSearchEngine({ segmenter: 'jieba' });
    const result = await restored.restore<ProjectDocument>('projects', PROJECT_SEARCH_SETTINGS, image!, async (offer) => {
      await offer(after.slice(0, 30));
      await offer(after.slice(30));
    });
    expect(result).toMatchObject({ documents: after.length, reused: after.length - 4, indexed: 4 });
    expect(await answers(restored)).toEqual(await answers(await fromScratch(after)));

    // The restored postings are views into the image: writes after the restore (which grow lists
    // shared with their neighbours' bytes) still answer like a rebuild, and the image is untouched.
    const imageDocs = Array.from(image!.docs);
    const later = [doc(62), doc(7, ' 再版'), doc(63)];
    await restored.index<ProjectDocument>('projects').upsert(later);
    const now = [...after.filter((d) => d.id !== doc(7).id), ...later];
    expect(await answers(restored)).toEqual(await answers(await fromScratch(now)));
    expect(Array.from(image!.docs)).toEqual(imageDocs);
  });

  it('is not used under other settings, another segmenter, or when damaged', async () => {
    const built = await fromScratch([doc(1), doc(2)]);
    const key = built.imageKey('projects', PROJECT_SEARCH_SETTINGS);
    const path = join(dir, 'other.index');
    await writeImage(path, key, built.image('projects')!);
    expect(await readImage(path, key)).not.toBeNull();
    expect(await readImage(path, { ...key, settings: key.settings + ' ' })).toBeNull();
    expect(await readImage(path, { ...key, segmenter: 'intl@74' })).toBeNull();
    expect(await readImage(join(dir, 'absent.index'), key)).toBeNull();
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, bytes.length - 3));
    expect(await readImage(path, key)).toBeNull();
  });
});
