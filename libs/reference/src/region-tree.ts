/**
 * Names of the administrative divisions as a province → city → district tree with zh and en names:
 * every province-, prefecture- and county-level division of the National Bureau of Statistics' division
 * codes (GB/T 2260 plus the statistical codes of development zones, 2019 edition, from the
 * `china-area-data` package; 3,200+ districts), so a company anywhere in the country can pick its own.
 * English names: the curated rows below (the provinces, every capital, the programme provinces' cities
 * and the districts the domain names); elsewhere the Chinese name stands in English too. A code outside
 * the tree is still a valid code (see `regions.ts`); it is shown as itself.
 */
import AREAS from 'china-area-data';
import { regionPrefixesOf } from './regions';

export interface RegionNode {
  code: string;
  zh: string;
  en: string;
  children: RegionNode[];
}

type Row = readonly [code: string, zh: string, en: string];

/** Curated names (English ones above all); the NBS list adds the rest. */
const ROWS: readonly Row[] = [
  ['11', '北京市', 'Beijing'],
  ['1101', '北京市', 'Beijing'],
  ['110101', '东城区', 'Dongcheng'],
  ['110102', '西城区', 'Xicheng'],
  ['110105', '朝阳区', 'Chaoyang'],
  ['110108', '海淀区', 'Haidian'],
  ['12', '天津市', 'Tianjin'],
  ['1201', '天津市', 'Tianjin'],
  ['13', '河北省', 'Hebei'],
  ['1301', '石家庄市', 'Shijiazhuang'],
  ['14', '山西省', 'Shanxi'],
  ['1401', '太原市', 'Taiyuan'],
  ['15', '内蒙古自治区', 'Inner Mongolia'],
  ['1501', '呼和浩特市', 'Hohhot'],
  ['150105', '赛罕区', 'Saihan'],
  ['1502', '包头市', 'Baotou'],
  ['21', '辽宁省', 'Liaoning'],
  ['2101', '沈阳市', 'Shenyang'],
  ['210112', '浑南区', 'Hunnan'],
  ['2102', '大连市', 'Dalian'],
  ['22', '吉林省', 'Jilin'],
  ['2201', '长春市', 'Changchun'],
  ['23', '黑龙江省', 'Heilongjiang'],
  ['2301', '哈尔滨市', 'Harbin'],
  ['31', '上海市', 'Shanghai'],
  ['3101', '上海市', 'Shanghai'],
  ['310101', '黄浦区', 'Huangpu'],
  ['310104', '徐汇区', 'Xuhui'],
  ['310112', '闵行区', 'Minhang'],
  ['310115', '浦东新区', 'Pudong'],
  ['32', '江苏省', 'Jiangsu'],
  ['3201', '南京市', 'Nanjing'],
  ['320102', '玄武区', 'Xuanwu'],
  ['320106', '鼓楼区', 'Gulou'],
  ['320115', '江宁区', 'Jiangning'],
  ['3202', '无锡市', 'Wuxi'],
  ['320205', '锡山区', 'Xishan'],
  ['320206', '惠山区', 'Huishan'],
  ['320211', '滨湖区', 'Binhu'],
  ['320213', '梁溪区', 'Liangxi'],
  ['320214', '新吴区', 'Xinwu'],
  ['320281', '江阴市', 'Jiangyin'],
  ['320282', '宜兴市', 'Yixing'],
  ['3203', '徐州市', 'Xuzhou'],
  ['3204', '常州市', 'Changzhou'],
  ['320411', '新北区', 'Xinbei'],
  ['320412', '武进区', 'Wujin'],
  ['3205', '苏州市', 'Suzhou'],
  ['320505', '虎丘区', 'Huqiu'],
  ['320506', '吴中区', 'Wuzhong'],
  ['320507', '相城区', 'Xiangcheng'],
  ['320508', '姑苏区', 'Gusu'],
  ['320509', '吴江区', 'Wujiang'],
  ['320583', '昆山市', 'Kunshan'],
  ['3206', '南通市', 'Nantong'],
  ['3207', '连云港市', 'Lianyungang'],
  ['3208', '淮安市', "Huai'an"],
  ['3209', '盐城市', 'Yancheng'],
  ['3210', '扬州市', 'Yangzhou'],
  ['3211', '镇江市', 'Zhenjiang'],
  ['3212', '泰州市', 'Taizhou (Jiangsu)'],
  ['321202', '海陵区', 'Hailing'],
  ['3213', '宿迁市', 'Suqian'],
  ['33', '浙江省', 'Zhejiang'],
  ['3301', '杭州市', 'Hangzhou'],
  ['330102', '上城区', 'Shangcheng'],
  ['330105', '拱墅区', 'Gongshu'],
  ['330106', '西湖区', 'Xihu'],
  ['330108', '滨江区', 'Binjiang'],
  ['330109', '萧山区', 'Xiaoshan'],
  ['330110', '余杭区', 'Yuhang'],
  ['3302', '宁波市', 'Ningbo'],
  ['330203', '海曙区', 'Haishu'],
  ['330212', '鄞州区', 'Yinzhou'],
  ['3303', '温州市', 'Wenzhou'],
  ['330302', '鹿城区', 'Lucheng'],
  ['3304', '嘉兴市', 'Jiaxing'],
  ['3305', '湖州市', 'Huzhou'],
  ['3306', '绍兴市', 'Shaoxing'],
  ['330602', '越城区', 'Yuecheng'],
  ['330681', '诸暨市', 'Zhuji'],
  ['3307', '金华市', 'Jinhua'],
  ['3308', '衢州市', 'Quzhou'],
  ['3309', '舟山市', 'Zhoushan'],
  ['3310', '台州市', 'Taizhou (Zhejiang)'],
  ['3311', '丽水市', 'Lishui'],
  ['34', '安徽省', 'Anhui'],
  ['3401', '合肥市', 'Hefei'],
  ['340102', '瑶海区', 'Yaohai'],
  ['340103', '庐阳区', 'Luyang'],
  ['340104', '蜀山区', 'Shushan'],
  ['340111', '包河区', 'Baohe'],
  ['3402', '芜湖市', 'Wuhu'],
  ['340202', '镜湖区', 'Jinghu'],
  ['3403', '蚌埠市', 'Bengbu'],
  ['3404', '淮南市', 'Huainan'],
  ['3405', '马鞍山市', "Ma'anshan"],
  ['3406', '淮北市', 'Huaibei'],
  ['3407', '铜陵市', 'Tongling'],
  ['340705', '铜官区', 'Tongguan'],
  ['3408', '安庆市', 'Anqing'],
  ['3410', '黄山市', 'Huangshan'],
  ['3411', '滁州市', 'Chuzhou'],
  ['341103', '南谯区', 'Nanqiao'],
  ['3412', '阜阳市', 'Fuyang'],
  ['3413', '宿州市', 'Suzhou (Anhui)'],
  ['3415', '六安市', "Lu'an"],
  ['3416', '亳州市', 'Bozhou'],
  ['3417', '池州市', 'Chizhou'],
  ['3418', '宣城市', 'Xuancheng'],
  ['35', '福建省', 'Fujian'],
  ['3501', '福州市', 'Fuzhou'],
  ['3502', '厦门市', 'Xiamen'],
  ['36', '江西省', 'Jiangxi'],
  ['3601', '南昌市', 'Nanchang'],
  ['37', '山东省', 'Shandong'],
  ['3701', '济南市', 'Jinan'],
  ['370102', '历下区', 'Lixia'],
  ['370112', '历城区', 'Licheng'],
  ['3702', '青岛市', 'Qingdao'],
  ['3703', '淄博市', 'Zibo'],
  ['3704', '枣庄市', 'Zaozhuang'],
  ['3705', '东营市', 'Dongying'],
  ['3706', '烟台市', 'Yantai'],
  ['3707', '潍坊市', 'Weifang'],
  ['370702', '潍城区', 'Weicheng'],
  ['370705', '奎文区', 'Kuiwen'],
  ['3708', '济宁市', 'Jining'],
  ['3709', '泰安市', "Tai'an"],
  ['370902', '泰山区', 'Taishan'],
  ['3710', '威海市', 'Weihai'],
  ['3711', '日照市', 'Rizhao'],
  ['3713', '临沂市', 'Linyi'],
  ['3714', '德州市', 'Dezhou'],
  ['3715', '聊城市', 'Liaocheng'],
  ['3716', '滨州市', 'Binzhou'],
  ['3717', '菏泽市', 'Heze'],
  ['41', '河南省', 'Henan'],
  ['4101', '郑州市', 'Zhengzhou'],
  ['42', '湖北省', 'Hubei'],
  ['4201', '武汉市', 'Wuhan'],
  ['4205', '宜昌市', 'Yichang'],
  ['4206', '襄阳市', 'Xiangyang'],
  ['4212', '咸宁市', 'Xianning'],
  ['421202', '咸安区', "Xian'an"],
  ['43', '湖南省', 'Hunan'],
  ['4301', '长沙市', 'Changsha'],
  ['44', '广东省', 'Guangdong'],
  ['4401', '广州市', 'Guangzhou'],
  ['4403', '深圳市', 'Shenzhen'],
  ['440304', '福田区', 'Futian'],
  ['440305', '南山区', 'Nanshan'],
  ['4404', '珠海市', 'Zhuhai'],
  ['4406', '佛山市', 'Foshan'],
  ['4419', '东莞市', 'Dongguan'],
  ['45', '广西壮族自治区', 'Guangxi'],
  ['4501', '南宁市', 'Nanning'],
  ['46', '海南省', 'Hainan'],
  ['4601', '海口市', 'Haikou'],
  ['50', '重庆市', 'Chongqing'],
  ['5001', '重庆市', 'Chongqing'],
  ['51', '四川省', 'Sichuan'],
  ['5101', '成都市', 'Chengdu'],
  ['52', '贵州省', 'Guizhou'],
  ['5201', '贵阳市', 'Guiyang'],
  ['53', '云南省', 'Yunnan'],
  ['5301', '昆明市', 'Kunming'],
  ['54', '西藏自治区', 'Tibet'],
  ['5401', '拉萨市', 'Lhasa'],
  ['61', '陕西省', 'Shaanxi'],
  ['6101', '西安市', "Xi'an"],
  ['62', '甘肃省', 'Gansu'],
  ['6201', '兰州市', 'Lanzhou'],
  ['63', '青海省', 'Qinghai'],
  ['6301', '西宁市', 'Xining'],
  ['64', '宁夏回族自治区', 'Ningxia'],
  ['6401', '银川市', 'Yinchuan'],
  ['65', '新疆维吾尔自治区', 'Xinjiang'],
  ['6501', '乌鲁木齐市', 'Ürümqi'],
  ['71', '台湾省', 'Taiwan'],
  ['81', '香港特别行政区', 'Hong Kong'],
  ['82', '澳门特别行政区', 'Macao'],
];

/**
 * Every row: the curated ones, then the NBS list's divisions the curated rows lack, in code order. A
 * municipality's city level ("市辖区") takes the municipality's name; Chongqing's counties ("县") and
 * the province-administered counties keep a label that says so; the "市辖区" district codes (a city's
 * own number, no territory) and Hong Kong's and Macao's districts (no city level) are left out.
 */
function allRows(): Row[] {
  const rows = new Map<string, Row>(ROWS.map((r) => [r[0], r]));
  const province = (code: string) => rows.get(code.slice(0, 2));
  const levels: Record<string, Record<string, string>> = AREAS;
  for (const [parent, children] of Object.entries(levels)) {
    if (parent !== '86' && !parent.endsWith('0000') && !parent.endsWith('00')) continue;
    for (const [code6, name] of Object.entries(children)) {
      const code = regionKey(code6);
      if (rows.has(code) || !/^\d{6}$/.test(code6)) continue;
      if (code.length === 6 && (name === '市辖区' || code.startsWith('81') || code.startsWith('82'))) continue;
      const p = province(code);
      if (code.length === 4 && name === '市辖区' && p) rows.set(code, [code, p[1], p[2]]);
      else if (code.length === 4 && name === '县' && p) rows.set(code, [code, `${p[1]}（县）`, `${p[2]} (counties)`]);
      else if (code.length === 4 && name.endsWith('直辖县级行政区划') && p)
        rows.set(code, [code, name, `County-level divisions of ${p[2]}`]);
      else rows.set(code, [code, name, name]);
    }
  }
  return [...rows.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

const ALL_ROWS = allRows();

function build(): RegionNode[] {
  const byCode = new Map<string, RegionNode>();
  const roots: RegionNode[] = [];
  // Sorted by code, so a parent (shorter prefix) always precedes its children.
  for (const [code, zh, en] of ALL_ROWS) {
    const node: RegionNode = { code, zh, en, children: [] };
    byCode.set(code, node);
    const parent = code.length > 2 ? byCode.get(code.slice(0, code.length - 2)) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The tree, provinces in code order, each level in code order. */
export const REGION_TREE: readonly RegionNode[] = build();

const BY_CODE = new Map(ALL_ROWS.map(([code, zh, en]) => [code, { zh, en }]));

/**
 * The code's own spelling without the trailing zeros GB/T 2260 pads provinces and cities with:
 * `320000` → `32`, `340100` → `3401`, `320211` → `320211`.
 */
export function regionKey(code: string): string {
  if (code.length === 6 && code.endsWith('0000')) return code.slice(0, 2);
  if (code.length === 6 && code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/**
 * The names along the code's path, province first: `320211` → 江苏省 · 无锡市 · 滨湖区. A level the
 * tree does not know is left out; a municipality's city level (北京市 · 北京市) is named once.
 */
export function regionNames(code: string): { zh: string; en: string }[] {
  const names: { zh: string; en: string }[] = [];
  for (const prefix of regionPrefixesOf(regionKey(code))) {
    const name = BY_CODE.get(prefix);
    if (name && names.at(-1)?.zh !== name.zh) names.push(name);
  }
  return names;
}
