import { REGION_TREE, regionKey, regionNames, type RegionNode } from './region-tree';
import { isRegionPrefix } from './regions';

function walk(nodes: readonly RegionNode[], depth = 0, out: { node: RegionNode; depth: number }[] = []) {
  for (const node of nodes) {
    out.push({ node, depth });
    walk(node.children, depth + 1, out);
  }
  return out;
}

describe('region tree', () => {
  const all = walk(REGION_TREE);

  it('holds every province-level division once, 11 北京 to 82 澳门', () => {
    expect(REGION_TREE.map((p) => p.code)).toHaveLength(34);
    expect(REGION_TREE[0]).toMatchObject({ code: '11', zh: '北京市', en: 'Beijing' });
    expect(REGION_TREE.at(-1)).toMatchObject({ code: '82', zh: '澳门特别行政区', en: 'Macao' });
  });

  it('nests each code under its prefix: provinces 2 digits, cities 4, districts 6, all valid and unique', () => {
    const codes = all.map((x) => x.node.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { node, depth } of all) {
      expect(node.code).toHaveLength(2 + depth * 2);
      expect(isRegionPrefix(node.code)).toBe(true);
      for (const child of node.children) expect(child.code.startsWith(node.code)).toBe(true);
      expect(node.zh.length * node.en.length).toBeGreaterThan(0);
    }
  });

  it('names every district the demo and the source stories place companies in', () => {
    for (const code of ['320211', '320214', '330106', '330212', '330302', '330681', '370705', '370902', '370112', '150105', '340202', '341103', '340705', '421202', '321202', '210112']) {
      expect(regionNames(code)).toHaveLength(3);
    }
    expect(regionNames('320211').map((n) => n.zh)).toEqual(['江苏省', '无锡市', '滨湖区']);
    expect(regionNames('320211').map((n) => n.en)).toEqual(['Jiangsu', 'Wuxi', 'Binhu']);
  });

  it('reads padded province and city codes, names a municipality once, and leaves unknown levels out', () => {
    expect(regionKey('320000')).toBe('32');
    expect(regionKey('340100')).toBe('3401');
    expect(regionNames('340100').map((n) => n.zh)).toEqual(['安徽省', '合肥市']);
    expect(regionNames('110108').map((n) => n.zh)).toEqual(['北京市', '海淀区']);
    expect(regionNames('320299').map((n) => n.zh)).toEqual(['江苏省', '无锡市']);
    expect(regionNames('99')).toEqual([]);
  });
});
