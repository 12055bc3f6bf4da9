/**
 * The qualification engine names missing inputs by path (`fiscalYears[2025].revenue`,
 * `ipItems[0].tiedToMainProduct`, `foundedOn`). People read them as words: 2025 年营业收入.
 */
const FIELDS: Record<string, { zh: string; en: string }> = {
  headcount: { zh: '职工总数', en: 'headcount' },
  techStaff: { zh: '科技人员数', en: 'tech staff' },
  rdStaff: { zh: '研发人员数', en: 'R&D staff' },
  revenue: { zh: '营业收入', en: 'revenue' },
  mainBusinessRevenue: { zh: '主营业务收入', en: 'main-business revenue' },
  highTechRevenue: { zh: '高新技术产品（服务）收入', en: 'high-tech product revenue' },
  totalCosts: { zh: '成本费用总额', en: 'total costs' },
  rdSpend: { zh: '研发费用', en: 'R&D spend' },
  rdSpendInChina: { zh: '境内研发费用', en: 'R&D spend in China' },
  totalAssets: { zh: '资产总额', en: 'total assets' },
  liabilities: { zh: '负债总额', en: 'liabilities' },
  newEquityRaised: { zh: '新增股权融资额', en: 'new equity raised' },
  tiedToMainProduct: { zh: '是否与主营产品相关', en: 'tied to the main product' },
  selfDeveloped: { zh: '是否自主研发', en: 'self-developed' },
  highValue: { zh: '是否高价值知识产权', en: 'high value' },
  status: { zh: '状态', en: 'status' },
  type: { zh: '类型', en: 'type' },
  rankAmongUnits: { zh: '获奖单位排名', en: 'rank among award units' },
  eventOn: { zh: '获奖/发布日期', en: 'award or publication date' },
  validUntil: { zh: '有效期截止日', en: 'valid until' },
};
const TOP: Record<string, { zh: string; en: string }> = {
  foundedOn: { zh: '成立日期', en: 'founding date' },
  industry: { zh: '所属行业', en: 'industry' },
  yearsInNiche: { zh: '深耕细分市场年限', en: 'years in the niche' },
  expertInnovationScore: { zh: '专家评议创新能力得分', en: 'expert innovation score' },
  inKeySupportedHighTechField: { zh: '是否属于国家重点支持的高新技术领域', en: 'in a key supported high-tech field' },
  inStrategicEmergingIndustry: { zh: '是否属于战略性新兴产业', en: 'in a strategic emerging industry' },
  ipItems: { zh: '知识产权', en: 'IP items' },
  'ipItems.classI': { zh: 'Ⅰ类知识产权', en: 'class I IP' },
  'ipItems.classII': { zh: 'Ⅱ类知识产权', en: 'class II IP' },
};

export function humanizeInput(path: string, lang: string): string {
  const en = lang === 'en';
  const fy = /^fiscalYears\[(\d{4})\]\.(\w+)$/.exec(path);
  if (fy) {
    const f = FIELDS[fy[2]];
    if (f) return en ? `${fy[1]} ${f.en}` : `${fy[1]} 年${f.zh}`;
  }
  const item = /^(ipItems|qualifications)\[(\d+)\]\.(\w+)$/.exec(path);
  if (item) {
    const f = FIELDS[item[3]];
    const what = item[1] === 'ipItems' ? (en ? `IP item ${Number(item[2]) + 1}` : `第 ${Number(item[2]) + 1} 项知识产权`) : en ? `qualification ${Number(item[2]) + 1}` : `第 ${Number(item[2]) + 1} 项资质`;
    if (f) return en ? `${what}: ${f.en}` : `${what}${f.zh}`;
  }
  const top = TOP[path];
  return top ? (en ? top.en : top.zh) : path;
}

/** Replaces input paths inside an engine explanation with their words. */
export function humanizeText(text: string, lang: string): string {
  return text.replace(/fiscalYears\[\d{4}\]\.\w+|(?:ipItems|qualifications)\[\d+\]\.\w+|ipItems\.classII?|\b(?:foundedOn|yearsInNiche|expertInnovationScore|inKeySupportedHighTechField|inStrategicEmergingIndustry)\b/g, (m) =>
    humanizeInput(m, lang),
  );
}

export function humanizeList(paths: string[], lang: string): string {
  return [...new Set(paths.map((p) => humanizeInput(p, lang)))].join(lang === 'en' ? ', ' : '、');
}
